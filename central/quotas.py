"""Per-device quotas: how many requests of a kind one device may make in a fixed window.

One enrolled kiosk booked all 158 places of a matter's week in 4.8 s and swept 1,000 ID
numbers in 5.3 s (issue 12, findings 1 and 9). Each device now has, per window:

- ``booking``: holds, bookings and cancellations (default 60 an hour: a resident's
  booking is a hold and a booking, so about 30 residents an hour, more than one kiosk serves);
- ``lookup``: reading a booking, looking bookings up by ID number, verifying an
  e-certificate online (default 30 a minute);
- ``ticket``: walk-in queue numbers (default 300 an hour);
- ``help``: calls for staff, ``POST /v1/help-requests`` (default 60 an hour; answering,
  closing and cancelling a call spend nothing).

A request over its quota is answered 429 ``quota_exceeded`` with ``Retry-After`` (the
seconds until the window ends), which the kiosk's client honours: its outbox waits and
loses nothing. The counts live in the database (``quota_uses``), so every server process
shares them; a count is one upsert in its own short transaction, before the request's work,
and counts a refused or replayed request too (an attacker's retries are requests).

Every route that spends a quota is a resident's kiosk's alone (``KioskBooking``…: a
``central.auth.KioskDevice``): another role is answered 403 ``wrong_device_role`` before
anything is counted.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.dialects import postgresql, sqlite

from central.auth import CallingDevice, KioskDevice
from central.context import Context, context
from central.models import QuotaUse
from central.problems import Problem

_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def window_start(now: datetime, window: timedelta) -> datetime:
    return _EPOCH + (now - _EPOCH) // window * window


def spend(ctx: Context, device_id: str, quota: str) -> None:
    """Count one request of ``quota`` for the device; 429 when it is over the limit."""
    limit, window = ctx.quotas.limit(quota)
    if limit is None:
        return
    now = ctx.now()
    start = window_start(now, window)
    values = {"device_id": device_id, "quota": quota, "window_start": start, "used": 1}
    dialect = postgresql if ctx.db.dialect == "postgresql" else sqlite
    stmt = dialect.insert(QuotaUse).values(**values)
    stmt = stmt.on_conflict_do_update(
        index_elements=["device_id", "quota", "window_start"],
        set_={"used": QuotaUse.used + 1},
    ).returning(QuotaUse.used)
    with ctx.db.writing() as session:
        used = session.execute(stmt).scalar_one()
    if used > limit:
        wait = max(1, math.ceil((start + window - now).total_seconds()))
        raise Problem(429, "quota_exceeded",
                      f"this device made more than {limit} {quota} requests in "
                      f"{int(window.total_seconds() // 60)} min; retry after {wait} s",
                      headers={"Retry-After": str(wait)}, retry_after=wait)


def _spender(quota: str) -> Callable[[Request, CallingDevice], CallingDevice]:
    def spending(request: Request, device: KioskDevice) -> CallingDevice:
        spend(context(request), device.device_id, quota)
        return device

    spending.__name__ = f"spend_{quota}_quota"
    return spending


#: the calling device, a ``kiosk`` (else 403 ``wrong_device_role``), one request of its
#: quota spent
KioskBooking = Annotated[CallingDevice, Depends(_spender("booking"))]
KioskLookup = Annotated[CallingDevice, Depends(_spender("lookup"))]
KioskTicketing = Annotated[CallingDevice, Depends(_spender("ticket"))]
KioskHelping = Annotated[CallingDevice, Depends(_spender("help"))]
