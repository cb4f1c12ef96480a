"""Signing staff in at the kiosk: the roster, the PIN guard and the audit trail together.

Every attempt is audited through the outbox (a wrong PIN with the number that
was typed and the count of failures in a row); a success resets the guard.
Without a secure credential store nobody signs in (``unavailable``): staff mode
fails closed rather than checking PINs without the pepper.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.device.settings import Settings
from kiosk.staff import audit, hall_defaults
from kiosk.staff.pin_guard import GuardState, PinGuard
from kiosk.staff.roster import PepperChanged, StaffListStale, StaffMember, StaffRoster
from kiosk.sync.enrolment import CredentialStore, NoSecureStore
from kiosk.sync.outbox import Identity, Outbox
from kiosk.sync.store import LocalStore

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SignIn:
    """What one attempt came to: ``signed_in`` (with the member), ``wrong`` (with the
    guard's state after it), ``wait`` (seconds), ``locked``, ``unavailable``, or
    ``stale_list`` (the platform's staff list is too old to trust: connect the network)."""

    result: str
    member: StaffMember | None = None
    guard: GuardState | None = None
    seconds: int = 0


class StaffDesk:
    def __init__(self, store: LocalStore, roster: StaffRoster, guard: PinGuard, outbox: Outbox,
                 wall: Callable[[], float], now: Callable[[], datetime]) -> None:
        self.store = store
        self.roster = roster
        self.guard = guard
        self.outbox = outbox
        self._wall = wall
        self._now = now

    @classmethod
    def open(cls, store_path: Path, keys: CredentialStore, wall: Callable[[], float] = time.time,
             now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> StaffDesk:
        """The desk on the kiosk's database; the pepper is asked for only when a PIN is checked."""
        store = LocalStore(store_path)
        return cls(store, StaffRoster(store, keys.staff_pepper), PinGuard(store, wall),
                   Outbox(store), wall, now)

    def now(self) -> datetime:
        return self._now()

    def before_attempt(self) -> SignIn | None:
        """``locked`` or ``wait`` if no PIN may be tried now, else None."""
        state = self.guard.state()
        if state.locked(self._wall()):
            return SignIn("locked", guard=state, seconds=state.minutes_locked(self._wall()) * 60)
        seconds = state.seconds_to_wait(self._wall())
        if seconds:
            return SignIn("wait", guard=state, seconds=seconds)
        return None

    def sign_in(self, number: str, pin: str) -> SignIn:
        refused = self.before_attempt()
        if refused is not None:
            return refused
        try:
            member = self.roster.verify(number, pin, self._now())
        except StaffListStale as exc:  # not a wrong PIN: nothing counted
            log.warning("staff sign-in: %s", exc)
            audit.record(self.outbox, "staff_sign_in_unavailable", Identity(staff=number),
                         self._now(), reason="staff_list_stale")
            return SignIn("stale_list")
        except (NoSecureStore, PepperChanged) as exc:  # not a wrong PIN: nothing counted
            log.error("staff sign-in unavailable: %s", exc)
            if isinstance(exc, PepperChanged):
                audit.record(self.outbox, "staff_sign_in_unavailable", Identity(staff=number),
                             self._now(), reason="credential_store_reset")
            return SignIn("unavailable")
        if member is None:
            state = self.guard.record_failure()
            # the number only if it is one: a PIN typed at the number step must go nowhere
            known = self.roster.knows(number)
            audit.record(self.outbox, "staff_sign_in_failed", Identity(staff=number if known else None),
                         self._now(), failures=state.failures, known_number=known,
                         locked=state.locked(self._wall()))
            if state.locked(self._wall()):
                return SignIn("locked", guard=state, seconds=state.minutes_locked(self._wall()) * 60)
            return SignIn("wrong", guard=state, seconds=state.seconds_to_wait(self._wall()))
        self.guard.record_success()
        audit.record(self.outbox, "staff_signed_in", Identity(staff=member.number), self._now(),
                     role=member.role)
        return SignIn("signed_in", member=member)

    def record(self, event: str, member: StaffMember, resident: str | None = None,
               **details: Any) -> None:
        audit.record(self.outbox, event, Identity(resident=resident, staff=member.number),
                     self._now(), **details)

    # -- the hall's defaults (the staff panel) ------------------------------------------

    def defaults_over(self, settings: Settings) -> Settings:
        """``settings`` with the hall's defaults as staff set them over kiosk.toml."""
        return hall_defaults.applied(settings, self.store)

    def save_default(self, name: str, value: object, member: StaffMember) -> None:
        """Set one of the hall's defaults (``hall_defaults.NAMES``), as ``member`` (the
        caller audits it: ``StaffMode.record_action`` also urges the sync)."""
        hall_defaults.save(self.store, name, value, member.number, self._now())
