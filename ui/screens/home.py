"""Home: "我要办什么？ / What would you like to do?" and the big tiles."""

from __future__ import annotations

from ui.context import ScreenDeps
from ui.i18n import translate
from ui.screens.tiles import Tile, TileScreen


class HomeScreen(TileScreen):
    name = "home"
    one_page = True

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(translate("Home", "What would you like to do?"))
        self.instruction.setText(translate("Home", "Tap one of the big buttons."))
        super().retranslate()

    def tiles(self) -> list[Tile]:
        nav = self.deps.navigator
        return [
            Tile("services", lambda: translate("Home", "Find a service"),
                 lambda: translate("Home", "What to bring, where to go"),
                 lambda: nav.go("services"), icon="file-search"),
            Tile("elderly", lambda: translate("Home", "Elderly services zone"),
                 lambda: translate("Home", "Pension, senior card, medical insurance"),
                 lambda: nav.go("matter_list", theme="elderly"), icon="old"),
            Tile("certificate", lambda: translate("Home", "Show my e-certificate"),
                 lambda: translate("Home", "Scan the QR code on your phone"),
                 lambda: nav.go("scan"), icon="id-badge-2"),
            Tile("book", lambda: translate("Home", "Book an appointment"),
                 lambda: translate("Home", "Choose a day and time"),
                 lambda: nav.go("matter_list", bookable=True), icon="calendar-plus"),
            Tile("appointments", lambda: translate("Home", "My appointments / check in"),
                 lambda: translate("Home", "Take a queue number"),
                 lambda: nav.go("appointments"), icon="calendar-check"),
            Tile("staff", lambda: translate("Home", "Call staff"),
                 lambda: translate("Home", "A person will help you"),
                 lambda: nav.go("call_staff", from_screen=self.name), role="tile-danger",
                 icon="headset"),
        ]
