"""kiosk/ops/watchdog.py: sd_notify's datagrams, as systemd's side of the socket sees them."""

from __future__ import annotations

import os
import socket
import sys

import pytest

from kiosk.ops.watchdog import SystemdNotifier

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix datagram sockets")


@pytest.fixture
def manager(tmp_path):
    """The service manager's end: a bound Unix datagram socket, like systemd's."""
    path = tmp_path / "notify"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.settimeout(2)
    yield str(path), sock
    sock.close()


def test_ready_watchdog_and_stopping_reach_the_manager(manager):
    path, sock = manager
    notifier = SystemdNotifier({"NOTIFY_SOCKET": path})
    assert notifier.enabled
    assert notifier.ready() and notifier.ping() and notifier.stopping()
    assert [sock.recv(256) for _ in range(3)] == [b"READY=1", b"WATCHDOG=1", b"STOPPING=1"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="abstract sockets: Linux")
def test_an_abstract_socket_is_named_with_an_at_sign():
    name = f"kiosk-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(b"\0" + name.encode())
        sock.settimeout(2)
        assert SystemdNotifier({"NOTIFY_SOCKET": "@" + name}).ready()
        assert sock.recv(64) == b"READY=1"


def test_the_ping_interval_is_half_the_watchdog_period(manager):
    path, _ = manager
    notifier = SystemdNotifier({"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "30000000",
                                "WATCHDOG_PID": "4242"}, pid=4242)
    assert notifier.watchdog_interval_s == 15.0


@pytest.mark.parametrize("env", [
    {"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"},  # another process's watchdog
    {"WATCHDOG_USEC": "0"},
    {"WATCHDOG_USEC": "soon"},
    {},
])
def test_no_watchdog_unless_it_is_asked_for_this_process(manager, env):
    path, _ = manager
    notifier = SystemdNotifier({"NOTIFY_SOCKET": path, **env}, pid=4242)
    assert notifier.enabled  # READY=1 is still said
    assert notifier.watchdog_interval_s is None


@pytest.mark.parametrize("value", ["", "relative/path", "vsock:2:1234"])
def test_without_a_usable_socket_every_call_is_a_no_op(value):
    notifier = SystemdNotifier({"NOTIFY_SOCKET": value, "WATCHDOG_USEC": "30000000"})
    assert not notifier.enabled
    assert notifier.watchdog_interval_s is None
    assert notifier.ready() is False and notifier.ping() is False


def test_a_manager_that_went_away_does_not_take_the_kiosk_with_it(tmp_path, caplog):
    notifier = SystemdNotifier({"NOTIFY_SOCKET": str(tmp_path / "gone")})
    assert notifier.ping() is False
    assert notifier.ping() is False
    # said once, not at every ping
    assert len([r for r in caplog.records if "service manager" in r.getMessage()]) == 1
