"""One kiosk at a time: a lock file in the kiosk's data folder.

Two kiosks on one screen would cover each other, and two on one outbox would
both send it. The second one to start finds the lock taken, logs who holds it
and exits without showing a window. A lock left behind by a kiosk that died
(killed, crashed, a power cut) is recognised by Qt from the process id and
host written in it, and taken over.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLockFile

log = logging.getLogger(__name__)

LOCK_NAME = "kiosk.lock"
#: the exit status of a kiosk that found another one running (sysexits' EX_TEMPFAIL)
ALREADY_RUNNING_EXIT = 75


class InstanceLock:
    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / LOCK_NAME
        self._lock: QLockFile | None = None

    def acquire(self) -> bool:
        """Take the lock, or False when a running kiosk holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = QLockFile(str(self.path))
        # never stale by age: a kiosk runs for weeks. A dead holder is still
        # recognised (its process is gone, or the machine rebooted since).
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            return False
        self._lock = lock
        return True

    def holder(self) -> str:
        """Who holds the lock, in words: 'process 1234 (service-hall-kiosk) on kiosk-07'."""
        info = QLockFile(str(self.path)).getLockInfo()
        if not isinstance(info, tuple) or len(info) != 3:
            return "another process"
        pid, host, app = info
        return f"process {pid} ({app}) on {host}" if app else f"process {pid} on {host}"

    def release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


def claim(folder: Path) -> InstanceLock | None:
    """The lock for this kiosk, or None after logging that another kiosk is running."""
    lock = InstanceLock(folder)
    if lock.acquire():
        return lock
    log.error("another kiosk is already running (%s, lock %s); this one exits",
              lock.holder(), lock.path)
    return None
