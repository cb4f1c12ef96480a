"""The idle policy: when to ask "您还在吗？ / Are you still there?" and when to wipe.

Driven by an injected clock (monotonic seconds), so it is tested without
sleeping. The UI calls ``touch()`` on every user input, ``still_here()`` from the
dialog's button and ``poll()`` from a timer, and acts on what ``poll`` returns.

DESIGN.md §4 and WCAG 2.2.1: warn at least 20 s before the end (we count down
the configured ≥ 30 s), allow extending at least ten times (we allow it without
limit), suspend while printing, writing a submission or in assisted mode.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import NamedTuple

Clock = Callable[[], float]


class IdleState(Enum):
    OFF = "off"  # no resident session (attract screen)
    ACTIVE = "active"
    WARNING = "warning"  # the dialog is counting down
    EXPIRED = "expired"  # the session must be wiped


class IdleStatus(NamedTuple):
    state: IdleState
    #: whole seconds left on the countdown while WARNING, else 0
    seconds_left: int


class IdlePolicy:
    def __init__(self, clock: Clock, idle_seconds: float, countdown_seconds: float) -> None:
        if countdown_seconds < 20:
            raise ValueError("the countdown must give at least 20 s (WCAG 2.2.1)")
        self._clock = clock
        self._idle = float(idle_seconds)
        self._countdown = float(countdown_seconds)
        self._state = IdleState.OFF
        self._last_activity = clock()
        self._warned_at = 0.0
        self._suspended: set[str] = set()
        self.extensions = 0

    # -- inputs --------------------------------------------------------------

    def start_session(self) -> None:
        self._state = IdleState.ACTIVE
        self._last_activity = self._clock()
        self.extensions = 0

    def end_session(self) -> None:
        self._state = IdleState.OFF
        self._suspended.clear()

    def set_idle_seconds(self, seconds: float) -> None:
        """Change the idle time (长辈版 has a longer one); restarts the wait."""
        self._idle = float(seconds)
        if self._state is IdleState.ACTIVE:
            self._last_activity = self._clock()

    @property
    def idle_seconds(self) -> float:
        return self._idle

    def touch(self) -> None:
        """Any input from the resident. While the dialog shows, only its button counts."""
        if self._state is IdleState.ACTIVE:
            self._last_activity = self._clock()

    def still_here(self) -> None:
        """The dialog's "I'm still here" button."""
        if self._state is IdleState.WARNING:
            self.extensions += 1
            self._state = IdleState.ACTIVE
            self._last_activity = self._clock()

    def suspend(self, reason: str) -> None:
        """Stop counting while something must not be interrupted (printing, saving…)."""
        self._suspended.add(reason)
        if self._state is IdleState.WARNING:
            self._state = IdleState.ACTIVE

    def resume(self, reason: str) -> None:
        self._suspended.discard(reason)
        self._last_activity = self._clock()

    @property
    def in_session(self) -> bool:
        """A resident's session is running (whatever the countdown says)."""
        return self._state is not IdleState.OFF

    @property
    def suspended(self) -> bool:
        return bool(self._suspended)

    # -- output --------------------------------------------------------------

    def poll(self) -> IdleStatus:
        now = self._clock()
        if self._state in (IdleState.OFF, IdleState.EXPIRED) or self._suspended:
            if self._suspended and self._state is not IdleState.OFF:
                self._last_activity = now
            return IdleStatus(self._state, 0)
        if self._state is IdleState.ACTIVE and now - self._last_activity >= self._idle:
            self._state = IdleState.WARNING
            self._warned_at = now
        if self._state is IdleState.WARNING:
            left = self._countdown - (now - self._warned_at)
            if left <= 0:
                self._state = IdleState.EXPIRED
                return IdleStatus(IdleState.EXPIRED, 0)
            return IdleStatus(IdleState.WARNING, int(-(-left // 1)))
        return IdleStatus(self._state, 0)
