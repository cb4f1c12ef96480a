"""Browse by department and by life event: one tile a group."""

from __future__ import annotations

from ui.i18n import plural, translate
from ui.screens.tiles import Tile, TileScreen


def services_text(count: int) -> str:
    return plural(count, translate("Groups", "1 service"), translate("Groups", "%1 services"))


class DepartmentsScreen(TileScreen):
    name = "departments"

    def __init__(self, deps) -> None:
        super().__init__(deps)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(translate("Groups", "By department"))
        self.instruction.setText(translate("Groups", "Choose the department."))
        super().retranslate()

    def tiles(self) -> list[Tile]:
        c, nav = self.deps.catalogue, self.deps.navigator
        return [
            Tile(d.code, lambda d=d: d.name.get(self.lang),
                 lambda d=d: services_text(len(c.matters_of_department(d.code))),
                 lambda d=d: nav.go("matter_list", department=d.code), role="primary")
            for d in c.departments
        ]


class LifeEventsScreen(TileScreen):
    name = "life_events"

    def __init__(self, deps) -> None:
        super().__init__(deps)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(translate("Groups", "By life event"))
        self.instruction.setText(translate("Groups", "Everything for one event, together."))
        super().retranslate()

    def tiles(self) -> list[Tile]:
        c, nav = self.deps.catalogue, self.deps.navigator
        return [
            Tile(t.code, lambda t=t: t.name.get(self.lang),
                 lambda t=t: services_text(len(c.matters_of_theme(t.code))),
                 lambda t=t: nav.go("matter_list", theme=t.code), role="primary")
            for t in c.themes
        ]
