"""Run a blocking call (the network) on Qt's thread pool; hear back on the GUI thread.

A screen holds a ``OneCall`` for its calls: one at a time, and the answer of one it
has replaced or cancelled is never delivered (a late answer never lands on the wrong
step). ``run_in_background`` alone is for calls whose answer nobody waits for.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
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
                      on_failed: Callable[[Exception], None],
                      pool: QThreadPool | None = None) -> Task:
    """``fn`` on ``pool`` (Qt's global one unless given)."""
    task = Task(fn, on_done, on_failed)
    Task._running.add(task)
    (pool or QThreadPool.globalInstance()).start(task)
    return task


class CallState(Enum):
    IDLE = "idle"
    RUNNING = "running"


class OneCall:
    """One background call at a time for its owner (a screen).

    ``start`` replaces a call under way: the first one's answer is never delivered, so a
    late answer cannot land on the wrong step. ``start_if_idle`` leaves a call under way
    alone and starts nothing (a scanner reading the same code again while the platform
    answers). ``cancel`` forgets the call (the session wipe: its closure may hold the
    resident's data, and its answer must not arrive after they have gone)."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._task: Task | None = None
        #: where its calls run: Qt's global pool unless the owner must never wait
        #: behind others' calls there (a window's steps)
        self._pool = pool

    @property
    def state(self) -> CallState:
        return CallState.IDLE if self._task is None else CallState.RUNNING

    @property
    def busy(self) -> bool:
        return self._task is not None

    def start(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
              on_failed: Callable[[Exception], None]) -> None:
        self.cancel()

        def finish(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def call(result: Any) -> None:
                self._task = None
                callback(result)
            return call

        self._task = run_in_background(fn, finish(on_done), finish(on_failed), self._pool)

    def start_if_idle(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_failed: Callable[[Exception], None]) -> bool:
        if self._task is not None:
            return False
        self.start(fn, on_done, on_failed)
        return True

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
