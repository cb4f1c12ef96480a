"""Devices: enrolment with a code, bearer tokens (only their SHA-256 is stored)."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import or_, select, update

from central.context import context
from central.db import Database
from central.models import Device, EnrolmentCode
from central.problems import Problem

DEV_DEVICE_ID = "dev"
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

bearer = HTTPBearer(auto_error=False, description="the device token from POST /v1/enrolments")


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def current_device(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> str:
    """The enrolled device behind the bearer token, or 401 ``unauthorized``."""
    if credentials is None or not credentials.credentials:
        raise Problem(401, "unauthorized", "a device token is required: Authorization: Bearer <token>",
                      headers={"WWW-Authenticate": "Bearer"})
    digest = token_digest(credentials.credentials)
    with context(request).db.reading() as session:
        device_id = session.scalar(select(Device.device_id).where(Device.token_sha256 == digest))
    if device_id is None:
        raise Problem(401, "unauthorized", "unknown device token",
                      headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
    return device_id


DeviceId = Annotated[str, Depends(current_device)]


def enrol(db: Database, code: str, label: str, now: datetime) -> tuple[str, str, str]:
    """Use up an enrolment code (reusable ones stay): (device_id, token, hall_code)."""
    token = secrets.token_urlsafe(32)
    device_id = str(uuid.uuid4())
    with db.writing() as session:
        used = session.execute(
            update(EnrolmentCode)
            .where(EnrolmentCode.code == code)
            .where(or_(EnrolmentCode.reusable.is_(True), EnrolmentCode.used_at.is_(None)))
            .values(used_at=now)
            .returning(EnrolmentCode.hall_code)
        ).scalar_one_or_none()
        if used is None:
            raise Problem(403, "enrolment_code_invalid", "the enrolment code is unknown or used up")
        session.add(Device(device_id=device_id, token_sha256=token_digest(token), hall_code=used,
                           label=label, enrolled_at=now))
    return device_id, token, used


def new_enrolment_code(db: Database, hall_code: str, now: datetime) -> str:
    code = "-".join("".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(3))
    with db.writing() as session:
        session.add(EnrolmentCode(code=code, hall_code=hall_code, reusable=False, created_at=now))
    return code


def ensure_dev_device(db: Database, token: str, now: datetime) -> None:
    """Make ``token`` act as the enrolled device "dev" (demos and tests)."""
    with db.writing() as session:
        db.take_setup_lock(session)
        device = session.get(Device, DEV_DEVICE_ID)
        if device is None:
            session.add(Device(device_id=DEV_DEVICE_ID, token_sha256=token_digest(token),
                               hall_code=None, label="development token", enrolled_at=now))
        else:
            device.token_sha256 = token_digest(token)
