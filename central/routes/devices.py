"""Health, readiness, enrolment and heartbeat.

Who may call: ``/health``, ``/ready`` and ``/enrolments`` anyone (a load balancer, a
kiosk being enrolled, with its one-time code); the heartbeat an enrolled device of every
role (``kiosk``, ``window``, ``display``).
"""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy import update
from sqlalchemy.exc import SQLAlchemyError

from central import VERSION, schema
from central.auth import AnyDevice, enrol
from central.clock import wire
from central.context import context
from central.models import Device
from central.problems import Problem
from central.schemas import EnrolmentIn, EnrolmentOut, Health, HeartbeatIn, HeartbeatOut, Ready

router = APIRouter()
log = logging.getLogger(__name__)


@router.get("/health", response_model=Health, tags=["devices"])
def health(request: Request) -> dict[str, Any]:
    return {"status": "ok", "time": wire(context(request).now()), "version": VERSION}


@router.get("/ready", response_model=Ready, tags=["devices"])
def ready(request: Request) -> dict[str, Any]:
    """Readiness, for a load balancer: 200 when this instance can serve (its database
    answers and is at the schema it needs), else 503 ``not_ready``. ``/health`` stays the
    liveness check (the process answers) and never touches the database."""
    ctx = context(request)
    try:
        current = schema.current_revision(ctx.db)
    except SQLAlchemyError:
        log.warning("readiness: the database is unreachable", exc_info=True)
        raise Problem(503, "not_ready", "the database is unreachable",
                      headers={"Retry-After": "5"}) from None
    if current != ctx.schema_revision:
        raise Problem(503, "not_ready", "the database schema is not the one this server needs "
                      "(kiosk-central migrate)", headers={"Retry-After": "30"})
    warnings = request.app.state.calendar_watch.warnings()
    return {"status": "ready", "time": wire(ctx.now()), "version": VERSION,
            "schema_revision": current, "reference_version": ctx.reference.version,
            "calendar_warnings": [w.message() for w in warnings]}


@router.post("/enrolments", status_code=201, response_model=EnrolmentOut, tags=["devices"])
def create_enrolment(request: Request, body: EnrolmentIn) -> dict[str, Any]:
    ctx = context(request)
    enrolled = enrol(ctx.db, body.enrolment_code, body.label, ctx.now())
    return {"device_id": enrolled.device_id, "token": enrolled.token, "hall_code": enrolled.hall,
            "role": enrolled.role, "staff_list_key": ctx.platform_key.public_wire}


@router.post("/devices/me/heartbeat", response_model=HeartbeatOut, tags=["devices"])
def heartbeat(request: Request, body: HeartbeatIn, device: AnyDevice) -> dict[str, Any]:
    ctx = context(request)
    now = ctx.now()
    status = body.model_dump(mode="json")
    status["outbox"] = body.outbox.model_dump(mode="json", exclude_none=True)  # as it came
    waiting = body.outbox.oldest_pending_seconds
    with ctx.db.writing() as session:
        session.execute(
            update(Device).where(Device.device_id == device.device_id)
            .values(last_seen_at=now, last_status=json.dumps(status), app_version=body.version,
                    outbox_pending=body.outbox.pending, outbox_dead=body.outbox.dead,
                    oldest_pending_since=None if waiting is None or body.outbox.pending == 0
                    else now - timedelta(seconds=waiting))
        )
    return {"server_time": wire(now)}
