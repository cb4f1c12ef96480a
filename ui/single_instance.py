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

from kiosk.device.paths import private_dir

log = logging.getLogger(__name__)

LOCK_NAME = "kiosk.lock"
#: the exit status of a kiosk that found another one running (sysexits' EX_TEMPFAIL)
ALREADY_RUNNING_EXIT = 75
#: the exit status of a kiosk whose data folder cannot be made or written (EX_CANTCREAT)
CANT_CREATE_EXIT = 73


class DataFolderError(OSError):
    """The data folder cannot be made or written: said as such, never as another kiosk."""


class InstanceLock:
    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / LOCK_NAME
        self._lock: QLockFile | None = None

    def acquire(self) -> bool:
        """Take the lock, or False when a running kiosk holds it; DataFolderError when the
        folder cannot be made or the lock file cannot be written there."""
        folder = self.path.parent
        try:
            private_dir(folder)
        except OSError as exc:
            raise DataFolderError(f"the data folder {folder} cannot be used: {exc.strerror or exc}") from exc
        lock = QLockFile(str(self.path))
        # never stale by age: a kiosk runs for weeks. A dead holder is still
        # recognised (its process is gone, or the machine rebooted since).
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            # a lock nobody holds (no process named in it) is one that cannot be written:
            # a read-only folder, or something else where the lock file should be
            if lock.error() != QLockFile.LockError.LockFailedError or self._holder_pid() <= 0:
                why = ("permission denied" if lock.error() == QLockFile.LockError.PermissionError
                       else "the lock file cannot be written")
                raise DataFolderError(f"the data folder {folder} cannot be used: {why} ({self.path})")
            return False
        self._lock = lock
        return True

    def _holder_pid(self) -> int:
        info = QLockFile(str(self.path)).getLockInfo()
        if not isinstance(info, tuple) or len(info) != 3 or not isinstance(info[0], int):
            return 0
        return info[0]

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
