"""What the kiosk itself starts with (ui.app.KioskGuards): the instance lock, the log file,
the crash hooks, and the staff panel's diagnostics export."""

from __future__ import annotations

import json
import logging
import sys
import zipfile

import pytest

from kiosk.device.settings import Settings
from kiosk.ops import logs
from ui.app import KioskGuards
from ui.single_instance import InstanceLock


@pytest.fixture
def guards(tmp_path, capsys):
    root = logging.getLogger()
    level, hook = root.level, sys.excepthook
    started = KioskGuards.start(tmp_path)
    assert started is not None
    yield started
    started.stop()
    logs.close_file_logging()
    root.setLevel(level)
    assert sys.excepthook is hook


def test_the_kiosk_starts_locked_logged_and_hooked(guards, tmp_path, capsys):
    log_file = tmp_path / "logs" / "kiosk.log"
    assert capsys.readouterr().out == f"kiosk: log file {log_file}\n"
    assert log_file.exists() and (tmp_path / "logs" / "fatal.log").exists()
    assert sys.excepthook == guards.hooks._excepthook
    assert InstanceLock(tmp_path).acquire() is False
    assert KioskGuards.start(tmp_path) is None  # a second kiosk on the same data


def test_stopping_frees_the_lock(guards, tmp_path):
    guards.stop()
    again = InstanceLock(tmp_path)
    assert again.acquire()
    again.release()


def test_the_staff_panel_exports_diagnostics_into_the_data_folder(guards, tmp_path):
    logging.getLogger("kiosk").warning("booking for 11010519491231002X")
    path = guards.export_diagnostics(Settings.defaults(), None)
    assert path.parent == tmp_path / "diagnostics"
    with zipfile.ZipFile(path) as zf:
        about = json.loads(zf.read("about.json"))
        log = zf.read("logs/kiosk.log").decode("utf-8")
    assert set(about["versions"]) == {"service-hall-kiosk", "PySide6", "Qt"}
    assert "booking for 110105********002X" in log
