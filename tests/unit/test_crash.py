"""Crash hooks: unexpected exceptions logged (scrubbed), the UI told, hard crashes in fatal.log.

Exceptions raised inside Qt slots are tested through real widgets in
tests/ui/test_crash_recovery.py."""

from __future__ import annotations

import faulthandler
import subprocess
import sys
import textwrap
import threading

import pytest

from kiosk.ops import logs
from kiosk.ops.crash import FATAL_LOG, install_crash_hooks
from tests.conftest import ROOT
from tests.helpers.log_files import kiosk_log, read_log

FULL_ID = "11010519491231002X"


@pytest.fixture
def log_dir(tmp_path):
    with kiosk_log(tmp_path):
        yield tmp_path


def logged(log_dir) -> str:
    return read_log(log_dir / logs.LOG_NAME)


def raise_through(hook) -> ValueError:
    try:
        raise ValueError(f"no booking for {FULL_ID}")
    except ValueError as exc:
        hook(type(exc), exc, exc.__traceback__)
        return exc


def test_an_unexpected_exception_is_logged_scrubbed_and_reported(log_dir):
    errors: list[BaseException] = []
    with install_crash_hooks(log_dir, errors.append):
        error = raise_through(sys.excepthook)
    assert errors == [error]
    text = logged(log_dir)
    assert "CRITICAL kiosk.ops.crash: unexpected error: ValueError" in text
    assert "Traceback (most recent call last)" in text
    assert "ValueError: no booking for 110105********002X" in text
    assert FULL_ID not in text


def test_an_exception_in_another_thread_is_logged_but_not_reported(log_dir):
    errors: list[BaseException] = []

    def work():
        raise RuntimeError(f"sync failed for {FULL_ID}")

    with install_crash_hooks(log_dir, errors.append):
        thread = threading.Thread(target=work, name="sync-worker")
        thread.start()
        thread.join()
    assert errors == []  # the UI is not that thread's to touch
    text = logged(log_dir)
    assert "unexpected error in thread sync-worker: RuntimeError" in text
    assert FULL_ID not in text


def test_a_failing_recovery_is_logged_not_raised(log_dir):
    def recover(_error):
        raise RuntimeError("the recovery broke too")

    with install_crash_hooks(log_dir, recover):
        raise_through(sys.excepthook)
    assert "the recovery after an unexpected error failed too" in logged(log_dir)


def test_uninstalling_puts_back_the_hooks_before(log_dir):
    before = (sys.excepthook, threading.excepthook, faulthandler.is_enabled())
    hooks = install_crash_hooks(log_dir)
    assert sys.excepthook is not before[0] and threading.excepthook is not before[1]
    assert faulthandler.is_enabled()
    hooks.uninstall()
    hooks.uninstall()  # twice is harmless
    assert (sys.excepthook, threading.excepthook, faulthandler.is_enabled()) == before


def test_a_hard_crash_leaves_its_traceback_in_fatal_log(tmp_path):
    # a segfault kills the process: only faulthandler can write anything, into fatal.log
    script = textwrap.dedent(f"""
        import faulthandler, sys
        sys.path.insert(0, {str(ROOT)!r})
        from kiosk.ops.crash import install_crash_hooks
        install_crash_hooks(sys.argv[1])
        faulthandler._sigsegv()
    """)
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path)],
                            capture_output=True, timeout=60)
    assert result.returncode != 0
    fatal = (tmp_path / FATAL_LOG).read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in fatal
    assert "<module>" in fatal  # where it happened
