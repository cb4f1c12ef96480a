"""The running application, typed as what it is.

PySide6's stubs give ``QApplication.instance()`` as ``QCoreApplication | None``. In
the kiosk it is always a ``QApplication`` (widgets need one), made by ``ui.app.main``
or by the tests before any window or screen exists.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtWidgets import QApplication


def qt_app() -> QApplication:
    """The running ``QApplication``; only to be called once there is one."""
    app = QApplication.instance()
    assert app is not None, "no QApplication yet"
    return cast(QApplication, app)  # the stubs' QCoreApplication: it is a QApplication
