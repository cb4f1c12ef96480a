"""Browse by department and by life event: one tile a group, each opening its list."""

from __future__ import annotations

from kiosk.rules.catalogue import Department, Theme
from ui.context import ScreenDeps
from ui.i18n import plural, translate
from ui.screens.tiles import Tile, TileScreen

#: each group's icon (ui/icons/) by its catalogue code; a group not named here gets the
#: kind's own (GroupScreen.default_icon)
GROUP_ICONS = {
    # departments
    "GA": "id", "CRJ": "plane", "JG": "car", "RS": "briefcase", "YB": "medical-cross",
    "GJJ": "home-dollar", "BDC": "building-estate", "SJ": "building-store", "SW": "receipt-tax",
    "MZ": "users", "WJ": "heartbeat", "CL": "wheelchair", "JY": "school", "TY": "medal",
    # life events
    "elderly": "old", "birth": "baby-carriage", "schooling": "school", "marriage": "heart",
    "employment": "briefcase", "business_startup": "building-store", "home_buying": "home-dollar",
    "moving": "truck", "driving": "car", "travel": "plane", "disability": "wheelchair",
    "retirement": "armchair", "death": "flower",
}


def services_text(count: int) -> str:
    return plural(count, translate("Groups", "1 service"), translate("Groups", "%1 services"))


class GroupScreen(TileScreen):
    """Tiles for groups of matters; subclasses say which groups and how to list one."""

    #: the matter_list argument that names a group of this kind
    list_key = ""
    #: the icon of a group GROUP_ICONS does not name
    default_icon = "building"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.retranslate()

    def groups(self) -> list[tuple[Department | Theme, int]]:
        raise NotImplementedError

    def tiles(self) -> list[Tile]:
        return [self._tile(g, n) for g, n in self.groups()]

    def _tile(self, group: Department | Theme, count: int) -> Tile:
        nav = self.deps.navigator
        return Tile(group.code, lambda: group.name.get(self.lang), lambda: services_text(count),
                    lambda: nav.go("matter_list", **{self.list_key: group.code}), role="primary",
                    icon=GROUP_ICONS.get(group.code, self.default_icon))


class DepartmentsScreen(GroupScreen):
    name = "departments"
    list_key = "department"

    def groups(self) -> list[tuple[Department | Theme, int]]:
        c = self.deps.catalogue
        return [(d, len(c.matters_of_department(d.code))) for d in c.departments]

    def retranslate(self) -> None:
        self.title.setText(translate("Groups", "By department"))
        self.instruction.setText(translate("Groups", "Choose the department."))
        super().retranslate()


class LifeEventsScreen(GroupScreen):
    name = "life_events"
    list_key = "theme"
    default_icon = "heart-handshake"

    def groups(self) -> list[tuple[Department | Theme, int]]:
        c = self.deps.catalogue
        return [(t, len(c.matters_of_theme(t.code))) for t in c.themes]

    def retranslate(self) -> None:
        self.title.setText(translate("Groups", "By life event"))
        self.instruction.setText(translate("Groups", "Everything for one event, together."))
        super().retranslate()
