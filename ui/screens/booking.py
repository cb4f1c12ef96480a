"""Booking an appointment, step by step: hall, day, time, who, check, result.

The server decides (docs/api.md). Network calls run off the GUI thread
(ui.workers.tasks); when the central platform cannot be reached the journey goes on
from the hall's calendar with places left unknown, and the booking is saved as
a *request* in the outbox — never shown or printed as confirmed.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from kiosk.booking.draft import (
    UNKNOWN,
    BookingDraft,
    Day,
    Slot,
    offline_days,
    offline_slots,
    submit,
)
from kiosk.booking.slips import booking_slip, local_when, voucher_text
from kiosk.rules import idnumber, phone
from kiosk.rules.calendar import HallCalendar
from kiosk.sync.api_client import ApiError, Refused
from ui.i18n import plural, translate
from ui.screens.steps import SlipActions, Step
from ui.theme import set_role
from ui.widgets.buttons import TextButton
from ui.widgets.keypad import NumericKeypad, keypad_box, lay_out_beside
from ui.widgets.paged import PagedGrid
from ui.widgets.qr import QrCode
from ui.widgets.reading import ReadingArea
from ui.workers.outcome_watch import OutcomeWatch
from ui.workers.tasks import Task, run_in_background

WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAYS_ZH = "一二三四五六日"
#: how long the result screen waits for the server before saying "request saved"
CONFIRM_WAIT_MS = 8000


def begin(deps, matter_code: str) -> None:
    """Start booking ``matter_code``: the hall first when more than one serves it."""
    matter = deps.catalogue.find_matter(matter_code)
    if matter is None or not matter.bookable:
        return
    if deps.central() is None:
        deps.navigator.go("coming_soon", feature="booking_offline")
        return
    draft = BookingDraft(matter=matter_code)
    deps.session().booking = draft
    if len(matter.halls) == 1:
        draft.hall = matter.halls[0]
        deps.navigator.go("book_day")
    else:
        deps.navigator.go("book_hall")


class BookingStep(Step):
    """Common to the booking steps: the draft, one background call at a time."""

    def __init__(self, deps) -> None:
        super().__init__(deps)
        self._task: Task | None = None

    @property
    def draft(self) -> BookingDraft | None:
        return self.deps.session().booking

    def run(self, fn, on_done, on_failed) -> None:
        if self._task is not None:
            self._task.cancel()

        def finish(callback):
            def call(result) -> None:
                self._task = None
                callback(result)
            return call

        self._task = run_in_background(fn, finish(on_done), finish(on_failed))

    @property
    def busy(self) -> bool:
        """A network call of this step is under way."""
        return self._task is not None

    def calendar(self) -> HallCalendar | None:
        """The chosen hall's calendar."""
        draft = self.draft
        return self.hall_calendar(draft.hall) if draft and draft.hall else None

    def chosen_hall(self) -> str:
        draft = self.draft
        return self.hall_name(draft.hall) if draft and draft.hall else ""

    def chosen_matter(self) -> str:
        return self.matter_name(self.draft.matter) if self.draft else ""

    def timezone(self) -> str:
        cal = self.calendar()
        return cal.timezone if cal else self.deps.settings.timezone

    def release_hold(self) -> None:
        draft, central = self.draft, self.deps.central()
        if draft is None or draft.hold is None:
            return
        hold_id, draft.hold = draft.hold.hold_id, None
        if central is not None:
            calls = central.calls()
            run_in_background(lambda: calls.release(hold_id), lambda _r: None, lambda _e: None)

    def reset(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.release_hold()
        self.say("")


def configure_choices(grid: PagedGrid, presentation) -> None:
    """Days and times: two columns on a wide standard screen, one in 长辈版 or portrait."""
    s = presentation.theme.sizes
    columns = 1 if presentation.elderly or presentation.portrait else 2
    grid.configure(columns, s.max_tiles * columns, s.gap)


def day_label(day: date, lang: str) -> str:
    if lang == "zh":
        return f"{day.month}月{day.day}日 星期{WEEKDAYS_ZH[day.weekday()]}"
    return f"{WEEKDAYS_EN[day.weekday()]} {day.day} {day:%b}"


def places_text(remaining: int) -> str:
    if remaining == UNKNOWN:
        return translate("Booking", "Places left: not known (offline)")
    if remaining == 0:
        return translate("Booking", "Fully booked")
    return plural(remaining, translate("Booking", "1 place left"),
                  translate("Booking", "%1 places left"))


class BookHallScreen(BookingStep):
    name = "book_hall"

    def __init__(self, deps) -> None:
        super().__init__(deps)
        self.grid = PagedGrid(self)
        self.root.addWidget(self.grid, 1)
        self.retranslate()

    def apply_mode(self) -> None:
        super().apply_mode()
        s = self.deps.presentation.theme.sizes
        self.grid.configure(1, s.max_tiles, s.gap)

    def enter(self, **_kw: Any) -> None:
        self.retranslate()

    def _choose(self, hall: str) -> None:
        if self.draft is not None:
            self.draft.hall = hall
            self.deps.navigator.go("book_day")

    def retranslate(self) -> None:
        self.title.setText(translate("Booking", "Where would you like to go?"))
        self.instruction.setText(translate("Booking", "Choose the hall."))
        draft = self.draft
        if draft is None:
            self.grid.set_items([])
            return
        matter = self.deps.catalogue.find_matter(draft.matter)
        halls = [h for h in self.deps.catalogue.halls if matter and h.code in matter.halls]

        def factory(h):
            def make():
                b = TextButton("row", self)
                b.setObjectName(f"hall-{h.code}")
                b.set_texts(h.name.get(self.lang), h.address.get(self.lang))
                b.clicked.connect(lambda _=False, code=h.code: self._choose(code))
                return b
            return make

        self.grid.set_items([factory(h) for h in halls])


class BookDayScreen(BookingStep):
    name = "book_day"

    def __init__(self, deps) -> None:
        super().__init__(deps)
        self.grid = PagedGrid(self)
        self.root.addWidget(self.grid, 1)
        self.days: list[Day] = []
        self.offline = False
        self.retranslate()

    def apply_mode(self) -> None:
        super().apply_mode()
        configure_choices(self.grid, self.deps.presentation)

    def enter(self, **_kw: Any) -> None:
        self.release_hold()
        self.days, self.offline = [], False
        self.say(translate("Booking", "Looking up free days…"))
        self._show_days()
        draft, central = self.draft, self.deps.central()
        if draft is None or central is None or draft.hall is None:
            return
        calls = central.calls()
        hall, matter = draft.hall, draft.matter
        self.run(lambda: calls.days(hall, matter), self._got, self._failed)

    def _got(self, days: list[Day]) -> None:
        self.days, self.offline = [d for d in days if d.open], False
        self.say("")
        self._show_days()

    def _failed(self, error: Exception) -> None:
        cal = self.calendar()
        if isinstance(error, ApiError) and not isinstance(error, Refused) and cal is not None:
            self.days, self.offline = offline_days(cal, self.now()), True
            self.say(translate(
                "Booking",
                "The booking service cannot be reached just now. You can still ask for a "
                "time: your request is kept and confirmed later by SMS.",
            ))
        else:
            self.days = []
            self.say(translate("Booking", "Booking is not possible just now. Please ask staff."))
        self._show_days()

    def _choose(self, day: date) -> None:
        if self.draft is not None:
            self.draft.day = day
            self.deps.navigator.go("book_time", offline=self.offline)

    def _show_days(self) -> None:
        def factory(d: Day):
            def make():
                b = TextButton("row", self)
                b.setObjectName(f"day-{d.day.isoformat()}")
                b.set_texts(day_label(d.day, self.lang), places_text(d.remaining))
                b.setEnabled(d.remaining != 0)
                b.clicked.connect(lambda _=False, day=d.day: self._choose(day))
                return b
            return make

        self.grid.set_items([factory(d) for d in self.days])

    def retranslate(self) -> None:
        self.title.setText(translate("Booking", "Which day?"))
        self.instruction.setText(self.chosen_matter() + " · " + self.chosen_hall()
                                 if self.draft else "")
        self._show_days()


class BookTimeScreen(BookingStep):
    name = "book_time"

    def __init__(self, deps) -> None:
        super().__init__(deps)
        self.grid = PagedGrid(self)
        self.root.addWidget(self.grid, 1)
        self.slots: list[Slot] = []
        self.offline = False
        self.retranslate()

    def apply_mode(self) -> None:
        super().apply_mode()
        configure_choices(self.grid, self.deps.presentation)

    def enter(self, offline: bool = False, **_kw: Any) -> None:
        self.release_hold()
        self.slots, self.offline = [], offline
        draft, central = self.draft, self.deps.central()
        self.retranslate()
        if draft is None or draft.day is None or central is None:
            return
        if offline:
            self._offline_slots()
            return
        self.say(translate("Booking", "Looking up free times…"))
        calls = central.calls()
        hall, matter, day = draft.hall, draft.matter, draft.day
        self.run(lambda: calls.slots(hall, matter, day), self._got, self._failed)

    def _offline_slots(self) -> None:
        cal = self.calendar()
        self.offline = True
        self.slots = offline_slots(cal, self.draft.day, self.now()) if cal and self.draft else []
        self.say(translate(
            "Booking",
            "Offline: places left are not known. Your request will be confirmed later by SMS.",
        ))
        self._show_slots()

    def _got(self, slots: list[Slot]) -> None:
        self.slots = slots
        self.say("" if slots else translate("Booking", "No free times on this day. Go back and choose another day."))
        self._show_slots()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ApiError) and not isinstance(error, Refused):
            self._offline_slots()
        else:
            self.say(translate("Booking", "Booking is not possible just now. Please ask staff."))

    def _choose(self, slot: Slot) -> None:
        draft, central = self.draft, self.deps.central()
        if draft is None or central is None:
            return
        if self.offline:
            draft.slot, draft.hold = slot, None
            self.deps.navigator.go("book_who")
            return
        self.say(translate("Booking", "Keeping this time for you…"))
        calls = central.calls()
        hall, matter, key = draft.hall, draft.matter, str(uuid.uuid4())

        def held(hold) -> None:
            draft.slot, draft.hold = slot, hold
            self.say("")
            self.deps.navigator.go("book_who")

        def not_held(error: Exception) -> None:
            if isinstance(error, Refused) and error.reason == "slot_full":
                self.say(translate("Booking", "Sorry, that time was taken just now. Please choose another."))
                self.enter(offline=False)
                self.say(translate("Booking", "Sorry, that time was taken just now. Please choose another."))
            elif isinstance(error, Refused):
                self.say(reason_text(error.reason))
            else:  # unreachable: go on, the booking becomes a request
                draft.slot, draft.hold = slot, None
                self.deps.navigator.go("book_who")

        self.run(lambda: calls.hold(hall, matter, slot.start, key), held, not_held)

    def _show_slots(self) -> None:
        tz = self.timezone()

        def factory(s: Slot):
            def make():
                local = s.local(tz)
                end = s.end.astimezone(ZoneInfo(tz))
                part = (translate("Booking", "Morning") if local.hour < 12
                        else translate("Booking", "Afternoon"))
                b = TextButton("row", self)
                b.setObjectName(f"slot-{local:%H%M}")
                b.set_texts(f"{part}  {local:%H:%M}–{end:%H:%M}", places_text(s.remaining))
                b.setEnabled(s.remaining != 0)
                b.clicked.connect(lambda _=False, slot=s: self._choose(slot))
                return b
            return make

        self.grid.set_items([factory(s) for s in self.slots])

    def retranslate(self) -> None:
        self.title.setText(translate("Booking", "What time?"))
        d = self.draft.day if self.draft else None
        self.instruction.setText(day_label(d, self.lang) if d else "")
        self._show_slots()


class BookWhoScreen(BookingStep):
    """The resident's ID number, then their mobile number: one box at a time, on a big keypad."""

    name = "book_who"

    def __init__(self, deps) -> None:
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
                draft.id_number = idnumber.validate(self.id_field.text())
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
            draft.phone = phone.validate(self.phone_field.text())
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


def id_error_text(code: str) -> str:
    return {
        "length": translate("Booking", "An ID number has 18 characters. Please check the count."),
        "characters": translate("Booking", "An ID number is 17 digits and then a digit or X."),
        "birth_date": translate("Booking", "The date of birth in this number does not exist."),
        "check_digit": translate("Booking", "This number is not right: please check each digit."),
    }.get(code, translate("Booking", "This number is not right: please check each digit."))


def phone_error_text(code: str) -> str:
    return {
        "length": translate("Booking", "A mobile number has 11 digits."),
        "prefix": translate("Booking", "A mobile number starts with 13 to 19."),
    }.get(code, translate("Booking", "A mobile number has 11 digits."))


def reason_text(code: str) -> str:
    return {
        "slot_full": translate("Booking", "Sorry, that time was taken. Please choose another time."),
        "per_person_limit": translate(
            "Booking", "You already have an appointment for this service on that day."),
        "too_short_notice": translate("Booking", "That time is too soon or has passed."),
        "outside_booking_window": translate("Booking", "That day is too far ahead to book."),
        "not_a_slot": translate("Booking", "That time can no longer be booked."),
        "hall_closed": translate("Booking", "The hall is closed that day."),
    }.get(code, translate("Booking", "The booking was not accepted. Please ask staff."))


class BookReviewScreen(BookingStep):
    name = "book_review"

    def __init__(self, deps) -> None:
        super().__init__(deps)
        self.rows = QGridLayout()
        self.values: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.change: dict[str, TextButton] = {}
        for key, step in (("matter", None), ("hall", "book_hall"), ("time", "book_day"),
                          ("who", "book_who")):
            label, value = QLabel(self), QLabel(self)
            label.setProperty("weight", "bold")
            label.setWordWrap(True)
            value.setWordWrap(True)
            self.labels[key], self.values[key] = label, value
            if step:
                b = TextButton("secondary", self, wrap=False)
                b.setObjectName(f"change-{key}")
                b.clicked.connect(lambda _=False, s=step: self.deps.navigator.go(s))
                self.change[key] = b
        self.root.addLayout(self.rows)
        self.root.addStretch(1)
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
        """Landscape: label, answer, Change on one line. Portrait (narrow): the label
        over the answer, Change beside both."""
        for r, key in enumerate(self.labels):
            label, value, change = self.labels[key], self.values[key], self.change.get(key)
            for w in (label, value, change):
                if w is not None:
                    self.rows.removeWidget(w)
            if portrait:
                self.rows.addWidget(label, 2 * r, 0)
                self.rows.addWidget(value, 2 * r + 1, 0)
                if change is not None:
                    self.rows.addWidget(change, 2 * r, 1, 2, 1)
            else:
                self.rows.addWidget(label, r, 0)
                self.rows.addWidget(value, r, 1)
                if change is not None:
                    self.rows.addWidget(change, r, 2)
        for c in range(3):
            self.rows.setColumnStretch(c, 0)
        self.rows.setColumnStretch(0 if portrait else 1, 1)

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
        for value in self.values.values():  # the masked ID and mobile numbers among them
            value.clear()

    def retranslate(self) -> None:
        self.title.setText(translate("Booking", "Please check your answers"))
        self.instruction.setText(translate("Booking", "Tap Change to correct anything."))
        for key, text in (("matter", translate("Booking", "Service")),
                          ("hall", translate("Booking", "Hall")),
                          ("time", translate("Booking", "Day and time")),
                          ("who", translate("Booking", "ID number") + " · "
                           + translate("Booking", "Mobile"))):
            self.labels[key].setText(text)
        for b in self.change.values():
            b.set_texts(translate("Booking", "Change"))
        d = self.draft
        hall_only_one = True
        if d is not None:
            m = self.deps.catalogue.find_matter(d.matter)
            hall_only_one = bool(m and len(m.halls) == 1)
            self.values["matter"].setText(self.chosen_matter())
            self.values["hall"].setText(self.chosen_hall())
            self.values["time"].setText(
                local_when(d.slot.start, self.timezone(), self.lang) if d.slot else "")
            self.values["who"].setText(
                f"{idnumber.mask(d.id_number)} · {phone.mask(d.phone)}" if d.id_number else "")
        self.change["hall"].setVisible(not hall_only_one)
        self.confirm_button.set_texts(translate("Booking", "Confirm the booking"))


class BookResultScreen(SlipActions, BookingStep):
    name = "book_result"

    def __init__(self, deps) -> None:
        super().__init__(deps)
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
        self.state = "waiting"
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
        self.alternatives.configure(1, s.max_tiles, s.gap)

    def enter(self, wait_ms: int | None = None, **_kw: Any) -> None:
        """``wait_ms``: how long to wait for the server before saying "request saved"."""
        self.state, self.booking, self.alt_slots, self.reason = "waiting", None, [], ""
        draft, central = self.draft, self.deps.central()
        self.retranslate()
        if draft is None or central is None or draft.item_id is None:
            return
        self.watch.watch(lambda: self.deps.central() and self.deps.central().outbox,
                         draft.item_id, CONFIRM_WAIT_MS if wait_ms is None else wait_ms)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.watch.stop()
        super().hideEvent(event)

    def _answered(self, result) -> None:
        if result.state == "confirmed":
            self.state, self.booking = "confirmed", result.booking
        elif result.state == "refused":
            self.state, self.reason = "refused", result.reason or ""
            self.alt_slots = list(result.alternatives)
        elif result.state == "late":
            self.state = "request"  # still watched: it may be confirmed while they are here
        self.retranslate()

    def _choose_alternative(self, slot: Slot) -> None:
        draft = self.draft
        if draft is None:
            return
        draft.item_id = None
        draft.day = slot.local(self.timezone()).date()
        draft.slot, draft.hold = None, None
        self.deps.navigator.go("book_time", offline=False)

    def slip(self):
        d = self.draft
        if d is None or d.slot is None:
            return None
        confirmed = self.state == "confirmed" and self.booking is not None
        matter = self.deps.catalogue.find_matter(d.matter)
        return booking_slip(
            lang=self.lang, confirmed=confirmed, hall=self.chosen_hall(), matter=self.chosen_matter(),
            start=d.slot.start, timezone=self.timezone(), id_number=d.id_number, mobile=d.phone,
            reference=self.booking.get("reference", "") if confirmed else "",
            window=matter.window.get(self.lang) if matter and matter.window else "",
            arrive=self._arrive_text() if confirmed else "",
            bring=tuple(m.name.get(self.lang) for m in matter.materials if m.required)
            if matter else (),
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

    def _done(self) -> None:
        self.watch.stop()
        self.deps.navigator.home()

    def reset(self) -> None:
        self.watch.stop()
        self.state, self.booking, self.alt_slots, self.reason = "waiting", None, [], ""
        self.details.clear()
        self.qr.clear()
        self.printed_to = ""
        super().reset()

    def retranslate(self) -> None:
        self.print_button.set_texts(translate("Booking", "Print a slip"))
        self.done_button.set_texts(translate("Booking", "Done"))
        self.qr.hide()
        self.alternatives.hide()
        self.print_button.setVisible(self.state in ("confirmed", "request"))
        self.phone_button.setVisible(self.state == "request")
        self.phone_button.set_texts(translate("Booking", "Send to my phone"))
        self.details_area.setVisible(self.state != "refused")
        QTimer.singleShot(0, self.details_area, self.details_area.fit)
        if self.state == "waiting":
            self.title.setText(translate("Booking", "Sending your booking…"))
            self.instruction.setText(translate("Booking", "Please wait a moment."))
            self.details.setText("")
            return
        slip = self.slip()
        lines = "\n".join(f"{k}: {v}" for k, v in slip.lines) if slip else ""
        if self.state == "confirmed":
            self.title.setText(translate("Booking", "Your appointment is booked"))
            self.instruction.setText(translate(
                "Booking", "Show the QR code or the reference number when you check in."))
            self.details.setText(lines)
            self.qr.set_text(voucher_text(self.booking.get("reference", "")))
            self.qr.show()
        elif self.state == "request":
            self.title.setText(translate("Booking", "Request saved – not yet confirmed"))
            self.instruction.setText(translate(
                "Booking",
                "The booking service cannot be reached just now. Your request is kept on this "
                "kiosk and sent automatically. This is not an appointment yet: you will get an "
                "SMS when it is confirmed, or if the time is no longer free.",
            ))
            self.details.setText(lines)
        else:
            self.title.setText(translate("Booking", "The booking was not made"))
            self.instruction.setText(reason_text(self.reason))
            self.details.setText("")
            self.details_area.hide()
            if self.alt_slots:
                self.instruction.setText(reason_text(self.reason) + " "
                                         + translate("Booking", "Other free times:"))
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
