"""A queue number without an appointment (取号): the matter, the green channel for
residents of 60 and over, the number on a slip or as a QR code."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel

from kiosk.booking import appointments
from kiosk.booking.draft import OutcomeState
from kiosk.booking.slips import Slip, ticket_slip
from kiosk.rules.wire_time import parse_time
from ui.context import ScreenDeps
from ui.i18n import translate
from ui.screens.appointments import ANSWER_WAIT_MS, AppointmentStep
from ui.screens.booking.step import reason_text
from ui.screens.steps import SlipActions
from ui.theme import set_role
from ui.widgets.buttons import TextButton
from ui.widgets.paged import PagedGrid
from ui.widgets.qr import QrCode
from ui.workers.outcome_watch import OutcomeWatch


class WalkInScreen(SlipActions, AppointmentStep):
    """A queue number without an appointment: choose the service; the green channel
    (priority) for residents aged 60 or over, asked plainly, and always in 长辈版."""

    name = "walk_in"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.priority_button = TextButton("secondary", self)
        self.priority_button.setObjectName("priority")
        self.priority_button.setCheckable(True)
        self.priority_button.toggled.connect(lambda _on: self.retranslate())
        self.root.addWidget(self.priority_button)
        self.grid = PagedGrid(self)
        self.root.addWidget(self.grid, 1)
        self.number = QLabel(self)
        self.number.setWordWrap(True)
        self.number.setObjectName("walk-in-number")
        set_role(self.number, "display")
        self.number.hide()
        self.root.addWidget(self.number)
        self.print_button = TextButton("secondary", self)
        self.print_button.setObjectName("print-ticket")
        self.print_button.clicked.connect(self.print_slip)
        self.print_button.hide()
        self.phone_button = TextButton("secondary", self)
        self.phone_button.setObjectName("ticket-to-phone")
        self.phone_button.clicked.connect(self.slip_to_phone)
        self.phone_button.hide()
        self.qr = QrCode(self)
        self.qr.hide()
        row = QHBoxLayout()
        row.addWidget(self.print_button, 1)
        row.addWidget(self.phone_button, 1)
        self.root.addWidget(self.qr, 1)
        self.root.addLayout(row)
        self.watch = OutcomeWatch(self)
        self.watch.changed.connect(self._answered)
        self.answer = None
        self.matter = ""
        self.printed_to = ""
        self.retranslate()

    def apply_mode(self) -> None:
        super().apply_mode()
        s = self.deps.presentation.theme.sizes
        self.grid.configure(1 if self.deps.presentation.elderly else 2, s.max_tiles, s.gap)

    def enter(self, **_kw: Any) -> None:
        self.watch.stop()
        self.answer, self.matter = None, ""
        self.priority_button.setChecked(self.deps.presentation.elderly)
        self.say("")
        self.retranslate()

    def hideEvent(self, event) -> None:  # noqa: N802
        self.watch.stop()
        super().hideEvent(event)

    def _take(self, code: str) -> None:
        box, central = self.outbox(), self.deps.central()
        if box is None:
            self.say(translate("Appointments", "This kiosk is not connected: please ask staff."))
            return
        self.matter = code
        item = appointments.walk_in(box, self.deps.settings.hall_code, code,
                                    self.priority_button.isChecked(), self.now())
        assert central is not None  # an outbox comes only with the central platform
        central.urge()
        self.say(translate("Appointments", "Sending…"))
        self.watch.watch(self.outbox, item.id, ANSWER_WAIT_MS)

    def _answered(self, result) -> None:
        self.answer = result
        if result.state is OutcomeState.CONFIRMED:
            self.say("")
        elif result.state is OutcomeState.REFUSED:
            self.say(reason_text(result.reason or ""))
        elif result.state is OutcomeState.LATE:
            self.say(translate(
                "Appointments",
                "The platform cannot be reached just now, so no number could be given. Please "
                "ask staff at the desk for a number.",
            ))
        self.retranslate()

    def ticket(self) -> dict | None:
        if self.answer is not None and self.answer.state is OutcomeState.CONFIRMED:
            return self.answer.booking
        return None

    def slip(self) -> Slip | None:
        t = self.ticket()
        if not t:
            return None
        matter = self.deps.catalogue.find_matter(t["matter"])
        return ticket_slip(
            lang=self.lang, number=t["number"], hall=self.hall_name(t["hall"]),
            matter=self.matter_name(t["matter"]),
            issued=parse_time(t["issued_at"]),
            timezone=self.deps.settings.timezone, priority=bool(t["priority"]),
            window=matter.window.get(self.lang) if matter and matter.window else "")


    def retranslate(self) -> None:
        t = self.ticket()
        self.title.setText(translate("Appointments", "Take a queue number"))
        self.priority_button.set_texts(
            translate("Appointments", "✓ I am 60 or over: green channel (priority)")
            if self.priority_button.isChecked()
            else translate("Appointments", "☐ I am 60 or over: tap for the green channel"))
        self.number.setVisible(bool(t))
        self.print_button.setVisible(bool(t))
        self.phone_button.setVisible(bool(t))
        if not t:
            self.qr.clear()
            self.qr.hide()
        self.grid.setVisible(not t)
        self.priority_button.setVisible(not t)
        if t:
            self.number.setText(translate("Appointments", "Your number: %1").replace(
                "%1", t["number"]))
            self.instruction.setText(translate(
                "Appointments", "Please wait until your number is called."))
            self.print_button.set_texts(translate("Booking", "Print a slip"))
            self.phone_button.set_texts(translate("Booking", "Send to my phone"))
            return
        self.instruction.setText(translate("Appointments", "Which service have you come for?"))
        hall = self.deps.settings.hall_code
        served = [m for m in self.deps.catalogue.most_used(len(self.deps.catalogue.matters))
                  if hall in m.halls][:24]

        def factory(m):
            def make():
                b = TextButton("row", self)
                b.setObjectName(f"walk-in-{m.code}")
                b.set_texts(m.name.get(self.lang))
                b.clicked.connect(lambda _=False, code=m.code: self._take(code))
                return b
            return make

        self.grid.set_items([factory(m) for m in served])

    def reset(self) -> None:
        self.watch.stop()
        self.qr.clear()
        self.answer, self.matter, self.printed_to = None, "", ""
        self.priority_button.setChecked(False)
        self.say("")
