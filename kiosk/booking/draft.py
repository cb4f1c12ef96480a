"""Booking an appointment: the calls, the draft, and what became of a request.

The server decides everything (docs/api.md): which days and slots are open,
holds, confirmation, conflicts. The kiosk reads availability and places holds
directly (they are not submissions: a hold that fails is simply not there);
the booking itself is a submission, written to the outbox first and then
sent, so a booking made while the network is down is kept as a *request* and
never shown as confirmed. ``outcome`` says what became of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.rules import idnumber
from kiosk.rules.calendar import HallCalendar
from kiosk.rules.wire_time import parse_time, utc_iso
from kiosk.sync.api_client import CentralClient
from kiosk.sync.outbox import DEAD, REFUSED, SENT, Identity, Outbox, OutboxItem


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    open: bool
    capacity: int
    remaining: int


@dataclass(frozen=True, slots=True)
class Slot:
    start: datetime  # aware, UTC
    end: datetime
    capacity: int
    remaining: int

    def local(self, timezone: str) -> datetime:
        return self.start.astimezone(ZoneInfo(timezone))


@dataclass(frozen=True, slots=True)
class Hold:
    hold_id: str
    start: datetime
    end: datetime
    expires_at: datetime


@dataclass
class BookingDraft:
    """What the resident has chosen so far; lives in their session, wiped with it."""

    matter: str
    hall: str | None = None
    day: date | None = None
    slot: Slot | None = None
    hold: Hold | None = None
    id_number: str = ""
    phone: str = ""
    #: the outbox item of the submitted booking, once submitted
    item_id: str | None = None
    alternatives: list[Slot] = field(default_factory=list)

    def body(self, now: datetime) -> dict[str, Any]:
        assert self.hall and self.slot
        return {
            "hall": self.hall,
            "matter": self.matter,
            "start": utc_iso(self.slot.start),
            "hold_id": self.hold.hold_id if self.hold else None,
            # the phone is optional: without one the booking cannot be cancelled at a kiosk
            "person": {"id_number": self.id_number, "phone": self.phone or None},
            "requested_at": utc_iso(now),
        }


class OutcomeState(StrEnum):
    WAITING = "waiting"
    #: still waiting, past the time the screen waits for an answer (a screen's notion:
    #: saved, not yet done; ``ui.workers.outcome_watch``)
    LATE = "late"
    CONFIRMED = "confirmed"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of a submitted booking: confirmed, refused, or still waiting."""

    state: OutcomeState
    booking: dict[str, Any] | None = None
    reason: str | None = None
    alternatives: tuple[Slot, ...] = ()


def slots_from(raw: list[dict[str, Any]]) -> list[Slot]:
    return [
        Slot(parse_time(s["start"]), parse_time(s["end"]), int(s["capacity"]), int(s["remaining"]))
        for s in raw
    ]


UNKNOWN = -1  # places left, when the kiosk cannot ask (offline)


def offline_days(calendar: HallCalendar, now: datetime) -> list[Day]:
    """Open days from the hall's calendar alone, with a time still bookable: places unknown."""
    return [Day(d, True, UNKNOWN, UNKNOWN) for d in calendar.bookable_days(now)
            if offline_slots(calendar, d, now)]


def offline_slots(calendar: HallCalendar, day: date, now: datetime) -> list[Slot]:
    """Slot times from the calendar alone, past the minimum notice: places left unknown."""
    step = timedelta(minutes=calendar.rules.slot_minutes)
    return [
        Slot(s.astimezone(UTC), (s + step).astimezone(UTC), UNKNOWN, UNKNOWN)
        for s in calendar.slot_starts(day)
        if calendar.booking_problem(s, now) is None
    ]


class BookingCalls:
    """The network calls of the journey; each blocks, so the UI runs them off its thread."""

    def __init__(self, client: CentralClient) -> None:
        self.client = client

    def days(self, hall: str, matter: str) -> list[Day]:
        body = self.client.get(f"/v1/halls/{hall}/availability", {"matter": matter},
                               {"days": list}).body
        return [Day(date.fromisoformat(d["date"]), bool(d["open"]), int(d["capacity"]),
                    int(d["remaining"])) for d in body["days"]]

    def slots(self, hall: str, matter: str, day: date) -> list[Slot]:
        body = self.client.get(f"/v1/halls/{hall}/slots",
                               {"matter": matter, "date": day.isoformat()}, {"slots": list}).body
        return slots_from(body["slots"])

    def hold(self, hall: str, matter: str, start: datetime, key: str) -> Hold:
        body = self.client.post("/v1/holds", {"hall": hall, "matter": matter,
                                              "start": utc_iso(start)},
                                idempotency_key=key, shape={"hold_id": str}).body
        return Hold(body["hold_id"], parse_time(body["start"]), parse_time(body["end"]),
                    parse_time(body["expires_at"]))

    def release(self, hold_id: str) -> None:
        self.client.delete(f"/v1/holds/{hold_id}")

    def by_reference(self, reference: str) -> dict[str, Any]:
        """The booking a voucher names (``SHK-BOOKING:<reference>``), as the server has it
        (``kiosk.booking.appointments.from_server`` reads it)."""
        body: dict[str, Any] = self.client.get(f"/v1/bookings/by-reference/{reference}",
                                               shape={"booking_id": str}).body
        return body

    def lookup(self, id_number: str) -> list[dict[str, Any]]:
        bookings: list[dict[str, Any]] = self.client.post(
            "/v1/booking-lookups", {"id_number": id_number}, shape={"bookings": list}
        ).body["bookings"]
        return bookings


def submit(outbox: Outbox, draft: BookingDraft, now: datetime) -> OutboxItem:
    """Write the booking to the outbox (durably) before anything is shown."""
    item = outbox.enqueue("booking", "POST", "/v1/bookings", draft.body(now),
                          Identity(resident=idnumber.mask(draft.id_number)), now)
    draft.item_id = item.id
    return item


def outcome(outbox: Outbox, item_id: str) -> Outcome:
    item = outbox.get(item_id)
    if item is None or item.state not in (SENT, REFUSED, DEAD):
        return Outcome(OutcomeState.WAITING)
    body = item.response_body if isinstance(item.response_body, dict) else {}
    if item.state == SENT:
        return Outcome(OutcomeState.CONFIRMED, booking=body)
    return Outcome(OutcomeState.REFUSED, reason=item.last_error or "refused",
                   alternatives=tuple(slots_from(body.get("alternatives") or [])))
