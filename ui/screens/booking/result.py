"""The answer: booked, a request saved (never shown as confirmed), or refused with
other times to choose from; the slip, on paper or as a QR code."""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel

from kiosk.booking.draft import (
    OutcomeState,
    Slot,
)
from kiosk.booking.slips import Slip, booking_slip, local_when, voucher_text
from kiosk.rules.typography import label_line, sentences
from ui.context import ScreenDeps
from ui.i18n import translate
from ui.screens.booking.step import BookingStep, places_text, reason_text
from ui.screens.steps import SlipActions
from ui.widgets.buttons import TextButton
from ui.widgets.paged import PagedGrid
from ui.widgets.qr import QrCode
from ui.widgets.reading import ReadingArea
from ui.widgets.result_panel import ResultPanel
from ui.workers.outcome_watch import OutcomeWatch

#: how long the result screen waits for the server before saying "request saved"
CONFIRM_WAIT_MS = 8000


class ResultState(StrEnum):
    """What the result screen says: still waiting for the platform, the booking made,
    only a request saved (offline, or no answer in time), or refused."""

    WAITING = "waiting"
    CONFIRMED = "confirmed"
    REQUEST = "request"
    REFUSED = "refused"


class BookResultScreen(SlipActions, BookingStep):
    name = "book_result"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        #: how it ended, said once in a coloured panel: booked, saved as a request, not made
        self.outcome = ResultPanel(self)
        self.outcome.setObjectName("booking-outcome")
        self.root.addWidget(self.outcome)
        body = QHBoxLayout()
        self.details_area = ReadingArea(self)
        column = self.details_area.column()
        self.details = QLabel(column.parentWidget())
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.details)
        column.addStretch(1)
        body.addWidget(self.details_area, 2)
        self.qr = QrCode(self)
        self.qr.hide()
        body.addWidget(self.qr, 1)
        self.root.addLayout(body, 1)
        self.alternatives = PagedGrid(self)
        self.alternatives.hide()
        self.root.addWidget(self.alternatives, 1)
        row = QHBoxLayout()
        self.print_button = TextButton("secondary", self)
        self.print_button.setObjectName("print-slip")
        self.print_button.clicked.connect(self.print_slip)
        self.phone_button = TextButton("secondary", self)
        self.phone_button.setObjectName("send-to-phone")
        self.phone_button.clicked.connect(self._to_phone)
        row.addWidget(self.phone_button, 1)
        self.done_button = TextButton("primary", self)
        self.done_button.setObjectName("booking-done")
        self.done_button.clicked.connect(self._done)
        row.addWidget(self.print_button, 1)
        row.addWidget(self.done_button, 1)
        self.root.addLayout(row)
        self.state = ResultState.WAITING
        self.booking: dict[str, Any] | None = None
        self.alt_slots: list[Slot] = []
        self.reason = ""
        self.watch = OutcomeWatch(self)
        self.watch.changed.connect(self._answered)
        #: what the last print produced (a PDF path, or a printer's name)
        self.printed_to = ""
        self.retranslate()

    def apply_mode(self) -> None:
        super().apply_mode()
        s = self.deps.presentation.theme.sizes
        self.alternatives.configure(1, None, s.gap)
        self.outcome.set_gap(s.gap)

    def enter(self, wait_ms: int | None = None, **_kw: Any) -> None:
        """``wait_ms``: how long to wait for the server before saying "request saved"."""
        self.state, self.booking, self.alt_slots, self.reason = ResultState.WAITING, None, [], ""
        draft, central = self.draft, self.deps.central()
        self.retranslate()
        if draft is None or central is None or draft.item_id is None:
            return
        self.watch.watch(self.outbox, draft.item_id,
                         CONFIRM_WAIT_MS if wait_ms is None else wait_ms)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.watch.stop()
        super().hideEvent(event)

    def _answered(self, result) -> None:
        if result.state is OutcomeState.CONFIRMED:
            self.state, self.booking = ResultState.CONFIRMED, result.booking
        elif result.state is OutcomeState.REFUSED:
            self.state, self.reason = ResultState.REFUSED, result.reason or ""
            self.alt_slots = list(result.alternatives)
        elif result.state is OutcomeState.LATE:
            self.state = ResultState.REQUEST  # still watched: it may be confirmed while they are here
        self.retranslate()

    def _choose_alternative(self, slot: Slot) -> None:
        draft = self.draft
        if draft is None:
            return
        draft.item_id = None
        draft.day = slot.local(self.timezone()).date()
        draft.slot, draft.hold = None, None
        self.deps.navigator.go("book_time", offline=False)

    def slip(self) -> Slip | None:
        d = self.draft
        if d is None or d.slot is None:
            return None
        booking = self.booking if self.state is ResultState.CONFIRMED else None
        confirmed = booking is not None
        matter = self.deps.catalogue.find_matter(d.matter)
        return booking_slip(
            lang=self.lang, confirmed=confirmed, hall=self.chosen_hall(), matter=self.chosen_matter(),
            start=d.slot.start, timezone=self.timezone(), id_number=d.id_number, mobile=d.phone,
            reference=booking.get("reference", "") if booking is not None else "",
            window=matter.window.get(self.lang) if matter and matter.window else "",
            arrive=self._arrive_text() if confirmed else "",
            # what the resident brings: not what the hall takes or looks up itself
            bring=tuple(m.name.get(self.lang) for m in matter.materials
                        if m.required and m.brought) if matter else (),
        )

    def _arrive_text(self) -> str:
        d, cal = self.draft, self.calendar()
        if d is None or d.slot is None or cal is None:
            return ""
        opens, closes = cal.checkin_window(d.slot.start)
        tz = ZoneInfo(cal.timezone)
        return translate("Booking", "between %1 and %2").replace(
            "%1", opens.astimezone(tz).strftime("%H:%M")).replace(
            "%2", closes.astimezone(tz).strftime("%H:%M"))

    def _to_phone(self) -> None:
        """The slip as a QR code, for a resident with no printer here (or who prefers it)."""
        if self.slip_to_phone():
            self.say(translate("Booking", "Scan the code with your phone camera to keep this."))

    def is_outcome(self) -> bool:
        return True  # sent: going back to "check your answers" would only send it again

    def _done(self) -> None:
        self.watch.stop()
        self.deps.navigator.home()

    def reset(self) -> None:
        self.watch.stop()
        self.state, self.booking, self.alt_slots, self.reason = ResultState.WAITING, None, [], ""
        self.details.clear()
        self.qr.clear()
        self.outcome.clear()
        self.printed_to = ""
        super().reset()

    def retranslate(self) -> None:
        self._say_state()
        tone = {ResultState.CONFIRMED: "success", ResultState.REQUEST: "warning",
                ResultState.REFUSED: "failure"}.get(self.state)
        if tone is None:
            self.outcome.clear()
        else:  # the panel says what the title and instruction would (read aloud still does)
            self.outcome.show_result(tone, self.title.text(), self.instruction.text())
        self.title.setVisible(tone is None)
        self.instruction.setVisible(tone is None)

    def _say_state(self) -> None:
        self.print_button.set_texts(translate("Booking", "Print a slip"))
        self.done_button.set_texts(translate("Booking", "Done"))
        self.qr.hide()
        self.alternatives.hide()
        self.print_button.setVisible(self.state in (ResultState.CONFIRMED, ResultState.REQUEST))
        self.phone_button.setVisible(self.state is ResultState.REQUEST)
        self.phone_button.set_texts(translate("Booking", "Scan with your phone"))
        self.details_area.setVisible(self.state is not ResultState.REFUSED)
        QTimer.singleShot(0, self.details_area, self.details_area.fit)
        if self.state is ResultState.WAITING:
            self.title.setText(translate("Booking", "Sending your booking…"))
            self.instruction.setText(translate("Booking", "Please wait a moment."))
            self.details.setText("")
            return
        slip = self.slip()
        lines = "\n".join(label_line(k, v) for k, v in slip.lines) if slip else ""
        if self.state is ResultState.CONFIRMED:
            self.title.setText(translate("Booking", "Your appointment is booked"))
            self.instruction.setText(translate(
                "Booking", "Show the QR code or the reference number when you check in."))
            self.details.setText(lines)
            # confirmed, the outcome carries the booking (kiosk.booking.draft.outcome)
            assert self.booking is not None
            self.qr.set_text(voucher_text(self.booking.get("reference", "")))
            self.qr.show()
        elif self.state is ResultState.REQUEST:
            self.title.setText(translate("Booking", "Request saved – not yet confirmed"))
            self.instruction.setText(translate(
                "Booking",
                "The booking service cannot be reached just now. Your request is kept on this "
                "kiosk and sent automatically. This is not an appointment yet: you will get an "
                "SMS when it is confirmed, or if the time is no longer free.",
            ) if self.draft is not None and self.draft.phone else translate(
                "Booking",
                "The booking service cannot be reached just now. Your request is kept on this "
                "kiosk and sent automatically. This is not an appointment yet: with your ID "
                "card, look under My appointments on a kiosk later to see if it is confirmed.",
            ))
            self.details.setText(lines)
        else:
            self.title.setText(translate("Booking", "The booking was not made"))
            self.instruction.setText(reason_text(self.reason))
            self.details.setText("")
            self.details_area.hide()
            if self.alt_slots:
                self.instruction.setText(sentences(reason_text(self.reason),
                                                   translate("Booking", "Other free times:")))
            tz = self.timezone()

            def factory(s: Slot):
                def make():
                    b = TextButton("row", self)
                    b.setObjectName(f"alternative-{s.local(tz):%m%d%H%M}")
                    b.set_texts(local_when(s.start, tz, self.lang), places_text(s.remaining))
                    b.clicked.connect(lambda _=False, slot=s: self._choose_alternative(slot))
                    return b
                return make

            self.alternatives.set_items([factory(s) for s in self.alt_slots])
            self.alternatives.setVisible(bool(self.alt_slots))
