"""A fake wall clock (aware UTC datetimes) for the central server and the kiosk's sync."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta


class FakeUtcClock:
    """Call it for "now"; move it with ``advance`` or ``set``. Safe across threads."""

    def __init__(self, start: datetime | str = "2026-11-23T00:00:00Z") -> None:
        self._lock = threading.Lock()
        self._now = self._aware(start)

    @staticmethod
    def _aware(moment: datetime | str) -> datetime:
        if isinstance(moment, str):
            moment = datetime.fromisoformat(moment.replace("Z", "+00:00"))
        if moment.tzinfo is None:
            raise ValueError("the fake clock needs an aware datetime")
        return moment.astimezone(UTC)

    def __call__(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, seconds: float = 0, **delta: float) -> datetime:
        with self._lock:
            self._now += timedelta(seconds=seconds, **delta)
            return self._now

    def set(self, moment: datetime | str) -> None:
        with self._lock:
            self._now = self._aware(moment)
