"""Wall-clock time for the server: one injectable zero-argument callable.

Every time-dependent rule (hold expiry, booking window, minimum notice, check-in window,
"today", idempotency take-over) asks the app's clock, so tests can move time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def checked(clock: Clock) -> Clock:
    """Wrap ``clock`` so that it always answers an aware UTC datetime."""

    def now() -> datetime:
        moment = clock()
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError("the server clock must return an aware datetime")
        return moment.astimezone(UTC)

    return now


def wire(moment: datetime) -> str:
    """UTC ISO 8601 with a Z, as on the wire: 2026-11-23T01:30:00Z."""
    text = moment.astimezone(UTC).isoformat()
    return text.replace("+00:00", "Z")
