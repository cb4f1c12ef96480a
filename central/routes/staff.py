"""Staff accounts for the kiosks (a conditional GET, like the reference data) and the
staff audit trail read back for operators."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from central import staff
from central.auth import DeviceId
from central.conditional import served
from central.context import context
from central.schemas import STORABLE, AuditEventsOut, StaffListOut, UtcTime

router = APIRouter(tags=["staff"])
_CONDITIONAL: dict[int | str, dict[str, Any]] = {304: {"description": "Not modified (If-None-Match matched the ETag)"}}


@router.get("/staff", response_model=StaffListOut, responses=_CONDITIONAL)
def staff_list(request: Request, _device: DeviceId) -> Response:
    """The active staff accounts by number, each with ``scrypt(PIN)`` and its parameters,
    so staff can sign in at a kiosk that is offline. A deactivated account is left out:
    kiosks drop it at their next pull. The ETag changes whenever an account changes."""
    ctx = context(request)
    with ctx.db.reading() as session:
        document = staff.served_list(session, ctx.now())
    return served(request, document, "staff list")


@router.get("/audit-events", response_model=AuditEventsOut)
def audit_events(
    request: Request,
    _device: DeviceId,
    since: Annotated[UtcTime | None, Query(description="received at or after (server time)")] = None,
    staff_identity: Annotated[str | None, Query(alias="staff", min_length=1, max_length=200,
                                                description="the identity's staff, exactly"),
                              STORABLE] = None,
    limit: Annotated[int, Query(ge=1, le=staff.AUDIT_EVENTS_MAX)] = staff.AUDIT_EVENTS_MAX,
) -> dict[str, Any]:
    """For operators: staff audit events (submissions of kind "audit") as received,
    oldest first, at most ``limit``; page on with ``since`` = the last ``received_at``."""
    query = staff.AuditQuery(since=since, staff=staff_identity, limit=limit)
    with context(request).db.reading() as session:
        return {"events": staff.audit_events(session, query)}
