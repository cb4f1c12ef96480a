"""A queue number without an appointment (取号): the matter, the green channel for
residents of 60 and over, the number on a slip or as a QR code."""

from __future__ import annotations

from typing import Any

from kiosk.booking import appointments
from kiosk.booking.draft import OutcomeState
from kiosk.booking.slips import Slip
from ui.context import ScreenDeps
from ui.i18n import translate
from ui.queue.ahead import AheadWatch, queue_of
from ui.screens.appointments import ANSWER_WAIT_MS, AppointmentStep
from ui.screens.booking.step import reason_text
from ui.screens.steps import SlipActions
from ui.widgets.buttons import TextButton
from ui.widgets.paged import PagedGrid
from ui.widgets.queue_ticket import QueueTicket
from ui.widgets.result_panel import ResultPanel
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
        #: the platform's answer: a number (success), none (failure), no answer (warning)
        self.outcome = ResultPanel(self)
        self.outcome.setObjectName("walk-in-outcome")
        self.root.addWidget(self.outcome)
        self.root.addWidget(self.priority_button)
        self.grid = PagedGrid(self)
        self.root.addWidget(self.grid, 1)
        self.ticket_view = QueueTicket(self, "walk-in")
        self.ticket_view.hide()
        self.root.addWidget(self.ticket_view, 1)
        self.number, self.qr = self.ticket_view.number, self.ticket_view.qr
        self.print_button, self.phone_button, self.done_button = self.ticket_view.wire(
            self.print_slip, self.slip_to_phone, self._done)
        self.watch = OutcomeWatch(self)
        self.watch.changed.connect(self._answered)
        #: "前面还有 N 人" for the number taken, asked of the queue while it is shown
        self.ahead = AheadWatch(self, queue_of(deps, deps.settings.hall_code))
        self.ahead.changed.connect(self.ticket_view.show_ahead)
        self.rate_button = self.ticket_view.wire_rating(self._rate)
        self.answer = None
        self.matter = ""
        self.printed_to = ""
        self.retranslate()

    def apply_mode(self) -> None:
        super().apply_mode()
        p = self.deps.presentation
        s = p.theme.sizes
        # one service a row in 长辈版, more across where their names keep their lines and
        # it saves pages (one across showed three a page, twelve pages)
        self.grid.configure(1 if p.elderly else 2, None, s.gap, widest=2 if p.portrait else 3)
        self.ticket_view.set_gap(s.gap)
        self.ticket_view.set_portrait(self.deps.presentation.portrait)
        self.outcome.set_gap(s.gap)

    def enter(self, **_kw: Any) -> None:
        self.watch.stop()
        self.ahead.stop()
        self.answer, self.matter = None, ""
        self.priority_button.setChecked(self.deps.presentation.elderly)
        self.say("")
        self.retranslate()

    def hideEvent(self, event) -> None:  # noqa: N802
        self.watch.stop()
        self.ahead.stop()
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
        if result.state in (OutcomeState.CONFIRMED, OutcomeState.REFUSED, OutcomeState.LATE):
            self.say("")  # the outcome panel says it (retranslate)
        self.retranslate()

    def _show_outcome(self) -> None:
        """The answer in a result panel, in the language now chosen."""
        state = self.answer.state if self.answer is not None else None
        # in landscape the panel's heading stands for the title, so the number keeps the
        # height it needs (read aloud still says the title)
        self.title.setVisible(state is not OutcomeState.CONFIRMED
                              or self.deps.presentation.portrait)
        if state is OutcomeState.CONFIRMED:
            self.outcome.show_result(
                "success", translate("Appointments", "Here is your number"),
                translate("Appointments", "Please wait until your number is called."))
        elif state is OutcomeState.REFUSED:
            self.outcome.show_result(
                "failure", translate("Appointments", "No number was given"),
                reason_text(self.answer.reason or ""))
        elif state is OutcomeState.LATE:
            self.outcome.show_result("warning", translate("Appointments", "No number yet"), translate(
                "Appointments",
                "The platform cannot be reached just now, so no number could be given. Please "
                "ask staff at the desk for a number.",
            ))
        else:
            self.outcome.clear()

    def is_outcome(self) -> bool:
        return self.ticket() is not None

    def ticket(self) -> dict | None:
        if self.answer is not None and self.answer.state is OutcomeState.CONFIRMED:
            return self.answer.booking
        return None

    def _rate(self) -> None:
        """Rate this visit (the rating screen's Done then ends the session, as Done here)."""
        t = self.ticket()
        if t is not None:
            self.deps.navigator.go("rating", matter=t["matter"], ticket_id=t["ticket_id"])

    def _done(self) -> None:
        """The resident has their number: the session ends, the next one starts afresh."""
        self.watch.stop()
        self.deps.navigator.finish()

    def slip(self) -> Slip | None:
        t = self.ticket()
        return self.ticket_slip(t) if t else None

    def retranslate(self) -> None:
        t = self.ticket()
        self.title.setText(translate("Appointments", "Take a queue number"))
        self._show_outcome()
        self.priority_button.set_texts(
            translate("Appointments", "✓ I am 60 or over: green channel (priority)")
            if self.priority_button.isChecked()
            else translate("Appointments", "☐ I am 60 or over: tap for the green channel"))
        self.ticket_view.setVisible(bool(t))
        self.grid.setVisible(not t)
        self.priority_button.setVisible(not t)
        if t:  # in the language now chosen: a QR code in the one before goes away
            self.ticket_view.show_ticket(t["number"], bool(t["priority"]), self.wait_at(t["matter"]))
            if t.get("ticket_id"):
                if self.ahead.ticket != t["ticket_id"]:
                    self.ahead.watch(t["ticket_id"])
                self.ticket_view.show_ahead(self.ahead.text(), self.ahead.last is not None)
                self.ticket_view.offer_rating(True)
            # said in the success panel; still the instruction that read-aloud speaks
            self.instruction.setText(translate(
                "Appointments", "Please wait until your number is called."))
            self.instruction.hide()
            return
        self.instruction.show()
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
        self.ahead.stop()
        self.ticket_view.clear()
        self.answer, self.matter, self.printed_to = None, "", ""
        self.priority_button.setChecked(False)
        self.say("")
        self.outcome.clear()
