"""Help requests: a resident calls staff from a kiosk; the hall's staff see the calls on any
kiosk's staff panel, acknowledge and close them (``central.help_requests``). Every device
acts in its own hall only; another hall's request is 404 like one that does not exist.

Who may call: every route here a ``kiosk`` device alone — the resident's kiosk that calls,
and the staff panel of a kiosk (or of the service desk's PC running ``kiosk``) that
answers; a window terminal or hall display is answered 403 ``wrong_device_role``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from sqlalchemy.orm import Session

from central import help_requests, idempotency, quotas
from central.auth import CallingDevice, KioskDevice
from central.conditional import served
from central.context import context
from central.models import HelpRequest
from central.reference import Served
from central.schemas import (
    STORABLE,
    HelpRequestIn,
    HelpRequestOut,
    HelpRequestsOut,
    HelpStaffIn,
)

router = APIRouter(tags=["help"])
#: what staff do to a request (``help_requests.acknowledge``, ``close``)
StaffAction = Callable[[Session, str, CallingDevice, str, datetime], HelpRequest]
HelpId = Annotated[str, Path(min_length=1, max_length=64), STORABLE]
_CONDITIONAL: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified (If-None-Match matched the ETag)"}}


@router.post("/help-requests", status_code=201, response_model=HelpRequestOut)
def create_help_request(request: Request, body: HelpRequestIn, key: idempotency.IdempotencyKey,
                        device: quotas.KioskHelping) -> Response:
    """A resident calls staff to this kiosk. The body names the screen, where the kiosk
    stands and when, and nothing else: any other member is refused (422), so no personal
    data can ride along. The request's ``help_id`` is the UUID v5 of ``"<device_id>
    <Idempotency-Key>"`` (``kiosk/rules/help_id.py``), known to the kiosk before any answer."""
    ctx = context(request)

    def work(session: Session) -> tuple[int, dict[str, Any]]:
        row = help_requests.create(session, device, body, key.key, ctx.now())
        return 201, help_requests.view(session, row, ctx.now(), ctx.help_raise_after)

    return idempotency.execute(ctx, key, device.device_id, body, work)


@router.get("/help-requests", response_model=HelpRequestsOut, responses=_CONDITIONAL)
def list_help_requests(
    request: Request,
    device: KioskDevice,
    state: Annotated[Literal["open"], Query(description="open: not yet ended (open or "
                                                        "acknowledged)")] = "open",
) -> Response:
    """The hall's requests not yet ended, open ones first, each oldest first, for the staff
    panels, which poll it. A strong ETag: ``If-None-Match`` answers 304 while nothing
    changed (a request raised again is a change)."""
    ctx = context(request)
    with ctx.db.reading() as session:
        document = help_requests.open_requests(session, device.hall, ctx.now(),
                                               ctx.help_raise_after)
    return served(request, Served.of(document), "help requests")


@router.get("/help-requests/{help_id}", response_model=HelpRequestOut)
def read_help_request(request: Request, help_id: HelpId, device: KioskDevice) -> dict[str, Any]:
    """One request of the hall, in any state: the calling kiosk follows its own with it."""
    ctx = context(request)
    with ctx.db.reading() as session:
        row = help_requests.find(session, help_id, device.hall)
        return help_requests.view(session, row, ctx.now(), ctx.help_raise_after)


@router.post("/help-requests/{help_id}/acknowledge", response_model=HelpRequestOut)
def acknowledge_help_request(request: Request, help_id: HelpId, body: HelpStaffIn,
                             key: idempotency.IdempotencyKey, device: KioskDevice) -> Response:
    """Staff on the way. Already acknowledged: answered as it is (``acknowledged_by`` says
    who came first); 409 ``help_request_ended``, 422 ``unknown_staff``."""
    return _staff_action(request, help_id, body, key, device, help_requests.acknowledge)


@router.post("/help-requests/{help_id}/close", response_model=HelpRequestOut)
def close_help_request(request: Request, help_id: HelpId, body: HelpStaffIn,
                       key: idempotency.IdempotencyKey, device: KioskDevice) -> Response:
    """Dealt with; an ended request is answered as it is. 422 ``unknown_staff``."""
    return _staff_action(request, help_id, body, key, device, help_requests.close)


def _staff_action(request: Request, help_id: str, body: HelpStaffIn,
                  key: idempotency.IdempotentRequest, device: CallingDevice,
                  act: StaffAction) -> Response:
    ctx = context(request)

    def work(session: Session) -> tuple[int, dict[str, Any]]:
        row = act(session, help_id, device, body.staff, ctx.now())
        return 200, help_requests.view(session, row, ctx.now(), ctx.help_raise_after)

    return idempotency.execute(ctx, key, device.device_id, body, work)


@router.post("/help-requests/{help_id}/cancel", response_model=HelpRequestOut)
def cancel_help_request(request: Request, help_id: HelpId, key: idempotency.IdempotencyKey,
                        device: KioskDevice) -> Response:
    """The resident takes the call back, at the kiosk that made it (else 409
    ``not_requesting_device``); an ended request is answered as it is."""
    ctx = context(request)

    def work(session: Session) -> tuple[int, dict[str, Any]]:
        row = help_requests.cancel(session, help_id, device, ctx.now())
        return 200, help_requests.view(session, row, ctx.now(), ctx.help_raise_after)

    return idempotency.execute(ctx, key, device.device_id, None, work)
