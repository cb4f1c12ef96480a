"""systemd's notification protocol (``sd_notify``) in a few lines: READY, WATCHDOG, STOPPING.

Under a unit with ``Type=notify`` and ``WatchdogSec=``, systemd passes the kiosk
``NOTIFY_SOCKET`` (a Unix datagram socket; a leading ``@`` names one in the abstract
namespace) and ``WATCHDOG_USEC`` (the watchdog period; ``WATCHDOG_PID`` says which process
it is for). The kiosk says ``READY=1`` once its first screen is up and then ``WATCHDOG=1``
well within every period; when the pings stop, systemd kills it (SIGABRT) and, with
``Restart=always``, starts it again. The pings come from the GUI thread
(``ui/watchdog.py``), so it is a frozen *user interface* that gets restarted, not only a
dead process.

No library: the protocol is one datagram of ``KEY=VALUE`` lines (sd_notify(3)); python-systemd
or sdnotify would add a dependency for these lines. Without ``NOTIFY_SOCKET`` (a desktop, the
tests, Windows) every call is a no-op that returns False.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger("kiosk.ops.watchdog")


def _address(value: str) -> str | bytes | None:
    """The socket address of ``NOTIFY_SOCKET``: a path, or ``@name`` in the abstract namespace."""
    if value.startswith("@"):
        return b"\0" + value[1:].encode()
    if value.startswith("/"):
        return value
    return None  # vsock:… and other forms are not for a desktop kiosk


class SystemdNotifier:
    """Sends notifications to the service manager named by the environment, if any."""

    def __init__(self, environ: Mapping[str, str] | None = None, pid: int | None = None) -> None:
        env = os.environ if environ is None else environ
        self.address = _address(env.get("NOTIFY_SOCKET", ""))
        self.watchdog_usec = _watchdog_usec(env, os.getpid() if pid is None else pid)
        self._failed_once = False

    @property
    def enabled(self) -> bool:
        return self.address is not None

    @property
    def watchdog_interval_s(self) -> float | None:
        """How often to ping: half the watchdog period, as sd_watchdog_enabled(3) advises;
        None when no watchdog is asked for (or it is for another process)."""
        if self.address is None or self.watchdog_usec is None:
            return None
        return self.watchdog_usec / 2_000_000

    def notify(self, state: str) -> bool:
        """Send ``state`` (``"READY=1"``, ``"WATCHDOG=1"`` …); True when it was sent.

        Never raises: a service manager that went away must not take the kiosk with it.
        The first failure is logged, later ones are not (they would flood the log)."""
        if self.address is None:
            return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.connect(self.address)
                sock.sendall(state.encode())
        except OSError as exc:
            if not self._failed_once:
                log.warning("could not notify the service manager (%s): %s", state, exc)
                self._failed_once = True
            return False
        return True

    def ready(self) -> bool:
        return self.notify("READY=1")

    def ping(self) -> bool:
        return self.notify("WATCHDOG=1")

    def stopping(self) -> bool:
        return self.notify("STOPPING=1")


def _watchdog_usec(env: Mapping[str, str], pid: int) -> int | None:
    try:
        usec = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    watchdog_pid = env.get("WATCHDOG_PID")
    if watchdog_pid and watchdog_pid != str(pid):
        return None  # meant for another process (a parent that started us)
    return usec if usec > 0 else None
