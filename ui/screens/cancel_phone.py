"""Cancelling an appointment asks for the phone number given when booking: the box typed
on the big keypad (as the booking's own "who" step), the booking's masked number as a
hint, and what is wrong with the number beside the box; and what the platform's
refusals of a cancel mean, in the resident's words.

The number is checked against the masked one before it goes (``appointments.cancel_phone``):
the platform counts wrong numbers, and after 5 cancels only at the hall's window.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.booking.appointments import cancel_phone
from kiosk.rules.phone import PhoneError
from ui.i18n import translate
from ui.screens.booking.step import phone_error_text, reason_text
from ui.theme import set_role
from ui.widgets.keypad import NumericKeypad, keypad_box, lay_out_beside

MOBILE_DIGITS = 11


def cancel_refusal(code: str) -> str:
    """Why the platform did not cancel, for the resident."""
    return {
        "phone_mismatch": translate(
            "Appointments",
            "Not the number given when booking, so NOT cancelled. Please check it and type "
            "it again."),
        "cancel_locked": translate(
            "Appointments",
            "A wrong phone number was typed too many times, so this appointment can no longer "
            "be cancelled at the kiosk. Please go to a service window: staff there can "
            "cancel it for you."),
        "no_phone_given": no_phone_text(),
        "booking_cancelled": translate("Appointments", "This appointment was already cancelled."),
        "booking_checked_in": translate(
            "Appointments", "This appointment is already checked in, so it cannot be cancelled."),
    }.get(code) or reason_text(code)


def no_phone_text() -> str:
    """A booking made without a phone number: nothing proves who cancels it."""
    return translate(
        "Appointments",
        "This appointment was made without a phone number, so it cannot be cancelled at the "
        "kiosk. If you no longer need it, simply do not come: it lapses after its time.")


class CancelPhonePanel(QWidget):
    """The phone number box, its hint and error, the keypad, and ``button_row``: where the
    screen puts its buttons while the panel shows (beside the keypad, as the booking's
    "who" step has them, so the keys keep their height in 长辈版)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.masked = ""
        self.refused = False  # the platform said the number is wrong (``show_refusal``)
        self.body = QHBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.left = QVBoxLayout()
        self.hint = QLabel(self)
        self.hint.setObjectName("cancel-phone-hint")
        self.hint.setWordWrap(True)
        self.hint.setProperty("weight", "bold")
        self.field = keypad_box(self, "cancel-phone")
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        set_role(self.error, "notice")
        self.error.hide()
        for w in (self.hint, self.field, self.error):
            self.left.addWidget(w)
        self.left.addStretch(1)
        self.button_row = QHBoxLayout()
        self.left.addLayout(self.button_row)
        self.body.addLayout(self.left, 1)
        self.keypad = NumericKeypad(self)
        self.keypad.keys["X"].setEnabled(False)  # X is the ID's check character only
        self.keypad.key.connect(self._type)
        self.keypad.backspace.connect(self.field.backspace)
        self.keypad.clear.connect(lambda: self.field.setText(""))  # clear() keeps an undo step
        self.body.addWidget(self.keypad, 1)
        self.retranslate()

    @property
    def limit(self) -> int:
        """As many digits as the number given when booking (a landline may have 12)."""
        return len(self.masked) or MOBILE_DIGITS

    def apply_mode(self, presentation) -> None:
        gap = presentation.theme.sizes.gap
        self.left.setSpacing(gap)
        self.button_row.setSpacing(gap)
        # landscape: the box, its message and the buttons get the wider part (3:2)
        lay_out_beside(self.body, self.keypad, presentation, landscape=(3, 2))

    def start(self, masked: str) -> None:
        """Ask again, for the booking whose number is ``masked`` (138****8000, or "")."""
        self.masked = masked
        self.clear()
        self.retranslate()

    def _type(self, ch: str) -> None:
        if len(self.field.text()) < self.limit:
            self.field.setText(self.field.text() + ch)

    def number(self) -> str | None:
        """The number typed, for the wire; None (and the reason beside the box) if it
        cannot be the one given when booking."""
        try:
            number = cancel_phone(self.field.text(), self.masked)
        except PhoneError as exc:
            self.show_error(self._error_text(exc.code))
            return None
        self.show_error("")
        return number

    def show_error(self, text: str) -> None:
        """What is wrong with the number, beside the box ("" for nothing)."""
        self.refused = False
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.retranslate()

    def show_refusal(self, text: str) -> None:
        """The platform's word that the number is wrong, beside the box. The hint gives way
        to it: the digits it shows were right already (``cancel_phone`` checked them)."""
        self.show_error(text)
        self.refused = True
        self.retranslate()

    def _error_text(self, code: str) -> str:
        if code == "not_this_number":
            return translate("Appointments", "This is not the number given when booking. Please "
                                             "check each digit.")
        if code == "length" and self.masked:
            return translate("Appointments", "The number given when booking has %1 digits.").replace(
                "%1", str(len(self.masked)))
        return phone_error_text(code)

    def clear(self) -> None:
        """Nothing of the number left: the box, the error (not clear(): its undo history)."""
        self.field.setText("")
        self.show_error("")

    def forget(self) -> None:
        """The session is wiped: the hint's masked number too."""
        self.clear()
        self.masked = ""
        self.hint.clear()

    def retranslate(self) -> None:
        self.field.setAccessibleName(translate("Appointments", "Phone number given when booking"))
        self.hint.setText(translate("Appointments", "The number given when booking: %1").replace(
            "%1", self.masked) if self.masked else "")
        self.hint.setVisible(bool(self.masked) and not self.refused)
