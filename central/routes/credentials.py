"""Online verification of opaque e-certificate tokens (``ECTOKEN:…``).

The platform alone knows what an opaque token holds. A token is verified once:
the first check marks it used by a conditional update, so two kiosks racing with
the same token get one verdict "valid" and one "already_used".
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request, Response
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from central import idempotency
from central.auth import DeviceId
from central.clock import wire
from central.context import context
from central.db import rows_changed
from central.models import OpaqueCredential
from central.schemas import TokenVerifyIn, TokenVerifyOut

router = APIRouter(tags=["credentials"])


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@router.post("/credentials/verify", response_model=TokenVerifyOut)
def verify(request: Request, body: TokenVerifyIn, key: idempotency.IdempotencyKey,
           device_id: DeviceId) -> Response:
    """What an opaque token holds, and whether it is valid now (this check uses it up;
    idempotent, so a kiosk that lost the answer gets the same verdict again)."""
    ctx = context(request)

    def work(session: Session) -> tuple[int, dict[str, Any]]:
        return 200, _verdict(session, body.token, ctx.now())

    return idempotency.execute(ctx, key, device_id, work)


def _verdict(session: Session, token: str, now: datetime) -> dict[str, Any]:
    digest = token_hash(token)
    row = session.scalar(select(OpaqueCredential).where(OpaqueCredential.token_hash == digest))
    if row is None:
        return {"verdict": "unknown", "checked_at": wire(now), "certificate": None}
    claims = json.loads(row.claims)
    certificate = {**claims, "issuer": row.issuer_id}
    if row.expires_at < now:
        verdict = "expired"
    else:
        claimed = rows_changed(session.execute(
            update(OpaqueCredential)
            .where(OpaqueCredential.token_hash == digest, OpaqueCredential.used_at.is_(None))
            .values(used_at=now)
        ))
        if claimed != 1:
            verdict = "already_used"
        elif claims.get("status") == "revoked":
            verdict = "revoked"
        else:
            verdict = "valid"
    return {"verdict": verdict, "checked_at": wire(now), "certificate": certificate}
