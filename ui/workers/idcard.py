"""The ID-card reader worker: polls the reader off the GUI thread while a screen asks for a card.

A screen that wants a card calls ``start`` (on entering) and ``stop`` (on leaving, and at
the wipe); nothing is polled otherwise. A plain thread polls the reader every
``POLL_INTERVAL_S`` and reports on the GUI thread (queued signals):

- ``card_read(IdCard)`` once per card put on the reader. After a card is read the
  worker reports it no more: it only looks, every ``LIFTED_CHECK_S``, whether the card
  is still there (or another has taken its place), and says ``lifted`` when it is gone.
- ``failed(ReadFailure)`` when a read fails (a card taken away mid-read, an unreadable
  card, a reader unplugged); the same reason is not said twice in a row, and polling
  goes on (a reader plugged back in is found again).

The reader is used from this one thread only; the card is handed over and not kept here.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from kiosk.idcard.reader import CardRead, FailureReason, IdCardReader, NoCard, ReadFailure

log = logging.getLogger(__name__)

POLL_INTERVAL_S = 0.25
#: after a card is read: how often to look whether it is still on the reader
LIFTED_CHECK_S = 0.6


class IdCardWorker(QObject):
    card_read = Signal(object)  # IdCard
    failed = Signal(object)  # ReadFailure
    lifted = Signal()

    def __init__(self, reader: IdCardReader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()  # start/stop from the GUI thread; close after both
        self._owner: object = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, owner: object = None) -> None:
        """Poll until ``stop``: a card is read again from scratch (one already on the
        reader is read once more). ``owner``: who asked (a screen); a ``stop`` by another
        owner, one that asked earlier, leaves the polling on."""
        with self._lock:
            self._owner = owner
            if self.running:
                return
            self._stop = threading.Event()
            self._thread = threading.Thread(target=self._run, args=(self._stop,),
                                            name="idcard", daemon=True)
            self._thread.start()

    def stop(self, owner: object = None, timeout: float = 3.0) -> None:
        """No more polling (when ``owner`` is None or the last to start it); returns once
        the thread has finished its current poll."""
        with self._lock:
            if owner is not None and owner is not self._owner:
                return
            self._owner = None
            self._stop.set()
            thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def close(self) -> None:
        self.stop()
        self.reader.close()

    def _run(self, stop: threading.Event) -> None:
        held = ""  # the number of the card read and (as far as we know) still on the reader
        last_failure: FailureReason | None = None
        while not stop.is_set():
            try:
                result = self.reader.poll()
            except Exception:  # noqa: BLE001 - a driver bug must not kill the kiosk
                log.exception("the ID-card reader's poll raised")
                result = ReadFailure(FailureReason.READER_FAULT, "the driver raised")
            if stop.is_set():
                return  # the screen has gone: nothing is said to it any more
            if isinstance(result, CardRead):
                last_failure = None
                if held != result.card.id_number:  # a new card (or another, swapped quickly)
                    held = result.card.id_number
                    self.card_read.emit(result.card)
            elif isinstance(result, NoCard):
                last_failure = None
                if held:
                    held = ""
                    self.lifted.emit()
            elif result.reason is not last_failure:
                last_failure = result.reason
                if result.reason is FailureReason.CARD_REMOVED and held:
                    held = ""
                    self.lifted.emit()
                else:
                    self.failed.emit(result)
            stop.wait(LIFTED_CHECK_S if held else POLL_INTERVAL_S)
