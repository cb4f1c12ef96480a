"""An exception raised inside a Qt slot: logged (scrubbed) by the crash hook, and the kiosk
starts over instead of leaving a resident on a half-done screen.

PySide6 hands such an exception to ``sys.excepthook``. pytest-qt replaces that hook
during each test to fail it; ``qt_no_exception_capture`` leaves the hook to ours."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton

from kiosk.ops import logs
from kiosk.ops.crash import install_crash_hooks
from tests.helpers.log_files import kiosk_log, read_log
from ui.app import TOO_MANY_ERRORS_EXIT, ErrorRecovery
from ui.i18n import translate

pytestmark = pytest.mark.qt_no_exception_capture

FULL_ID = "11010519491231002X"
MOBILE = "13800138000"


@pytest.fixture
def log_dir(tmp_path):
    with kiosk_log(tmp_path):
        yield tmp_path


@pytest.fixture
def hooks(log_dir):
    errors: list[BaseException] = []
    installed = install_crash_hooks(log_dir, errors.append)
    installed.errors = errors
    yield installed
    installed.uninstall()


def logged(log_dir) -> str:
    return read_log(log_dir / logs.LOG_NAME)


def boom() -> None:
    raise LookupError(f"no booking for {FULL_ID}, mobile {MOBILE}")


def test_an_exception_in_a_timer_callback_is_logged_and_reported(hooks, log_dir, qtbot):
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: len(hooks.errors) == 1)
    assert isinstance(hooks.errors[0], LookupError)
    text = logged(log_dir)
    assert "CRITICAL kiosk.ops.crash: unexpected error: LookupError" in text
    assert "in boom" in text  # the traceback
    assert "no booking for 110105********002X, mobile 138****8000" in text
    assert FULL_ID not in text and MOBILE not in text


def test_an_exception_in_a_click_handler_is_logged_and_reported(hooks, log_dir, qtbot):
    button = QPushButton("送出")
    qtbot.addWidget(button)
    button.clicked.connect(boom)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(hooks.errors) == 1)
    assert "LookupError: no booking for 110105********002X" in logged(log_dir)


def test_the_kiosk_starts_over_after_an_error_in_a_handler(make_window, log_dir, qtbot):
    window = make_window()
    window.go("search")
    window.current.field.setText("shebao")
    recovery = ErrorRecovery(window)
    with install_crash_hooks(log_dir, recovery):
        button = QPushButton("送出", window)
        button.clicked.connect(boom)  # as a "Send" whose handler fails half-way
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.current.name == "attract")
    assert window.toast.isVisible()
    assert window.toast.text() == translate("Shell", "Sorry, something went wrong. Please start again.")
    window.home()
    window.go("search")
    assert window.current.field.text() == ""  # the session was wiped


def test_errors_that_keep_coming_end_the_process_for_a_fresh_start(clock):
    exits: list[int] = []
    recovery = ErrorRecovery(None, clock=clock, exit_app=exits.append)
    for _ in range(ErrorRecovery.LIMIT - 1):
        recovery(RuntimeError("again"))
        clock.advance(ErrorRecovery.WITHIN_S / ErrorRecovery.LIMIT)
    assert exits == []
    clock.advance(ErrorRecovery.WITHIN_S)  # the old ones are forgotten
    recovery(RuntimeError("again"))
    assert exits == []
    for _ in range(ErrorRecovery.LIMIT - 1):
        recovery(RuntimeError("again"))
    assert exits == [TOO_MANY_ERRORS_EXIT]
