"""The staff PIN pad: staff number, then PIN, on the big keypad.

Reached only by the hidden entry (a 3 s press on the hall's name, or
Ctrl+Alt+S). What the pad says after a wrong PIN is exact: how many tries
before it waits, how long it waits (counting down), or that it is locked and
who can unlock it. The PIN is shown as dots and never read aloud.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout

from kiosk.staff.desk import SignIn
from ui.context import ScreenDeps
from ui.i18n import translate
from ui.screens.steps import Step
from ui.widgets.buttons import TextButton
from ui.widgets.keypad import NumericKeypad, keypad_box, lay_out_beside


class StaffSignInScreen(Step):
    name = "staff_sign_in"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.number_field = keypad_box(self, "staff-number")
        self.pin_field = keypad_box(self, "staff-pin")
        left.addWidget(self.number_field)
        left.addWidget(self.pin_field)
        self.pin_field.setEchoMode(QLineEdit.EchoMode.Password)
        # what the pad says goes beside the keypad, not above it: the keys keep their height
        self.root.removeWidget(self.message)
        left.addWidget(self.message)
        left.addStretch(1)
        self.next_button = TextButton("primary", self)
        self.next_button.setObjectName("staff-next")
        self.next_button.clicked.connect(self._next)
        self.cancel_button = TextButton("secondary", self)
        self.cancel_button.setObjectName("staff-cancel")
        self.cancel_button.clicked.connect(self._cancel)
        buttons = QHBoxLayout()  # side by side: the column keeps room for the message
        buttons.addWidget(self.cancel_button, 1)
        buttons.addWidget(self.next_button, 1)
        self.buttons = buttons
        left.addLayout(buttons)
        body.addLayout(left, 1)
        self.keypad = NumericKeypad(self)
        self.keypad.keys["X"].setEnabled(False)
        self.keypad.key.connect(self._type)
        self.keypad.backspace.connect(lambda: self.field.backspace())
        self.keypad.clear.connect(lambda: self.field.setText(""))
        body.addWidget(self.keypad, 1)
        self.body = body
        self.root.addLayout(body, 1)
        self.part = "number"
        self.outcome: SignIn | None = None
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._tick)
        self._block(False)
        self.retranslate()

    @property
    def field(self) -> QLineEdit:
        return self.number_field if self.part == "number" else self.pin_field

    def apply_mode(self) -> None:
        super().apply_mode()
        lay_out_beside(self.body, self.keypad, self.deps.presentation)
        self.buttons.setSpacing(self.deps.presentation.theme.sizes.gap * 2)

    def enter(self, **_kw: Any) -> None:
        self.reset()
        staff = self.deps.staff
        if staff is not None and staff.signed_in:  # never a second sign-in over the first
            self.deps.navigator.go("staff_panel")
            return
        desk = staff.desk() if staff is not None else None
        if desk is None:
            self.outcome = SignIn("unavailable")
        else:
            self.outcome = desk.before_attempt()
        self._show_outcome()

    def reset(self) -> None:
        self.number_field.setText("")
        self.pin_field.setText("")
        self.part = "number"
        self.outcome = None
        self.countdown.stop()
        self.say("")
        self._block(False)
        self.retranslate()

    def _type(self, ch: str) -> None:
        limit = 16 if self.part == "number" else 8
        if len(self.field.text()) < limit:
            self.field.setText(self.field.text() + ch)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        """A kiosk with a keyboard: digits, Backspace, Enter and Escape work too."""
        text, key = event.text(), event.key()
        if self.keypad.isEnabled() and len(text) == 1 and text.isdigit():
            self._type(text)
        elif key == Qt.Key.Key_Backspace and self.keypad.isEnabled():
            self.field.backspace()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.next_button.isEnabled():
            self._next()
        elif key == Qt.Key.Key_Escape:
            self._cancel()
        else:
            super().keyPressEvent(event)

    def _cancel(self) -> None:
        self.reset()
        self.deps.navigator.home()

    def _next(self) -> None:
        if self.part == "number":
            if not self.number_field.text():
                self.say(translate("StaffSignIn", "Type your staff number first."))
                return
            self.part = "pin"
            self.say("")
            self._block(False)
            self.retranslate()
            return
        pin = self.pin_field.text()
        self.pin_field.setText("")  # never kept, right or wrong (clear() keeps an undo step)
        if not pin:
            self.say(translate("StaffSignIn", "Type your PIN."))
            return
        staff = self.deps.staff
        self.outcome = staff.sign_in(self.number_field.text(), pin) if staff is not None \
            else SignIn("unavailable")
        if self.outcome.result == "signed_in":
            self.number_field.setText("")
            self.deps.navigator.staff_signed_in()
            return
        self._show_outcome()

    def _show_outcome(self) -> None:
        o = self.outcome
        blocked = o is not None and (o.result in ("wait", "locked", "unavailable")
                                     or (o.result == "wrong" and o.seconds > 0))
        self._block(blocked)
        if o is not None and (o.result in ("wait", "locked") or (o.result == "wrong" and o.seconds)):
            self.countdown.start()
        self.say(self._message())

    def _block(self, blocked: bool) -> None:
        """Nothing to type while the pad waits or is locked: the keypad goes away."""
        self.next_button.setEnabled(not blocked)
        self.keypad.setEnabled(not blocked)
        self.keypad.setVisible(not blocked)
        self.number_field.setVisible(not blocked and self.part == "number")
        self.pin_field.setVisible(not blocked and self.part == "pin")
        self.next_button.setVisible(not blocked)

    def _tick(self) -> None:
        staff = self.deps.staff
        desk = staff.desk() if staff is not None else None
        refused = desk.before_attempt() if desk is not None else None
        if refused is None:
            self.countdown.stop()
            self.outcome = None
            self._block(False)
            self.say(translate("StaffSignIn", "You can try again now."))
            return
        self.outcome = refused
        self.say(self._message())

    def _message(self) -> str:
        o = self.outcome
        if o is None:
            return ""
        if o.result == "unavailable":
            return translate(
                "StaffSignIn",
                "Staff sign-in is not available on this kiosk: its secure credential store is "
                "missing or was reset, or no staff accounts are set up. Ask the hall's IT staff.")
        if o.result == "stale_list":
            return translate(
                "StaffSignIn",
                "The staff list on this kiosk is too old to trust. Connect the kiosk to the "
                "network so it can fetch the list again, then sign in.")
        if o.result == "locked":
            return translate(
                "StaffSignIn",
                "Locked after too many wrong PINs, for %1 more minutes. IT can unlock it sooner "
                "on this kiosk's command line (kiosk staff unlock).").replace("%1", str(max(1, o.seconds // 60)))
        if o.result == "wait" or (o.result == "wrong" and o.seconds):
            return translate("StaffSignIn", "Wrong staff number or PIN. Wait %1 s before trying again.") \
                .replace("%1", str(o.seconds))
        if o.result == "wrong" and o.guard is not None:
            return translate("StaffSignIn", "Wrong staff number or PIN. %1 more tries before a wait.") \
                .replace("%1", str(o.guard.tries_before_wait))
        return ""

    def retranslate(self) -> None:
        self.title.setText(translate("StaffSignIn", "Staff sign-in"))
        if self.part == "number":
            self.instruction.setText(translate("StaffSignIn", "Type your staff number, then press Next."))
            self.next_button.set_texts(translate("StaffSignIn", "Next"))
        else:
            self.instruction.setText(translate("StaffSignIn", "Type your PIN (6 to 8 digits), then press Sign in."))
            self.next_button.set_texts(translate("StaffSignIn", "Sign in"))
        self.cancel_button.set_texts(translate("StaffSignIn", "Cancel"))
        self.number_field.setAccessibleName(translate("StaffSignIn", "Staff number"))
        self.pin_field.setAccessibleName(translate("StaffSignIn", "PIN"))
        if self.outcome is not None:
            self.say(self._message())
