"""Slots and their places: holds and bookings claim places; the database keeps count.

A slot (hall, matter, start) has ``capacity`` places numbered 0..capacity-1; a claim is
a row with the unique key (hall, matter, start, place). Claiming takes the lowest free
place inside the caller's transaction; a unique violation (another server got that
place first) moves on to the next, and no place left means 409 ``slot_full`` with the
next free slots as ``alternatives``. Expired holds count as free and are cleared before
a claim, by the app's clock.

A hall's calendar is right only up to its ``valid_until`` (``central.calendars``): a start
after it is refused with 422 ``calendar_not_valid``, and no day after it has slots.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.calendars import BoundedCalendar
from central.clock import wire
from central.db import rows_changed
from central.models import Place
from central.problems import Problem
from central.reference import Reference
from kiosk.rules.calendar import HallCalendar
from kiosk.rules.catalogue import Matter

MAX_ALTERNATIVES = 5
_WHY = {
    "not_a_slot": "the start is not the start of one of the hall's slots",
    "too_short_notice": "the slot starts too soon to be booked",
    "outside_booking_window": "the slot is beyond the hall's booking window",
    "hall_closed": "the hall is closed on that day",
}


def bookable(ref: Reference, hall: str, matter: str) -> tuple[BoundedCalendar, Matter]:
    """The hall's calendar and the matter, or 422 when it cannot be booked there."""
    calendar = ref.calendar(hall)
    if calendar is None:
        raise Problem(422, "unknown_hall", f"there is no hall {hall!r}")
    found = ref.bookable_matter(hall, matter)
    if found is None:
        raise Problem(422, "matter_not_bookable", f"matter {matter!r} cannot be booked at hall {hall!r}")
    return calendar, found


def check_day(calendar: BoundedCalendar, day: date) -> None:
    """Refuse a local day after the last one the hall's calendar is right about."""
    problem = calendar.validity_problem(day)
    if problem is not None:
        raise problem


def check_start(calendar: BoundedCalendar, start: datetime, now: datetime) -> None:
    """Refuse a start that the hall's calendar and rules do not allow, at ``now``: a day
    beyond the booking window is that first, whatever the calendar knows of it."""
    day = calendar.local_day(start)
    if calendar.beyond(day):
        if not in_window(calendar, day, now):
            raise Problem(422, "outside_booking_window", _WHY["outside_booking_window"])
        check_day(calendar, day)
    code = "hall_closed" if not calendar.is_open(day) else None
    code = code or calendar.booking_problem(start, now)
    if code is not None:
        raise Problem(422, code, _WHY[code])


def slot_end(calendar: HallCalendar, start: datetime) -> datetime:
    return start + timedelta(minutes=calendar.rules.slot_minutes)


def _live(now: datetime) -> ColumnElement[bool]:
    return or_(Place.kind == "booking", Place.expires_at > now)


def _slot(hall: str, matter: str, start: datetime) -> ColumnElement[bool]:
    return and_(Place.hall == hall, Place.matter == matter, Place.start == start)


def claim(
    session: Session, hall: str, matter: str, start: datetime, capacity: int, now: datetime,
    *, hold_expires: datetime | None = None,
) -> Place | None:
    """Claim the lowest free place (a hold when ``hold_expires`` is given), or None if full."""
    session.execute(
        delete(Place).where(_slot(hall, matter, start), Place.kind == "hold", Place.expires_at <= now)
    )
    taken = set(session.scalars(select(Place.place).where(_slot(hall, matter, start))))
    for number in range(capacity):
        if number in taken:
            continue
        row = Place(
            hall=hall, matter=matter, start=start, place=number, claimed_at=now,
            kind="booking" if hold_expires is None else "hold",
            hold_id=None if hold_expires is None else str(uuid.uuid4()),
            expires_at=hold_expires,
        )
        try:
            with session.begin_nested():
                session.add(row)
                session.flush()
        except IntegrityError:
            continue  # taken a moment ago by another transaction: try the next place
        return row
    return None


def convert_hold(session: Session, hold_id: str, hall: str, matter: str, start: datetime,
                 now: datetime) -> Place | None:
    """Turn a live hold on this very slot into a booked place (a conditional write)."""
    place_id = session.scalar(select(Place.id).where(Place.hold_id == hold_id))
    if place_id is None:
        return None
    changed = rows_changed(session.execute(
        update(Place)
        .where(Place.id == place_id, Place.hold_id == hold_id, Place.kind == "hold",
               Place.expires_at > now, _slot(hall, matter, start))
        .values(kind="booking", hold_id=None, expires_at=None)
        .execution_options(synchronize_session=False)
    ))
    return session.get(Place, place_id, populate_existing=True) if changed == 1 else None


def release_hold(session: Session, hold_id: str, hall: str) -> None:
    session.execute(delete(Place).where(Place.hold_id == hold_id, Place.kind == "hold",
                                        Place.hall == hall))


def taken_counts(session: Session, hall: str, matter: str, starts: Iterable[datetime],
                 now: datetime) -> Counter[datetime]:
    starts = list(starts)
    if not starts:
        return Counter()
    rows = session.execute(
        select(Place.start, func.count())
        .where(Place.hall == hall, Place.matter == matter, Place.start >= min(starts),
               Place.start <= max(starts), _live(now))
        .group_by(Place.start)
    )
    return Counter({start: count for start, count in rows})


def open_starts(calendar: HallCalendar, day: date, now: datetime) -> list[datetime]:
    """The slot starts of ``day`` that can still be booked at ``now``."""
    return [s for s in calendar.slot_starts(day) if calendar.booking_problem(s, now) is None]


def slot_view(calendar: HallCalendar, start: datetime, capacity: int, taken: int) -> dict[str, Any]:
    return {
        "start": wire(start),
        "end": wire(slot_end(calendar, start)),
        "capacity": capacity,
        "remaining": max(capacity - taken, 0),
    }


def in_window(calendar: HallCalendar, day: date, now: datetime) -> bool:
    today = calendar.local_day(now)
    return today <= day <= today + timedelta(days=calendar.rules.booking_window_days)


def alternatives(session: Session, calendar: HallCalendar, hall: str, matter: str,
                 after: datetime, now: datetime) -> list[dict[str, Any]]:
    """The next free slots after ``after`` (up to five), inside the booking window."""
    capacity = calendar.rules.capacity_for(matter)
    starts = [
        s for day in calendar.bookable_days(now) for s in open_starts(calendar, day, now) if s > after
    ]
    counts = taken_counts(session, hall, matter, starts, now)
    free = [s for s in starts if counts[s] < capacity]
    return [slot_view(calendar, s, capacity, counts[s]) for s in free[:MAX_ALTERNATIVES]]


def slot_full(session: Session, calendar: HallCalendar, hall: str, matter: str, start: datetime,
              now: datetime) -> Problem:
    return Problem(409, "slot_full", "every place of this slot is taken",
                   alternatives=alternatives(session, calendar, hall, matter, start, now))


def place_hold(session: Session, ref: Reference, hall: str, matter: str, start: datetime,
               now: datetime) -> dict[str, Any]:
    calendar, _ = bookable(ref, hall, matter)
    check_start(calendar, start, now)
    expires = now + timedelta(seconds=calendar.rules.hold_seconds)
    row = claim(session, hall, matter, start, calendar.rules.capacity_for(matter), now,
                hold_expires=expires)
    if row is None:
        raise slot_full(session, calendar, hall, matter, start, now)
    return {
        "hold_id": row.hold_id,
        "hall": hall,
        "matter": matter,
        "start": wire(start),
        "end": wire(slot_end(calendar, start)),
        "expires_at": wire(expires),
    }
