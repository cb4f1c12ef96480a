"""Bookings: confirm, read, look up by ID number, cancel, check in — in the calling
device's hall only (another hall's booking is 404, like one that does not exist).

Who may call: every route here a ``kiosk`` device alone (a resident's personal data);
a window terminal or hall display is answered 403 ``wrong_device_role``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response
from sqlalchemy.orm import Session

from central import bookings, idempotency, quotas
from central.auth import KioskDevice
from central.context import context
from central.schemas import (
    STORABLE,
    BookingIn,
    BookingOut,
    CancelIn,
    CheckInOut,
    LookupIn,
    LookupOut,
)

router = APIRouter(tags=["bookings"])
BookingId = Annotated[str, Path(min_length=1, max_length=64), STORABLE]


@router.post("/bookings", status_code=201, response_model=BookingOut)
def create_booking(request: Request, body: BookingIn, key: idempotency.IdempotencyKey,
                   device: quotas.KioskBooking) -> Response:
    """With a live hold_id for the same slot the hold becomes the booking; without one
    (an offline request) a free place is claimed directly. Only in the device's hall."""
    ctx = context(request)
    device.check_hall(body.hall)

    def work(session: Session) -> tuple[int, dict[str, Any]]:
        return 201, bookings.confirm(session, ctx.reference, ctx.secret, body, ctx.now(),
                                     device.device_id)

    return idempotency.execute(ctx, key, device.device_id, body, work)


BookingReference = Annotated[str, Path(pattern=r"^[A-HJ-NP-Z2-9]{8}$")]


@router.get("/bookings/by-reference/{reference}", response_model=BookingOut)
def read_by_reference(request: Request, reference: BookingReference,
                      device: quotas.KioskLookup) -> dict[str, Any]:
    """The booking a voucher QR names (``SHK-BOOKING:<reference>``): check-in by scanning."""
    ctx = context(request)
    with ctx.db.reading() as session:
        return bookings.booking_view(session, ctx.reference,
                                     bookings.find_by_reference(session, reference, device.hall))


@router.get("/bookings/{booking_id}", response_model=BookingOut)
def read_booking(request: Request, booking_id: BookingId, device: quotas.KioskLookup) -> dict[str, Any]:
    ctx = context(request)
    with ctx.db.reading() as session:
        return bookings.booking_view(session, ctx.reference,
                                     bookings.find(session, booking_id, device.hall))


@router.post("/booking-lookups", response_model=LookupOut)
def lookup_bookings(request: Request, body: LookupIn, device: quotas.KioskLookup) -> dict[str, Any]:
    """A person's bookings in the device's hall, newest first (a POST: the ID number never
    lands in a URL)."""
    ctx = context(request)
    with ctx.db.reading() as session:
        return bookings.lookup(session, ctx.reference, ctx.secret, body.id_number, device.hall)


@router.post("/bookings/{booking_id}/cancel", response_model=BookingOut)
def cancel_booking(request: Request, booking_id: BookingId, body: CancelIn,
                   key: idempotency.IdempotencyKey, device: quotas.KioskBooking) -> Response:
    """Needs the phone number given at booking: 422 ``phone_mismatch`` when it is another
    (each counted), 409 ``cancel_locked`` after ``bookings.CANCEL_ATTEMPTS`` of them. These
    two are checked before the Idempotency-Key is taken: they are not stored, and a retry
    is checked (and counted) again."""
    ctx = context(request)
    bookings.check_cancel_phone(ctx.db, ctx.secret, booking_id, device.hall, body.phone)

    def work(session: Session) -> tuple[int, dict[str, Any]]:
        return 200, bookings.cancel(session, ctx.reference, booking_id, device.hall, ctx.now())

    return idempotency.execute(ctx, key, device.device_id, body, work)


@router.post("/bookings/{booking_id}/check-in", response_model=CheckInOut)
def check_in(request: Request, booking_id: BookingId, key: idempotency.IdempotencyKey,
             device: KioskDevice) -> Response:
    ctx = context(request)

    def work(session: Session) -> tuple[int, dict[str, Any]]:
        return 200, bookings.check_in(session, ctx.reference, booking_id, ctx.now(), device)

    return idempotency.execute(ctx, key, device.device_id, None, work)
