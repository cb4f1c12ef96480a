"""What every booking step shares: the draft, one call at a time, the words for days,
places, and the refusals; ``begin`` starts a booking from a matter, at this kiosk's hall."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QHideEvent

from kiosk.booking.draft import (
    UNKNOWN,
    BookingDraft,
)
from kiosk.rules.calendar import HallCalendar
from kiosk.rules.typography import chinese_date
from ui.context import ScreenDeps
from ui.i18n import plural, translate
from ui.screens.steps import Step
from ui.widgets.paged import PagedGrid
from ui.workers.tasks import OneCall, run_in_background

WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def begin(deps: ScreenDeps, matter_code: str) -> None:
    """Start booking ``matter_code`` at this kiosk's hall, the only one it books for (the
    platform refuses a device anything at another hall). A matter not served here gets
    the screen that says so and where it is served (``book_hall``)."""
    matter = deps.catalogue.find_matter(matter_code)
    if matter is None or not matter.bookable:
        return
    here = deps.settings.hall_code
    if here not in matter.halls:
        deps.navigator.go("book_hall", matter=matter_code)
        return
    if deps.central() is None:
        deps.navigator.go("coming_soon", feature="booking_offline")
        return
    deps.session().booking = BookingDraft(matter=matter_code, hall=here)
    deps.navigator.go("book_day")


class BookingStep(Step):
    """Common to the booking steps: the draft, one background call at a time."""

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.call = OneCall()

    @property
    def draft(self) -> BookingDraft | None:
        return self.deps.session().booking

    def run(self, fn, on_done, on_failed) -> None:
        """One network call of this step at a time (``ui.workers.tasks.OneCall``)."""
        self.call.start(fn, on_done, on_failed)

    @property
    def busy(self) -> bool:
        """A network call of this step is under way."""
        return self.call.busy

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

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        # the resident left this step: an answer still to come must not act for it (a hold
        # that arrives after Back would carry them on to the next step)
        self.call.cancel()
        super().hideEvent(event)

    def reset(self) -> None:
        self.call.cancel()
        self.release_hold()
        self.say("")


def configure_choices(grid: PagedGrid, presentation) -> None:
    """Days and times: two columns on a wide screen (长辈版 too: its type still fits half
    of 1920 px, and half the pages to turn), one in portrait; a page holds what fits: a
    column more where the days keep their lines in it and it saves a page turn (长辈版
    showed four days a page where six fitted)."""
    s = presentation.theme.sizes
    portrait = presentation.portrait
    grid.configure(1 if portrait else 2, None, s.gap, widest=2 if portrait else 3)


def day_label(day: date, lang: str, today: date | None = None) -> str:
    """12月8日 星期二; with ``today`` (the hall's date), 今天 / 明天 before it."""
    if lang == "zh":
        text = chinese_date(day, year=False, weekday=True)
    else:
        text = f"{WEEKDAYS_EN[day.weekday()]} {day.day} {day:%b}"
    near = {0: translate("Booking", "Today"), 1: translate("Booking", "Tomorrow")}.get(
        (day - today).days if today is not None else -1)
    if near is None:
        return text
    return f"{near} {text}" if lang == "zh" else f"{near}, {text}"


def places_text(remaining: int) -> str:
    """What a day or time says of its places; nothing while offline (the screen says once
    that places are not known, not on every line)."""
    if remaining == UNKNOWN:
        return ""
    if remaining == 0:
        return translate("Booking", "Fully booked")
    return plural(remaining, translate("Booking", "1 place left"),
                  translate("Booking", "%1 places left"))


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
        "hall_not_open_now": translate(
            "Booking", "The hall is not open just now: numbers are given during its opening hours."),
        "calendar_not_valid": translate(
            "Booking", "That day cannot be booked yet. Please choose an earlier day or ask staff."),
    }.get(code, translate("Booking", "The booking was not accepted. Please ask staff."))
