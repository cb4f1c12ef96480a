"""Runs the sync engine off the GUI thread and reports its status as Qt signals.

The engine (``kiosk.sync.engine``) is plain Python; it is built inside the worker
thread, so its SQLite connection belongs to that thread. Signals emitted from
the thread reach GUI-thread slots queued, so the UI never waits on the network.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from kiosk.sync.engine import SyncEngine, SyncStatus
from kiosk.sync.enrolment import DeviceCredentials

log = logging.getLogger(__name__)

#: builds the engine in the worker thread; returns it and the enrolment it uses
EngineFactory = Callable[
    [Callable[[SyncStatus], None], Callable[[str], None]], tuple[SyncEngine, DeviceCredentials]
]


class SyncWorker(QObject):
    status_changed = Signal(object)  # SyncStatus
    pulled = Signal(str)  # the name of a copy that was replaced
    ready = Signal(object)  # DeviceCredentials, once the engine runs

    def __init__(self, make_engine: EngineFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._make_engine = make_engine
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._engine: SyncEngine | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="sync", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._engine, creds = self._make_engine(self.status_changed.emit, self.pulled.emit)
        except Exception:
            log.exception("the sync engine could not start")
            self.status_changed.emit(SyncStatus(online=False, problem="engine_failed"))
            return
        self.ready.emit(creds)
        self.status_changed.emit(self._engine.status)
        self._engine.run(self._stop, self._wake)

    def urge(self) -> None:
        """Something was queued: send it now instead of after the backoff."""
        if self._engine is not None:
            self._engine.urge()
        self._wake.set()

    def stop(self, timeout: float = 15.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("the sync thread did not stop within %.0f s", timeout)
            self._thread = None
