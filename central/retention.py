"""What the server keeps, and for how long (docs/api.md, "Retention").

- Idempotency records: 7 days after the request began (``KEY_RETENTION``). A retry with
  the same key after that is a new request; the kiosks' outboxes give up long before.
- Holds: deleted as soon as they have expired (an expired hold's place is free anyway).
- Quota counts (``central.quotas``): a day after their window began.
- Help requests (``central.help_requests``): closed or cancelled ones ``HELP_RETENTION``
  (30 days) after they ended; one never ended (nobody closed it) 30 days after it came.

``purge`` deletes them all in one short transaction. The server runs it itself, at most
every ``PURGE_EVERY`` (by the app's clock), after an idempotent write
(``Purger.maybe``); operators can run it with ``kiosk-central purge --db URL``.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, or_

from central.db import Database, rows_changed
from central.models import HelpRequest, IdempotencyRecord, Place, QuotaUse

KEY_RETENTION = timedelta(days=7)
QUOTA_RETENTION = timedelta(days=1)
HELP_RETENTION = timedelta(days=30)
PURGE_EVERY = timedelta(minutes=10)
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Purged:
    idempotency_records: int
    expired_holds: int
    quota_counts: int = 0
    help_requests: int = 0


def purge(db: Database, now: datetime) -> Purged:
    """Delete idempotency records older than ``KEY_RETENTION``, every expired hold, quota
    counts older than ``QUOTA_RETENTION`` and help requests past ``HELP_RETENTION``."""
    with db.writing() as session:
        keys = rows_changed(session.execute(
            delete(IdempotencyRecord).where(IdempotencyRecord.started_at < now - KEY_RETENTION)))
        holds = rows_changed(session.execute(
            delete(Place).where(Place.kind == "hold", Place.expires_at <= now)))
        counts = rows_changed(session.execute(
            delete(QuotaUse).where(QuotaUse.window_start < now - QUOTA_RETENTION)))
        cutoff = now - HELP_RETENTION
        calls = rows_changed(session.execute(delete(HelpRequest).where(or_(
            and_(HelpRequest.ended_at.is_not(None), HelpRequest.ended_at < cutoff),
            and_(HelpRequest.ended_at.is_(None), HelpRequest.received_at < cutoff)))))
    return Purged(keys, holds, counts, calls)


class Purger:
    """Runs ``purge`` at most every ``PURGE_EVERY`` per process, cheaply when not due."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last: datetime | None = None

    def maybe(self, db: Database, now: datetime) -> None:
        with self._lock:
            if self._last is not None and now - self._last < PURGE_EVERY and now >= self._last:
                return
            self._last = now
        try:
            purge(db, now)
        except Exception:  # noqa: BLE001 - a failed purge is tried again next time
            log.exception("purging idempotency records and expired holds failed")
            with self._lock:
                self._last = None
