"""Calling queue numbers: the windows' steps on the hall's tickets (docs/queue.md).

A ticket (``central.tickets``) waits in its hall's queue for its local day, in its service
area (the ticket's category: the matter's department). A window calls the next one,
recalls it, transfers it, marks it a no-show or served; every step is a row of the calls
log (``QueueCall``), which the hall display reads.

**Which ticket "next" calls** — among the hall's waiting tickets of today in the areas
the window serves (all areas when it names none), the first by this table:

| tier | tickets | within the tier |
|---|---|---|
| 0 | transferred to this window | oldest transfer first |
| 1 | green channel (priority, "P…": 60 and over) | issue order |
| 2 | appointment check-ins whose booked time has come (start ≤ now) | booked start, then issue order |
| 3 | everything else: walk-ins, appointments checked in early, tickets transferred to the area | issue order |

A ticket transferred to another window waits for that window alone. An appointment
checked in before its time waits as a walk-in until its start, then moves up to tier 2.
"前面还有 N 人" (``ahead``) counts the waiting tickets of the same area before the ticket
in this order.

**Never twice** — "next" picks the first candidate and takes it with a conditional
``UPDATE … WHERE ticket_id = … AND state = 'waiting'``; when another window took it
first (0 rows), it takes the next candidate. On SQLite write transactions are serial
(``BEGIN IMMEDIATE``); on PostgreSQL (READ COMMITTED) the second UPDATE waits for the
first and then finds the row no longer waiting. A partial unique index (one ``called``
ticket per hall, day and window) makes a window that presses "next" twice at once get
one ticket and one 409 ``window_busy``.

Steps on a ticket name the window: a ticket called at another window is 409
``not_at_this_window``; a step that does not fit the ticket's state is 409
``ticket_not_called``. Served or no-show twice answers the ticket as it is. A no-show
needs ``no_show_after_recalls`` recalls first (409 ``too_few_recalls``): a resident is
called 1 + N times before losing their turn.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, case, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.clock import wire
from central.db import rows_changed
from central.models import Booking, QueueCall, Ticket
from central.problems import Problem
from central.reference import Reference

WAITING, CALLED, SERVED, NO_SHOW = "waiting", "called", "served", "no_show"
NO_SHOW_AFTER_RECALLS = 3
#: calls a board asked without a cursor gets (the newest)
BOARD_RECENT = 8
#: calls one board answer carries at most
BOARD_MAX = 50
#: waiting tickets "next" reads at a time (the first is nearly always free to take)
CANDIDATES = 8


@dataclass(frozen=True)
class QueueRules:
    """The hall's calling rules (settings ``no_show_after_recalls``)."""

    no_show_after_recalls: int = NO_SHOW_AFTER_RECALLS


class CallSignal:
    """Wakes the hall displays' long polls in this process when a step was committed
    (other processes' steps are found by the poll's own look at the database)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[str, int] = {}

    def bump(self, hall: str) -> None:
        with self._lock:
            self._counts[hall] = self._counts.get(hall, 0) + 1

    def count(self, hall: str) -> int:
        with self._lock:
            return self._counts.get(hall, 0)


@dataclass(frozen=True)
class Step:
    """Who takes a step, where: a staff member at a window of a device's hall."""

    hall: str
    window: str
    staff: str
    device_id: str
    now: datetime


def area_of(ticket: Ticket) -> str:
    """The service area a ticket waits in: its category's, or the one it was sent to."""
    return ticket.area or ticket.category


def local_day(ref: Reference, hall: str, now: datetime) -> date:
    calendar = ref.calendar(hall)
    if calendar is None:
        raise Problem(404, "unknown_hall", f"there is no hall {hall!r}")
    return calendar.local_day(now)


# --- the order ---------------------------------------------------------------------


def _in_order(session: Session, hall: str, day: date, now: datetime, *,
              areas: Sequence[str] = (), window: str | None = None,
              area: str | None = None, limit: int | None = None) -> list[str]:
    """Today's waiting tickets of ``hall`` in the order "next" calls them (the table
    above), as ticket ids: for ``window`` (those of ``areas``, all when empty, not held
    for another window, and those held for it), or of ``area`` counting every held
    ticket as its window's next call (for ``ahead``)."""
    area_col = func.coalesce(Ticket.area, Ticket.category)
    held = Ticket.window == window if window is not None else Ticket.window.is_not(None)
    due = and_(Booking.start.is_not(None), Booking.start <= now)
    tier = case((held, 0), (Ticket.priority, 1), (due, 2), else_=3)
    when = case((held, func.coalesce(Ticket.called_at, Ticket.issued_at)), (Ticket.priority, Ticket.issued_at),
                (due, Booking.start), else_=Ticket.issued_at)
    query = (select(Ticket.ticket_id)
             .outerjoin(Booking, Booking.ticket_id == Ticket.ticket_id)
             .where(Ticket.hall == hall, Ticket.local_day == day, Ticket.state == WAITING))
    if window is not None:
        mine = or_(Ticket.window == window,
                   and_(Ticket.window.is_(None), area_col.in_(areas)) if areas else
                   Ticket.window.is_(None))
        query = query.where(mine)
    if area is not None:
        query = query.where(area_col == area)
    query = query.order_by(tier, when, Ticket.issued_at, Ticket.seq, Ticket.number).limit(limit)
    return list(session.scalars(query))


# --- the steps -----------------------------------------------------------------------


def call_next(session: Session, ref: Reference, step: Step, areas: Sequence[str]) -> Ticket | None:
    """Call the next ticket (the table above) to ``step.window``; None: nobody waits."""
    day = local_day(ref, step.hall, step.now)
    busy = current(session, step.hall, day, step.window)
    if busy is not None:
        raise _window_busy(busy)
    while True:  # a few candidates at a time: others may take them first
        candidates = _in_order(session, step.hall, day, step.now, areas=areas,
                               window=step.window, limit=CANDIDATES)
        for ticket_id in candidates:
            ticket = _take(session, step, day, ticket_id)
            if ticket is not None:
                return ticket
        if len(candidates) < CANDIDATES:
            busy = current(session, step.hall, day, step.window)
            if busy is not None:  # this window called the last one meanwhile
                raise _window_busy(busy)
            return None


def _take(session: Session, step: Step, day: date, ticket_id: str) -> Ticket | None:
    """The ticket, called to the step's window; None: another window took it first."""
    try:
        with session.begin_nested():
            taken = rows_changed(session.execute(
                update(Ticket)
                .where(Ticket.ticket_id == ticket_id, Ticket.state == WAITING)
                .values(state=CALLED, window=step.window, called_at=step.now,
                        called_by=step.staff, recalls=0)
                .execution_options(synchronize_session=False)))
    except IntegrityError:  # this window called another ticket meanwhile
        raise _window_busy(current(session, step.hall, day, step.window)) from None
    if taken != 1:
        return None
    ticket = session.get_one(Ticket, ticket_id, populate_existing=True)
    _log(session, ticket, step, "called")
    return ticket


def current(session: Session, hall: str, day: date, window: str) -> Ticket | None:
    """The ticket ``window`` has called and not yet finished (today)."""
    found: Ticket | None = session.scalars(select(Ticket).where(
        Ticket.hall == hall, Ticket.local_day == day, Ticket.window == window,
        Ticket.state == CALLED)).first()
    return found


def recall(session: Session, step: Step, ticket_id: str) -> Ticket:
    """Call the window's ticket again: the display shows and announces it again."""
    ticket = _called_here(session, step, ticket_id)
    session.execute(update(Ticket).where(Ticket.ticket_id == ticket.ticket_id,
                                         Ticket.state == CALLED)
                    .values(recalls=Ticket.recalls + 1, called_at=step.now)
                    .execution_options(synchronize_session=False))
    session.refresh(ticket)
    _log(session, ticket, step, "recalled")
    return ticket


def transfer(session: Session, ref: Reference, step: Step, ticket_id: str, *,
             to_window: str | None, to_area: str | None) -> Ticket:
    """Send the ticket on, waiting again: to ``to_window`` (which calls it next) or to the
    queue of ``to_area`` (in its issue order). Exactly one of the two."""
    if (to_window is None) == (to_area is None):
        raise Problem(422, "transfer_target", "name exactly one of to_window and to_area")
    if to_window == step.window:
        raise Problem(422, "transfer_target", "the ticket is already at this window")
    if to_area is not None and (ref.catalogue is None or ref.catalogue.department(to_area) is None):
        raise Problem(422, "unknown_area", f"there is no service area {to_area!r}")
    ticket = _called_here(session, step, ticket_id)
    values: dict[str, Any] = {"state": WAITING, "window": to_window, "recalls": 0}
    if to_area is not None:
        values["area"] = to_area
    session.execute(update(Ticket).where(Ticket.ticket_id == ticket.ticket_id,
                                         Ticket.state == CALLED)
                    .values(**values).execution_options(synchronize_session=False))
    session.refresh(ticket)
    _log(session, ticket, step, "transferred", window=to_window or step.window)
    return ticket


def no_show(session: Session, rules: QueueRules, step: Step, ticket_id: str) -> Ticket:
    """The resident did not come after ``rules.no_show_after_recalls`` recalls."""
    ticket = _ticket_here(session, step, ticket_id)
    if ticket.state == NO_SHOW:
        return ticket
    ticket = _called_here(session, step, ticket_id)
    if ticket.recalls < rules.no_show_after_recalls:
        raise Problem(409, "too_few_recalls",
                      f"recall the ticket {rules.no_show_after_recalls} times before marking "
                      f"it a no-show (recalled {ticket.recalls} times so far)",
                      recalls=ticket.recalls, needed=rules.no_show_after_recalls)
    return _finish(session, step, ticket, NO_SHOW)


def served(session: Session, step: Step, ticket_id: str) -> Ticket:
    ticket = _ticket_here(session, step, ticket_id)
    if ticket.state == SERVED:
        return ticket
    return _finish(session, step, _called_here(session, step, ticket_id), SERVED)


def _finish(session: Session, step: Step, ticket: Ticket, state: str) -> Ticket:
    session.execute(update(Ticket).where(Ticket.ticket_id == ticket.ticket_id,
                                         Ticket.state == CALLED)
                    .values(state=state, finished_at=step.now)
                    .execution_options(synchronize_session=False))
    session.refresh(ticket)
    _log(session, ticket, step, state)
    return ticket


def _ticket_here(session: Session, step: Step, ticket_id: str) -> Ticket:
    """The hall's ticket, else 404 ``unknown_ticket`` (another hall's too); one at another
    window 409 ``not_at_this_window``."""
    ticket = session.get(Ticket, ticket_id)
    if ticket is None or ticket.hall != step.hall:
        raise Problem(404, "unknown_ticket", f"there is no ticket {ticket_id!r} in this hall")
    if ticket.state in (CALLED, SERVED, NO_SHOW) and ticket.window != step.window:
        raise Problem(409, "not_at_this_window",
                      f"ticket {ticket.number} is at window {ticket.window}, not {step.window}")
    return ticket


def _called_here(session: Session, step: Step, ticket_id: str) -> Ticket:
    ticket = _ticket_here(session, step, ticket_id)
    if ticket.state != CALLED:
        raise Problem(409, "ticket_not_called",
                      f"ticket {ticket.number} is {ticket.state.replace('_', '-')}, not called "
                      f"at this window", state=ticket.state)
    return ticket


def _window_busy(ticket: Ticket | None) -> Problem:
    number = ticket.number if ticket is not None else "a ticket"
    return Problem(409, "window_busy",
                   f"this window is still serving {number}: mark it served, a no-show or "
                   f"transfer it first",
                   ticket_id=ticket.ticket_id if ticket is not None else None)


def _log(session: Session, ticket: Ticket, step: Step, event: str,
         window: str | None = None) -> None:
    session.add(QueueCall(hall=ticket.hall, ticket_id=ticket.ticket_id, number=ticket.number,
                          window=window or step.window, area=area_of(ticket), event=event,
                          at=step.now, staff=step.staff, device_id=step.device_id))
    session.flush()


# --- reading ------------------------------------------------------------------------------


def ahead(session: Session, ticket: Ticket, now: datetime) -> int:
    """Waiting tickets of the ticket's area called before it by the order above (0 once
    it is called or finished). A ticket transferred to a window counts as that window's
    next call."""
    if ticket.state != WAITING:
        return 0
    order = _in_order(session, ticket.hall, ticket.local_day, now, area=area_of(ticket))
    return order.index(ticket.ticket_id) if ticket.ticket_id in order else 0


def waiting_counts(session: Session, hall: str, day: date) -> dict[str, int]:
    area = func.coalesce(Ticket.area, Ticket.category)
    rows = session.execute(
        select(area, func.count()).where(
            Ticket.hall == hall, Ticket.local_day == day, Ticket.state == WAITING)
        .group_by(area))
    return {area: count for area, count in rows}


def calls_after(session: Session, hall: str, since: int | None) -> list[QueueCall]:
    """The calls log's lines for the display, newest first: those after ``since``, or the
    last ``BOARD_RECENT`` when there is no cursor yet."""
    query = select(QueueCall).where(QueueCall.hall == hall)
    if since is None:
        return list(session.scalars(query.order_by(QueueCall.call_id.desc()).limit(BOARD_RECENT)))
    return list(session.scalars(query.where(QueueCall.call_id > since)
                                .order_by(QueueCall.call_id.desc()).limit(BOARD_MAX)))


def last_call_id(session: Session, hall: str) -> int:
    found = session.scalar(select(func.max(QueueCall.call_id)).where(QueueCall.hall == hall))
    return int(found or 0)


def is_appointment(session: Session, ticket: Ticket) -> bool:
    return session.scalar(select(Booking.booking_id).where(
        Booking.ticket_id == ticket.ticket_id)) is not None


# --- what the answers say ---------------------------------------------------------------


def ticket_view(ticket: Ticket, appointment: bool) -> dict[str, Any]:
    return {
        "ticket_id": ticket.ticket_id, "number": ticket.number, "hall": ticket.hall,
        "area": area_of(ticket), "matter": ticket.matter, "priority": ticket.priority,
        "appointment": appointment, "state": ticket.state, "window": ticket.window,
        "issued_at": wire(ticket.issued_at),
        "called_at": wire(ticket.called_at) if ticket.called_at else None,
        "recalls": ticket.recalls,
        "finished_at": wire(ticket.finished_at) if ticket.finished_at else None,
    }


def window_view(session: Session, ref: Reference, rules: QueueRules,
                ticket: Ticket) -> dict[str, Any]:
    """The ticket with its matter's name and checklist: never who holds it."""
    matter = ref.catalogue.find_matter(ticket.matter) if ref.catalogue is not None else None
    checklist = [] if matter is None else [
        {"name": _text(m.name), "form": m.form, "copies": m.copies, "required": m.required,
         "note": _text(m.note) if m.note is not None else None}
        for m in matter.materials]
    return {"ticket": ticket_view(ticket, is_appointment(session, ticket)),
            "matter_name": _text(matter.name) if matter is not None else None,
            "checklist": checklist, "no_show_after": rules.no_show_after_recalls}


def call_view(call: QueueCall) -> dict[str, Any]:
    return {"call_id": call.call_id, "ticket_id": call.ticket_id, "number": call.number,
            "window": call.window, "area": call.area, "event": call.event, "at": wire(call.at)}


def area_views(ref: Reference, counts: dict[str, int]) -> list[dict[str, Any]]:
    """Every area of the catalogue that has a ticket waiting, by code."""
    views = []
    for area in sorted(counts):
        department = ref.catalogue.department(area) if ref.catalogue is not None else None
        views.append({"area": area, "waiting": counts[area],
                      "name": _text(department.name) if department is not None else None})
    return views


def _text(text: Any) -> dict[str, str]:
    return {"zh": text.zh, "en": text.en}
