"""Who the booking is for: the ID number and the mobile number, typed on the keypad and
checked as they are typed. With an ID-card reader the card comes first: a card read
fills the ID number and goes on to the mobile number, as typing it and Next would.
The mobile number is optional: without one the booking is made but cannot be cancelled
at a kiosk (``no_phone_given`` in docs/api.md)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.idcard.card import IdCard
from kiosk.rules import idnumber, phone
from ui.context import ScreenDeps
from ui.i18n import translate
from ui.screens.booking.step import BookingStep, id_error_text, phone_error_text
from ui.theme import set_role
from ui.widgets.buttons import TextButton
from ui.widgets.idcard_panel import CardChoice, card_text, hall_today
from ui.widgets.keypad import IdNumberField, NumericKeypad, keypad_box, lay_out_beside


class BookWhoScreen(BookingStep):
    """The resident's ID number, then their mobile number: one box at a time, on a big keypad."""

    name = "book_who"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        page = QWidget(self)
        body = QHBoxLayout(page)
        body.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        self.id_field = IdNumberField(self, "id-number")
        self.phone_field = keypad_box(self, "mobile")
        #: the card read, masked, above the mobile number
        self.card_line = QLabel(self)
        self.card_line.setObjectName("who-card")
        self.card_line.setWordWrap(True)
        self.card_line.hide()
        left.addWidget(self.card_line)
        self.id_error, self.phone_error = QLabel(self), QLabel(self)
        for field, error in ((self.id_field, self.id_error), (self.phone_field, self.phone_error)):
            error.setWordWrap(True)
            set_role(error, "notice")
            error.hide()
            left.addWidget(field)
            if field is self.id_field:
                left.addWidget(self.id_field.counter)
            left.addWidget(error)
        self.next_button = TextButton("primary", self)
        self.next_button.setObjectName("who-next")
        self.next_button.clicked.connect(self._next)
        #: the phone is optional (an older resident may not know theirs): one tap past it
        self.no_phone_button = TextButton("secondary", self)
        self.no_phone_button.setObjectName("who-no-phone")
        self.no_phone_button.clicked.connect(self._no_phone)
        left.addStretch(1)
        buttons = QHBoxLayout()  # Next, and on the mobile step "no number", side by side
        buttons.addWidget(self.next_button, 1)
        buttons.addWidget(self.no_phone_button, 1)
        left.addLayout(buttons)
        self.buttons = buttons
        body.addLayout(left, 1)
        self.keypad = NumericKeypad(self)
        self.keypad.key.connect(self._type)
        self.keypad.backspace.connect(self._backspace)
        self.keypad.clear.connect(self._clear)
        self.id_field.textChanged.connect(lambda _t: self._enable_x())
        body.addWidget(self.keypad, 1)
        self.body = body
        self.cards = CardChoice(self, deps.card_reader, page, self._card_read,
                                lambda: hall_today(deps.now(), deps.settings.timezone),
                                lambda: self.lang)
        self.cards.panel.keypad.connect(self.retranslate)
        self.root.addWidget(self.cards.pages, 1)
        self.part = "id"
        self._show_part()
        self.retranslate()

    @property
    def field(self) -> QLineEdit:
        return self.id_field if self.part == "id" else self.phone_field

    def apply_mode(self) -> None:
        super().apply_mode()
        lay_out_beside(self.body, self.keypad, self.deps.presentation)
        self.buttons.setSpacing(self.deps.presentation.theme.sizes.gap)
        self.cards.panel.set_gap(self.deps.presentation.theme.sizes.gap)

    def enter(self, part: str = "id", **_kw: Any) -> None:
        draft = self.draft
        if draft is not None:
            self.id_field.set_digits(draft.id_number)
            self.phone_field.setText(draft.phone)
        self.part = part
        self._show_part()
        if part == "id":
            self.cards.begin()
        self.retranslate()

    def hideEvent(self, event) -> None:  # noqa: N802
        self.cards.end()  # no card is read for a screen that has gone
        super().hideEvent(event)

    def _show_part(self) -> None:
        is_id = self.part == "id"
        self.id_field.setVisible(is_id)
        # the count, or what is wrong with the number (it says the count too): one at a time
        self.id_field.counter.setVisible(is_id and not self.id_error.text())
        self.phone_field.setVisible(not is_id)
        self.id_error.setVisible(is_id and bool(self.id_error.text()))
        self.phone_error.setVisible(not is_id and bool(self.phone_error.text()))
        card = self.deps.session().id_card
        draft = self.draft
        shown = (not is_id and card is not None and draft is not None
                 and card.id_number == draft.id_number)
        self.card_line.setVisible(shown)
        self.card_line.setText(card_text(card) if shown and card is not None else "")
        self.no_phone_button.setVisible(not is_id)
        self.keypad.show_x(is_id)  # X is the ID's check character only
        self._enable_x()
        if not is_id:
            self.cards.keypad_only()

    def _enable_x(self) -> None:
        self.keypad.keys["X"].setEnabled(self.part == "id" and self.id_field.x_allowed())

    def _type(self, ch: str) -> None:
        if self.part == "id":
            self.id_field.add(ch)
        elif len(self.phone_field.text()) < 11:
            self.phone_field.setText(self.phone_field.text() + ch)

    def _backspace(self) -> None:
        if self.part == "id":
            self.id_field.remove_last()
        else:
            self.phone_field.backspace()

    def _clear(self) -> None:
        self.field.setText("")  # not clear(): its undo history would keep the number

    def _card_read(self, card: IdCard) -> None:
        """A card in date: its number, as if typed, and on to the mobile number."""
        if self.part != "id" or self.draft is None:
            return
        self.deps.session().id_card = card
        self.id_field.set_digits(card.id_number)
        self._next()

    def _next(self) -> None:
        draft = self.draft
        if draft is None:
            return
        if self.part == "id":
            try:
                draft.id_number = idnumber.from_typed(self.id_field.digits())
            except idnumber.IdNumberError as exc:
                self.id_error.setText(id_error_text(exc.code))
                self.id_error.show()
                self.id_field.counter.hide()
                return
            self.id_error.clear()
            card = self.deps.session().id_card
            if card is not None and card.id_number != draft.id_number:
                self.deps.session().id_card = None  # another number typed: not the card's
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

    def _no_phone(self) -> None:
        """On without a phone number: the booking is made, but not cancellable at a kiosk
        (the step's instruction says so before the tap)."""
        draft = self.draft
        if draft is None:
            return
        draft.phone = ""
        self.phone_field.setText("")  # not clear(): its undo history would keep the number
        self.phone_error.clear()
        self.deps.navigator.go("book_review")

    def reset(self) -> None:
        super().reset()
        self.cards.end()
        for field in (self.id_field, self.phone_field):
            field.setText("")  # not clear(): its undo history would keep the number
        for error in (self.id_error, self.phone_error):
            error.clear()
        self.card_line.setText("")
        self.part = "id"
        self._show_part()

    def retranslate(self) -> None:
        self.title.setText(translate("Booking", "Who is the appointment for?"))
        self.id_field.retranslate()
        self.cards.panel.retranslate()
        if self.part == "id" and self.cards.on_panel:
            self.instruction.setText(translate(
                "Booking", "Step 1 of 2: place your ID card on the reader."))
        elif self.part == "id":
            self.instruction.setText(translate(
                "Booking", "Step 1 of 2: the ID card number (18 characters)."))
            self.id_field.setAccessibleName(translate("Booking", "ID card number"))
            self.next_button.set_texts(translate("Booking", "Next: mobile number"))
        else:
            self.instruction.setText(translate(
                "Booking", "Step 2 of 2: a mobile number (11 digits), for the SMS and to cancel "
                "at a kiosk. You may leave it out."))
            self.phone_field.setAccessibleName(translate("Booking", "Mobile number"))
            self.next_button.set_texts(translate("Booking", "Next: check your answers"))
            self.no_phone_button.set_texts(translate("Booking", "No mobile number"))
