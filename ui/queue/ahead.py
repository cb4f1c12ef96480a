""""前面还有 N 人" for a ticket on the kiosk, asked of the queue off the GUI thread and
asked again while the ticket is shown; said honestly when the platform cannot answer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.queue.client import QueueClient
from kiosk.queue.model import Ahead, TicketState
from ui.i18n import translate
from ui.workers.tasks import OneCall

#: how often the count is asked again while the ticket is on the screen
REFRESH_MS = 15_000


def ahead_text(ahead: Ahead | None, failed: bool) -> str:
    """What the ticket says about the queue, in the UI language."""
    if ahead is None:
        return (translate("Queue", "Network down: the queue cannot be checked just now.")
                if failed else translate("Queue", "Checking the queue…"))
    if ahead.state is TicketState.CALLED and ahead.window:
        return translate("Queue", "Your number is being called: please go to window %1.") \
            .replace("%1", ahead.window)
    if ahead.state is not TicketState.WAITING:
        return ""
    if ahead.ahead == 0:
        return translate("Queue", "You are next: please watch the calling screen.")
    if ahead.ahead == 1:
        return translate("Queue", "1 person ahead of you")
    return translate("Queue", "%1 people ahead of you").replace("%1", str(ahead.ahead))


class AheadWatch(QObject):
    """Asks ``ahead(ticket_id)`` now and every ``REFRESH_MS`` until stopped; ``changed``
    with the words to show."""

    changed = Signal(str, bool)  # the words; whether they are a count to show large

    def __init__(self, parent: QObject, queue: Callable[[], QueueClient | None],
                 refresh_ms: int = REFRESH_MS) -> None:
        super().__init__(parent)
        self._queue = queue
        self._call = OneCall()
        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms)
        self._timer.timeout.connect(self._ask)
        self._ticket = ""
        self.last: Ahead | None = None
        self.failed = False

    @property
    def ticket(self) -> str:
        """The ticket watched ("" when stopped)."""
        return self._ticket

    def watch(self, ticket_id: str) -> None:
        self.stop()
        self._ticket = ticket_id
        self.changed.emit(ahead_text(None, False), False)
        self._ask()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._call.cancel()
        self._ticket, self.last, self.failed = "", None, False

    def show(self, ahead: Ahead | None, failed: bool = False) -> None:
        """Show this answer and ask no more (the gallery's fixed pictures)."""
        self._timer.stop()
        self._call.cancel()
        self.last, self.failed = ahead, failed
        self.changed.emit(self.text(), self.last is not None)

    def text(self) -> str:
        return ahead_text(self.last, self.failed)

    def _ask(self) -> None:
        queue = self._queue()
        if not self._ticket:
            return
        if queue is None:
            self._failed(None)
            return
        ticket = self._ticket
        self._call.start_if_idle(lambda: queue.ahead(ticket), self._answered, self._failed)

    def _answered(self, ahead: Ahead) -> None:
        self.last, self.failed = ahead, False
        self.changed.emit(self.text(), self.last is not None)

    def _failed(self, _exc: Exception | None) -> None:
        # a count from before the network went is no longer true: not shown as if it were
        self.last, self.failed = None, True
        self.changed.emit(self.text(), self.last is not None)


def queue_of(deps, hall: str) -> Callable[[], QueueClient | None]:
    """The queue of ``hall`` through the screens' access to the platform (None without)."""
    def make() -> QueueClient | None:
        central = deps.central()
        return QueueClient(central.client(), hall) if central is not None else None
    return make
