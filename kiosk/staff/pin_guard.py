"""The staff PIN pad's guard against guessing: growing waits, then a hard lock.

One guard for the whole kiosk, not one per staff number: whoever stands at a
public kiosk could otherwise try five PINs for every number. The first four
wrong PINs cost nothing; the fifth and each one after it make the pad wait
30 s, 60 s, 120 s … (doubling); the tenth locks it for an hour, or until IT
unlock it on the kiosk's command line (``kiosk staff unlock``). After the hour
one PIN may be tried; wrong, it locks the pad for another hour. (A lock that
never ran out would let anyone at a public kiosk shut staff out for good.) The state
is in the local database, so restarting the kiosk changes nothing. Times are
wall-clock seconds (a restart loses a monotonic clock); a clock set back is
held to the longest wait.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kiosk.sync.store import LocalStore

FREE_FAILURES = 5
FIRST_WAIT_S = 30.0
HARD_LOCK_AT = 10
LONGEST_WAIT_S = FIRST_WAIT_S * 2 ** (HARD_LOCK_AT - 1 - FREE_FAILURES)
HARD_LOCK_S = 3600.0


@dataclass(frozen=True, slots=True)
class GuardState:
    failures: int
    wait_until: float
    hard_locked: bool

    def seconds_to_wait(self, now: float) -> int:
        """Whole seconds before the next PIN may be tried (0: now); see ``locked`` for
        the hard lock."""
        if self.hard_locked:
            return 0
        left = min(self.wait_until - now, LONGEST_WAIT_S)
        return max(0, int(left + 0.999))

    def locked(self, now: float) -> bool:
        """Hard-locked, and the hour has not run out."""
        return self.hard_locked and now < self.wait_until

    def minutes_locked(self, now: float) -> int:
        return max(0, int((min(self.wait_until - now, HARD_LOCK_S) + 59.999) // 60))

    @property
    def tries_before_wait(self) -> int:
        return max(0, FREE_FAILURES - self.failures)


def wait_after(failures: int) -> float:
    """The wait that the ``failures``-th wrong PIN in a row starts."""
    if failures < FREE_FAILURES:
        return 0.0
    if failures >= HARD_LOCK_AT:
        return HARD_LOCK_S
    wait: float = FIRST_WAIT_S * 2 ** (failures - FREE_FAILURES)
    return wait


class PinGuard:
    def __init__(self, store: LocalStore, clock: Callable[[], float]) -> None:
        self._store = store
        self._clock = clock

    def state(self) -> GuardState:
        row = self._store.read("SELECT failures, wait_until, hard_locked FROM staff_guard WHERE id = 1")[0]
        latest = self._clock() + (HARD_LOCK_S if row["hard_locked"] else LONGEST_WAIT_S)
        if row["wait_until"] > latest:  # the clock was set back: the wait ends at most that far on
            with self._store.write() as db:
                db.execute("UPDATE staff_guard SET wait_until = ? WHERE id = 1 AND wait_until > ?",
                           (latest, latest))
            row = self._store.read(
                "SELECT failures, wait_until, hard_locked FROM staff_guard WHERE id = 1")[0]
        return GuardState(row["failures"], row["wait_until"], bool(row["hard_locked"]))

    def record_failure(self) -> GuardState:
        now = self._clock()
        with self._store.write() as db:
            failures = db.execute("SELECT failures FROM staff_guard WHERE id = 1").fetchone()[0] + 1
            db.execute(
                "UPDATE staff_guard SET failures = ?, wait_until = ?, hard_locked = ? WHERE id = 1",
                (failures, now + wait_after(failures), int(failures >= HARD_LOCK_AT)),
            )
        return self.state()

    def record_success(self) -> None:
        self.unlock()

    def unlock(self) -> None:
        with self._store.write() as db:
            db.execute("UPDATE staff_guard SET failures = 0, wait_until = 0, hard_locked = 0 WHERE id = 1")
