"""Run a blocking call (the network) on Qt's thread pool; hear back on the GUI thread.

A screen keeps the ``Task`` it started and ignores the answer of one it has
replaced (``Task.cancel``): a late answer never lands on the wrong step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    _running: set[Task] = set()  # kept alive until they report; holds no resident data

    def __init__(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
                 on_failed: Callable[[Exception], None]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._fn = fn
        self.cancelled = False
        self.relay = _Relay()
        self.relay.done.connect(lambda r: None if self.cancelled else on_done(r))
        self.relay.failed.connect(lambda e: None if self.cancelled else on_failed(e))
        self.relay.done.connect(self._forget)
        self.relay.failed.connect(self._forget)

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the screen
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)

    def cancel(self) -> None:
        self.cancelled = True

    def _forget(self, _: object) -> None:
        Task._running.discard(self)


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_failed: Callable[[Exception], None]) -> Task:
    task = Task(fn, on_done, on_failed)
    Task._running.add(task)
    QThreadPool.globalInstance().start(task)
    return task
