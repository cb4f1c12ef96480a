"""What screens use to reach the central platform: calls off the GUI thread, the outbox.

Made once the sync worker has its enrolment (``SyncWorker.ready``); until then,
and without any central platform, screens get None and say so.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kiosk.booking.draft import BookingCalls
from kiosk.sync.api_client import CentralClient
from kiosk.sync.enrolment import DeviceCredentials
from kiosk.sync.outbox import Acting, Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import LocalStore


class CentralAccess:
    def __init__(self, creds: DeviceCredentials, store_path: Path,
                 urge: Callable[[], None], timeout: tuple[float, float] = (3.05, 8.0),
                 acting: Acting = lambda: None) -> None:
        """``acting``: in assisted mode, who acts for whom (the window's ``acting``); every
        submission then carries the staff number and is audited."""
        self.creds = creds
        self._timeout = timeout
        self._store = LocalStore(store_path)  # the GUI thread's own connection
        self.outbox = Outbox(self._store, acting)
        self.pulled = PulledCache(self._store)
        self.urge = urge

    def calls(self) -> BookingCalls:
        """A fresh client for one call on a pool thread (a Session is not shared)."""
        return BookingCalls(CentralClient(self.creds.central_url, self.creds.token,
                                          timeout=self._timeout))

    def close(self) -> None:
        self._store.close()
        folder = getattr(self, "folder", None)
        if folder is not None:  # the gallery's temporary one
            folder.cleanup()
