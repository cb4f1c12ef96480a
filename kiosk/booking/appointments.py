"""My appointments: what the server holds for an ID number, and what this kiosk still
holds (booking requests not yet sent, and ones the server refused); check-in, cancel
and walk-in queue numbers, each a submission through the outbox.

A check-in or a cancellation made while the network is down stays a submission in
the outbox like any other; the UI says plainly that it has not happened yet.
Cancelling takes the phone number given when booking (the platform checks it, and
after 5 wrong ones for a booking cancels only at the hall's window): ``cancel_phone``
reads it as typed and checks it against the booking's masked number first, so a slip
of the finger is caught here and costs none of those tries.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.rules import idnumber, phone
from kiosk.rules.wire_time import parse_time
from kiosk.sync.outbox import DEAD, PENDING, REFUSED, Identity, Outbox, OutboxItem

UPCOMING = ("confirmed", "waiting")
#: a phone number as the platform masks it: digits, stars, digits (138****8000)
_MASKED = re.compile(r"[0-9]+\*+[0-9]+")


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
    #: the phone number given when booking, as the platform shows it (138****8000)
    phone_masked: str = ""
    #: too many wrong phone numbers: cancelled only at the hall's window (``cancel_locked``)
    cancel_locked: bool = False


def from_server(body: dict[str, Any]) -> Appointment:
    person = body.get("person")
    masked = person.get("phone_masked") if isinstance(person, dict) else None
    return Appointment(
        status=body["status"], hall=body["hall"], matter=body["matter"],
        start=parse_time(body["start"]), reference=body.get("reference", ""),
        booking_id=body.get("booking_id", ""), ticket=body.get("ticket"),
        phone_masked=masked if isinstance(masked, str) else "",
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


def cancel_phone(typed: str, masked: str) -> str:
    """The phone number typed to cancel, in ASCII digits for the wire, or ``PhoneError``:
    ``length`` or ``not_this_number`` when it cannot be the booking's (``masked``, the
    platform's 138****8000); without a masked number to compare (or one of another shape),
    a mobile number's rules. A booking made elsewhere may have a landline (digits with the
    area code), which its masked number lets through."""
    if not _MASKED.fullmatch(masked):
        return phone.from_typed(typed)
    number = "".join(ch for ch in unicodedata.normalize("NFKC", typed)
                     if not ch.isspace() and ch != "-")
    if not number.isascii() or not number.isdigit():
        raise phone.PhoneError("characters", "a phone number has digits only")
    if len(number) != len(masked):
        raise phone.PhoneError("length", f"the number given when booking has {len(masked)} digits")
    if not phone.fits_mask(number, masked):
        raise phone.PhoneError("not_this_number", "not the number given when booking")
    return number


def cancel(outbox: Outbox, booking_id: str, phone_number: str, masked_id: str,
           now: datetime) -> OutboxItem:
    """Cancel the booking, with the phone number given when booking (``cancel_phone``):
    the platform answers ``phone_mismatch`` for another, ``cancel_locked`` after 5."""
    return outbox.enqueue("cancel", "POST", f"/v1/bookings/{booking_id}/cancel",
                          {"phone": phone_number}, Identity(resident=masked_id), now)


def walk_in(outbox: Outbox, hall: str, matter: str, priority: bool, now: datetime) -> OutboxItem:
    return outbox.enqueue("ticket", "POST", "/v1/tickets",
                          {"hall": hall, "matter": matter, "priority": priority}, Identity(), now)
