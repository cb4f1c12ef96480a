"""The outbox: what residents submit, kept until the central platform has it.

A submission is written here, in one transaction, with a client-made UUID (the
``Idempotency-Key``) and the identity it was made under, before the UI says
anything. It leaves the pending line only after a 2xx or a recognised replay;
a refusal the resident is shown (the slot was taken, too early to check in)
is kept as ``refused``; any other final refusal moves it to the dead-letter
list with the server's reason, where staff see it. Nothing is ever deleted silently. Items go out strictly in
the order they were made: the oldest pending item is always the next one.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from kiosk.rules import idnumber, phone
from kiosk.rules.wire_time import utc_iso
from kiosk.sync.store import LocalStore

PENDING, SENT, REFUSED, DEAD, DISCARDED = "pending", "sent", "refused", "dead", "discarded"
KINDS = ("hold", "booking", "cancel", "check_in", "ticket", "rating", "message", "audit",
         "help", "help_cancel")


@dataclass(frozen=True, slots=True)
class Identity:
    """Who a submission was made for and by: a resident reference and/or staff number."""

    resident: str | None = None
    staff: str | None = None

    def as_json(self) -> dict[str, str | None]:
        return {"resident": self.resident, "staff": self.staff}


@dataclass(frozen=True, slots=True)
class OutboxItem:
    seq: int
    id: str
    kind: str
    method: str
    path: str
    body: dict[str, Any]
    identity: Identity
    created_at: str
    state: str
    attempts: int
    next_attempt_at: float
    last_error: str | None
    response_status: int | None
    response_body: Any

    @classmethod
    def from_row(cls, row: Any) -> OutboxItem:
        ident = json.loads(row["identity"])
        return cls(
            seq=row["seq"],
            id=row["id"],
            kind=row["kind"],
            method=row["method"],
            path=row["path"],
            body=json.loads(row["body"]),
            identity=Identity(ident.get("resident"), ident.get("staff")),
            created_at=row["created_at"],
            state=row["state"],
            attempts=row["attempts"],
            next_attempt_at=row["next_attempt_at"],
            last_error=row["last_error"],
            response_status=row["response_status"],
            response_body=None if row["response_body"] is None else json.loads(row["response_body"]),
        )


@dataclass(frozen=True, slots=True)
class OutboxCounts:
    pending: int = 0
    sent: int = 0
    refused: int = 0
    dead: int = 0
    discarded: int = 0


AUDIT_PATH = "/v1/submissions"


def audit_body(event: str, identity: Identity, now: datetime, **details: Any) -> dict[str, Any]:
    """A staff audit event as the central platform takes it (kind ``audit``)."""
    return {"kind": "audit", "created_at": utc_iso(now), "identity": identity.as_json(),
            "payload": {"event": event, **details}}


#: in assisted mode: who is acting on whose behalf (staff number, resident reference)
Acting = Callable[[], "Identity | None"]


class Outbox:
    def __init__(self, store: LocalStore, acting: Acting = lambda: None) -> None:
        self._store = store
        self._acting = acting

    def enqueue(
        self,
        kind: str,
        method: str,
        path: str,
        body: dict[str, Any],
        identity: Identity,
        now: datetime,
        item_id: str | None = None,
    ) -> OutboxItem:
        """Durably record one submission; when this returns, it survives a power cut."""
        if kind not in KINDS:
            raise ValueError(f"unknown submission kind {kind!r}")
        if method not in ("POST", "DELETE"):
            raise ValueError(f"submissions are POST or DELETE, not {method}")
        item_id = item_id or str(uuid.uuid4())
        acting = self._acting() if kind != "audit" else None
        if acting is not None:  # made by staff for a resident: says so, and is audited
            identity = Identity(identity.resident or acting.resident, acting.staff)
        with self._store.write() as db:
            seq = self._insert(db, item_id, kind, method, path, body, identity, now)
            if acting is not None:  # the audit trail names the session reference, not the resident
                who = Identity(acting.resident, acting.staff)
                audit = audit_body("assisted_submission", who, now, submission=kind, item=item_id)
                self._insert(db, str(uuid.uuid4()), "audit", "POST", AUDIT_PATH, audit, who, now)
        return self.get(item_id) or _missing(item_id, seq)

    @staticmethod
    def _insert(db: sqlite3.Connection, item_id: str, kind: str, method: str, path: str,
                body: dict[str, Any], identity: Identity, now: datetime) -> int | None:
        text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        cur = db.execute(
            "INSERT INTO outbox (id, kind, method, path, body, identity, created_at, state,"
            " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0)",
            (item_id, kind, method, path, text, json.dumps(identity.as_json()), utc_iso(now)),
        )
        return cur.lastrowid

    def get(self, item_id: str) -> OutboxItem | None:
        rows = self._store.read("SELECT * FROM outbox WHERE id = ?", (item_id,))
        return OutboxItem.from_row(rows[0]) if rows else None

    def head(self) -> OutboxItem | None:
        """The oldest pending item: the only one that may go out next."""
        rows = self._store.read(
            "SELECT * FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT 1"
        )
        return OutboxItem.from_row(rows[0]) if rows else None

    def mark_sent(self, item_id: str, status: int, body: Any, now: datetime) -> None:
        self._finish(item_id, SENT, status, body, None, now)

    def mark_dead(self, item_id: str, status: int | None, body: Any, reason: str, now: datetime) -> None:
        self._finish(item_id, DEAD, status, body, reason, now)

    def mark_refused(self, item_id: str, status: int, body: Any, reason: str, now: datetime) -> None:
        """A final answer of the server that the resident is shown (not a staff matter)."""
        self._finish(item_id, REFUSED, status, body, reason, now)

    def _finish(self, item_id: str, state: str, status: int | None, body: Any,
                reason: str | None, now: datetime) -> None:
        with self._store.write() as db:
            db.execute(
                "UPDATE outbox SET state = ?, response_status = ?, response_body = ?,"
                " last_error = COALESCE(?, last_error), finished_at = ?, attempts = attempts + 1"
                " WHERE id = ? AND state = 'pending'",
                (state, status, json.dumps(body, ensure_ascii=False), reason, utc_iso(now), item_id),
            )
            if state == SENT:  # the platform has it: the kiosk keeps no full ID or phone number
                _redact_row(db, item_id)
            elif state == REFUSED and _kind(db, item_id) not in REFUSED_KEPT_WHOLE:
                _redact_row(db, item_id)  # final, and nothing reads it again
                db.execute("UPDATE outbox SET redacted_at = ? WHERE id = ?", (utc_iso(now), item_id))

    def discard(self, item_id: str, reason: str, now: datetime) -> bool:
        """Staff discard a dead letter, with a reason; the row stays (redacted), never deleted."""
        if not reason.strip():
            raise ValueError("a dead letter is discarded only with a reason")
        return self._discarded(item_id, DEAD, f"discarded: {reason.strip()}", now)

    def withdraw(self, item_id: str, reason: str, now: datetime) -> bool:
        """Take back a submission not sent yet, because what it asks for no longer holds
        (a call for staff from a resident who has left): it becomes ``discarded`` with the
        reason, the row stays (redacted). False when it is no longer pending. A request on
        the wire as this runs may still arrive: the caller sees to that."""
        if not reason.strip():
            raise ValueError("a submission is withdrawn only with a reason")
        return self._discarded(item_id, PENDING, f"withdrawn: {reason.strip()}", now)

    def _discarded(self, item_id: str, state: str, why: str, now: datetime) -> bool:
        with self._store.write() as db:
            cur = db.execute(
                "UPDATE outbox SET state = 'discarded', last_error = ?, finished_at = ?"
                " WHERE id = ? AND state = ?",
                (why, utc_iso(now), item_id, state),
            )
            if cur.rowcount == 1:
                _redact_row(db, item_id)
            return cur.rowcount == 1

    def mark_retry(self, item_id: str, error: str, next_attempt_at: float) -> None:
        with self._store.write() as db:
            db.execute(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?"
                " WHERE id = ? AND state = 'pending'",
                (error, next_attempt_at, item_id),
            )

    def requeue(self, item_id: str) -> bool:
        """Staff retry of a dead letter: it goes back into the line, at its old place."""
        with self._store.write() as db:
            cur = db.execute(
                "UPDATE outbox SET state = 'pending', next_attempt_at = 0, finished_at = NULL"
                " WHERE id = ? AND state = 'dead'",
                (item_id,),
            )
            return cur.rowcount == 1

    def counts(self) -> OutboxCounts:
        rows = self._store.read("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state")
        return OutboxCounts(**{r["state"]: r["n"] for r in rows})

    def items(self, state: str, limit: int = 100) -> list[OutboxItem]:
        rows = self._store.read(
            "SELECT * FROM outbox WHERE state = ? ORDER BY seq LIMIT ?", (state, limit)
        )
        return [OutboxItem.from_row(r) for r in rows]

    def redact_finished(self, now: datetime) -> int:
        """Mask the numbers in refused, dead and discarded items finished more than
        ``FINISHED_KEPT_WHOLE`` ago (their bodies and the platform's answers); how many."""
        cutoff = utc_iso(now - FINISHED_KEPT_WHOLE)
        rows = self._store.read(
            "SELECT id FROM outbox WHERE state IN ('refused', 'dead', 'discarded')"
            " AND redacted_at IS NULL AND finished_at < ?", (cutoff,))
        if not rows:
            return 0
        with self._store.write() as db:
            for row in rows:
                _redact_row(db, row["id"])
                db.execute("UPDATE outbox SET redacted_at = ? WHERE id = ?",
                           (utc_iso(now), row["id"]))
        return len(rows)

    def oldest_pending_created_at(self) -> str | None:
        rows = self._store.read(
            "SELECT created_at FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT 1"
        )
        return rows[0]["created_at"] if rows else None


#: how long a refused, dead or discarded submission keeps the resident's full ID and phone
#: number (My appointments finds a refused request by the ID number; staff see why it was
#: refused). After it they are masked, as a sent booking's are at once.
FINISHED_KEPT_WHOLE = timedelta(days=30)
#: the kinds of submission kept whole when refused (for ``FINISHED_KEPT_WHOLE``): a booking
#: request, which My appointments finds by the ID number. Any other refusal is masked at
#: once: nothing reads it again (a cancel refused for a wrong phone number, say).
REFUSED_KEPT_WHOLE = frozenset({"booking"})


def redacted(value: Any) -> Any:
    """A body with ID and phone numbers masked, wherever they are."""
    if isinstance(value, dict):
        out = {}
        for key, inner in value.items():
            if key == "id_number" and isinstance(inner, str):
                out[key] = idnumber.mask(inner)
            elif key in ("phone", "mobile") and isinstance(inner, str):
                out[key] = phone.mask(inner)
            else:
                out[key] = redacted(inner)
        return out
    if isinstance(value, list):
        return [redacted(v) for v in value]
    return value


def _kind(db: Any, item_id: str) -> str:
    row = db.execute("SELECT kind FROM outbox WHERE id = ?", (item_id,)).fetchone()
    return str(row[0]) if row else ""


def _redact_row(db: Any, item_id: str) -> None:
    row = db.execute("SELECT body, response_body FROM outbox WHERE id = ?", (item_id,)).fetchone()
    body = redacted(json.loads(row[0]))
    answer = redacted(json.loads(row[1])) if row[1] else None
    db.execute("UPDATE outbox SET body = ?, response_body = ? WHERE id = ?",
               (json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                None if answer is None else json.dumps(answer, ensure_ascii=False), item_id))


def _missing(item_id: str, seq: int | None) -> OutboxItem:
    raise RuntimeError(f"outbox item {item_id} (seq {seq}) vanished right after it was written")
