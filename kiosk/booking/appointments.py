"""My appointments: what the server holds for an ID number, and what this kiosk still
holds (booking requests not yet sent, and ones the server refused); check-in, cancel
and walk-in queue numbers, each a submission through the outbox.

A check-in or a cancellation made while the network is down stays a submission in
the outbox like any other; the UI says plainly that it has not happened yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.rules import idnumber
from kiosk.rules.wire_time import parse_time
from kiosk.sync.outbox import DEAD, PENDING, REFUSED, Identity, Outbox, OutboxItem

UPCOMING = ("confirmed", "waiting")


@dataclass(frozen=True, slots=True)
class Appointment:
    """One line of "my appointments"."""

    status: str  # confirmed | checked_in | cancelled | waiting (a request) | refused
    hall: str
    matter: str
    start: datetime
    reference: str = ""
    booking_id: str = ""
    reason: str = ""  # why a request was refused (a stable code)
    ticket: dict[str, Any] | None = None


def from_server(body: dict[str, Any]) -> Appointment:
    return Appointment(
        status=body["status"], hall=body["hall"], matter=body["matter"],
        start=parse_time(body["start"]), reference=body.get("reference", ""),
        booking_id=body.get("booking_id", ""), ticket=body.get("ticket"),
    )


def local_requests(outbox: Outbox, id_number: str) -> list[Appointment]:
    """Booking requests of this person that the server has not confirmed: still
    waiting to be sent, or refused (with the reason)."""
    number = idnumber.normalise(id_number)
    found = []
    for state, status in ((PENDING, "waiting"), (REFUSED, "refused"), (DEAD, "refused")):
        for item in outbox.items(state, limit=10_000):
            if item.kind != "booking" or _person(item) != number:
                continue
            found.append(Appointment(
                status=status, hall=item.body.get("hall", ""), matter=item.body.get("matter", ""),
                start=parse_time(item.body["start"]),
                reason=item.last_error or "" if status == "refused" else "",
            ))
    return found


def _person(item: OutboxItem) -> str:
    person = item.body.get("person") if isinstance(item.body, dict) else None
    return idnumber.normalise(person.get("id_number", "")) if isinstance(person, dict) else ""


def merged(server: list[dict[str, Any]], requests: list[Appointment]) -> list[Appointment]:
    """Everything for one person: upcoming first (soonest first), then the rest."""
    items = [from_server(b) for b in server] + requests
    return sorted(items, key=lambda a: (a.status not in UPCOMING, a.start))


def check_in(outbox: Outbox, booking_id: str, masked_id: str, now: datetime) -> OutboxItem:
    return outbox.enqueue("check_in", "POST", f"/v1/bookings/{booking_id}/check-in", {},
                          Identity(resident=masked_id), now)


def cancel(outbox: Outbox, booking_id: str, masked_id: str, now: datetime) -> OutboxItem:
    return outbox.enqueue("cancel", "POST", f"/v1/bookings/{booking_id}/cancel", {},
                          Identity(resident=masked_id), now)


def walk_in(outbox: Outbox, hall: str, matter: str, priority: bool, now: datetime) -> OutboxItem:
    return outbox.enqueue("ticket", "POST", "/v1/tickets",
                          {"hall": hall, "matter": matter, "priority": priority}, Identity(), now)
