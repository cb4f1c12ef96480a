"""Help requests: a resident at a kiosk calls staff ("呼叫工作人员"); the hall's staff see
the calls on any kiosk's staff panel, acknowledge them ("王芳 正在赶来") and close them.

A request belongs to the hall of the device that made it, and another hall's request is
404 ``help_request_not_found`` like one that does not exist. It holds no personal data:
the screen the resident was on, where the kiosk stands (the kiosk's ``location`` text,
else the device's enrolment label), the kiosk's clock and the server's. Its id is derived
from the device and the call's Idempotency-Key (``kiosk/rules/help_id.py``), so the
kiosk can cancel a call whose answer it never got.

States::

    open ──acknowledge──▶ acknowledged ──close──▶ closed
      │ └──────────────────close──────────────────▲
      └──cancel (the requesting device)──▶ cancelled ◀── cancel ── acknowledged

Acknowledging a request someone already acknowledged answers it as it is (whoever came
first is on the way: the panel says so); closing or cancelling a request that has ended
answers it as it is. Acknowledging an ended one is 409 ``help_request_ended``; cancelling
another device's request is 409 ``not_requesting_device`` (it may be seen by every
device of the hall, but only the resident at the kiosk that called takes it back).

**Raised again.** A request still ``open`` ``raise_after`` after it was received is
raised again, and again after every further ``raise_after``. Nothing runs in the
background: ``raised_count`` (how often so far) and ``raised_at`` (the last time) are
computed from the app's clock whenever a request is read, so every server process
answers the same and a restarted server misses nothing. Once acknowledged (or ended) the
count stops where it was at that moment: it then says how often the call had to be
raised before someone answered it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from central import staff
from central.auth import CallingDevice
from central.clock import wire
from central.models import Device, HelpRequest, StaffAccount
from central.problems import Problem
from central.schemas import HelpRequestIn
from kiosk.rules.help_id import help_id as help_id_of

OPEN, ACKNOWLEDGED, CLOSED, CANCELLED = "open", "acknowledged", "closed", "cancelled"
ENDED = frozenset({CLOSED, CANCELLED})


def raised(row: HelpRequest, now: datetime, raise_after: timedelta) -> tuple[int, datetime | None]:
    """(how often ``row`` has been raised again, when last): one raise for every whole
    ``raise_after`` it waited unacknowledged, counted up to ``now`` while it is open, up to
    its acknowledgement (or end) otherwise."""
    until = now if row.state == OPEN else (row.acknowledged_at or row.ended_at or now)
    waited = until - row.received_at
    if waited <= timedelta(0) or raise_after <= timedelta(0):
        return 0, None
    count = waited // raise_after
    return count, (row.received_at + count * raise_after) if count else None


def view(session: Session, row: HelpRequest, now: datetime,
         raise_after: timedelta) -> dict[str, Any]:
    """A request as the wire has it (``HelpRequestOut``)."""
    count, raised_at = raised(row, now, raise_after)
    return {
        "help_id": row.help_id, "hall": row.hall, "device_id": row.device_id,
        "screen": row.screen, "location": row.location,
        "requested_at": wire(row.requested_at), "received_at": wire(row.received_at),
        "state": row.state,
        "acknowledged_by": _staff_ref(session, row.acknowledged_by),
        "acknowledged_at": _wire_or_none(row.acknowledged_at),
        "closed_by": _staff_ref(session, row.closed_by),
        "ended_at": _wire_or_none(row.ended_at),
        "raised_count": count, "raised_at": _wire_or_none(raised_at),
    }


def _wire_or_none(moment: datetime | None) -> str | None:
    return None if moment is None else wire(moment)


def _staff_ref(session: Session, number: str | None) -> dict[str, str] | None:
    """The staff member's number and name (a name changed since shows the new one; an
    account deactivated since keeps its name: accounts are never deleted)."""
    if number is None:
        return None
    account = session.get(StaffAccount, number)
    return {"number": number, "name": account.name if account is not None else number}


def create(session: Session, device: CallingDevice, body: HelpRequestIn, key: str,
           now: datetime) -> HelpRequest:
    """A new open request, named after the device and the call's Idempotency-Key ``key``
    (``kiosk/rules/help_id.py``: the kiosk knows the id before any answer, and can take
    back a call whose answer it lost). The same call again after its idempotency record
    was purged finds the request it made then."""
    made = session.get(HelpRequest, help_id_of(device.device_id, key))
    if made is not None:
        return made
    location = body.location
    if location is None:
        label = session.scalar(select(Device.label).where(Device.device_id == device.device_id))
        location = label or device.device_id
    row = HelpRequest(help_id=help_id_of(device.device_id, key), hall=device.hall, device_id=device.device_id,
                      screen=body.screen, location=location, requested_at=body.requested_at,
                      received_at=now, state=OPEN)
    session.add(row)
    session.flush()
    return row


def find(session: Session, help_id: str, hall: str, *, for_update: bool = False) -> HelpRequest:
    """The request ``help_id`` of ``hall``; 404 ``help_request_not_found`` for none and for
    another hall's alike. ``for_update``: locked until the transaction ends (PostgreSQL;
    SQLite's writer lock serialises anyway)."""
    stmt = select(HelpRequest).where(HelpRequest.help_id == help_id, HelpRequest.hall == hall)
    if for_update:
        stmt = stmt.with_for_update()
    row = session.scalar(stmt)
    if row is None:
        raise Problem(404, "help_request_not_found", "there is no such help request")
    return row


def acknowledge(session: Session, help_id: str, device: CallingDevice, number: str,
                now: datetime) -> HelpRequest:
    """Staff ``number`` (an active account of the hall) is on the way; a request already
    acknowledged stays with whoever acknowledged it first."""
    row = find(session, help_id, device.hall, for_update=True)
    staff.check_active(session, number, device.hall)
    if row.state in ENDED:
        raise Problem(409, "help_request_ended", f"the help request is {row.state} already")
    if row.state == OPEN:
        row.state, row.acknowledged_by, row.acknowledged_at = ACKNOWLEDGED, number, now
    return row


def close(session: Session, help_id: str, device: CallingDevice, number: str,
          now: datetime) -> HelpRequest:
    """Staff ``number`` dealt with it (or found nobody there); an ended request stays as it is."""
    row = find(session, help_id, device.hall, for_update=True)
    staff.check_active(session, number, device.hall)
    if row.state not in ENDED:
        row.state, row.closed_by, row.ended_at = CLOSED, number, now
    return row


def cancel(session: Session, help_id: str, device: CallingDevice, now: datetime) -> HelpRequest:
    """The resident takes the call back, at the kiosk that made it only."""
    row = find(session, help_id, device.hall, for_update=True)
    if row.device_id != device.device_id:
        raise Problem(409, "not_requesting_device",
                      "only the device that made a help request can cancel it")
    if row.state not in ENDED:
        row.state, row.ended_at = CANCELLED, now
    return row


def open_requests(session: Session, hall: str, now: datetime,
                  raise_after: timedelta) -> dict[str, Any]:
    """The hall's requests not yet ended: the open ones first, then the acknowledged ones,
    each oldest first (the longest wait at the top)."""
    rows = session.scalars(
        select(HelpRequest)
        .where(HelpRequest.hall == hall, HelpRequest.state.in_((OPEN, ACKNOWLEDGED)))
        .order_by(case((HelpRequest.state == OPEN, 0), else_=1), HelpRequest.received_at,
                  HelpRequest.help_id))
    return {"raise_after_s": int(raise_after.total_seconds()),
            "requests": [view(session, row, now, raise_after) for row in rows]}
