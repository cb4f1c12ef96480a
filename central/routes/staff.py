"""The staff of the device's hall for its kiosks (a conditional GET, like the reference
data) and the staff audit trail read back by operators (an operator's token).

Who may call: ``GET /staff`` a ``kiosk`` or ``window`` device (staff sign in at both; the
list carries scrypt PIN hashes, so a hall display is answered 403 ``wrong_device_role``);
``GET /staff-list-key`` every role (the platform's public key, which signs the reference
data every device pulls too); ``GET /audit-events`` an operator."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from central import staff
from central.auth import AnyDevice, KioskOrWindow
from central.conditional import served
from central.context import context
from central.operators import ThisOperator
from central.schemas import STORABLE, AuditEventsOut, StaffListKeyOut, StaffListOut, UtcTime

router = APIRouter(tags=["staff"])
_CONDITIONAL: dict[int | str, dict[str, Any]] = {304: {"description": "Not modified (If-None-Match matched the ETag)"}}


@router.get("/staff", response_model=StaffListOut, responses=_CONDITIONAL)
def staff_list(request: Request, device: KioskOrWindow) -> Response:
    """The active staff accounts of the device's hall by number, each with ``scrypt(PIN)``
    and its parameters,
    so staff can sign in at a kiosk that is offline. A deactivated account is left out:
    kiosks drop it at their next pull. The ETag changes whenever an account changes.
    Signed (``key_id``, ``signature``) with the key of ``GET /v1/staff-list-key``: a kiosk
    takes no list without that signature."""
    ctx = context(request)
    with ctx.db.reading() as session:
        document = staff.served_list(session, ctx.now(), device.hall, ctx.platform_key)
    return served(request, document, "staff list")


@router.get("/staff-list-key", response_model=StaffListKeyOut)
def staff_list_key(request: Request, _device: AnyDevice) -> dict[str, str]:
    """The platform key (Ed25519, base64url of its 32 bytes), which signs the staff list,
    the trust list, the catalogue and the halls, and its ``key_id``: the enrolment answer's
    ``staff_list_key``, for a kiosk enrolled before the platform signed its documents,
    which pins it on first use. (Named for the first document it signed.)"""
    key = context(request).platform_key
    return {"key": key.public_wire, "key_id": key.key_id}


@router.get("/audit-events", response_model=AuditEventsOut)
def audit_events(
    request: Request,
    operator: ThisOperator,
    since: Annotated[UtcTime | None, Query(description="received at or after (server time)")] = None,
    staff_identity: Annotated[str | None, Query(alias="staff", min_length=1, max_length=200,
                                                description="the identity's staff, exactly"),
                              STORABLE] = None,
    limit: Annotated[int, Query(ge=1, le=staff.AUDIT_EVENTS_MAX)] = staff.AUDIT_EVENTS_MAX,
) -> dict[str, Any]:
    """For operators: staff audit events (submissions of kind "audit") from the devices of
    the operator's halls, as received, oldest first, at most ``limit``; page on with
    ``since`` = the last ``received_at``."""
    query = staff.AuditQuery(since=since, staff=staff_identity, limit=limit, hall=operator.hall)
    with context(request).db.reading() as session:
        return {"events": staff.audit_events(session, query)}
