"""Choosing when: the day, the time (held on the server while the resident finishes), at
this kiosk's hall (``step.begin``)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.booking.draft import (
    Day,
    Slot,
    offline_days,
    offline_slots,
)
from kiosk.sync.api_client import Refused, transient
from ui.context import ScreenDeps
from ui.i18n import translate
from ui.screens.booking.step import (
    BookingStep,
    configure_choices,
    day_label,
    places_text,
    reason_text,
)
from ui.widgets.buttons import TextButton
from ui.widgets.paged import PagedGrid


class BookDayScreen(BookingStep):
    name = "book_day"

    def __init__(self, deps: ScreenDeps) -> None:
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
        if transient(error) and cal is not None:
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
        today = self.now().astimezone(ZoneInfo(self.timezone())).date()

        def factory(d: Day):
            def make():
                b = TextButton("row", self)
                b.setObjectName(f"day-{d.day.isoformat()}")
                b.set_texts(day_label(d.day, self.lang, today), places_text(d.remaining))
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

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.grid = PagedGrid(self)
        self.root.addWidget(self.grid, 1)
        self.slots: list[Slot] = []
        self.offline = False
        self.notice = ""
        self.retranslate()

    def apply_mode(self) -> None:
        super().apply_mode()
        configure_choices(self.grid, self.deps.presentation)

    def enter(self, offline: bool = False, notice: str = "", **_kw: Any) -> None:
        """``notice``: why the resident is back on this list (a time taken meanwhile); it
        stays above the list once the times are in."""
        self.release_hold()
        self.slots, self.offline, self.notice = [], offline, notice
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
        assert hall is not None  # the days to choose from came from the hall's
        self.run(lambda: calls.slots(hall, matter, day), self._got, self._failed)

    def _offline_slots(self) -> None:
        cal, draft = self.calendar(), self.draft
        self.offline = True
        if cal and draft:
            assert draft.day is not None  # entered with a day (enter checks), kept meanwhile
            self.slots = offline_slots(cal, draft.day, self.now())
        else:
            self.slots = []
        self.say(translate(
            "Booking",
            "Offline: places left are not known. Your request will be confirmed later by SMS.",
        ))
        self._show_slots()

    def _got(self, slots: list[Slot]) -> None:
        self.slots = slots
        none_free = "" if slots else translate(
            "Booking", "No free times on this day. Go back and choose another day.")
        self.say("\n".join(t for t in (self.notice, none_free) if t))
        self._show_slots()

    def _failed(self, error: Exception) -> None:
        if transient(error):
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
        assert hall is not None  # the times to choose from came from the hall's

        def held(hold) -> None:
            draft.slot, draft.hold = slot, hold
            self.say("")
            self.deps.navigator.go("book_who")

        def not_held(error: Exception) -> None:
            if isinstance(error, Refused) and error.reason == "slot_full":
                taken = translate("Booking", "Sorry, that time was taken just now. Please choose another.")
                self.enter(offline=False, notice=taken)
                self.say(taken)
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
                b.set_texts(f"{part} {local:%H:%M}–{end:%H:%M}", places_text(s.remaining))
                b.setEnabled(s.remaining != 0)
                b.clicked.connect(lambda _=False, slot=s: self._choose(slot))
                return b
            return make

        self.grid.set_items([factory(s) for s in self.slots])

    def retranslate(self) -> None:
        self.title.setText(translate("Booking", "What time?"))
        d = self.draft.day if self.draft else None
        today = self.now().astimezone(ZoneInfo(self.timezone())).date()
        self.instruction.setText(day_label(d, self.lang, today) if d else "")
        self._show_slots()
