"""Devices: enrolment with a one-time, expiring code; bearer tokens (only their SHA-256 is
stored; a dev token not even that); revocation.

A device is bound to the hall of its enrolment code and acts only there: every route
receives the calling device with its hall (``CallingDevice``), never a bare device id.
The dev device acts in the hall its app was given (``create_app(dev_hall=)``).

A device also has the **role** of its enrolment code: ``kiosk`` (a resident's kiosk),
``window`` (a window terminal, staff signed in) or ``display`` (a hall display). The
queue's routes take only the roles they are for (``CallingDevice.require_role``; 403
``wrong_device_role``): staff numbers are not secret, so a resident-facing kiosk must
not call, transfer or mark no-shows. The dev device (the demo's one device) has every role.

Every other device route names its roles in its signature (``device_in_role``): a
resident's personal data (bookings, look-ups by ID number, e-certificates, help
requests) and the hall's walk-in tickets and holds are a ``KioskDevice``'s; the staff
list (scrypt PIN hashes) and submissions a ``KioskOrWindow``'s (the window terminal signs
staff in with the pulled list and sends ratings and audit events); reference data, slots
and the heartbeat ``AnyDevice``'s. So a hall display, its cable in the hall, reaches only
the board and the hall's public data.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, Any, TypeVar, cast

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select, update

from central.context import Context
from central.db import Database
from central.models import Device, EnrolmentCode, Operator
from central.problems import Problem

Caller = TypeVar("Caller")
DEV_DEVICE_ID = "dev"
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
#: how long an enrolment code stays valid unless told otherwise
CODE_LIFETIME = timedelta(hours=24)
#: the roles a device may be enrolled in (``Device.role``, ``EnrolmentCode.role``)
KIOSK, WINDOW, DISPLAY = "kiosk", "window", "display"
ROLES = (KIOSK, WINDOW, DISPLAY)
#: the stored "token digest" of the device "dev": no SHA-256 hex digest equals it
NO_TOKEN = "none:dev"

bearer = HTTPBearer(auto_error=False, scheme_name="DeviceToken",
                    description="the device token from POST /v1/enrolments")


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class CallingDevice:
    """The enrolled device a request comes from, and the one hall it may act in."""

    device_id: str
    hall: str
    #: what the device was enrolled as (one role; the dev device has them all)
    roles: frozenset[str] = frozenset({KIOSK})

    def require_role(self, *allowed: str) -> None:
        """Go on when the device has one of the ``allowed`` roles; else 403
        ``wrong_device_role``, naming the roles that may (``needed``)."""
        if self.roles.isdisjoint(allowed):
            names = " or ".join(repr(r) for r in allowed)
            raise Problem(403, "wrong_device_role",
                          f"this route is for a device enrolled as {names}", needed=list(allowed))

    def check_hall(self, hall: str, status: int = 422) -> str:
        """``hall`` when it is this device's; else the very answer a hall that does not
        exist gets (``status``: 404 in a path, 422 in a body), so another hall cannot be
        told from none."""
        if hall != self.hall:
            raise Problem(status, "unknown_hall", f"there is no hall {hall!r}")
        return hall


def missing_token(kind: str) -> Problem:
    return Problem(401, "unauthorized", f"{kind} token is required: Authorization: Bearer <token>",
                   headers={"WWW-Authenticate": "Bearer"})


def unknown_token(kind: str) -> Problem:
    return Problem(401, "unauthorized", f"unknown {kind} token",
                   headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})


def current_device(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> CallingDevice:
    """The enrolled device behind the bearer token, or 401 ``unauthorized``."""
    return caller_behind(credentials, request.app, "device", device_for_token)


def caller_behind(credentials: HTTPAuthorizationCredentials | None, app: Any, kind: str,
                  lookup: Callable[[Any, str], Caller | None]) -> Caller:
    """Who the bearer token belongs to (``lookup(app, token)``), else 401: a missing
    token, or one that is no ``kind``'s (a device's or an operator's)."""
    if credentials is None or not credentials.credentials:
        raise missing_token(("an " if kind[0] in "aeiou" else "a ") + kind)
    found = lookup(app, credentials.credentials)
    if found is None:
        raise unknown_token(kind)
    return found


def device_for_token(app: Any, token: str) -> CallingDevice | None:
    """The enrolled, unrevoked device ``token`` belongs to, with its hall, or None
    (``app``: the FastAPI app). The dev token lives in the app alone
    (``app.state.dev_token_sha256``), and so does the dev device's hall."""
    digest = token_digest(token)
    dev_digest: str | None = getattr(app.state, "dev_token_sha256", None)
    is_dev = dev_digest is not None and hmac.compare_digest(digest, dev_digest)
    ctx: Context = app.state.context
    with ctx.db.reading() as session:
        row = session.execute(
            select(Device.device_id, Device.hall_code, Device.role)
            .where(Device.device_id == DEV_DEVICE_ID if is_dev else Device.token_sha256 == digest)
            .where(Device.revoked_at.is_(None))
        ).one_or_none()
    if row is None:
        return None
    hall = app.state.dev_hall if is_dev else row.hall_code
    if hall is None:
        return None  # every code names a hall
    roles = frozenset(ROLES) if is_dev else frozenset({row.role})
    return CallingDevice(row.device_id, hall, roles)


ThisDevice = Annotated[CallingDevice, Depends(current_device)]


def device_in_role(*allowed: str) -> Callable[[CallingDevice], CallingDevice]:
    """A dependency: the calling device (``current_device``) when it has one of the
    ``allowed`` roles, else 403 ``wrong_device_role`` — checked before anything else the
    route depends on (no quota is spent, nothing is stored; FastAPI has parsed the body by then)."""
    if not allowed or not set(allowed) <= set(ROLES):
        raise ValueError(f"device roles must be some of {ROLES}, not {allowed!r}")

    def in_role(device: ThisDevice) -> CallingDevice:
        device.require_role(*allowed)
        return device

    in_role.__name__ = "device_in_role_" + "_or_".join(allowed)
    ROUTE_ROLES[in_role] = allowed
    return in_role


#: each ``device_in_role`` dependency with the roles it lets through (the tests read it:
#: every device route must name its roles)
ROUTE_ROLES: dict[Callable[..., Any], tuple[str, ...]] = {}
#: a resident's kiosk only: bookings, look-ups, holds, walk-in tickets, help requests,
#: e-certificate verification (``central.quotas`` adds the quota to the kiosk's own)
KioskDevice = Annotated[CallingDevice, Depends(device_in_role(KIOSK))]
#: a kiosk or a window terminal (staff signed in): the staff list, submissions
KioskOrWindow = Annotated[CallingDevice, Depends(device_in_role(KIOSK, WINDOW))]
#: every role (a hall display too): reference data, slots and availability, the heartbeat
AnyDevice = Annotated[CallingDevice, Depends(device_in_role(*ROLES))]


@dataclass(frozen=True)
class Enrolled:
    """A device just enrolled: its id, its token (shown once), its hall and role."""

    device_id: str
    token: str
    hall: str
    role: str


def enrol(db: Database, code: str, label: str, now: datetime) -> Enrolled:
    """Use up an unexpired, unused enrolment code: the device, in the code's hall and role."""
    token = secrets.token_urlsafe(32)
    device_id = str(uuid.uuid4())
    with db.writing() as session:
        used = session.execute(
            update(EnrolmentCode)
            .where(EnrolmentCode.code == code)
            .where(EnrolmentCode.used_at.is_(None))
            .where(EnrolmentCode.expires_at > now)
            .values(used_at=now)
            .returning(EnrolmentCode.hall_code, EnrolmentCode.role)
        ).one_or_none()
        if used is None:
            raise Problem(403, "enrolment_code_invalid",
                          "the enrolment code is unknown, used up or expired")
        session.add(Device(device_id=device_id, token_sha256=token_digest(token),
                           hall_code=used.hall_code, role=used.role, label=label,
                           enrolled_at=now))
    return Enrolled(device_id, token, used.hall_code, used.role)


def new_enrolment_code(db: Database, hall_code: str, now: datetime,
                       lifetime: timedelta = CODE_LIFETIME, role: str = KIOSK) -> str:
    """A one-time code for a device of ``hall_code`` in ``role`` (one of ``ROLES``) that
    expires ``lifetime`` after ``now``."""
    if role not in ROLES:
        raise ValueError(f"unknown device role {role!r}")
    code = "-".join("".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(3))
    with db.writing() as session:
        session.add(EnrolmentCode(code=code, hall_code=hall_code, reusable=False, created_at=now,
                                  expires_at=now + lifetime, role=role))
    return code


def settle_dev_device(db: Database, now: datetime, *, dev_hall: str | None) -> None:
    """The row of the device "dev" never holds its token (the app that was given one
    keeps its digest in memory): clear one an older server stored, and add the row (for
    heartbeats and the audit trail's hall) when this process has a dev token, which acts
    in ``dev_hall``."""
    with db.writing() as session:
        db.take_setup_lock(session)
        device = session.get(Device, DEV_DEVICE_ID)
        if device is None:
            if dev_hall is not None:
                session.add(Device(device_id=DEV_DEVICE_ID, token_sha256=NO_TOKEN,
                                   hall_code=dev_hall, label="development token", enrolled_at=now))
        else:
            device.token_sha256 = NO_TOKEN
            if dev_hall is not None:
                device.revoked_at, device.hall_code = None, dev_hall


def devices(db: Database) -> list[Device]:
    with db.reading() as session:
        return list(session.scalars(select(Device).order_by(Device.enrolled_at, Device.device_id)))


def revoke(db: Database, device_id: str, now: datetime) -> bool | None:
    """Refuse the device's token from now on: True, False if it already was, None if unknown."""
    return revoke_row(db, Device, device_id, now)


def revoke_row(db: Database, model: type[Device] | type[Operator], key: str,
               now: datetime) -> bool | None:
    """Set ``revoked_at`` of the token holder ``key`` (a device or an operator): True,
    False if it already was, None if there is none."""
    with db.writing() as session:
        row = cast(Device | Operator | None, session.get(model, key))
        if row is None:
            return None
        if row.revoked_at is not None:
            return False
        row.revoked_at = now
    return True
