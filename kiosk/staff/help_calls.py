"""Calling staff (呼叫工作人员): a resident's call from this kiosk, and the hall's calls for
the staff panel (docs/api.md, "Help requests").

The resident's call is a submission like any other: written to the outbox (kind
``help``) and then sent, so a blip of the network loses nothing. It names the screen the
resident was on, where the kiosk stands and the time, and nothing personal. Its id on the
platform is known at once (``kiosk/rules/help_id.py``: derived from this device and the
outbox item's id), so the kiosk can take it back even when the answer never came.

A call is for the resident standing here now. Until it is sent the kiosk says so plainly
(``CallState.NOT_SENT``: tried and the platform could not be reached, or waited longer
than the screen waits) with where the service desk is, and keeps trying only while the
resident is still there:

- ``leave`` (the session ends: the idle wipe, staff signing in): a call not sent yet is
  withdrawn from the outbox (``discarded``, reason ``resident_left``; never sent). A call
  already sent stays: staff come, and close it when they find nobody.
- ``take_back`` (the resident cancels): withdrawn if not sent yet, and a cancel follows
  through the outbox either way (the call may have been on the wire at that very moment;
  a cancel of a call that never arrived is answered ``help_request_not_found``, which the
  engine takes as an answer, not a fault).
- ``drop_left_behind`` (start-up): calls of a session that ended with the kiosk (a crash,
  a restart) are withdrawn and cancelled the same way, before the sync engine runs.

Staff (``HelpCalls``): the hall's calls not yet ended, a conditional GET the staff panel
polls; acknowledge ("王芳 正在赶来") and close, as the signed-in member of staff, sent at
once (not queued: staff are there to tap again when the network is back).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from kiosk.rules.help_id import help_id as help_id_of
from kiosk.rules.wire_time import parse_time, utc_iso
from kiosk.sync.api_client import BadResponse, CentralClient
from kiosk.sync.outbox import DEAD, DISCARDED, PENDING, SENT, Identity, Outbox

CALL_KIND, CANCEL_KIND = "help", "help_cancel"
PATH = "/v1/help-requests"
#: why a call was taken back (kept in the outbox row)
RESIDENT_LEFT, RESIDENT_CANCELLED, LEFT_BEHIND = "resident_left", "resident_cancelled", "left_behind"
#: what the platform takes as a screen's name (and a location's length)
_SCREEN = re.compile(r"[a-z][a-z0-9_]{0,39}")
LOCATION_MAX = 100


class CallState(StrEnum):
    SENDING = "sending"  # in the outbox, no answer yet
    NOT_SENT = "not_sent"  # tried and failed, or waited too long: offline, will try again
    OPEN = "open"  # the platform has it; nobody has answered yet
    ACKNOWLEDGED = "acknowledged"  # a member of staff is on the way
    CLOSED = "closed"
    CANCELLED = "cancelled"
    FAILED = "failed"  # refused by the platform: staff see it among the items that need them


#: a call still on: the resident waits (and may cancel)
ACTIVE = frozenset({CallState.SENDING, CallState.NOT_SENT, CallState.OPEN, CallState.ACKNOWLEDGED})


@dataclass(frozen=True, slots=True)
class StaffRef:
    number: str
    name: str


@dataclass(frozen=True, slots=True)
class HelpRequest:
    """A call as the platform has it."""

    help_id: str
    state: CallState
    screen: str
    location: str
    device_id: str
    received_at: datetime
    acknowledged_by: StaffRef | None = None
    acknowledged_at: datetime | None = None
    raised_count: int = 0

    @classmethod
    def from_wire(cls, body: Any) -> HelpRequest:
        try:
            state = CallState(body["state"])
            if state not in (CallState.OPEN, CallState.ACKNOWLEDGED, CallState.CLOSED,
                             CallState.CANCELLED):
                raise ValueError(f"state {state}")
            by = body.get("acknowledged_by")
            at = body.get("acknowledged_at")
            return cls(
                help_id=str(body["help_id"]), state=state, screen=str(body["screen"]),
                location=str(body["location"]), device_id=str(body["device_id"]),
                received_at=parse_time(str(body["received_at"])),
                acknowledged_by=StaffRef(str(by["number"]), str(by["name"])) if by else None,
                acknowledged_at=parse_time(str(at)) if at else None,
                raised_count=int(body.get("raised_count") or 0),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise BadResponse("bad_shape", f"not a help request: {exc!r}") from exc


@dataclass(frozen=True, slots=True)
class HelpCall:
    """One resident's call from this kiosk: its outbox item and its id on the platform."""

    item_id: str
    help_id: str
    screen: str


@dataclass(frozen=True, slots=True)
class CallStatus:
    state: CallState
    request: HelpRequest | None = None


def call(outbox: Outbox, device_id: str, screen: str, location: str, now: datetime) -> HelpCall:
    """Write the call to the outbox (durably); the caller urges the sync to send it."""
    screen = screen if _SCREEN.fullmatch(screen) else "other"
    body: dict[str, Any] = {"screen": screen, "requested_at": utc_iso(now)}
    if location.strip():
        body["location"] = location.strip()[:LOCATION_MAX]
    item = outbox.enqueue(CALL_KIND, "POST", PATH, body, Identity(), now)
    return HelpCall(item.id, help_id_of(device_id, item.id), screen)


def status(outbox: Outbox, made: HelpCall, waited_s: float, wait_s: float) -> CallStatus:
    """What became of the call so far, from the outbox alone: ``waited_s`` since it was
    made (or since the screen began to watch it), ``wait_s`` the most the screen waits
    before it says the call has not gone."""
    item = outbox.get(made.item_id)
    if item is None:
        return CallStatus(CallState.FAILED)
    if item.state == PENDING:
        tried = item.attempts > 0
        return CallStatus(CallState.NOT_SENT if tried or waited_s >= wait_s else CallState.SENDING)
    if item.state == SENT:
        try:
            request = HelpRequest.from_wire(item.response_body)
        except BadResponse:
            return CallStatus(CallState.OPEN)  # sent; what it is now, the platform says
        return CallStatus(request.state, request)
    if item.state == DISCARDED:
        return CallStatus(CallState.CANCELLED)
    return CallStatus(CallState.FAILED)


def take_back(outbox: Outbox, made: HelpCall, now: datetime,
              reason: str = RESIDENT_CANCELLED) -> bool:
    """The resident cancels: the call is withdrawn if not sent yet, and a cancel follows it
    through the outbox (it may have been on the wire). False when nothing is to be taken
    back (refused by the platform, taken back already)."""
    item = outbox.get(made.item_id)
    if item is None or item.state not in (PENDING, SENT):
        return False
    outbox.withdraw(made.item_id, reason, now)
    outbox.enqueue(CANCEL_KIND, "POST", f"{PATH}/{made.help_id}/cancel", {}, Identity(), now)
    return True


def leave(outbox: Outbox, made: HelpCall, now: datetime) -> bool:
    """The resident's session ends: a call not sent yet is never sent (withdrawn, and
    cancelled in case it was on the wire); one refused is discarded, so that no retry by
    staff sends it later. A call already sent stays: True when one was taken back."""
    item = outbox.get(made.item_id)
    if item is None:
        return False
    if item.state == DEAD:
        outbox.discard(made.item_id, RESIDENT_LEFT, now)
        return False
    if item.state == PENDING:
        return take_back(outbox, made, now, RESIDENT_LEFT)
    return False


def drop_left_behind(outbox: Outbox, device_id: str, now: datetime) -> int:
    """At start, before the sync engine runs: every call still waiting in the outbox is of
    a session that ended with the kiosk, so it is taken back; how many."""
    dropped = 0
    for state in (PENDING, DEAD):
        for item in outbox.items(state, limit=10_000):
            if item.kind == CALL_KIND:
                screen = str(item.body.get("screen", ""))
                dropped += leave(outbox, HelpCall(item.id, help_id_of(device_id, item.id), screen),
                                 now)
    return dropped


@dataclass(frozen=True, slots=True)
class HallCalls:
    """The hall's calls not yet ended, for the staff panel."""

    etag: str | None
    raise_after_s: int
    requests: tuple[HelpRequest, ...]


class HelpCalls:
    """The network calls; each blocks, so the UI runs them off its thread."""

    def __init__(self, client: CentralClient) -> None:
        self.client = client

    def read(self, help_id: str) -> HelpRequest:
        return HelpRequest.from_wire(self.client.get(f"{PATH}/{help_id}",
                                                     shape={"help_id": str}).body)

    def open_calls(self, etag: str | None) -> HallCalls | None:
        """The hall's calls not yet ended; None when unchanged since ``etag`` (304)."""
        resp = self.client.pull(f"{PATH}?state=open", etag, {"requests": list})
        if resp.status == 304:
            return None
        body = resp.body
        return HallCalls(resp.etag, int(body.get("raise_after_s") or 0),
                         tuple(HelpRequest.from_wire(r) for r in body["requests"]))

    def acknowledge(self, help_id: str, staff: str) -> HelpRequest:
        return self._staff_action(help_id, "acknowledge", staff)

    def close(self, help_id: str, staff: str) -> HelpRequest:
        return self._staff_action(help_id, "close", staff)

    def _staff_action(self, help_id: str, action: str, staff: str) -> HelpRequest:
        resp = self.client.post(f"{PATH}/{help_id}/{action}", {"staff": staff},
                                idempotency_key=str(uuid.uuid4()), shape={"help_id": str})
        return HelpRequest.from_wire(resp.body)
