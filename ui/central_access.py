"""What screens use to reach the central platform: calls off the GUI thread, the outbox.

Made once the sync worker has its enrolment (``SyncWorker.ready``); until then,
and without any central platform, screens get None and say so.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from kiosk.booking.draft import BookingCalls
from kiosk.ecert.online import CertificateCalls
from kiosk.ecert.used_codes import StoredUsedCodes
from kiosk.sync.api_client import CentralClient
from kiosk.sync.enrolment import DeviceCredentials
from kiosk.sync.outbox import Acting, Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import LocalStore


class CentralAccess:
    def __init__(self, creds: DeviceCredentials, store_path: Path,
                 urge: Callable[[], None], timeout: tuple[float, float] = (3.05, 8.0),
                 acting: Acting = lambda: None,
                 folder: tempfile.TemporaryDirectory[str] | None = None) -> None:
        """``acting``: in assisted mode, who acts for whom (the window's ``acting``); every
        submission then carries the staff number and is audited. ``folder``: a temporary
        folder holding the store (the gallery's), removed by ``close``."""
        self.creds = creds
        self._timeout = timeout
        self._store = LocalStore(store_path)  # the GUI thread's own connection
        self.outbox = Outbox(self._store, acting)
        self.pulled = PulledCache(self._store)
        #: the nonces of e-certificate codes accepted on this kiosk (kept across restarts)
        self.used_codes = StoredUsedCodes(self._store)
        self.urge = urge
        self._folder = folder

    def client(self) -> CentralClient:
        """A fresh client for one call on a pool thread (a Session is not shared)."""
        return CentralClient(self.creds.central_url, self.creds.token, timeout=self._timeout)

    def calls(self) -> BookingCalls:
        """The booking journey's calls, on a fresh client."""
        return BookingCalls(self.client())

    def certificates(self) -> CertificateCalls:
        """Online checks of e-certificate tokens, on a fresh client."""
        return CertificateCalls(self.client())

    def close(self) -> None:
        self._store.close()
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None
