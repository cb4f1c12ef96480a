"""The service guide hub (办事指南): search, most used, by department, by life event."""

from __future__ import annotations

from ui.context import ScreenDeps
from ui.i18n import translate
from ui.screens.tiles import Tile, TileScreen


class ServicesScreen(TileScreen):
    name = "services"
    one_page = True

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(translate("Services", "Find a service"))
        self.instruction.setText(translate("Services", "Search by typing, or choose a group."))
        super().retranslate()

    def tiles(self) -> list[Tile]:
        nav = self.deps.navigator
        return [
            Tile("search", lambda: translate("Services", "Search"),
                 lambda: translate("Services", "Type a few letters, e.g. sfz for 身份证"),
                 lambda: nav.go("search"), icon="search"),
            Tile("most_used", lambda: translate("Services", "Most used"),
                 lambda: translate("Services", "What most people come for"),
                 lambda: nav.go("matter_list", most_used=True), icon="flame"),
            Tile("departments", lambda: translate("Services", "By department"),
                 lambda: translate("Services", "Police, social security, tax…"),
                 lambda: nav.go("departments"), icon="building-community"),
            Tile("life_events", lambda: translate("Services", "By life event"),
                 lambda: translate("Services", "A baby, retiring, starting a business…"),
                 lambda: nav.go("life_events"), icon="heart-handshake"),
            Tile("elderly", lambda: translate("Services", "Elderly services zone"),
                 lambda: translate("Services", "Services for people aged 60 and over"),
                 lambda: nav.go("matter_list", theme="elderly"), icon="old"),
        ]
