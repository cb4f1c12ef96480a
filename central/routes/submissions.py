"""Walk-in tickets and submissions (ratings, messages, staff audit events).

Who may call: ``POST /tickets`` a ``kiosk`` device; ``POST /submissions`` (every kind) a
``kiosk`` or ``window`` device — a hall display sends none. Another role is answered 403
``wrong_device_role``."""

from __future__ import annotations

import json
import uuid
from typing import Any

from fastapi import APIRouter, Request, Response
from sqlalchemy.orm import Session

from central import idempotency, quotas, ratings, staff, tickets
from central.auth import KioskOrWindow
from central.clock import wire
from central.context import context
from central.models import Submission
from central.schemas import SubmissionIn, SubmissionOut, TicketIn, TicketOut

router = APIRouter()


@router.post("/tickets", status_code=201, response_model=TicketOut, tags=["tickets"])
def create_ticket(request: Request, body: TicketIn, key: idempotency.IdempotencyKey,
                  device: quotas.KioskTicketing) -> Response:
    """A walk-in queue number in the device's hall; priority ("P…") when the resident asks."""
    ctx = context(request)
    device.check_hall(body.hall)

    def work(session: Session) -> tuple[int, dict[str, Any]]:
        return 201, tickets.walk_in(session, ctx.reference, hall=body.hall, matter=body.matter,
                                    priority=body.priority, now=ctx.now(),
                                    device_id=device.device_id)

    return idempotency.execute(ctx, key, device.device_id, body, work)


@router.post("/submissions", status_code=201, response_model=SubmissionOut, tags=["submissions"])
def create_submission(request: Request, body: SubmissionIn, key: idempotency.IdempotencyKey,
                      device: KioskOrWindow) -> Response:
    """Stored with the identity (resident, staff) it was made under; a staff number must be
    an active staff account of the device's hall (else 422 ``unknown_staff``).

    A ``rating`` (好差评, docs/queue.md) is checked and kept once per matter per visit:
    422 ``bad_rating`` (the payload, with the reason), 404 ``unknown_visit`` (no such
    ticket or booking in this hall), 422 ``matter_not_of_visit``, 409 ``already_rated``;
    a bad one opens a follow-up case (``rating.case_id``). Its phone number, given only
    when the resident asked to be called, is kept on the case alone. Only a ``kiosk`` or
    ``window`` device may send one (else 403 ``wrong_device_role``)."""
    ctx = context(request)

    def work(session: Session) -> tuple[int, dict[str, Any]]:
        now = ctx.now()
        if body.identity.staff is not None:
            staff.check_active(session, body.identity.staff, device.hall)
        rating = None
        payload: dict[str, Any] = body.payload
        if body.kind == "rating":
            rating = ratings.record(session, ctx.reference, ratings.Received(
                hall=device.hall, device_id=device.device_id, created_at=body.created_at,
                now=now, payload=body.payload), ctx.case_due_working_days)
            payload = ratings.stored_payload(payload)
        row = Submission(
            submission_id=str(uuid.uuid4()), device_id=device.device_id, kind=body.kind,
            created_at=body.created_at, received_at=now, resident=body.identity.resident,
            staff=body.identity.staff, payload=json.dumps(payload),
        )
        session.add(row)
        session.flush()
        return 201, {"submission_id": row.submission_id, "received_at": wire(now),
                     "rating": rating}

    return idempotency.execute(ctx, key, device.device_id, body, work)
