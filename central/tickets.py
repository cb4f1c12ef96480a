"""Queue tickets: numbered per hall, local day and category, priority ones apart ("P").

The counter row is bumped with one conditional ``UPDATE … SET last = last + 1
RETURNING last`` (or created by an INSERT that may lose a race and then bumps), so
several server processes never hand out the same number.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.clock import wire
from central.models import Ticket, TicketCounter
from central.problems import Problem
from central.reference import Reference


def ticket_number(category: str, priority: bool, seq: int) -> str:
    return f"{'P' if priority else ''}{category}{seq:03d}"


def _next_seq(session: Session, hall: str, day: date, category: str, priority: bool) -> int:
    def bump() -> int | None:
        return session.execute(
            update(TicketCounter)
            .where(TicketCounter.hall == hall, TicketCounter.local_day == day,
                   TicketCounter.category == category, TicketCounter.priority == priority)
            .values(last=TicketCounter.last + 1)
            .returning(TicketCounter.last)
            .execution_options(synchronize_session=False)
        ).scalar_one_or_none()

    seq = bump()
    if seq is not None:
        return seq
    try:
        with session.begin_nested():
            session.add(TicketCounter(hall=hall, local_day=day, category=category,
                                      priority=priority, last=1))
            session.flush()
        return 1
    except IntegrityError:
        seq = bump()  # another process created the counter first
        assert seq is not None
        return seq


def issue(session: Session, *, hall: str, matter: str, category: str, priority: bool,
          day: date, now: datetime, device_id: str) -> Ticket:
    seq = _next_seq(session, hall, day, category, priority)
    ticket = Ticket(
        ticket_id=str(uuid.uuid4()), number=ticket_number(category, priority, seq), hall=hall,
        matter=matter, category=category, priority=priority, local_day=day, seq=seq,
        issued_at=now, device_id=device_id,
    )
    session.add(ticket)
    session.flush()
    return ticket


def view(ticket: Ticket) -> dict[str, Any]:
    return {
        "ticket_id": ticket.ticket_id,
        "number": ticket.number,
        "hall": ticket.hall,
        "matter": ticket.matter,
        "category": ticket.category,
        "priority": ticket.priority,
        "issued_at": wire(ticket.issued_at),
    }


def walk_in(session: Session, ref: Reference, *, hall: str, matter: str, priority: bool,
            now: datetime, device_id: str) -> dict[str, Any]:
    """A queue number now, only while the hall is open: 422 ``hall_closed`` on a day it
    is closed (a holiday, a closure, a weekend), 422 ``hall_not_open_now`` on an open day
    outside its opening hours (with ``periods``: its opening periods that day, local
    times). After the calendar's ``valid_until`` the weekly hours alone decide (someone is
    at the kiosk; the server warns about the calendar long before)."""
    calendar = ref.calendar(hall)
    if calendar is None:
        raise Problem(422, "unknown_hall", f"there is no hall {hall!r}")
    found = ref.matter(matter)
    if found is None or hall not in found.halls:
        raise Problem(422, "unknown_matter", f"matter {matter!r} is not handled at hall {hall!r}")
    local = now.astimezone(calendar.zone)
    periods = calendar.weekly_periods_on(local.date())
    if not periods:
        raise Problem(422, "hall_closed", "the hall is closed today: no queue numbers are given")
    if not any(opens <= local.time() < closes for opens, closes in periods):
        raise Problem(422, "hall_not_open_now",
                      "the hall is not open at this time: queue numbers are given only "
                      "during its opening hours",
                      periods=[{"opens": o.strftime("%H:%M"), "closes": c.strftime("%H:%M")}
                               for o, c in periods])
    ticket = issue(session, hall=hall, matter=matter, category=found.department,
                   priority=priority, day=local.date(), now=now, device_id=device_id)
    return view(ticket)
