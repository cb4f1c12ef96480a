"""Availability, slots and holds.

Who may call: the availability and slots of the device's hall every role (what the hall
offers, nobody's data); holds (``POST``, ``DELETE /holds``) a ``kiosk`` device alone,
else 403 ``wrong_device_role``."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from sqlalchemy.orm import Session

from central import idempotency, quotas, slots
from central.auth import AnyDevice, KioskDevice
from central.calendars import BoundedCalendar
from central.context import context
from central.problems import Problem
from central.schemas import STORABLE, AvailabilityOut, Code, HoldIn, HoldOut, LocalDate, SlotsOut

router = APIRouter(tags=["slots"])
HallCode = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.\-]+$")]
MatterCode = Annotated[Code, Query()]


def _calendar_for_path(request: Request, hall: str, matter: str) -> BoundedCalendar:
    """The calendar of the device's own hall (another hall is 404, as one that does not exist)."""
    ctx = context(request)
    if ctx.reference.calendar(hall) is None:
        raise Problem(404, "unknown_hall", f"there is no hall {hall!r}")
    return slots.bookable(ctx.reference, hall, matter)[0]


@router.get("/halls/{hall}/availability", response_model=AvailabilityOut)
def availability(request: Request, hall: HallCode, matter: MatterCode,
                 device: AnyDevice) -> dict[str, Any]:
    """Every day of the booking window from today (local); closed days have open false,
    and so do days after the hall's calendar runs out (``valid_until`` in ``/v1/halls``)."""
    ctx = context(request)
    device.check_hall(hall, 404)
    calendar = _calendar_for_path(request, hall, matter)
    now = ctx.now()
    capacity = calendar.rules.capacity_for(matter)
    today = calendar.local_day(now)
    window = [today + timedelta(days=i) for i in range(calendar.rules.booking_window_days + 1)]
    per_day = {day: slots.open_starts(calendar, day, now) for day in window}
    with ctx.db.reading() as session:
        counts = slots.taken_counts(session, hall, matter, [s for v in per_day.values() for s in v], now)
    days = []
    for day, starts in per_day.items():
        total = capacity * len(starts)
        days.append({
            "date": day.isoformat(),
            "open": calendar.is_open(day),
            "capacity": total,
            "remaining": sum(max(capacity - counts[s], 0) for s in starts),
        })
    return {"hall": hall, "matter": matter, "timezone": calendar.timezone, "days": days}


@router.get("/halls/{hall}/slots", response_model=SlotsOut)
def day_slots(request: Request, hall: HallCode, matter: MatterCode,
              date: Annotated[LocalDate, Query()], device: AnyDevice) -> dict[str, Any]:
    """The slots of one local day that can still be booked (past minimum notice left out);
    422 ``calendar_not_valid`` for a day of the booking window after the hall's calendar
    runs out (a day beyond the window has no slots either way)."""
    ctx = context(request)
    device.check_hall(hall, 404)
    calendar = _calendar_for_path(request, hall, matter)
    now = ctx.now()
    capacity = calendar.rules.capacity_for(matter)
    bookable = slots.in_window(calendar, date, now)
    if bookable:
        slots.check_day(calendar, date)
    starts = slots.open_starts(calendar, date, now) if bookable else []
    with ctx.db.reading() as session:
        counts = slots.taken_counts(session, hall, matter, starts, now)
    return {
        "hall": hall, "matter": matter, "date": date.isoformat(), "timezone": calendar.timezone,
        "open": calendar.is_open(date),
        "slots": [slots.slot_view(calendar, s, capacity, counts[s]) for s in starts],
    }


@router.post("/holds", status_code=201, response_model=HoldOut)
def create_hold(request: Request, body: HoldIn, key: idempotency.IdempotencyKey,
                device: quotas.KioskBooking) -> Response:
    """Hold a place for the hold lifetime of the hall; 409 slot_full with alternatives."""
    ctx = context(request)
    device.check_hall(body.hall)

    def work(session: Session) -> tuple[int, dict[str, Any]]:
        return 201, slots.place_hold(session, ctx.reference, body.hall, body.matter, body.start,
                                     ctx.now())

    return idempotency.execute(ctx, key, device.device_id, body, work)


@router.delete("/holds/{hold_id}", status_code=204, response_class=Response)
def release_hold(request: Request, hold_id: Annotated[str, Path(max_length=64), STORABLE],
                 device: KioskDevice) -> Response:
    """Release a hold of the device's hall; 204 also when it is already gone (or another
    hall's, which is left alone)."""
    with context(request).db.writing() as session:
        slots.release_hold(session, hold_id, device.hall)
    return Response(status_code=204)
