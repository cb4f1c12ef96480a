"""Checking the answers before the booking is sent; the time and the person can be
changed (the hall is this kiosk's own, ``step.begin``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel

from kiosk.booking.draft import (
    submit,
)
from kiosk.booking.slips import local_when
from kiosk.rules import idnumber, phone
from ui.context import ScreenDeps
from ui.i18n import translate
from ui.screens.booking.step import BookingStep
from ui.widgets.buttons import TextButton


class BookReviewScreen(BookingStep):
    name = "book_review"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.rows = QGridLayout()
        self.values: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.change: dict[str, TextButton] = {}
        for key, step in (("matter", None), ("hall", None), ("time", "book_day"),
                          ("who", "book_who")):
            label, value = QLabel(self), QLabel(self)
            label.setProperty("weight", "bold")
            label.setWordWrap(True)
            value.setWordWrap(True)
            self.labels[key], self.values[key] = label, value
            if step:
                b = TextButton("secondary", self, wrap=False)
                b.setObjectName(f"change-{key}")
                b.clicked.connect(lambda _=False, s=step: self.deps.navigator.go(s))
                self.change[key] = b
        self.root.addLayout(self.rows)
        self.root.addStretch(1)
        self.confirm_button = TextButton("primary", self)
        self.confirm_button.setObjectName("confirm-booking")
        self.confirm_button.clicked.connect(self._confirm)
        self.root.addWidget(self.confirm_button)
        self.retranslate()

    def apply_mode(self) -> None:
        super().apply_mode()
        s = self.deps.presentation.theme.sizes
        self.rows.setHorizontalSpacing(s.gap)
        self.rows.setVerticalSpacing(s.gap)
        self._place(self.deps.presentation.portrait)

    def _place(self, portrait: bool) -> None:
        """Landscape: label, answer, Change on one line. Portrait (narrow): the label
        over the answer, Change beside both."""
        for r, key in enumerate(self.labels):
            label, value, change = self.labels[key], self.values[key], self.change.get(key)
            for w in (label, value, change):
                if w is not None:
                    self.rows.removeWidget(w)
            if portrait:
                self.rows.addWidget(label, 2 * r, 0)
                self.rows.addWidget(value, 2 * r + 1, 0)
                if change is not None:
                    self.rows.addWidget(change, 2 * r, 1, 2, 1)
            else:
                self.rows.addWidget(label, r, 0)
                self.rows.addWidget(value, r, 1)
                if change is not None:
                    self.rows.addWidget(change, r, 2)
        for c in range(3):
            self.rows.setColumnStretch(c, 0)
        self.rows.setColumnStretch(0 if portrait else 1, 1)

    def enter(self, **_kw: Any) -> None:
        self.retranslate()

    def _confirm(self) -> None:
        draft, central = self.draft, self.deps.central()
        if draft is None or central is None or draft.slot is None:
            return
        if draft.item_id is not None:  # sent already (Back from the result): never twice
            self.deps.navigator.go("book_result")
            return
        submit(central.outbox, draft, self.now())  # durable before anything is said
        central.urge()
        self.deps.navigator.go("book_result")

    def reset(self) -> None:
        super().reset()
        for value in self.values.values():  # the masked ID and mobile numbers among them
            value.clear()

    def retranslate(self) -> None:
        self.title.setText(translate("Booking", "Please check your answers"))
        self.instruction.setText(translate("Booking", "Tap Change to correct anything."))
        for key, text in (("matter", translate("Booking", "Service")),
                          ("hall", translate("Booking", "Hall")),
                          ("time", translate("Booking", "Day and time")),
                          ("who", translate("Booking", "ID number") + " · "
                           + translate("Booking", "Mobile"))):
            self.labels[key].setText(text)
        for b in self.change.values():
            b.set_texts(translate("Booking", "Change"))
        d = self.draft
        if d is not None:
            self.values["matter"].setText(self.chosen_matter())
            self.values["hall"].setText(self.chosen_hall())
            self.values["time"].setText(
                local_when(d.slot.start, self.timezone(), self.lang) if d.slot else "")
            self.values["who"].setText(
                f"{idnumber.mask(d.id_number)} · {phone.mask(d.phone)}" if d.id_number else "")
        self.confirm_button.set_texts(translate("Booking", "Confirm the booking"))
