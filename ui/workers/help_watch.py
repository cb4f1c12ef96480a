"""Calls for staff, followed off the GUI thread: the resident's own call (``CallWatch``)
and the hall's calls on the staff panel (``HallCallsWatch``).

Both poll: the platform is asked with ``OneCall`` on the thread pool (never more than one
question at a time each), and what comes back is reported as a signal on the GUI thread.
Kiosks learn of calls by polling (docs/api.md, "Help requests"): the hall's list is a
conditional GET, so a poll while nothing changed is a 304 with no body.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.staff import help_calls
from kiosk.staff.help_calls import ACTIVE, CallState, CallStatus, HelpCall, HelpCalls, HelpRequest
from ui.workers.tasks import OneCall

if TYPE_CHECKING:
    from ui.central_access import CentralAccess

Access = Callable[[], "CentralAccess | None"]


class CallWatch(QObject):
    """Follows one resident's call: its outbox item until it is sent (urging the sync now
    and then while it has not gone, so it goes soon after the network is back), then the
    request on the platform, read every ``poll_ms`` until it ends.

    ``wait_ms``: how long "calling…" may show before the screen says the call has not gone
    (at once when the sync engine has tried and failed)."""

    changed = Signal(object)  # CallStatus

    def __init__(self, parent: QObject, tick_ms: int = 250, poll_ms: int = 3000,
                 urge_ms: int = 10_000, wait_ms: int = 6000) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.check)
        self._poll_ms, self._urge_ms, self._wait_ms = poll_ms, urge_ms, wait_ms
        self._one = OneCall()
        self._access: Access = lambda: None
        self._call: HelpCall | None = None
        self._request: HelpRequest | None = None
        self._waited = self._since_urge = self._since_poll = 0
        self.current = CallStatus(CallState.SENDING)

    def watch(self, access: Access, call: HelpCall) -> None:
        self._one.cancel()
        self._access, self._call, self._request = access, call, None
        self._waited = self._since_urge = 0
        self._since_poll = self._poll_ms  # once sent: ask at once
        self.current = CallStatus(CallState.SENDING)
        self._timer.start()
        self.check()

    def stop(self) -> None:
        self._timer.stop()
        self._one.cancel()
        self._access, self._call, self._request = (lambda: None), None, None

    def check(self) -> None:
        """One look now (the timer's; the gallery's and tests' too)."""
        access, call = self._access(), self._call
        if access is None or call is None:
            self._timer.stop()
            return
        step = self._timer.interval()
        self._waited += step
        self._since_urge += step
        self._since_poll += step
        if self._request is None:
            status = help_calls.status(access.outbox, call, self._waited / 1000,
                                       self._wait_ms / 1000)
            if status.state is CallState.NOT_SENT and self._since_urge >= self._urge_ms:
                self._since_urge = 0
                access.urge()  # past the backoff: it goes as soon as the network is back
            self._request = status.request
            self._report(status)
        elif self.current.state in ACTIVE and self._since_poll >= self._poll_ms:
            self._since_poll = 0
            client_calls = HelpCalls(access.client())
            help_id = call.help_id
            self._one.start_if_idle(lambda: client_calls.read(help_id), self._read,
                                    lambda _exc: None)  # a failed look changes nothing shown
        if self.current.state not in ACTIVE:
            self._timer.stop()

    def _read(self, request: HelpRequest) -> None:
        if self._call is None or request.help_id != self._call.help_id:
            return
        self._request = request
        self._report(CallStatus(request.state, request))

    def _report(self, status: CallStatus) -> None:
        if status != self.current:
            self.current = status
            self.changed.emit(status)


class HallCallsWatch(QObject):
    """The hall's calls not yet ended, asked for every ``poll_ms`` while started (the staff
    panel is up), with the last ETag: ``changed`` only when they changed."""

    changed = Signal(object)  # kiosk.staff.help_calls.HallCalls
    failed = Signal(object)  # the exception of a poll that failed

    def __init__(self, parent: QObject, poll_ms: int = 5000) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)
        self._one = OneCall()
        self._access: Access = lambda: None
        self._etag: str | None = None

    def start(self, access: Access) -> None:
        self._access = access
        self._timer.start()
        self.poll()

    def stop(self) -> None:
        self._timer.stop()
        self._one.cancel()
        self._etag = None  # the next start shows the list afresh

    def poll(self) -> None:
        access = self._access()
        if access is None:
            return
        calls, etag = HelpCalls(access.client()), self._etag
        self._one.start_if_idle(lambda: calls.open_calls(etag), self._answered, self.failed.emit)

    def _answered(self, calls: help_calls.HallCalls | None) -> None:
        if calls is None:  # 304: as it was
            return
        self._etag = calls.etag
        self.changed.emit(calls)
