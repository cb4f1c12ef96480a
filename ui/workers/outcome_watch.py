"""Watches one outbox item until the server has answered it, for the screen that sent it.

It reports the outcome when it changes: "waiting", then "late" once ``wait_ms``
has passed without an answer (the screen then says the truth: saved, not yet
done), and finally "confirmed" or "refused" — which may still come while the
resident is looking, since watching goes on after "late".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.booking.draft import Outcome, OutcomeState, outcome
from kiosk.sync.outbox import Outbox


class OutcomeWatch(QObject):
    changed = Signal(object)  # Outcome

    def __init__(self, parent: QObject, interval_ms: int = 250) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._poll)
        self._outbox: Callable[[], Outbox | None] = lambda: None
        self._item_id = ""
        self._waited = 0
        self._wait_ms = 0
        self.current = Outcome(OutcomeState.WAITING)

    def watch(self, outbox: Callable[[], Outbox | None], item_id: str, wait_ms: int) -> None:
        self._outbox, self._item_id = outbox, item_id
        self._waited, self._wait_ms = 0, wait_ms
        self.current = Outcome(OutcomeState.WAITING)
        self._timer.start()
        self._poll()

    def stop(self) -> None:
        """No more reports; the answer (with the resident's masked numbers) is forgotten."""
        self._timer.stop()
        self._outbox, self._item_id = (lambda: None), ""
        self.current = Outcome(OutcomeState.WAITING)

    def _poll(self) -> None:
        box = self._outbox()
        if box is None or not self._item_id:
            self._timer.stop()
            return
        result = outcome(box, self._item_id)
        self._waited += self._timer.interval()
        if result.state in (OutcomeState.CONFIRMED, OutcomeState.REFUSED):
            self._timer.stop()
        elif self._waited >= self._wait_ms:
            result = Outcome(OutcomeState.LATE)
        if result != self.current:
            self.current = result
            self.changed.emit(result)
