"""Hall calendars and booking rules: when a hall is open and how it books.

Shared by the kiosk (to show open days) and the reference server (to decide
slots), so both read the same calendar the same way. A day is open when it is
one of the hall's weekly opening days and not a public holiday or closure, or
when it is a make-up working day (调休), which then follows Monday's hours.
All times here are the hall's local wall-clock times; conversion to UTC happens
only at the edges (``slot_starts`` returns aware datetimes).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.rules.catalogue import Hall, OpeningPeriod

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DEMO_CALENDARS = RESOURCES / "demo" / "hall_calendars.json"

MAKE_UP_DAY_PATTERN = 1  # a 调休 working day keeps Monday's hours


class CalendarError(ValueError):
    """The calendar file is malformed; the message names the place."""


@dataclass(frozen=True, slots=True)
class BookingRules:
    """How a hall books: held by the server, shown by the kiosk."""

    slot_minutes: int = 30
    booking_window_days: int = 7
    min_notice_minutes: int = 30
    hold_seconds: int = 300
    checkin_before_minutes: int = 30
    checkin_after_minutes: int = 10
    default_capacity: int = 2
    capacity: Mapping[str, int] = field(default_factory=dict)

    def capacity_for(self, matter_code: str) -> int:
        return self.capacity.get(matter_code, self.default_capacity)

    def as_json(self) -> dict[str, Any]:
        return {
            "slot_minutes": self.slot_minutes,
            "booking_window_days": self.booking_window_days,
            "min_notice_minutes": self.min_notice_minutes,
            "hold_seconds": self.hold_seconds,
            "checkin_before_minutes": self.checkin_before_minutes,
            "checkin_after_minutes": self.checkin_after_minutes,
            "default_capacity": self.default_capacity,
            "capacity": dict(self.capacity),
        }


_RULE_BOUNDS = {
    "slot_minutes": (5, 240),
    "booking_window_days": (1, 90),
    "min_notice_minutes": (0, 24 * 60),
    "hold_seconds": (30, 3600),
    "checkin_before_minutes": (0, 240),
    "checkin_after_minutes": (0, 240),
    "default_capacity": (1, 100),
}


@dataclass(frozen=True, slots=True)
class HallCalendar:
    """One hall's opening days and hours, in its own time zone."""

    hall_code: str
    timezone: str
    opening_hours: tuple[OpeningPeriod, ...]
    closed: frozenset[date] = frozenset()  # public holidays and the hall's own closures
    working_days: frozenset[date] = frozenset()  # 调休: open although a weekend
    rules: BookingRules = BookingRules()

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def periods_on(self, day: date) -> tuple[tuple[time, time], ...]:
        """The opening periods of ``day`` (local), empty when closed."""
        if day in self.closed:
            return ()
        weekday = MAKE_UP_DAY_PATTERN if day in self.working_days else day.isoweekday()
        return tuple(
            (time.fromisoformat(p.opens), time.fromisoformat(p.closes))
            for p in self.opening_hours
            if p.weekday == weekday
        )

    def is_open(self, day: date) -> bool:
        return bool(self.periods_on(day))

    def local_day(self, moment: datetime) -> date:
        return moment.astimezone(self.zone).date()

    def slot_starts(self, day: date) -> list[datetime]:
        """Every slot start on ``day`` as an aware datetime in the hall's zone."""
        step = timedelta(minutes=self.rules.slot_minutes)
        starts = []
        for opens, closes in self.periods_on(day):
            moment = datetime.combine(day, opens, self.zone)
            end = datetime.combine(day, closes, self.zone)
            while moment + step <= end:
                starts.append(moment)
                moment += step
        return starts

    def is_slot_start(self, start: datetime) -> bool:
        local = start.astimezone(self.zone)
        return local in self.slot_starts(local.date())

    def bookable_days(self, now: datetime) -> list[date]:
        """The open days inside the booking window, starting today (local)."""
        today = self.local_day(now)
        days = (today + timedelta(days=i) for i in range(self.rules.booking_window_days + 1))
        return [d for d in days if self.is_open(d)]

    def booking_problem(self, start: datetime, now: datetime) -> str | None:
        """Why ``start`` cannot be booked at ``now``: a stable code, or None."""
        if not self.is_slot_start(start):
            return "not_a_slot"
        if start - now < timedelta(minutes=self.rules.min_notice_minutes):
            return "too_short_notice"
        last_day = self.local_day(now) + timedelta(days=self.rules.booking_window_days)
        if self.local_day(start) > last_day:
            return "outside_booking_window"
        return None

    def checkin_window(self, start: datetime) -> tuple[datetime, datetime]:
        return (
            start - timedelta(minutes=self.rules.checkin_before_minutes),
            start + timedelta(minutes=self.rules.checkin_after_minutes),
        )


def load_calendars(halls: Iterable[Hall], path: Path | str = DEMO_CALENDARS) -> dict[str, HallCalendar]:
    """Read a calendar file (see resources/demo/hall_calendars.json) for ``halls``."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CalendarError(f"{path}: {exc}") from exc
    return parse_calendars(halls, raw)


def parse_calendars(halls: Iterable[Hall], raw: Any) -> dict[str, HallCalendar]:
    if not isinstance(raw, Mapping):
        raise CalendarError("the calendar file must hold an object")
    holidays = _dates(raw.get("public_holidays", []), "public_holidays")
    working = _dates(raw.get("working_days", []), "working_days")
    if holidays & working:
        first = min(holidays & working)
        raise CalendarError(f"{first} is both a public holiday and a working day")
    per_hall = raw.get("halls", {})
    if not isinstance(per_hall, Mapping):
        raise CalendarError("halls must be an object keyed by hall code")
    calendars = {}
    for hall in halls:
        try:
            ZoneInfo(hall.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise CalendarError(f"hall {hall.code}: unknown time zone {hall.timezone!r}") from exc
        entry = per_hall.get(hall.code, {})
        if not isinstance(entry, Mapping):
            raise CalendarError(f"halls.{hall.code} must be an object")
        closures = _dates(entry.get("extra_closures", []), f"halls.{hall.code}.extra_closures")
        calendars[hall.code] = HallCalendar(
            hall_code=hall.code,
            timezone=hall.timezone,
            opening_hours=hall.opening_hours,
            closed=frozenset(holidays | closures),
            working_days=frozenset(working - closures),
            rules=_rules(entry.get("rules", {}), f"halls.{hall.code}.rules"),
        )
    return calendars


def calendars_from_wire(body: Any) -> dict[str, HallCalendar]:
    """The calendars in a ``GET /v1/halls`` answer (docs/api.md), checked like the file."""
    if not isinstance(body, Mapping) or not isinstance(body.get("halls"), list):
        raise CalendarError("the halls answer has no list of halls")
    calendars = {}
    for i, h in enumerate(body["halls"]):
        where = f"halls[{i}]"
        if not isinstance(h, Mapping) or not isinstance(h.get("code"), str):
            raise CalendarError(f"{where} has no code")
        try:
            # whatever the answer holds: ZoneInfo itself rejects a missing (None) or
            # non-string zone with a TypeError, caught below
            zone: Any = h.get("timezone")
            ZoneInfo(zone)
            periods = tuple(
                OpeningPeriod(int(p["weekday"]), str(p["opens"]), str(p["closes"]))
                for p in h.get("opening_hours", [])
            )
            for p in periods:
                time.fromisoformat(p.opens), time.fromisoformat(p.closes)
        except (TypeError, KeyError, ValueError, ZoneInfoNotFoundError) as exc:
            raise CalendarError(f"{where}: {exc}") from exc
        cal = h.get("calendar") or {}
        calendars[h["code"]] = HallCalendar(
            hall_code=h["code"],
            timezone=h["timezone"],
            opening_hours=periods,
            closed=_dates(cal.get("closed", []), f"{where}.calendar.closed"),
            working_days=_dates(cal.get("working_days", []), f"{where}.calendar.working_days"),
            rules=_rules(h.get("rules", {}), f"{where}.rules"),
        )
    return calendars


def _dates(values: Any, where: str) -> frozenset[date]:
    if not isinstance(values, list):
        raise CalendarError(f"{where} must be a list of dates")
    out = set()
    for i, v in enumerate(values):
        try:
            out.add(date.fromisoformat(v))
        except (TypeError, ValueError) as exc:
            raise CalendarError(f"{where}[{i}] must be a date YYYY-MM-DD, not {v!r}") from exc
    return frozenset(out)


def _rules(raw: Any, where: str) -> BookingRules:
    if not isinstance(raw, Mapping):
        raise CalendarError(f"{where} must be an object")
    values: dict[str, Any] = {}
    for key, (low, high) in _RULE_BOUNDS.items():
        if key not in raw:
            continue
        v = raw[key]
        if isinstance(v, bool) or not isinstance(v, int) or not low <= v <= high:
            raise CalendarError(f"{where}.{key} must be a whole number {low}..{high}, not {v!r}")
        values[key] = v
    capacity = raw.get("capacity", {})
    if not isinstance(capacity, Mapping) or not all(
        isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 100
        for k, v in capacity.items()
    ):
        raise CalendarError(f"{where}.capacity must map matter codes to whole numbers 0..100")
    return BookingRules(**values, capacity=dict(capacity))
