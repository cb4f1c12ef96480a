"""Online verification of opaque e-certificate tokens (``ECTOKEN:…``).

The platform alone knows what an opaque token holds. A token is verified once:
the first check marks it used by a conditional update, so two kiosks racing with
the same token get one verdict "valid" and one "already_used".

Only a first check of a code that is valid or revoked answers with the certificate; a
used, expired or unknown code reveals nobody (``certificate`` null). The idempotency
record keeps the verdict and ``checked_at`` only, never the certificate: a replay of the
same key gives the same verdict with ``certificate`` null.

Who may call: a ``kiosk`` device alone (it names the certificate's holder); another role
is answered 403 ``wrong_device_role``.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request, Response
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from central import idempotency, quotas
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
           device: quotas.KioskLookup) -> Response:
    """What an opaque token holds, and whether it is valid now (this check uses it up).
    Idempotent: a kiosk that lost the answer gets the same verdict and ``checked_at``
    again, with ``certificate`` null (the server keeps no copy of it). A used, expired or
    unknown code answers with ``certificate`` null."""
    ctx = context(request)

    def work(session: Session) -> tuple[int, dict[str, Any]]:
        return 200, _verdict(session, body.token, ctx.now())

    return idempotency.execute(ctx, key, device.device_id, body, work,
                               stored=_without_certificate)


def _without_certificate(answer: dict[str, Any]) -> dict[str, Any]:
    """What the idempotency record keeps of an answer: no name, no ID number."""
    return {**answer, "certificate": None}


def _verdict(session: Session, token: str, now: datetime) -> dict[str, Any]:
    digest = token_hash(token)
    row = session.scalar(select(OpaqueCredential).where(OpaqueCredential.token_hash == digest))
    if row is None:
        return {"verdict": "unknown", "checked_at": wire(now), "certificate": None}
    if row.expires_at < now:
        return {"verdict": "expired", "checked_at": wire(now), "certificate": None}
    claimed = rows_changed(session.execute(
        update(OpaqueCredential)
        .where(OpaqueCredential.token_hash == digest, OpaqueCredential.used_at.is_(None))
        .values(used_at=now)
    ))
    if claimed != 1:  # nobody is named to a second asker
        return {"verdict": "already_used", "checked_at": wire(now), "certificate": None}
    claims = json.loads(row.claims)
    certificate = {**claims, "issuer": row.issuer_id}
    verdict = "revoked" if claims.get("status") == "revoked" else "valid"
    return {"verdict": verdict, "checked_at": wire(now), "certificate": certificate}
