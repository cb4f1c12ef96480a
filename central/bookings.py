"""Bookings: confirm (from a hold or directly), look up, cancel, check in.

The person is known only by an HMAC of the normalised ID number with the server secret
and by masked forms for display; the plain number is never stored. The phone is kept the
same way (masked, and an HMAC): a cancellation must give it again. The phone is
optional (an older resident may not know theirs); a booking without one cannot be
cancelled from a kiosk (``no_phone_given``: nothing proves who asks) and lapses unused.

Every function that finds a booking takes the calling device's hall: another hall's
booking is "not found", exactly like one that does not exist. One active booking
per person, matter and local day is a partial unique index, not a check in Python.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central import slots, tickets
from central.auth import CallingDevice
from central.clock import wire
from central.db import Database, rows_changed
from central.models import Booking, Place, Ticket
from central.problems import Problem
from central.reference import Reference
from central.schemas import BookingIn
from kiosk.rules import idnumber
from kiosk.rules.names import mask_name

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
REFERENCE_LENGTH = 8
SENIOR_AGE = 60
#: wrong phone numbers a booking takes before a kiosk may no longer cancel it
CANCEL_ATTEMPTS = 5
_PHONE_KEY = b"kiosk-central phone"
# ASCII digits only ([0-9], not \d: that takes every script's digits)
_MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
_LANDLINE = re.compile(r"^0[0-9]{9,11}$")


def new_reference() -> str:
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def person_key(secret: bytes, id_number: str) -> str:
    return hmac.new(secret, id_number.encode(), hashlib.sha256).hexdigest()


def phone_key(secret: bytes, digits: str) -> str:
    """The phone's HMAC, with a key of its own derived from the server secret."""
    key = hmac.new(secret, _PHONE_KEY, hashlib.sha256).digest()
    return hmac.new(key, digits.encode(), hashlib.sha256).hexdigest()


def valid_id_number(text: str) -> str:
    try:
        return idnumber.validate(text)
    except idnumber.IdNumberError as exc:
        raise Problem(422, "invalid_id_number", str(exc), reason=exc.code) from exc


def valid_phone(text: str) -> str:
    """A mainland mobile (optionally +86) or a landline with its area code."""
    digits = re.sub(r"[\s\-()]", "", text)
    if digits.startswith("+86"):
        digits = digits[3:]
    if not (_MOBILE.match(digits) or _LANDLINE.match(digits)):
        raise Problem(422, "invalid_phone", "the phone number is not a mainland mobile or landline")
    return digits


def mask_phone(digits: str) -> str:
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def view(booking: Booking, timezone: str, ticket: Ticket | None) -> dict[str, Any]:
    return {
        "booking_id": booking.booking_id,
        "reference": booking.reference,
        "status": booking.status,
        "hall": booking.hall,
        "matter": booking.matter,
        "start": wire(booking.start),
        "end": wire(booking.end),
        "timezone": timezone,
        "person": {"id_masked": booking.id_masked, "phone_masked": booking.phone_masked or None},
        "created_at": wire(booking.created_at),
        "ticket": tickets.view(ticket) if ticket is not None else None,
    }


def booking_view(session: Session, ref: Reference, booking: Booking) -> dict[str, Any]:
    calendar = ref.calendar(booking.hall)
    ticket = session.get(Ticket, booking.ticket_id) if booking.ticket_id else None
    return view(booking, calendar.timezone if calendar else "UTC", ticket)


def _limit_reached(session: Session, person: str, matter: str, local_day: date) -> bool:
    return session.scalar(
        select(Booking.booking_id).where(
            Booking.person_hmac == person, Booking.matter == matter,
            Booking.local_day == local_day, Booking.status != "cancelled",
        ).limit(1)
    ) is not None


def _per_person_limit() -> Problem:
    return Problem(409, "per_person_limit",
                   "this person already has a booking for this matter on that day")


def confirm(session: Session, ref: Reference, secret: bytes, request: BookingIn, now: datetime,
            device_id: str) -> dict[str, Any]:
    hall, matter, start = request.hall, request.matter, request.start
    calendar, _ = slots.bookable(ref, hall, matter)
    number = valid_id_number(request.person.id_number)
    phone = valid_phone(request.person.phone) if request.person.phone is not None else None
    slots.check_start(calendar, start, now)
    local_day = calendar.local_day(start)
    person = person_key(secret, number)
    if _limit_reached(session, person, matter, local_day):
        raise _per_person_limit()

    place: Place | None = None
    if request.hold_id:
        place = slots.convert_hold(session, request.hold_id, hall, matter, start, now)
    if place is None:
        place = slots.claim(session, hall, matter, start, calendar.rules.capacity_for(matter), now)
    if place is None:
        raise slots.slot_full(session, calendar, hall, matter, start, now)

    for _ in range(5):
        booking = Booking(
            booking_id=str(uuid.uuid4()), reference=new_reference(), status="confirmed",
            hall=hall, matter=matter, start=start, end=slots.slot_end(calendar, start),
            local_day=local_day, place_id=place.id, person_hmac=person,
            id_masked=idnumber.mask(number), phone_masked=mask_phone(phone) if phone else "",
            phone_hmac=phone_key(secret, phone) if phone else None, cancel_failures=0,
            name_masked=mask_name(request.person.name) if request.person.name else None,
            senior=idnumber.age_on(number, local_day) >= SENIOR_AGE,
            device_id=device_id, requested_at=request.requested_at, created_at=now,
        )
        try:
            with session.begin_nested():
                session.add(booking)
                session.flush()
        except IntegrityError:
            if _limit_reached(session, person, matter, local_day):
                raise _per_person_limit() from None
            continue  # a reference already in use: draw another
        return view(booking, calendar.timezone, None)
    raise Problem(503, "reference_exhausted", "could not draw a free booking reference; retry")


def find(session: Session, booking_id: str, hall: str) -> Booking:
    booking = session.get(Booking, booking_id)
    if booking is None or booking.hall != hall:
        raise Problem(404, "booking_not_found", "there is no such booking")
    return booking


def find_by_reference(session: Session, reference: str, hall: str) -> Booking:
    booking = session.scalar(select(Booking).where(Booking.reference == reference,
                                                   Booking.hall == hall))
    if booking is None:
        raise Problem(404, "booking_not_found", "there is no booking with this reference")
    return booking


def lookup(session: Session, ref: Reference, secret: bytes, id_number: str,
           hall: str) -> dict[str, Any]:
    person = person_key(secret, valid_id_number(id_number))
    rows = session.scalars(
        select(Booking).where(Booking.person_hmac == person, Booking.hall == hall)
        .order_by(Booking.created_at.desc(), Booking.start.desc())
    )
    return {"bookings": [booking_view(session, ref, b) for b in rows]}


def _set_status(session: Session, booking_id: str, status: str, **values: object) -> bool:
    """Move a confirmed booking on, only if it is still confirmed (a conditional write)."""
    changed = rows_changed(session.execute(
        update(Booking)
        .where(Booking.booking_id == booking_id, Booking.status == "confirmed")
        .values(status=status, **values)
        .execution_options(synchronize_session=False)
    ))
    return changed == 1


def _same_phone(secret: bytes, booking: Booking, typed: str) -> bool:
    try:
        digits = valid_phone(typed)
    except Problem:
        return False
    if booking.phone_hmac is not None:
        return hmac.compare_digest(booking.phone_hmac, phone_key(secret, digits))
    return hmac.compare_digest(booking.phone_masked, mask_phone(digits))  # booked before


def check_cancel_phone(db: Database, secret: bytes, booking_id: str, hall: str,
                       phone: str) -> None:
    """Refuse a cancellation whose phone is not the booking's: 422 ``phone_mismatch``,
    counted in its own transaction; 409 ``cancel_locked`` once ``CANCEL_ATTEMPTS`` wrong
    ones were given (the resident cancels at the hall's window instead)."""
    with db.writing() as session:
        booking = find(session, booking_id, hall)
        if not booking.phone_masked:
            raise Problem(409, "no_phone_given", "the booking was made without a phone number: "
                          "nothing proves who cancels it, so a kiosk cannot; it lapses if "
                          "nobody comes")
        failures = booking.cancel_failures or 0
        if failures >= CANCEL_ATTEMPTS:
            raise Problem(409, "cancel_locked", "too many wrong phone numbers were given for "
                          "this booking: it can be cancelled at the hall's window")
        if _same_phone(secret, booking, phone):
            return
        session.execute(update(Booking).where(Booking.booking_id == booking_id)
                        .values(cancel_failures=func.coalesce(Booking.cancel_failures, 0) + 1))
    raise Problem(422, "phone_mismatch", "the phone number is not the one given at booking",
                  attempts_left=CANCEL_ATTEMPTS - failures - 1)


def cancel(session: Session, ref: Reference, booking_id: str, hall: str,
           now: datetime) -> dict[str, Any]:
    booking = find(session, booking_id, hall)
    place_id = booking.place_id
    cancelled = booking.status == "confirmed" and _set_status(
        session, booking_id, "cancelled", cancelled_at=now, place_id=None
    )
    if cancelled and place_id is not None:
        session.execute(delete(Place).where(Place.id == place_id))  # the place is free again
    session.refresh(booking)
    if booking.status == "checked_in":
        raise Problem(409, "booking_checked_in", "a booking already checked in cannot be cancelled")
    return booking_view(session, ref, booking)


def check_in(session: Session, ref: Reference, booking_id: str, now: datetime,
             device: CallingDevice) -> dict[str, Any]:
    booking = find(session, booking_id, device.hall)
    calendar = ref.calendar(booking.hall)
    matter = ref.matter(booking.matter)
    if booking.status == "confirmed":
        if calendar is None or matter is None:
            raise Problem(409, "booking_not_servable", "the booking's hall or matter no longer exists")
        opens, closes = calendar.checkin_window(booking.start)
        if not opens <= now <= closes:
            raise Problem(422, "outside_checkin_window", "check-in is open only around the slot",
                          window_opens=wire(opens), window_closes=wire(closes))
        ticket = tickets.issue(session, hall=booking.hall, matter=booking.matter,
                               category=matter.department, priority=booking.senior,
                               day=calendar.local_day(now), now=now, device_id=device.device_id)
        if not _set_status(session, booking_id, "checked_in", ticket_id=ticket.ticket_id):
            session.delete(ticket)  # cancelled or checked in meanwhile: decided below
            session.flush()
        session.refresh(booking)
    if booking.status == "cancelled":
        raise Problem(409, "booking_cancelled", "the booking was cancelled")
    view_ = booking_view(session, ref, booking)
    return {"booking": view_, "ticket": view_["ticket"]}
