"""For operators only (an operator's token; a device token is 401 here): staff accounts,
devices and enrolment codes. An operator with a hall sees and changes that hall's only;
another hall's account or device is 404, as one that does not exist."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request

from central import auth, staff
from central.clock import wire
from central.context import Context, context
from central.models import Device, StaffAccount
from central.operators import CallingOperator, ThisOperator
from central.problems import Problem
from central.schemas import (
    DeviceOut,
    DevicesOut,
    EnrolmentCodeIn,
    EnrolmentCodeOut,
    StaffAccountIn,
    StaffAccountOut,
    StaffAccountsOut,
    StaffNumber,
    StaffPinIn,
)

router = APIRouter(tags=["operators"])
DevicePath = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9\-]+$")]


def _no_account() -> Problem:
    return Problem(404, "staff_not_found", "there is no such staff account")


def _no_device() -> Problem:
    return Problem(404, "device_not_found", "there is no such device")


def _known_hall(ctx: Context, operator: CallingOperator, hall: str) -> str:
    """A hall that exists and is the operator's (else 422 ``unknown_hall``, either way)."""
    if ctx.reference.calendar(hall) is None or not operator.may_act_in(hall):
        raise Problem(422, "unknown_hall", f"there is no hall {hall!r}")
    return hall


def _account_view(account: StaffAccount) -> dict[str, Any]:
    return {"number": account.number, "name": account.name, "role": account.role,
            "hall": account.hall_code, "active": account.active,
            "updated_at": wire(account.updated_at)}


def _account_of(ctx: Context, operator: CallingOperator, number: str) -> StaffAccount:
    with ctx.db.reading() as session:
        account = session.get(StaffAccount, number)
    if account is None:
        raise _no_account()
    operator.refuse_unless_in(account.hall_code, _no_account())
    return account


def _refused(exc: staff.StaffError) -> Problem:
    return Problem(422, "staff_refused", str(exc))


@router.get("/staff-accounts", response_model=StaffAccountsOut)
def staff_accounts(request: Request, operator: ThisOperator) -> dict[str, Any]:
    """Every account of the operator's halls, deactivated ones too (no PIN hashes)."""
    return {"accounts": [_account_view(a) for a in staff.accounts(context(request).db)
                         if operator.may_act_in(a.hall_code)]}


@router.post("/staff-accounts", status_code=201, response_model=StaffAccountOut)
def add_staff_account(request: Request, body: StaffAccountIn,
                      operator: ThisOperator) -> dict[str, Any]:
    """A new account in one of the operator's halls; its devices get it at their next pull."""
    ctx = context(request)
    hall = _known_hall(ctx, operator, body.hall)
    try:
        staff.add(ctx.db, number=body.number, name=body.name, role=body.role, hall=hall,
                  pin=body.pin, now=ctx.now())
    except staff.StaffError as exc:
        raise _refused(exc) from None
    return _account_view(_account_of(ctx, operator, body.number))


@router.post("/staff-accounts/{number}/deactivate", response_model=StaffAccountOut)
def deactivate_staff_account(request: Request, number: Annotated[StaffNumber, Path()],
                             operator: ThisOperator) -> dict[str, Any]:
    """Kiosks drop the account at their next pull; its number is never reused."""
    ctx = context(request)
    _account_of(ctx, operator, number)
    staff.deactivate(ctx.db, number, ctx.now())
    return _account_view(_account_of(ctx, operator, number))


@router.put("/staff-accounts/{number}/pin", response_model=StaffAccountOut)
def set_staff_pin(request: Request, number: Annotated[StaffNumber, Path()], body: StaffPinIn,
                  operator: ThisOperator) -> dict[str, Any]:
    ctx = context(request)
    _account_of(ctx, operator, number)
    try:
        staff.set_pin(ctx.db, number, body.pin, ctx.now())
    except staff.StaffError as exc:
        raise _refused(exc) from None
    return _account_view(_account_of(ctx, operator, number))


def _device_view(device: Device) -> dict[str, Any]:
    return {"device_id": device.device_id, "hall": device.hall_code, "role": device.role,
            "label": device.label,
            "enrolled_at": wire(device.enrolled_at),
            "last_seen_at": wire(device.last_seen_at) if device.last_seen_at else None,
            "revoked_at": wire(device.revoked_at) if device.revoked_at else None}


@router.get("/devices", response_model=DevicesOut)
def devices(request: Request, operator: ThisOperator) -> dict[str, Any]:
    """The enrolled devices of the operator's halls, revoked ones too."""
    return {"devices": [_device_view(d) for d in auth.devices(context(request).db)
                        if operator.may_act_in(d.hall_code)]}


@router.post("/devices/{device_id}/revoke", response_model=DeviceOut)
def revoke_device(request: Request, device_id: DevicePath,
                  operator: ThisOperator) -> dict[str, Any]:
    """Refuse the device's token from now on (401 at its next request)."""
    ctx = context(request)
    hall = _device_of(ctx, device_id).hall_code
    if hall is None:
        raise _no_device()
    operator.refuse_unless_in(hall, _no_device())
    auth.revoke(ctx.db, device_id, ctx.now())
    return _device_view(_device_of(ctx, device_id))


def _device_of(ctx: Context, device_id: str) -> Device:
    with ctx.db.reading() as session:
        device = session.get(Device, device_id)
    if device is None:
        raise _no_device()
    return device


@router.post("/enrolment-codes", status_code=201, response_model=EnrolmentCodeOut)
def enrolment_code(request: Request, body: EnrolmentCodeIn,
                   operator: ThisOperator) -> dict[str, Any]:
    """A one-time code a new device of the hall enrols with (``POST /v1/enrolments``), in
    ``role`` (kiosk, window, display; default kiosk)."""
    ctx = context(request)
    hall = _known_hall(ctx, operator, body.hall)
    now = ctx.now()
    lifetime = timedelta(hours=body.expires_in_hours)
    code = auth.new_enrolment_code(ctx.db, hall, now, lifetime, body.role)
    return {"code": code, "hall": hall, "role": body.role, "expires_at": wire(now + lifetime)}
