"""The screens by name: one table from name to class, each screen made when first shown.

Start-up loads only the attract and home screens (and no QR code library): every
other screen's module is imported the first time that screen is needed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping

from PySide6.QtWidgets import QStackedWidget

from ui.context import ScreenDeps
from ui.screens.base import Screen

#: screen name → "module:Class" (the module under ``ui.screens``)
SCREENS: dict[str, str] = {
    "attract": "attract:AttractScreen",
    "home": "home:HomeScreen",
    "services": "services:ServicesScreen",
    "search": "search:SearchScreen",
    "departments": "groups:DepartmentsScreen",
    "life_events": "groups:LifeEventsScreen",
    "matter_list": "matter_list:MatterListScreen",
    "matter": "matter:MatterScreen",
    "coming_soon": "info:ComingSoonScreen",
    "call_staff": "help_call:HelpCallScreen",
    "book_hall": "booking.other_halls:OtherHallsScreen",
    "book_day": "booking.when:BookDayScreen",
    "book_time": "booking.when:BookTimeScreen",
    "book_who": "booking.who:BookWhoScreen",
    "book_review": "booking.review:BookReviewScreen",
    "book_result": "booking.result:BookResultScreen",
    "appointments": "appointments:AppointmentsScreen",
    "appointment_list": "appointments:AppointmentListScreen",
    "appointment": "appointments:AppointmentScreen",
    "walk_in": "walk_in:WalkInScreen",
    "rating": "rating:RatingScreen",
    "scan": "scan:ScanScreen",
    "card": "scan:CardScreen",
    "staff_sign_in": "staff_sign_in:StaffSignInScreen",
    "staff_panel": "staff_panel:StaffPanelScreen",
    "assist_consent": "assist:ConsentScreen",
    "hand_back": "assist:HandBackScreen",
}
SCREEN_NAMES = tuple(SCREENS)
#: the screens a resident reaches first from the home screen's tiles: made while the
#: kiosk idles after it starts (``KioskWindow.prepare_screens``), so that a resident's
#: first tap on each does not wait for its module and widgets. The scan screen is made
#: too; its camera (QtMultimedia) is loaded and opened only when a resident asks to scan.
FIRST_REACHED = ("services", "matter_list", "matter", "search", "call_staff",
                 "appointments", "book_day", "walk_in", "scan")


def screen_class(name: str) -> type[Screen]:
    """The class of the screen ``name`` (KeyError for a name not in the table)."""
    module, _, cls = SCREENS[name].partition(":")
    found: type[Screen] = getattr(importlib.import_module(f"ui.screens.{module}"), cls)
    return found


class ScreenStack(Mapping[str, Screen]):
    """The screens by name, each made when it is first shown."""

    def __init__(self, deps: ScreenDeps, stack: QStackedWidget,
                 prepare: Callable[[Screen], None]) -> None:
        self._deps, self._stack, self._prepare = deps, stack, prepare
        self._built: dict[str, Screen] = {}

    def __getitem__(self, name: str) -> Screen:
        if name not in self._built:
            screen = screen_class(name)(self._deps)
            self._stack.addWidget(screen)
            self._built[name] = screen
            self._prepare(screen)
        return self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(SCREEN_NAMES)

    def __len__(self) -> int:
        return len(SCREEN_NAMES)

    def built(self) -> list[Screen]:
        return list(self._built.values())

    def is_built(self, name: str) -> bool:
        return name in self._built
