"""My appointments and check-in (取号); a queue number without one is ``walk_in``.

The resident types their ID number; the kiosk asks the server for their bookings
and adds the booking requests it still holds itself (waiting to be sent, or
refused, with the reason). A confirmed booking can be checked in (within the
hall's window, which the server decides) for a queue number, or cancelled after
a confirmation step and the phone number given when booking (``cancel_phone``).
Check-in, cancel and walk-in numbers go through the outbox like every submission;
without the network the screen says they have not happened yet.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk.booking import appointments
from kiosk.booking.appointments import Appointment
from kiosk.booking.draft import OutcomeState
from kiosk.booking.slips import Slip, local_when, ticket_slip
from kiosk.idcard.card import IdCard
from kiosk.rules import idnumber
from kiosk.rules.calendar import BookingRules
from kiosk.rules.typography import label_line, sentences
from kiosk.rules.wire_time import parse_time
from kiosk.sync.api_client import transient
from ui.context import ScreenDeps
from ui.i18n import translate
from ui.queue.ahead import AheadWatch, queue_of
from ui.screens.booking.step import id_error_text, reason_text
from ui.screens.cancel_phone import CancelPhonePanel, cancel_refusal, no_phone_text
from ui.screens.steps import SlipActions, Step
from ui.theme import set_role
from ui.widgets.buttons import TextButton
from ui.widgets.idcard_panel import CardChoice, hall_today
from ui.widgets.keypad import IdNumberField, NumericKeypad, attach_id_keypad, lay_out_beside
from ui.widgets.paged import PagedGrid
from ui.widgets.queue_ticket import QueueTicket
from ui.widgets.reading import ReadingArea
from ui.widgets.result_panel import ResultPanel
from ui.workers.outcome_watch import OutcomeWatch
from ui.workers.tasks import OneCall

#: how long a check-in, cancel or ticket waits for the server before saying so
ANSWER_WAIT_MS = 8000


def status_text(a: Appointment) -> str:
    return {
        "confirmed": translate("Appointments", "Confirmed"),
        "checked_in": translate("Appointments", "Checked in"),
        "cancelled": translate("Appointments", "Cancelled"),
        "waiting": translate("Appointments", "Request not yet sent – not confirmed"),
        "refused": sentences(translate("Appointments", "Request refused:"), reason_text(a.reason)),
    }.get(a.status, a.status)


class AppointmentStep(Step):
    def rules(self, hall: str) -> BookingRules:
        """The hall's booking rules (from its calendar: pulled, else bundled)."""
        cal = self.hall_calendar(hall)
        return cal.rules if cal else BookingRules()

    def wait_at(self, matter_code: str) -> str:
        """Where to wait for this matter, from the catalogue; "" when it names none."""
        matter = self.deps.catalogue.find_matter(matter_code)
        return matter.window.get(self.lang) if matter and matter.window else ""

    def ticket_slip(self, t: dict) -> Slip:
        """A queue ticket as the platform gave it (walk-in or check-in), as a slip."""
        return ticket_slip(
            lang=self.lang, number=t["number"], hall=self.hall_name(t["hall"]),
            matter=self.matter_name(t["matter"]), issued=parse_time(t["issued_at"]),
            timezone=self.deps.settings.timezone, priority=bool(t["priority"]),
            window=self.wait_at(t["matter"]))


class AppointmentsScreen(AppointmentStep):
    """Step one: the ID number, on the keypad."""

    name = "appointments"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        page = QWidget(self)
        body = QHBoxLayout(page)
        body.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        self.field = IdNumberField(self, "lookup-id")
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        set_role(self.error, "notice")
        self.error.hide()
        self.find_button = TextButton("primary", self)
        self.find_button.setObjectName("find-appointments")
        self.find_button.clicked.connect(self._find)
        self.scan_button = TextButton("secondary", self)
        self.scan_button.setObjectName("scan-voucher")
        self.scan_button.clicked.connect(lambda: self.deps.navigator.go("scan", voucher=True))
        self.walk_in_button = TextButton("secondary", self)
        self.walk_in_button.setObjectName("walk-in")
        self.walk_in_button.clicked.connect(lambda: self.deps.navigator.go("walk_in"))
        left.addWidget(self.field)
        left.addWidget(self.field.counter)
        left.addWidget(self.error, 1)
        finding = QHBoxLayout()  # typed, or the booking code scanned, side by side
        finding.addWidget(self.find_button, 1)
        finding.addWidget(self.scan_button, 1)
        left.addLayout(finding)
        left.addWidget(self.walk_in_button)
        self.finding = finding
        body.addLayout(left, 1)
        self.keypad = NumericKeypad(self)
        attach_id_keypad(self.keypad, self.field)
        body.addWidget(self.keypad, 1)
        self.body, self.left = body, left
        self.cards = CardChoice(self, deps.card_reader, page, self._card_read,
                                lambda: hall_today(deps.now(), deps.settings.timezone),
                                lambda: self.lang)
        self.cards.panel.keypad.connect(self.retranslate)
        self.root.addWidget(self.cards.pages, 1)
        # the booking code and the walk-in number go with whichever page shows
        self.cards.pages.currentChanged.connect(self._place_ways)
        self._place_ways()
        self.lookup = OneCall()
        self.retranslate()

    def apply_mode(self) -> None:
        super().apply_mode()
        self.left.setSpacing(self.deps.presentation.theme.sizes.gap)
        self.finding.setSpacing(self.deps.presentation.theme.sizes.gap * 2)
        # landscape: the box and its message get the wider half (3:2); in 长辈版 more
        # (21:11), for the buttons under it in their larger type
        elderly = self.deps.presentation.elderly
        lay_out_beside(self.body, self.keypad, self.deps.presentation,
                       landscape=(21, 11) if elderly else (3, 2))
        self.cards.panel.set_gap(self.deps.presentation.theme.sizes.gap)

    def enter(self, id_number: str = "", **_kw: Any) -> None:
        """``id_number``: filled from a verified e-ID card (扫码亮证)."""
        if id_number:
            self.field.set_digits(id_number)
            self.cards.keypad_only()
        else:
            self.cards.begin()
        self.say("")
        self.retranslate()

    def hideEvent(self, event) -> None:  # noqa: N802
        self.cards.end()  # no card is read for a screen that has gone
        super().hideEvent(event)

    def _place_ways(self, _index: int = 0) -> None:
        """Scanning the booking code and a walk-in number: beside "type the number" under
        the card picture, or beside Find under the keypad's box."""
        on_panel = self.cards.on_panel
        for button, (here, there) in (
                (self.scan_button, (self.cards.panel.ways, self.finding)),
                (self.walk_in_button, (self.cards.panel.more, self.left))):
            target, other = (here, there) if on_panel else (there, here)
            if target.indexOf(button) < 0:
                other.removeWidget(button)
                target.addWidget(button, 1 if button is self.scan_button else 0)
                button.show()  # moved to another parent: Qt would show it only later

    def _card_read(self, card: IdCard) -> None:
        """A card in date: looked up at once, as typing the number and Find would."""
        if self.lookup.busy:
            return
        self.deps.session().id_card = card
        self.field.set_digits(card.id_number)
        self._find()

    def _find(self) -> None:
        try:
            number = idnumber.from_typed(self.field.digits())
        except idnumber.IdNumberError as exc:
            self.error.setText(id_error_text(exc.code))
            self.error.show()
            self.field.counter.hide()  # the error says the count too: one at a time
            return
        self.error.hide()
        self.field.counter.show()
        central = self.deps.central()
        if central is None:
            self.say(translate("Appointments", "This kiosk is not connected: please ask staff."))
            return
        session = self.deps.session()
        session.lookup_id = number
        local = appointments.local_requests(central.outbox, number)
        calls = central.calls()
        self.say(translate("Appointments", "Looking up your appointments…"))

        def found(server: list[dict]) -> None:
            session.appointments = appointments.merged(server, local)
            self.say("")
            self.deps.navigator.go("appointment_list")

        def failed(error: Exception) -> None:
            session.appointments = appointments.merged([], local)
            offline = transient(error)
            self.deps.navigator.go("appointment_list", offline=offline)

        self.lookup.start(lambda: calls.lookup(number), found, failed)

    def reset(self) -> None:
        self.lookup.cancel()  # its call holds the ID number
        self.cards.end()
        self.field.setText("")  # not clear(): its undo history would keep the number
        self.error.clear()
        self.error.hide()
        self.field.counter.show()
        self.say("")

    def retranslate(self) -> None:
        self.title.setText(translate("Appointments", "My appointments / check in"))
        self.instruction.setText(
            translate("Appointments", "Place your ID card on the reader.") if self.cards.on_panel
            else translate("Appointments", "Type your ID card number."))
        self.field.retranslate()
        self.cards.panel.retranslate()
        self.field.setAccessibleName(translate("Booking", "ID card number"))
        self.find_button.set_texts(translate("Appointments", "Find my appointments"))
        self.scan_button.set_texts(translate("Appointments", "Scan your booking code"))
        self.walk_in_button.set_texts(translate(
            "Appointments", "No appointment? Take a queue number"))


class AppointmentListScreen(AppointmentStep):
    name = "appointment_list"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.grid = PagedGrid(self)
        self.root.addWidget(self.grid, 1)
        self.offline = False
        self.retranslate()

    def apply_mode(self) -> None:
        super().apply_mode()
        s = self.deps.presentation.theme.sizes
        self.grid.configure(1, None, s.gap)

    def enter(self, offline: bool = False, **_kw: Any) -> None:
        self.offline = offline
        self.say(translate(
            "Appointments",
            "The platform cannot be reached just now: only requests kept on this kiosk are "
            "shown. Checking in needs the connection; staff at the desk can help.",
        ) if offline else "")
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(translate("Appointments", "Your appointments"))
        found = self.deps.session().appointments
        self.instruction.setText(
            translate("Appointments", "Tap one to check in or cancel.") if found
            else translate("Appointments", "No appointments found for this ID number."))
        tz = self.deps.settings.timezone

        def factory(i: int, a: Appointment):
            def make():
                b = TextButton("row", self)
                b.setObjectName(f"appointment-{i}")
                b.set_texts(f"{self.matter_name(a.matter)} · {local_when(a.start, tz, self.lang)}",
                            status_text(a))
                b.clicked.connect(lambda _=False, i=i: self.deps.navigator.go("appointment", index=i))
                return b
            return make

        self.grid.set_items([factory(i, a) for i, a in enumerate(found)])


class AppointmentScreen(SlipActions, AppointmentStep):
    """One appointment: what it is, and check in / cancel. Cancelling goes in stages:
    "confirm" (are you sure?), then "phone" (the number given when booking, on the
    keypad), then the platform's answer; a wrong number brings the resident back to
    "phone" with what they typed, to correct it."""

    name = "appointment"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.area = ReadingArea(self)
        column = self.area.column()
        content = column.parentWidget()
        self.details = QLabel(content)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.details)
        column.addStretch(1)
        self.phone = CancelPhonePanel(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.area)
        self.pages.addWidget(self.phone)
        self.ticket_view = QueueTicket(self, "check-in")
        self.pages.addWidget(self.ticket_view)
        self.number, self.qr = self.ticket_view.number, self.ticket_view.qr
        self.print_button, self.phone_button, self.done_button = self.ticket_view.wire(
            self.print_slip, self.slip_to_phone, self._done)
        #: "前面还有 N 人" for the number the check-in gave, asked of the queue while shown
        self.ahead = AheadWatch(self, queue_of(deps, deps.settings.hall_code))
        self.ahead.changed.connect(self.ticket_view.show_ahead)
        self.rate_button = self.ticket_view.wire_rating(self._rate)
        self.printed_to = ""
        #: checked in, or cancelled: said once in a coloured panel above the number
        self.outcome = ResultPanel(self)
        self.outcome.setObjectName("appointment-outcome")
        self.root.addWidget(self.outcome)
        self.root.addWidget(self.pages, 1)
        row = QHBoxLayout()
        self.check_in_button = TextButton("primary", self)
        self.check_in_button.setObjectName("check-in")
        self.check_in_button.clicked.connect(self._check_in)
        self.cancel_button = TextButton("secondary", self)
        self.cancel_button.setObjectName("cancel-appointment")
        self.cancel_button.clicked.connect(self._cancel)
        self.keep_button = TextButton("secondary", self)
        self.keep_button.setObjectName("keep-appointment")
        self.keep_button.clicked.connect(self._keep)
        for b in (self.check_in_button, self.cancel_button, self.keep_button):
            row.addWidget(b, 1)
        self.row = row
        self.root.addLayout(row)
        self.index = 0
        self.stage = ""  # "" | "confirm" | "phone": how far cancelling has gone
        self.action = ""  # "check_in" | "cancel" while an answer is awaited
        self.answer = None
        self.watch = OutcomeWatch(self)
        self.watch.changed.connect(self._answered)
        self.retranslate()

    def apply_mode(self) -> None:
        super().apply_mode()
        self.row.setSpacing(self.deps.presentation.theme.sizes.gap * 2)
        self.phone.apply_mode(self.deps.presentation)
        self.ticket_view.set_gap(self.deps.presentation.theme.sizes.gap)
        self.outcome.set_gap(self.deps.presentation.theme.sizes.gap)
        self.ticket_view.set_portrait(self.deps.presentation.portrait)

    @property
    def confirming(self) -> bool:
        """Cancelling has begun (asked "are you sure?", or asking for the phone number)."""
        return self.stage != ""

    @property
    def appointment(self) -> Appointment | None:
        found = self.deps.session().appointments
        return found[self.index] if 0 <= self.index < len(found) else None

    def enter(self, index: int = 0, **_kw: Any) -> None:
        self.index, self.stage, self.action, self.answer = index, "", "", None
        self.phone.forget()
        self.watch.stop()
        self.say("")
        self.retranslate()

    def hideEvent(self, event) -> None:  # noqa: N802
        self.watch.stop()
        self.ahead.stop()
        super().hideEvent(event)

    def _send(self, action: str, phone: str = "") -> None:
        """``phone``: for a cancel, the number given when booking (as typed, checked)."""
        a, box = self.appointment, self.outbox()
        if a is None or box is None:
            return
        lookup_id = self.deps.session().lookup_id
        masked = idnumber.mask(lookup_id) if lookup_id else f"voucher {a.reference}"
        if action == "check_in":
            item = appointments.check_in(box, a.booking_id, masked, self.now())
        else:
            item = appointments.cancel(box, a.booking_id, phone, masked, self.now())
        central = self.deps.central()
        assert central is not None  # an outbox comes only with the central platform
        central.urge()
        self.action, self.answer, self.stage = action, None, ""
        self.say(translate("Appointments", "Sending…"))
        self.watch.watch(self.outbox, item.id, ANSWER_WAIT_MS)
        self.retranslate()

    def _check_in(self) -> None:
        self._send("check_in")

    def _cancel(self) -> None:
        """Cancel, then Yes, then the phone number: each tap one stage further."""
        a = self.appointment
        if self.stage == "":
            self.stage = "confirm"
        elif self.stage == "confirm":
            self.stage = "phone"
            self.phone.start(a.phone_masked if a is not None else "")
            self.say("")
        else:
            number = self.phone.number()
            if number is None:
                return  # the reason is beside the box; what was typed stays to correct
            self._send("cancel", number)
            return
        self.retranslate()

    def _keep(self) -> None:
        """No, keep it: out of cancelling, and the number typed gone."""
        self.stage = ""
        self.phone.clear()
        self.say("")
        self.retranslate()

    def _answered(self, result) -> None:
        self.answer = result
        found = self.deps.session().appointments
        a = self.appointment
        if result.state is OutcomeState.CONFIRMED and a is not None:
            body = result.booking or {}
            booking = body.get("booking", body)
            found[self.index] = appointments.from_server(booking) if "status" in booking else a
            self.say("")
            self.phone.clear()
        elif result.state is OutcomeState.REFUSED:
            problem = result.reason or ""
            rules = self.rules(a.hall if a else "")
            if self.action == "check_in":
                self.say(checkin_refusal(problem, rules.checkin_before_minutes,
                                         rules.checkin_after_minutes))
            else:
                self._cancel_refused(problem)
        elif result.state is OutcomeState.LATE:
            self.say(translate(
                "Appointments",
                "The platform cannot be reached just now, so this has NOT happened yet. It will "
                "be sent when the connection is back; staff at the desk can help you now.",
            ))
        self.retranslate()

    def _place_buttons(self, typing: bool) -> None:
        """Cancel and Keep beside the keypad while the number is typed, else in the row."""
        target = self.phone.button_row if typing else self.row
        for b in (self.cancel_button, self.keep_button):
            if target.indexOf(b) < 0:
                (self.row if typing else self.phone.button_row).removeWidget(b)
                target.addWidget(b, 1)

    def _cancel_refused(self, problem: str) -> None:
        """A wrong phone number: back to typing it, with what was typed there to correct.
        Locked: never again at this kiosk, the window can."""
        a = self.appointment
        if problem == "phone_mismatch":  # said beside the box, where it is corrected
            self.stage = "phone"
            self.say("")
            self.phone.show_refusal(cancel_refusal(problem))
            return
        self.stage = ""
        self.phone.clear()
        if problem == "cancel_locked" and a is not None:
            self.deps.session().appointments[self.index] = replace(a, cancel_locked=True)
        self.say(cancel_refusal(problem))

    def is_outcome(self) -> bool:
        return self.ticket() is not None  # checked in: the list is behind the resident

    def ticket(self) -> dict | None:
        a = self.appointment
        if self.answer is not None and self.answer.state is OutcomeState.CONFIRMED:
            t = (self.answer.booking or {}).get("ticket")
            if t:
                return t
        return a.ticket if a is not None else None

    def slip(self) -> Slip | None:
        t = self.ticket()
        return self.ticket_slip(t) if t else None

    def _done(self) -> None:
        """The resident has their number: the session ends, the next one starts afresh."""
        self.watch.stop()
        self.ahead.stop()
        self.deps.navigator.finish()

    def _rate(self) -> None:
        t = self.ticket()
        if t is not None and t.get("ticket_id"):
            self.deps.navigator.go("rating", matter=t["matter"], ticket_id=t["ticket_id"])

    def retranslate(self) -> None:
        a = self.appointment
        self.title.setText(translate("Appointments", "Your appointment"))
        if a is None:
            self.instruction.setText("")
            self.details.setText("")
            for b in (self.check_in_button, self.cancel_button, self.keep_button):
                b.hide()
            self.outcome.clear()
            return
        tz = self.deps.settings.timezone
        service, hall = translate("Booking", "Service"), translate("Booking", "Hall")
        when, reference = translate("Booking", "Day and time"), translate("Appointments", "Reference")
        lines = [
            label_line(service, self.matter_name(a.matter)),
            label_line(hall, self.hall_name(a.hall)),
            label_line(when, local_when(a.start, tz, self.lang)),
        ]
        if a.reference:
            lines.append(label_line(reference, a.reference))
        lines.append(status_text(a))
        self.details.setText("\n".join(lines))
        ticket = self.ticket()
        if ticket:  # in the language now chosen: a QR code in the one before goes away
            self.title.setText(translate("Appointments", "You are checked in"))
            self.ticket_view.show_ticket(ticket["number"], bool(ticket["priority"]),
                                         self.wait_at(ticket["matter"]))
            if ticket.get("ticket_id"):
                if self.ahead.ticket != ticket["ticket_id"]:
                    self.ahead.watch(ticket["ticket_id"])
                self.ticket_view.show_ahead(self.ahead.text(), self.ahead.last is not None)
                self.ticket_view.offer_rating(True)
            self.instruction.setText(translate(
                "Appointments", "Please wait until your number is called."))
        elif self.stage == "phone":
            self.instruction.setText(translate(
                "Appointments", "To cancel, type the phone number you gave when booking."))
        elif self.stage == "confirm":
            self.instruction.setText(translate(
                "Appointments", "Cancel this appointment? The time will be given to someone else."))
        elif a.status == "confirmed" and not a.phone_masked:
            self.instruction.setText(no_phone_text())
        else:
            self.instruction.setText(translate("Appointments", "What would you like to do?"))
        busy = self.action != "" and (self.answer is None or self.answer.state is OutcomeState.WAITING)
        can_act = a.status == "confirmed" and not busy and not ticket
        typing = can_act and self.stage == "phone"
        self.pages.setCurrentWidget(
            self.ticket_view if ticket else self.phone if typing else self.area)
        self._place_buttons(typing)
        self.check_in_button.setVisible(can_act and not self.confirming)
        # no phone given at booking: nothing proves who cancels (``no_phone_given``)
        self.cancel_button.setVisible(can_act and not a.cancel_locked and bool(a.phone_masked))
        self.keep_button.setVisible(can_act and self.confirming)
        self.check_in_button.set_texts(translate("Appointments", "Check in now"))
        self.cancel_button.set_texts({
            "confirm": translate("Appointments", "Yes, cancel it"),
            "phone": translate("Appointments", "Cancel it now"),
        }.get(self.stage, translate("Appointments", "Cancel the appointment")))
        self.keep_button.set_texts(translate("Appointments", "No, keep it"))
        # one strong choice at a time: check in; then keeping it (the safe answer); red
        # only for the last tap, once the phone number is typed
        self.cancel_button.change_role("danger" if self.stage == "phone" else "secondary")
        self.keep_button.change_role("primary" if self.stage == "confirm" else "secondary")
        self._show_outcome(a, bool(ticket))

    def _show_outcome(self, a: Appointment, checked_in: bool) -> None:
        """Checked in or cancelled just now: the panel says it, in place of the title and
        the instruction (which read-aloud still speaks)."""
        answered = self.answer is not None and self.answer.state is OutcomeState.CONFIRMED
        if checked_in and not self.deps.presentation.portrait:
            self.outcome.clear()  # landscape: the number needs the height; the title says it
        elif checked_in:  # 长辈版: the heading alone, the number keeps its height
            self.outcome.show_result("success", self.title.text(), "" if self.deps.presentation
                                     .elderly else self.instruction.text())
        elif answered and self.action == "cancel" and a.status == "cancelled":
            self.title.setText(translate("Appointments", "Your appointment is cancelled"))
            self.instruction.setText(translate(
                "Appointments", "The time is free again for someone else."))
            self.outcome.show_result("success", self.title.text(), self.instruction.text())
        else:
            self.outcome.clear()
        shown = not self.outcome.isHidden()
        self.title.setVisible(not shown)
        self.instruction.setVisible(not shown)
        self.phone.retranslate()
        self.area.fit()

    def reset(self) -> None:
        self.watch.stop()
        self.ahead.stop()
        self.stage, self.action, self.answer = "", "", None
        self.phone.forget()
        self.details.clear()
        self.ticket_view.clear()
        self.outcome.clear()
        self.printed_to = ""
        self.say("")


def checkin_refusal(code: str, before: int, after: int) -> str:
    if code == "outside_checkin_window":
        return translate(
            "Appointments",
            "It is not time to check in yet, or the time has passed. You can check in from %1 "
            "minutes before your appointment until %2 minutes after; staff can help otherwise.",
        ).replace("%1", str(before)).replace("%2", str(after))
    return reason_text(code)
