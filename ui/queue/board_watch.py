"""The hall display's feed: the board asked of the platform off the GUI thread, over and
over (a long poll: the server answers as soon as a new call exists), and delivered on
the GUI thread.

``board`` with each answer; ``offline`` with the time of the last good answer when a
request fails (it is tried again after a growing pause, at most ``RETRY_MAX_S``);
``refused`` instead when the platform refuses this device the board (403
``wrong_device_role``: it was not enrolled as a display), which no retry mends. The
long poll runs on a pool of its own, so the global pool stays free for everything else.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from kiosk.queue.client import QueueClient
from kiosk.queue.model import HallBoard
from kiosk.sync.api_client import Refused
from ui.workers.tasks import Task

#: how long one request may wait on the server for a new call (short enough that the
#: display's thread is free soon after it closes)
LONG_POLL_S = 8.0
RETRY_MIN_S, RETRY_MAX_S = 1.0, 15.0


class BoardWatch(QObject):
    board = Signal(object)  # HallBoard
    offline = Signal(object)  # datetime of the last good answer, or None
    refused = Signal(str)  # the platform's code: this device may not read the board

    def __init__(self, queue: Callable[[], QueueClient | None], parent: QObject | None = None,
                 wait_s: float = LONG_POLL_S, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self._queue = queue
        self._wait = wait_s
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._task: Task | None = None
        self._cursor: int | None = None
        self._retry_s = RETRY_MIN_S
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._ask)
        self.running = False
        #: when the last good answer came (the display says it while offline)
        self.last_good: datetime | None = None
        self._clock = clock

    def start(self) -> None:
        if not self.running:
            self.running = True
            self._ask()

    def stop(self) -> None:
        self.running = False
        self._retry.stop()
        if self._task is not None:
            self._task.cancel()  # a long poll under way ends by itself; its answer is dropped
            self._task = None

    def wait_done(self, ms: int) -> bool:
        """Wait up to ``ms`` for the request under way to end (closing the display)."""
        return self._pool.waitForDone(ms)

    def _ask(self) -> None:
        if not self.running or self._task is not None:
            return
        queue = self._queue()
        if queue is None:
            self._failed(RuntimeError("not connected"))
            return
        since, wait = self._cursor, (self._wait if self._cursor is not None else 0.0)
        task = Task(lambda: queue.hall_board(since=since, wait=wait), self._answered, self._failed)
        self._task = task
        self._pool.start(task)

    def _answered(self, board: HallBoard) -> None:
        self._task = None
        self._cursor = board.cursor
        self._retry_s = RETRY_MIN_S
        self.last_good = self._clock() if self._clock is not None else board.server_time
        self.board.emit(board)
        self._ask()  # at once: the next long poll

    def _failed(self, exc: Exception) -> None:
        self._task = None
        if not self.running:
            return
        if isinstance(exc, Refused) and exc.reason == "wrong_device_role":
            self.refused.emit(exc.reason)
            self._retry_s = RETRY_MAX_S  # asked again now and then: nothing changes soon
        else:
            self.offline.emit(self.last_good)
        self._retry.start(int(self._retry_s * 1000))
        self._retry_s = min(RETRY_MAX_S, self._retry_s * 2)
