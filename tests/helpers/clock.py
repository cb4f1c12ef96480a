"""A fake monotonic clock for the idle policy and anything else that waits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class FakeClock:
    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a monotonic clock never goes back")
        self.now += seconds


class FakeWallClock:
    """A settable UTC wall clock: calling it gives an aware datetime."""

    def __init__(self, start: datetime | str = "2026-11-23T01:00:00Z") -> None:
        if isinstance(start, str):
            start = datetime.fromisoformat(start)
        self.now = start.astimezone(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)

    def set(self, moment: datetime | str) -> None:
        if isinstance(moment, str):
            moment = datetime.fromisoformat(moment)
        self.now = moment.astimezone(UTC)
