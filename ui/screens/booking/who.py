"""Who the booking is for: the ID number and the mobile number, typed on the keypad and
checked as they are typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from kiosk.rules import idnumber, phone
from ui.context import ScreenDeps
from ui.i18n import translate
from ui.screens.booking.step import BookingStep, id_error_text, phone_error_text
from ui.theme import set_role
from ui.widgets.buttons import TextButton
from ui.widgets.keypad import NumericKeypad, keypad_box, lay_out_beside


class BookWhoScreen(BookingStep):
    """The resident's ID number, then their mobile number: one box at a time, on a big keypad."""

    name = "book_who"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.id_field, self.phone_field = keypad_box(self, "id-number"), keypad_box(self, "mobile")
        self.id_error, self.phone_error = QLabel(self), QLabel(self)
        for field, error in ((self.id_field, self.id_error), (self.phone_field, self.phone_error)):
            error.setWordWrap(True)
            set_role(error, "notice")
            error.hide()
            left.addWidget(field)
            left.addWidget(error)
        self.next_button = TextButton("primary", self)
        self.next_button.setObjectName("who-next")
        self.next_button.clicked.connect(self._next)
        left.addStretch(1)
        left.addWidget(self.next_button)
        body.addLayout(left, 1)
        self.keypad = NumericKeypad(self)
        self.keypad.key.connect(self._type)
        self.keypad.backspace.connect(lambda: self.field.backspace())
        self.keypad.clear.connect(lambda: self.field.clear())
        body.addWidget(self.keypad, 1)
        self.body = body
        self.root.addLayout(body, 1)
        self.part = "id"
        self._show_part()
        self.retranslate()

    @property
    def field(self) -> QLineEdit:
        return self.id_field if self.part == "id" else self.phone_field

    def apply_mode(self) -> None:
        super().apply_mode()
        lay_out_beside(self.body, self.keypad, self.deps.presentation)

    def enter(self, part: str = "id", **_kw: Any) -> None:
        draft = self.draft
        if draft is not None:
            self.id_field.setText(draft.id_number)
            self.phone_field.setText(draft.phone)
        self.part = part
        self._show_part()
        self.retranslate()

    def _show_part(self) -> None:
        is_id = self.part == "id"
        self.id_field.setVisible(is_id)
        self.phone_field.setVisible(not is_id)
        self.id_error.setVisible(is_id and bool(self.id_error.text()))
        self.phone_error.setVisible(not is_id and bool(self.phone_error.text()))
        self.keypad.keys["X"].setEnabled(is_id)  # X is the ID's check character only

    def _type(self, ch: str) -> None:
        limit = 18 if self.part == "id" else 11
        if len(self.field.text()) < limit:
            self.field.setText(self.field.text() + ch)

    def _next(self) -> None:
        draft = self.draft
        if draft is None:
            return
        if self.part == "id":
            try:
                draft.id_number = idnumber.from_typed(self.id_field.text())
            except idnumber.IdNumberError as exc:
                self.id_error.setText(id_error_text(exc.code))
                self.id_error.show()
                return
            self.id_error.clear()
            self.part = "mobile"
            self._show_part()
            self.retranslate()
            return
        try:
            draft.phone = phone.from_typed(self.phone_field.text())
        except phone.PhoneError as exc:
            self.phone_error.setText(phone_error_text(exc.code))
            self.phone_error.show()
            return
        self.phone_error.clear()
        self.deps.navigator.go("book_review")

    def reset(self) -> None:
        super().reset()
        for field in (self.id_field, self.phone_field):
            field.setText("")  # not clear(): its undo history would keep the number
        for error in (self.id_error, self.phone_error):
            error.clear()
        self.part = "id"
        self._show_part()

    def retranslate(self) -> None:
        self.title.setText(translate("Booking", "Who is the appointment for?"))
        if self.part == "id":
            self.instruction.setText(translate(
                "Booking", "Step 1 of 2: the ID card number (18 characters)."))
            self.id_field.setAccessibleName(translate("Booking", "ID card number"))
            self.next_button.set_texts(translate("Booking", "Next: mobile number"))
        else:
            self.instruction.setText(translate(
                "Booking", "Step 2 of 2: a mobile number (11 digits), for the SMS."))
            self.phone_field.setAccessibleName(translate("Booking", "Mobile number"))
            self.next_button.set_texts(translate("Booking", "Next: check your answers"))
