"""好差评 on the server: ratings kept once per matter per visit, a follow-up case for each
bad one, and the hall's reports (docs/queue.md).

A rating arrives as a submission of kind ``rating`` (``POST /v1/submissions``), its
payload checked with the shared rule (``kiosk.rules.ratings.rating_payload``: 422
``bad_rating`` says why). The visit is a ticket or a booking of the device's hall (404
``unknown_visit`` otherwise, another hall's as none) and the matter must be the visit's
(422 ``matter_not_of_visit``). A second rating of the same visit and matter is 409
``already_rated`` (the same submission again, with its Idempotency-Key, is replayed).
The window and the staff member who served come from the ticket, never from the kiosk.

Each 不满意 / 非常不满意 opens a case: ``open`` → ``contacted`` → ``corrected`` →
``closed``, forward only (a step may be skipped; closed is final). It is due on the
``case_due_working_days``-th working day after the rating's local day — Monday to Friday,
less public holidays and the hall's closures, plus the 调休 weekend working days, all
from the hall's calendar (a hall without one: Monday to Friday) — 3 unless the hall set
another (``kiosk-central ratings due-days``). Working days, not the hall's opening days:
a hall open on Saturday does not follow complaints up on Saturday. A phone number is kept on the case only
when the resident asked to be called, and only until ``phone_until``: 30 days after the
case closed, and never longer than 90 days after it opened (``central.retention``).
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.clock import wire
from central.db import Database
from central.models import Booking, HallRatingRules, Rating, RatingCase, Ticket
from central.problems import Problem
from central.reference import Reference
from kiosk.rules.ratings import Level, rating_payload, satisfaction_rate

CASE_STATES = ("open", "contacted", "corrected", "closed")
CASE_DUE_WORKING_DAYS = 3
#: a phone number on a case: kept this long after the case closed …
PHONE_AFTER_CLOSE = timedelta(days=30)
#: … and never longer than this after it opened
PHONE_AT_MOST = timedelta(days=90)


class CaseError(ValueError):
    """A refusal for the operator: an unknown case, a step backwards."""


@dataclass(frozen=True)
class Received:
    """A rating submission as it arrived."""

    hall: str
    device_id: str
    created_at: datetime
    now: datetime
    payload: dict[str, Any]


def stored_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """What the submissions table keeps of a rating's payload: no phone number (that is
    kept on the case alone, with its end date)."""
    return {k: v for k, v in payload.items() if k != "phone"}


def record(session: Session, ref: Reference, got: Received,
           default_due_days: int = CASE_DUE_WORKING_DAYS) -> dict[str, Any]:
    """Keep one rating (and open its case when it is bad); the answer's ``rating``."""
    try:
        payload = rating_payload(got.payload)
    except ValueError as exc:
        raise Problem(422, "bad_rating", f"the rating is refused: {exc}") from None
    visit, window, staff, matter = _visit(session, got.hall, payload)
    if payload["matter"] != matter:
        raise Problem(422, "matter_not_of_visit",
                      f"the visit was for matter {matter!r}, not {payload['matter']!r}")
    rating = Rating(
        rating_id=str(uuid.uuid4()), hall=got.hall, visit=visit, matter=matter,
        window=window or payload.get("window"), staff=staff, level=payload["level"],
        reasons=json.dumps(payload["reasons"]), comment=payload.get("comment"),
        device_id=got.device_id, created_at=got.created_at, received_at=got.now)
    try:
        with session.begin_nested():
            session.add(rating)
            session.flush()
    except IntegrityError:
        raise Problem(409, "already_rated",
                      "this matter was already rated for this visit: one rating per matter "
                      "per visit") from None
    case = None
    if Level(rating.level).bad:
        case = _open_case(session, ref, rating, payload.get("phone"), got.now, default_due_days)
    return {"rating_id": rating.rating_id, "level": rating.level,
            "case_id": case.case_id if case is not None else None}


def _visit(session: Session, hall: str, payload: dict[str, Any]) -> tuple[str, str | None, str | None, str]:
    """(visit key, window, staff, matter) of the payload's ticket or booking in ``hall``."""
    if "ticket_id" in payload:
        ticket = session.get(Ticket, payload["ticket_id"])
        if ticket is None or ticket.hall != hall:
            raise _unknown_visit("ticket", payload["ticket_id"])
        return f"ticket:{ticket.ticket_id}", ticket.window, ticket.called_by, ticket.matter
    booking = session.get(Booking, payload["booking_id"])
    if booking is None or booking.hall != hall:
        raise _unknown_visit("booking", payload["booking_id"])
    ticket = session.get(Ticket, booking.ticket_id) if booking.ticket_id else None
    return (f"booking:{booking.booking_id}", ticket.window if ticket else None,
            ticket.called_by if ticket else None, booking.matter)


def _unknown_visit(kind: str, ref: str) -> Problem:
    return Problem(404, "unknown_visit", f"there is no {kind} {ref!r} in this hall")


def _open_case(session: Session, ref: Reference, rating: Rating, phone: str | None,
               now: datetime, default_due_days: int) -> RatingCase:
    rules = session.get(HallRatingRules, rating.hall)
    days = rules.case_due_working_days if rules is not None else default_due_days
    case = RatingCase(rating_id=rating.rating_id, hall=rating.hall, state="open",
                      opened_at=now, due_on=due_on(ref, rating.hall, now, days),
                      updated_at=now, phone=phone,
                      phone_until=now + PHONE_AT_MOST if phone else None)
    session.add(case)
    session.flush()
    return case


def due_on(ref: Reference, hall: str, now: datetime, working_days: int) -> date:
    """The ``working_days``-th working day (above) after ``now``'s local day."""
    calendar = ref.calendar(hall)
    day = calendar.local_day(now) if calendar is not None else now.date()
    closed = calendar.closed if calendar is not None else frozenset()
    made_up = calendar.working_days if calendar is not None else frozenset()
    counted = 0
    while counted < working_days:
        day += timedelta(days=1)
        if day in made_up or (day.isoweekday() <= 5 and day not in closed):
            counted += 1
    return day


# --- cases ------------------------------------------------------------------------------


def move_case(db: Database, case_id: int, state: str, now: datetime,
              note: str | None = None) -> RatingCase:
    """Move a case forward to ``state`` (``CaseError`` for an unknown case or a step back);
    closing it starts its phone number's last ``PHONE_AFTER_CLOSE``."""
    if state not in CASE_STATES:
        raise CaseError(f"a case's state is one of {', '.join(CASE_STATES)}, not {state!r}")
    with db.writing() as session:
        case = session.get(RatingCase, case_id)
        if case is None:
            raise CaseError(f"there is no case {case_id}")
        if CASE_STATES.index(state) < CASE_STATES.index(case.state):
            raise CaseError(f"case {case_id} is {case.state}: it cannot go back to {state}")
        if state == case.state and note is None:
            return case
        case.state = state
        case.updated_at = now
        if note is not None:
            case.note = note
        if state == "closed" and case.phone is not None and case.phone_until is not None:
            case.phone_until = min(case.phone_until, now + PHONE_AFTER_CLOSE)
        session.flush()
        return case


def set_due_days(db: Database, hall: str, days: int) -> None:
    if not 1 <= days <= 60:
        raise CaseError("a case is due in 1 to 60 working days")
    with db.writing() as session:
        rules = session.get(HallRatingRules, hall)
        if rules is None:
            session.add(HallRatingRules(hall=hall, case_due_working_days=days))
        else:
            rules.case_due_working_days = days


def cases(db: Database, hall: str | None, state: str | None) -> list[tuple[RatingCase, Rating]]:
    with db.reading() as session:
        query = select(RatingCase, Rating).join(Rating, Rating.rating_id == RatingCase.rating_id)
        if hall is not None:
            query = query.where(RatingCase.hall == hall)
        if state is not None:
            query = query.where(RatingCase.state == state)
        return [(case, rating) for case, rating in session.execute(query.order_by(RatingCase.case_id))]


# --- reports ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RatingQuery:
    """Which ratings a report covers: received in [since, until), of a hall, window, matter."""

    hall: str | None = None
    window: str | None = None
    matter: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def find(db: Database, query: RatingQuery) -> list[Rating]:
    with db.reading() as session:
        q = select(Rating)
        for column, value in ((Rating.hall, query.hall), (Rating.window, query.window),
                              (Rating.matter, query.matter)):
            if value is not None:
                q = q.where(column == value)
        if query.since is not None:
            q = q.where(Rating.received_at >= query.since)
        if query.until is not None:
            q = q.where(Rating.received_at < query.until)
        return list(session.scalars(q.order_by(Rating.received_at, Rating.rating_id)))


@dataclass(frozen=True)
class Summary:
    """Counts per level, and the satisfaction rate (None without ratings)."""

    counts: dict[Level, int]
    total: int
    rate: float | None


def summary(ratings: Iterable[Rating]) -> Summary:
    counted = Counter(Level(r.level) for r in ratings)
    counts = {level: counted.get(level, 0) for level in Level}
    return Summary(counts, sum(counts.values()), satisfaction_rate(counts))


def grouped(ratings: Iterable[Rating], by: str) -> dict[str, Summary]:
    """A summary per hall, window or matter (``by``); "-" for a rating without a window."""
    groups: dict[str, list[Rating]] = {}
    for rating in ratings:
        groups.setdefault(getattr(rating, by) or "-", []).append(rating)
    return {name: summary(rows) for name, rows in sorted(groups.items())}


CSV_COLUMNS = ("rating_id", "received_at", "hall", "window", "staff", "matter", "visit",
               "level", "level_zh", "reasons", "comment")


def to_csv(ratings: Iterable[Rating]) -> str:
    """One row a rating (no phone number: those stay on the cases)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in ratings:
        writer.writerow([r.rating_id, wire(r.received_at), r.hall, r.window or "", r.staff or "",
                         r.matter, r.visit, r.level, Level(r.level).words.zh,
                         " ".join(json.loads(r.reasons)), _csv_safe(r.comment or "")])
    return out.getvalue()


def _csv_safe(text: str) -> str:
    """A comment typed by a resident never starts a spreadsheet formula (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
