"""What the steps of the booking and appointment journeys share: a message line, the
names of matters and halls, the outbox, the hall's calendar and the wall clock."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QLabel

from kiosk.rules.calendar import HallCalendar
from kiosk.sync.outbox import Outbox
from ui.context import ScreenDeps
from ui.screens.base import Screen
from ui.theme import set_role

if TYPE_CHECKING:
    from kiosk.booking.slips import Slip
    from ui.widgets.qr import QrCode


class Step(Screen):
    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        set_role(self.message, "notice")
        self.message.hide()
        self.root.addWidget(self.message)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.root.activate()  # a grid below measures its page with the message in place

    def clear_messages(self) -> None:
        self.say("")

    def matter_name(self, code: str) -> str:
        m = self.deps.catalogue.find_matter(code)
        return m.name.get(self.lang) if m else code

    def hall_name(self, code: str) -> str:
        for h in self.deps.catalogue.halls:
            if h.code == code:
                return h.name.get(self.lang)
        return code

    def outbox(self) -> Outbox | None:
        central = self.deps.central()
        return central.outbox if central is not None else None

    def hall_calendar(self, hall: str) -> HallCalendar | None:
        """The hall's calendar: the copy pulled from the platform, else the bundled one."""
        return self.deps.reference.hall_calendar(hall)

    def now(self) -> datetime:
        """The wall clock (aware UTC)."""
        return self.deps.now()


class _SlipScreen(Protocol):
    """What ``SlipActions`` needs of the screen it is mixed into."""

    deps: ScreenDeps
    qr: QrCode
    printed_to: str

    def slip(self) -> Slip | None: ...

    def say(self, text: str) -> None: ...


class SlipActions:
    """Print the screen's slip (``slip()``), or show it as a QR code for the phone; for
    screens with a ``qr`` widget and a message line (``say``)."""

    printed_to = ""  # what the last print produced: a PDF's path or a printer's name

    def print_slip(self: _SlipScreen) -> None:
        from ui.printing import print_slip

        slip = self.slip()
        if slip is None:
            return
        result = print_slip(slip, self.deps.settings)
        self.printed_to = result.target
        self.say(result.message)

    def slip_to_phone(self: _SlipScreen) -> bool:
        from kiosk.booking.slips import slip_text

        slip = self.slip()
        if slip is None:
            return False
        self.qr.set_text(slip_text(slip))
        self.qr.show()
        return True
