"""Screens that inform: "coming soon" for journeys not built yet (calling staff is
``help_call``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout

from ui.context import ScreenDeps
from ui.i18n import translate
from ui.screens.base import Screen
from ui.widgets.buttons import TextButton


class ComingSoonScreen(Screen):
    """Says plainly that a journey is not on this kiosk yet and what to do instead."""

    name = "coming_soon"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.feature = "booking"
        self.root.addStretch(1)
        row = QHBoxLayout()
        self.staff_button = TextButton("danger", self)
        self.staff_button.setObjectName("coming-soon-staff")
        self.staff_button.clicked.connect(
            lambda: self.deps.navigator.go("call_staff", from_screen=self.name))
        self.home_button = TextButton("primary", self)
        self.home_button.setObjectName("coming-soon-home")
        self.home_button.clicked.connect(self.deps.navigator.home)
        row.addWidget(self.staff_button, 1)
        row.addWidget(self.home_button, 1)
        self.row = row
        self.root.addLayout(row)
        self.retranslate()

    def enter(self, feature: str = "booking", **_kw: Any) -> None:
        self.feature = feature
        self.retranslate()

    def apply_mode(self) -> None:
        super().apply_mode()
        self.row.setSpacing(self.deps.presentation.theme.sizes.gap * 2)

    def retranslate(self) -> None:
        titles = {
            "certificate": translate("ComingSoon", "Show my e-certificate"),
            "booking": translate("ComingSoon", "Book an appointment"),
            "appointments": translate("ComingSoon", "My appointments / check in"),
        }
        self.title.setText(titles.get(self.feature, titles["booking"]))
        if self.feature == "booking_offline":
            self.instruction.setText(translate(
                "ComingSoon",
                "This kiosk is not connected to the booking service. Staff at the service desk "
                "can book for you.",
            ))
        else:
            self.instruction.setText(translate(
                "ComingSoon",
                "Coming soon: this kiosk cannot do this yet. Staff at the service desk can do it "
                "for you today.",
            ))
        self.staff_button.set_texts(translate("ComingSoon", "Call staff"))
        self.home_button.set_texts(translate("ComingSoon", "Back to the start"))
