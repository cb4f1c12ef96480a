"""The hall's queue: windows call tickets, the hall display follows the calls, kiosks
ask how many are ahead (``central.calling``; docs/queue.md).

Who may call what (a device's role comes from its enrolment code: ``central.auth``):

| route | caller |
|---|---|
| ``POST /halls/{hall}/windows/{window}/call-next``, ``…/tickets/{id}/recall``, ``…/transfer``, ``…/no-show``, ``…/served`` | a ``window`` device of ``hall`` (its token), naming an active staff account of the hall (``staff``): the window terminal, with staff signed in; idempotent |
| ``GET /halls/{hall}/windows/{window}/current?staff=`` | the same |
| ``GET /halls/{hall}/board`` | a ``display`` or ``window`` device of ``hall``: the hall display (read-only) |
| ``GET /tickets/{id}/queue`` | a ``kiosk`` or ``window`` device of the ticket's hall: a kiosk showing "前面还有 N 人" |

A device of another role is answered 403 ``wrong_device_role`` (staff numbers are not
secret: a resident-facing kiosk must never call, transfer or mark a no-show). Another
hall — in the path, or a ticket of another hall — is answered 404 as one that does not
exist (``unknown_hall``, ``unknown_ticket``).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from central import calling, idempotency, staff
from central.auth import DISPLAY, KIOSK, WINDOW, CallingDevice, ThisDevice
from central.calling import Step
from central.clock import wire
from central.context import Context, context
from central.models import Ticket
from central.problems import Problem
from central.queue_schemas import (
    AheadOut,
    BoardOut,
    CallNextIn,
    CallNextOut,
    QueueTicketOut,
    StaffStepIn,
    TransferIn,
    WindowId,
    WindowTicketOut,
)
from central.schemas import STORABLE, StaffNumber

router = APIRouter(tags=["queue"])
HallCode = Annotated[str, Path(min_length=1, max_length=64), STORABLE]
Window = Annotated[WindowId, Path()]
TicketId = Annotated[str, Path(min_length=1, max_length=64), STORABLE]
#: the longest a board request is held (a long poll)
BOARD_WAIT_MAX = 25.0
#: how often a held board request looks at the database for another process's calls
BOARD_DB_EVERY = 0.25
#: how often it looks at this process's signal
BOARD_SIGNAL_EVERY = 0.01
_WINDOW_STEP = "/halls/{hall}/windows/{window}/tickets/{ticket_id}"


def _step(ctx: Context, device: CallingDevice, hall: str, window: str, number: str,
          session: Session) -> Step:
    device.check_hall(hall, 404)
    staff.check_active(session, number, device.hall)
    return Step(hall=hall, window=window, staff=number, device_id=device.device_id,
                now=ctx.now())


def _run(request: Request, key: idempotency.IdempotentRequest, device: CallingDevice,
         hall: str, body: Any, work: Callable[[Session], tuple[int, Any]]) -> Response:
    """An idempotent step of a window terminal; the hall's displays wake once it is
    committed."""
    ctx = context(request)
    device.require_role(WINDOW)
    device.check_hall(hall, 404)
    answer = idempotency.execute(ctx, key, device.device_id, body, work)
    ctx.calls.bump(hall)
    return answer


@router.post("/halls/{hall}/windows/{window}/call-next", response_model=CallNextOut)
def call_next(request: Request, hall: HallCode, window: Window, body: CallNextIn,
              key: idempotency.IdempotencyKey, device: ThisDevice) -> Response:
    """Call the next ticket to this window: tickets transferred to it, then the green
    channel, then appointments whose time has come, then the rest in issue order
    (docs/queue.md). ``ticket`` null: nobody waits. 409 ``window_busy`` while the window
    still has a called ticket; 422 ``unknown_staff``."""
    ctx = context(request)

    def work(session: Session) -> tuple[int, dict[str, Any]]:
        step = _step(ctx, device, hall, window, body.staff, session)
        ticket = calling.call_next(session, ctx.reference, step, body.areas)
        view = None if ticket is None else calling.window_view(session, ctx.reference,
                                                               ctx.queue_rules, ticket)
        return 200, {"ticket": view}

    return _run(request, key, device, hall, body, work)


@router.get("/halls/{hall}/windows/{window}/current", response_model=CallNextOut)
def current(request: Request, hall: HallCode, window: Window, device: ThisDevice,
            staff_number: Annotated[StaffNumber, Query(alias="staff")]) -> dict[str, Any]:
    """The ticket this window has called and not finished (``ticket`` null: none), for a
    window terminal that restarts."""
    ctx = context(request)
    device.require_role(WINDOW)
    device.check_hall(hall, 404)
    with ctx.db.reading() as session:
        staff.check_active(session, staff_number, device.hall)
        ticket = calling.current(session, hall, calling.local_day(ctx.reference, hall, ctx.now()),
                                 window)
        return {"ticket": None if ticket is None else
                calling.window_view(session, ctx.reference, ctx.queue_rules, ticket)}


@router.post(_WINDOW_STEP + "/recall", response_model=WindowTicketOut)
def recall(request: Request, hall: HallCode, window: Window, ticket_id: TicketId,
           body: StaffStepIn, key: idempotency.IdempotencyKey, device: ThisDevice) -> Response:
    """Call the window's ticket again (the display announces it again). 409
    ``ticket_not_called``, ``not_at_this_window``; 404 ``unknown_ticket``."""
    ctx = context(request)

    def work(session: Session) -> tuple[int, dict[str, Any]]:
        step = _step(ctx, device, hall, window, body.staff, session)
        ticket = calling.recall(session, step, ticket_id)
        return 200, calling.window_view(session, ctx.reference, ctx.queue_rules, ticket)

    return _run(request, key, device, hall, body, work)


@router.post(_WINDOW_STEP + "/transfer", response_model=QueueTicketOut)
def transfer(request: Request, hall: HallCode, window: Window, ticket_id: TicketId,
             body: TransferIn, key: idempotency.IdempotencyKey, device: ThisDevice) -> Response:
    """Send the window's ticket to another window (its next call) or another service
    area's queue (in issue order); it waits again. Exactly one of ``to_window`` and
    ``to_area`` (422 ``transfer_target``; 422 ``unknown_area``)."""
    ctx = context(request)

    def work(session: Session) -> tuple[int, dict[str, Any]]:
        step = _step(ctx, device, hall, window, body.staff, session)
        ticket = calling.transfer(session, ctx.reference, step, ticket_id,
                                  to_window=body.to_window, to_area=body.to_area)
        return 200, calling.ticket_view(ticket, calling.is_appointment(session, ticket))

    return _run(request, key, device, hall, body, work)


@router.post(_WINDOW_STEP + "/no-show", response_model=QueueTicketOut)
def no_show(request: Request, hall: HallCode, window: Window, ticket_id: TicketId,
            body: StaffStepIn, key: idempotency.IdempotencyKey, device: ThisDevice) -> Response:
    """The resident did not come: allowed after the hall's number of recalls
    (``no_show_after_recalls``, default 3; else 409 ``too_few_recalls``)."""
    return _finish(request, hall, window, ticket_id, body, key, device, "no_show")


@router.post(_WINDOW_STEP + "/served", response_model=QueueTicketOut)
def served(request: Request, hall: HallCode, window: Window, ticket_id: TicketId,
           body: StaffStepIn, key: idempotency.IdempotencyKey, device: ThisDevice) -> Response:
    """Done: the window may call the next ticket, and the resident may rate the visit.
    Served already: answered as it is."""
    return _finish(request, hall, window, ticket_id, body, key, device, "served")


def _finish(request: Request, hall: str, window: str, ticket_id: str, body: StaffStepIn,
            key: idempotency.IdempotentRequest, device: CallingDevice, how: str) -> Response:
    ctx = context(request)

    def work(session: Session) -> tuple[int, dict[str, Any]]:
        step = _step(ctx, device, hall, window, body.staff, session)
        ticket = (calling.served(session, step, ticket_id) if how == "served"
                  else calling.no_show(session, ctx.queue_rules, step, ticket_id))
        return 200, calling.ticket_view(ticket, calling.is_appointment(session, ticket))

    return _run(request, key, device, hall, body, work)


@router.get("/halls/{hall}/board", response_model=BoardOut)
async def board(
    request: Request, hall: HallCode, device: ThisDevice,
    since: Annotated[int | None, Query(ge=0, le=2**62, description="the cursor of the last "
                                       "answer: only newer calls")] = None,
    wait: Annotated[float, Query(ge=0, le=BOARD_WAIT_MAX, description="seconds to hold the "
                                 "request until a call newer than since exists (a long poll)")] = 0,
) -> dict[str, Any]:
    """For the hall display: the calls after ``since`` (the last few without it), newest
    first, the waiting count per service area and the cursor to ask with next. With
    ``since`` and ``wait``, the answer comes as soon as there is a newer call (within
    ~10 ms of it in the same server process, ~250 ms from another), else after ``wait``."""
    ctx = context(request)
    device.require_role(DISPLAY, WINDOW)
    device.check_hall(hall, 404)
    if since is not None and wait > 0:
        deadline = time.monotonic() + wait
        while not await run_in_threadpool(_newer, ctx, hall, since):
            if not await _signalled(ctx, hall, deadline) or await request.is_disconnected():
                break  # time is up, or the display has gone
    return await run_in_threadpool(_board, ctx, hall, since)


async def _signalled(ctx: Context, hall: str, deadline: float) -> bool:
    """Wait for this process's signal or the next look at the database; False: time is up."""
    seen = ctx.calls.count(hall)
    look = min(deadline, time.monotonic() + BOARD_DB_EVERY)
    while time.monotonic() < look:
        if ctx.calls.count(hall) != seen:
            return True
        await asyncio.sleep(BOARD_SIGNAL_EVERY)
    return time.monotonic() < deadline


def _newer(ctx: Context, hall: str, since: int) -> bool:
    with ctx.db.reading() as session:
        return calling.last_call_id(session, hall) > since


def _board(ctx: Context, hall: str, since: int | None) -> dict[str, Any]:
    now = ctx.now()
    with ctx.db.reading() as session:
        calls = calling.calls_after(session, hall, since)
        last = calling.last_call_id(session, hall)
        counts = calling.waiting_counts(session, hall, calling.local_day(ctx.reference, hall, now))
        return {"hall": hall, "calls": [calling.call_view(c) for c in calls],
                "waiting": calling.area_views(ctx.reference, counts),
                "cursor": max(last, since or 0), "server_time": wire(now)}


@router.get("/tickets/{ticket_id}/queue", response_model=AheadOut)
def ahead(request: Request, ticket_id: TicketId, device: ThisDevice) -> dict[str, Any]:
    """"前面还有 N 人": the waiting tickets of the ticket's area called before it (0 once it
    is called or finished), with where it is called. 404 ``unknown_ticket`` for a ticket
    of another hall."""
    ctx = context(request)
    device.require_role(KIOSK, WINDOW)
    with ctx.db.reading() as session:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None or ticket.hall != device.hall:
            raise Problem(404, "unknown_ticket", f"there is no ticket {ticket_id!r} in this hall")
        return {"ticket_id": ticket.ticket_id, "number": ticket.number, "area": calling.area_of(ticket),
                "state": ticket.state, "ahead": calling.ahead(session, ticket, ctx.now()),
                "window": ticket.window if ticket.state == calling.CALLED else None}
