"""Idempotent POSTs: the client's Idempotency-Key is a unique key per device, kept for
the retention of ``central.retention`` (7 days). Another device's same key is a request of
that device's own: it can never see, or collide with, this device's answer.

The fingerprint (keyed with the server secret) is of the validated request: method, path
and the parsed body model dumped canonically (defaults filled in, unknown members dropped),
so a retry that spells out a default (``"priority": false``) is the same request.

Two phases, each its own transaction:

1. claim: insert (device, key) ``in_flight`` with the request's fingerprint and commit (or
   find it: replay a finished response, refuse a different request with the same key,
   answer 409 while another attempt is at work, take over an attempt abandoned for
   ``TAKEOVER_AFTER`` by the app's clock);
2. work: do the change and store the final response in ONE transaction, ending with a
   conditional update of our own in-flight row. A crash between the phases leaves an
   in-flight row that a later retry takes over; an attempt that lost its row to a
   take-over rolls its work back.

Domain refusals (``Problem``) are final outcomes: stored and replayed like successes;
a 5xx ``Problem`` tells the client to retry, so it is not stored (the key is freed).
What is stored may be less than what was answered (``stored=``): a verification answer
is kept without the certificate, so the record never holds a name or an ID number.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from pydantic import BaseModel
from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.responses import Response

from central.context import Context
from central.db import rows_changed
from central.models import IdempotencyRecord
from central.problems import MEDIA_TYPE as PROBLEM_MEDIA_TYPE
from central.problems import Problem

TAKEOVER_AFTER = timedelta(seconds=30)
JSON_MEDIA_TYPE = "application/json"
REPLAYED_HEADER = "Idempotent-Replayed"
#: what the server secret is stretched with into the fingerprints' own key
_FINGERPRINT_KEY = b"kiosk-central idempotency fingerprint"

#: the work of one request: (status, JSON body) or a raised Problem
Work = Callable[[Session], tuple[int, Any]]
#: what of a successful answer's body is stored, and so replayed
Stored = Callable[[Any], Any]


@dataclass(frozen=True)
class IdempotentRequest:
    key: str
    method: str
    path: str


def fingerprint(method: str, path: str, body: BaseModel | None, secret: bytes | None = None) -> str:
    """HMAC-SHA256 with a key derived from the server ``secret`` over method, path and the
    validated body dumped as canonical JSON. Keyed because a body can hold an ID number:
    a plain hash in a database copy could be brute-forced over the birth dates its mask hides.
    Without ``secret``, the plain sha256 that servers before finding 6 stored (still
    recognised, so a retry across the upgrade is the same request)."""
    dumped = None if body is None else body.model_dump(mode="json")
    canonical = json.dumps(dumped, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                           allow_nan=False).encode("utf-8", "surrogatepass")
    digest = (hashlib.sha256() if secret is None else
              hmac.new(hmac.new(secret, _FINGERPRINT_KEY, hashlib.sha256).digest(),
                       digestmod=hashlib.sha256))
    for part in (method.upper().encode(), path.encode("utf-8", "surrogatepass"), canonical):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


async def idempotent_request(
    request: Request,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            description="a UUID made by the client when the submission entered its outbox",
            json_schema_extra={"format": "uuid"},
        ),
    ] = None,
) -> IdempotentRequest:
    if not idempotency_key:
        raise Problem(400, "idempotency_key_missing", "an Idempotency-Key header (a UUID) is required")
    try:
        key = str(uuid.UUID(idempotency_key.strip()))
    except ValueError as exc:
        raise Problem(400, "idempotency_key_missing", "the Idempotency-Key must be a UUID") from exc
    return IdempotentRequest(key, request.method, request.url.path)


IdempotencyKey = Annotated[IdempotentRequest, Depends(idempotent_request)]


def _encode(body: Any) -> str:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def _respond(status: int, body: str, media_type: str, replayed: bool) -> Response:
    headers = {REPLAYED_HEADER: "true"} if replayed else None
    return Response(body.encode(), status_code=status, media_type=media_type, headers=headers)


class _LostClaim(Exception):
    """Another attempt took our in-flight row over while we worked."""


@dataclass(frozen=True)
class _Request:
    """One device's request under its key, with the fingerprint of its validated body."""

    device_id: str
    key: str
    fingerprint: str
    legacy_fingerprint: str = ""  # unkeyed, as servers before finding 6 stored it

    def same_request(self, stored: str) -> bool:
        return stored in (self.fingerprint, self.legacy_fingerprint)


def execute(ctx: Context, idempotent: IdempotentRequest, device_id: str, body: BaseModel | None,
            work: Work, *, stored: Stored | None = None) -> Response:
    """Run ``work`` once per (device, key); ``body`` is the validated request body (None
    when the request has none); ``stored`` maps a success's body to what is kept."""
    request = _Request(device_id, idempotent.key,
                       fingerprint(idempotent.method, idempotent.path, body, ctx.secret),
                       fingerprint(idempotent.method, idempotent.path, body))
    outcome = _claim(ctx, request)
    if isinstance(outcome, Response):
        return outcome
    attempt = outcome
    try:
        with ctx.db.writing() as session:
            try:
                with session.begin_nested():
                    status, answer = work(session)
                text, media_type = _encode(answer), JSON_MEDIA_TYPE
                kept = text if stored is None else _encode(stored(answer))
            except Problem as refusal:
                if refusal.status >= 500:
                    raise  # "retry later" is no final outcome: roll back, free the key (below)
                status, text, media_type = refusal.status, _encode(refusal.body()), PROBLEM_MEDIA_TYPE
                kept = text
            finished = rows_changed(session.execute(
                update(IdempotencyRecord)
                .where(IdempotencyRecord.device_id == request.device_id)
                .where(IdempotencyRecord.key == request.key)
                .where(IdempotencyRecord.state == "in_flight")
                .where(IdempotencyRecord.attempt == attempt)
                .values(state="done", status_code=status, response_body=kept,
                        media_type=media_type, finished_at=ctx.now())
            ))
            if finished != 1:
                raise _LostClaim
    except _LostClaim:
        return _settled(ctx, request)
    except BaseException:
        _abandon(ctx, request, attempt)
        raise
    ctx.purger.maybe(ctx.db, ctx.now())  # after our commit, never inside it
    return _respond(status, text, media_type, replayed=False)


def _claim(ctx: Context, request: _Request) -> str | Response:
    """Our attempt token for the in-flight row, or the answer when there is nothing to do."""
    for _ in range(3):
        attempt = secrets.token_hex(16)
        now = ctx.now()
        try:
            with ctx.db.writing() as session:
                row = session.get(IdempotencyRecord, (request.device_id, request.key))
                if row is None:
                    session.add(IdempotencyRecord(
                        key=request.key, device_id=request.device_id,
                        fingerprint=request.fingerprint, state="in_flight", attempt=attempt,
                        started_at=now,
                    ))
                    session.flush()
                    return attempt
                answer = _existing(row, request, now)
                if answer is not None:
                    return answer
                taken = rows_changed(session.execute(
                    update(IdempotencyRecord)
                    .where(IdempotencyRecord.device_id == request.device_id)
                    .where(IdempotencyRecord.key == request.key)
                    .where(IdempotencyRecord.state == "in_flight")
                    .where(IdempotencyRecord.attempt == row.attempt)
                    .values(attempt=attempt, started_at=now)
                ))
                if taken == 1:
                    return attempt
        except IntegrityError:
            continue  # another process inserted the same key at the same moment: look again
    raise _in_flight()


def _existing(row: IdempotencyRecord, request: _Request, now: datetime) -> Response | None:
    """The answer for a key seen before, or None when its abandoned attempt may be taken over."""
    if not request.same_request(row.fingerprint):
        raise Problem(422, "idempotency_key_reused",
                      "this Idempotency-Key was used for a different request")
    if row.state == "done":
        return _respond(row.status_code or 200, row.response_body or "null",
                        row.media_type or JSON_MEDIA_TYPE, replayed=True)
    if now - row.started_at < TAKEOVER_AFTER:
        raise _in_flight()
    return None


def _in_flight() -> Problem:
    return Problem(409, "idempotency_in_flight",
                   "a request with this Idempotency-Key is still being processed; retry later",
                   headers={"Retry-After": "2"})


def _settled(ctx: Context, request: _Request) -> Response:
    with ctx.db.reading() as session:
        row = session.get(IdempotencyRecord, (request.device_id, request.key))
        if row is not None and row.state == "done" and request.same_request(row.fingerprint):
            return _respond(row.status_code or 200, row.response_body or "null",
                            row.media_type or JSON_MEDIA_TYPE, replayed=True)
    raise _in_flight()


def _abandon(ctx: Context, request: _Request, attempt: str) -> None:
    """After an unexpected failure, free the key at once instead of after the take-over time."""
    try:
        with ctx.db.writing() as session:
            session.execute(
                delete(IdempotencyRecord)
                .where(IdempotencyRecord.device_id == request.device_id)
                .where(IdempotencyRecord.key == request.key)
                .where(IdempotencyRecord.state == "in_flight")
                .where(IdempotencyRecord.attempt == attempt)
            )
    except Exception:  # noqa: BLE001 - the row then waits for the take-over
        pass
