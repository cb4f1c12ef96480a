"""Health, enrolment and heartbeat."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy import update

from central import VERSION
from central.auth import ThisDevice, enrol
from central.clock import wire
from central.context import context
from central.models import Device
from central.schemas import EnrolmentIn, EnrolmentOut, Health, HeartbeatIn, HeartbeatOut

router = APIRouter()


@router.get("/health", response_model=Health, tags=["devices"])
def health(request: Request) -> dict[str, Any]:
    return {"status": "ok", "time": wire(context(request).now()), "version": VERSION}


@router.post("/enrolments", status_code=201, response_model=EnrolmentOut, tags=["devices"])
def create_enrolment(request: Request, body: EnrolmentIn) -> dict[str, Any]:
    ctx = context(request)
    device_id, token, hall = enrol(ctx.db, body.enrolment_code, body.label, ctx.now())
    return {"device_id": device_id, "token": token, "hall_code": hall,
            "staff_list_key": ctx.platform_key.public_wire}


@router.post("/devices/me/heartbeat", response_model=HeartbeatOut, tags=["devices"])
def heartbeat(request: Request, body: HeartbeatIn, device: ThisDevice) -> dict[str, Any]:
    ctx = context(request)
    now = ctx.now()
    status = body.model_dump(mode="json")
    with ctx.db.writing() as session:
        session.execute(
            update(Device).where(Device.device_id == device.device_id)
            .values(last_seen_at=now, last_status=json.dumps(status))
        )
    return {"server_time": wire(now)}
