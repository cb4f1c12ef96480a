"""ui/watchdog.py: READY=1 once the event loop runs, WATCHDOG=1 from the GUI thread only, so
that a frozen user interface stops the pings and systemd restarts the kiosk."""

from __future__ import annotations

import functools
import gc
import socket
import sys
import threading
import time

import pytest
from PySide6.QtCore import QTimer

from kiosk.ops.watchdog import SystemdNotifier
from ui.watchdog import start_watchdog

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix datagram sockets")


class RecordingNotifier(SystemdNotifier):
    """The real notifier, noting the thread each message was sent from."""

    def __init__(self, environ):
        super().__init__(environ)
        self.threads: list[threading.Thread] = []

    def notify(self, state: str) -> bool:
        self.threads.append(threading.current_thread())
        return super().notify(state)


@pytest.fixture
def manager(tmp_path):
    path = tmp_path / "notify"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.setblocking(False)
    received: list[bytes] = []

    def drain() -> list[bytes]:
        while True:
            try:
                received.append(sock.recv(64))
            except BlockingIOError:
                return received

    yield str(path), drain
    sock.close()


@pytest.fixture
def started(qapp):
    yield functools.partial(start_watchdog, qapp)
    for timer in qapp.findChildren(QTimer, "systemd-watchdog"):
        timer.stop()
        timer.deleteLater()


def test_ready_then_pings_from_the_gui_thread(qtbot, manager, started):
    path, drain = manager
    # a 200 ms watchdog: a ping every 100 ms
    notifier = RecordingNotifier({"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "200000"})
    timer = started(notifier)
    assert timer is not None and timer.interval() == 100
    assert drain() == []  # READY=1 waits for the event loop
    qtbot.waitUntil(lambda: drain().count(b"WATCHDOG=1") >= 3, timeout=3000)
    assert drain()[0] == b"READY=1"
    assert set(notifier.threads) == {threading.main_thread()}


def test_a_blocked_gui_thread_sends_no_pings(qtbot, manager, started):
    path, drain = manager
    notifier = RecordingNotifier({"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "100000"})
    started(notifier)
    qtbot.waitUntil(lambda: b"WATCHDOG=1" in drain(), timeout=3000)
    before = len(drain())
    time.sleep(0.5)  # the frozen UI: ten ping intervals without an event loop
    assert len(drain()) == before  # systemd would now see the watchdog run out
    qtbot.waitUntil(lambda: len(drain()) > before, timeout=3000)  # the loop again: pings again


def test_the_pings_go_on_when_nothing_else_holds_the_notifier(qtbot, manager, started):
    # as ui/app.py calls it: the result dropped, the notifier made inside
    path, drain = manager
    env = {"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "100000"}
    started(SystemdNotifier(env))
    gc.collect()
    qtbot.waitUntil(lambda: drain().count(b"WATCHDOG=1") >= 3, timeout=3000)


def test_nothing_without_a_service_manager(qapp, started):
    notifier = RecordingNotifier({})
    assert started(notifier) is None
    assert notifier.threads == []


def test_ready_without_a_watchdog_when_the_unit_has_none(qtbot, manager, started):
    path, drain = manager
    assert started(RecordingNotifier({"NOTIFY_SOCKET": path})) is None
    qtbot.waitUntil(lambda: drain() == [b"READY=1"], timeout=3000)
