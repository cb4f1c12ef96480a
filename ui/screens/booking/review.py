"""Checking the answers before the booking is sent; the time and the person can be
changed (the hall is this kiosk's own, ``step.begin``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from kiosk.booking.draft import (
    submit,
)
from kiosk.booking.slips import local_when
from ui.context import ScreenDeps
from ui.i18n import translate
from ui.screens.booking.step import BookingStep
from ui.widgets.buttons import TextButton
from ui.widgets.keypad import group_id, group_mobile
from ui.widgets.reading import ReadingArea


class BookReviewScreen(BookingStep):
    name = "book_review"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        # the answers in an area that turns pages when long text (another language, 长辈版
        # in landscape) would not fit: never squeezed, never cut
        self.area = ReadingArea(self)
        column = self.area.column()
        host = QWidget(column.parentWidget())
        self.rows = QGridLayout(host)
        self.rows.setContentsMargins(0, 0, 0, 0)
        column.addWidget(host)
        column.addStretch(1)
        self.values: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.change: dict[str, TextButton] = {}
        for key, step in (("matter", None), ("hall", None), ("time", "book_day"),
                          ("id", "book_who"), ("mobile", "book_who")):
            label, value = QLabel(self), QLabel(self)
            label.setProperty("weight", "bold")
            label.setWordWrap(True)
            value.setWordWrap(True)
            self.labels[key], self.values[key] = label, value
            if step:
                b = TextButton("secondary", self, wrap=False)
                b.setObjectName(f"change-{key}")
                # never narrower than its word: the answers wrap instead
                b.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
                part = {"id": {"part": "id"}, "mobile": {"part": "mobile"}}.get(key, {})
                b.clicked.connect(lambda _=False, s=step, p=part: self.deps.navigator.go(s, **p))
                self.change[key] = b
        self.root.addWidget(self.area, 1)
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
        """Landscape: label, answer, Change on one line, in two blocks side by side (what
        and when; who), so 长辈版's rows keep their room. Portrait (narrow): the label over
        the answer and Change. Change sits right after its answer; the room left over goes
        between the blocks and to the end of the line, never between an answer and its
        Change."""
        for r, key in enumerate(self.labels):
            label, value, change = self.labels[key], self.values[key], self.change.get(key)
            for w in (label, value, change):
                if w is not None:
                    self.rows.removeWidget(w)
            if portrait:
                self.rows.addWidget(label, 2 * r, 0, 1, 3)
                self.rows.addWidget(value, 2 * r + 1, 0)
                if change is not None:
                    self.rows.addWidget(change, 2 * r + 1, 1)
            else:
                block = 1 if key in ("id", "mobile") else 0
                row, col = (r - 3, 4) if block else (r, 0)
                self.rows.addWidget(label, row, col)
                self.rows.addWidget(value, row, col + 1)
                if change is not None:
                    self.rows.addWidget(change, row, col + 2)
        for c in range(8):
            self.rows.setColumnStretch(c, 0)
        if portrait:
            self.rows.setColumnStretch(2, 1)
        else:  # the answers take the room; a gap of their own between the blocks
            self.rows.setColumnStretch(1, 1)
            self.rows.setColumnStretch(5, 1)
        self.rows.setColumnMinimumWidth(3, 0 if portrait else self.rows.horizontalSpacing() * 2)

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
        for value in self.values.values():  # the ID and mobile numbers among them
            value.clear()

    def retranslate(self) -> None:
        self.title.setText(translate("Booking", "Please check your answers"))
        self.instruction.setText(translate("Booking", "Tap Change to correct anything."))
        for key, text in (("matter", translate("Booking", "Service")),
                          ("hall", translate("Booking", "Hall")),
                          ("time", translate("Booking", "Day and time")),
                          ("id", translate("Booking", "ID number")),
                          ("mobile", translate("Booking", "Mobile"))):
            self.labels[key].setText(text)
        for b in self.change.values():
            b.set_texts(translate("Booking", "Change"))
        d = self.draft
        if d is not None:
            self.values["matter"].setText(self.chosen_matter())
            self.values["hall"].setText(self.chosen_hall())
            self.values["time"].setText(
                local_when(d.slot.start, self.timezone(), self.lang) if d.slot else "")
            # whole, not masked: the resident is checking their own numbers (wiped with
            # the session, like the keypad's box)
            self.values["id"].setText(group_id(d.id_number))
            self.values["mobile"].setText(
                group_mobile(d.phone) if d.phone else translate("Booking", "not given"))
        self.confirm_button.set_texts(translate("Booking", "Confirm the booking"))
        QTimer.singleShot(0, self.area, self.area.fit)  # the pages, once laid out
