"""The systemd watchdog, pinged from the GUI thread: a frozen UI gets restarted.

``start_watchdog(app)`` says ``READY=1`` to the service manager and, when the unit has
``WatchdogSec=``, pings it with a ``QTimer`` on the GUI thread's event loop at half the
period. A timer on that loop fires only while the loop runs: if a handler blocks the GUI
thread (a hung driver call, a deadlock, an endless loop), the pings stop, systemd kills
the kiosk when the period is over and ``Restart=always`` brings up a fresh one. A ping
from a worker thread would keep a frozen screen alive, so there is none.

The protocol itself is in ``kiosk/ops/watchdog.py``; ``ui/app.py`` imports this module
only when ``NOTIFY_SOCKET`` is set (under systemd).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer

from kiosk.ops.watchdog import SystemdNotifier


def start_watchdog(app: QCoreApplication, notifier: SystemdNotifier | None = None) -> QTimer | None:
    """READY=1 once the event loop runs, STOPPING=1 when the application quits, WATCHDOG=1
    from the GUI thread's event loop at half the watchdog period. Returns the timer (a
    child of ``app``: it lives as long as the application), or None without a watchdog."""
    notifier = notifier or SystemdNotifier()
    if not notifier.enabled:
        return None
    # Lambdas, not bound methods: Qt holds a bound method's object only weakly, and nothing
    # else keeps the notifier: it would be collected and the pings would stop in silence.
    # READY=1 once the event loop runs (the first screen painted), not before.
    QTimer.singleShot(0, lambda: notifier.ready())
    app.aboutToQuit.connect(lambda: notifier.stopping())
    interval = notifier.watchdog_interval_s
    if interval is None:
        return None
    timer = QTimer(app)
    timer.setObjectName("systemd-watchdog")
    timer.setInterval(max(1, round(interval * 1000)))
    timer.timeout.connect(lambda: notifier.ping())
    timer.start()
    return timer
