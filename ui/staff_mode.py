"""Staff mode and assisted mode (帮办代办): who is signed in, whom they help, the
staff session's own idle time, and the audit trail.

The shell owns one ``StaffMode``. A staff member signs in on the PIN pad; the
staff panel is theirs; "Help a resident" asks the resident's consent, then the
banner says on every screen who is helping. Hand-back (or the staff session's
idle time running out) ends it: audited, signed out, the session wiped. While
staff are signed in the resident's idle timeout is suspended; the staff
session's longer one, with its warning, takes its place.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.device.idle import IdlePolicy
from kiosk.device.settings import Settings

if TYPE_CHECKING:  # not at start-up: the staff side loads when staff first come
    from kiosk.staff.desk import SignIn, StaffDesk
    from kiosk.staff.roster import StaffMember
    from kiosk.sync.outbox import Identity

log = logging.getLogger(__name__)

SUSPEND_REASON = "assisted"


class StaffMode(QObject):
    changed = Signal()

    def __init__(self, desk: Callable[[], StaffDesk] | None, clock: Callable[[], float],
                 settings: Settings, urge: Callable[[], None] = lambda: None,
                 parent: QObject | None = None) -> None:
        """``urge``: send what is queued now (the sync worker's), after each audit event."""
        super().__init__(parent)
        self._make_desk = desk
        self._desk: StaffDesk | None = None
        self.unavailable_reason = "" if desk is not None else "not_configured"
        self.member: StaffMember | None = None
        #: the assisted resident's session reference (names nobody); None when not assisting
        self.resident: str | None = None
        self.idle = IdlePolicy(clock, settings.staff_idle_seconds, settings.staff_idle_countdown_seconds)
        self._urge = urge

    def use_desk(self, desk: Callable[[], StaffDesk]) -> None:
        """Staff sign-in on this desk from now on (``ui.app`` once the data folder is
        known; the gallery)."""
        self._make_desk, self._desk, self.unavailable_reason = desk, None, ""

    # -- the desk (opened on first use: most residents never meet staff mode) -------

    def desk(self) -> StaffDesk | None:
        if self._desk is None and self._make_desk is not None:
            try:
                self._desk = self._make_desk()
            except Exception as exc:  # the store cannot open, the keyring module is broken…
                log.exception("staff sign-in could not be set up")
                self.unavailable_reason = type(exc).__name__
                self._make_desk = None
        return self._desk

    # -- state ------------------------------------------------------------------

    @property
    def signed_in(self) -> bool:
        return self.member is not None

    @property
    def assisting(self) -> bool:
        return self.member is not None and self.resident is not None

    def acting(self) -> Identity | None:
        """For the outbox: the staff member signed in (and, assisting, for whom), else None."""
        if self.member is None:
            return None
        from kiosk.sync.outbox import Identity

        return Identity(resident=self.resident, staff=self.member.number)

    # -- transitions ------------------------------------------------------------

    def sign_in(self, number: str, pin: str) -> SignIn:
        from kiosk.staff.desk import SignIn

        desk = self.desk()
        if desk is None:
            return SignIn("unavailable")
        if self.member is not None:  # one staff member at a time: the first is signed out
            self.end("another_signed_in")
        outcome = desk.sign_in(number, pin)
        if outcome.member is not None:
            self.member = outcome.member
            self.idle.start_session()
            self.changed.emit()
        return outcome

    def begin_assist(self) -> str:
        """The resident said yes on the consent screen."""
        from kiosk.staff.audit import resident_reference

        assert self.member is not None
        self.resident = resident_reference()
        self._audit("assist_consent_given")
        self.idle.start_session()
        self.changed.emit()
        return self.resident

    def consent_refused(self) -> None:
        if self.member is not None:
            self._audit("assist_consent_refused")

    def record_action(self, action: str, **details) -> None:
        """One step taken while assisting (or in the staff panel), for the audit trail."""
        if self.member is not None:
            self._audit(action, **details)

    def end(self, how: str) -> None:
        """Hand-back, sign-out or the staff session timing out: audited, then nobody is
        signed in. The shell wipes the session afterwards."""
        if self.member is None:
            return
        self._audit("assist_ended" if self.resident else "staff_signed_out", how=how)
        self.member = None
        self.resident = None
        self.idle.end_session()
        self.changed.emit()

    def _audit(self, event: str, **details) -> None:
        desk = self.desk()
        if desk is None or self.member is None:
            return
        try:
            desk.record(event, self.member, self.resident, **details)
            self._urge()  # sent now if the platform can be reached
        except Exception:  # an audit that cannot be written must not strand staff or resident
            log.exception("audit event %s could not be written", event)
