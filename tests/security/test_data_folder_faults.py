"""Issue 12, finding 15: a data folder the kiosk cannot use is said as such: not as
"another kiosk is already running (process 0 on )", and not as a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

CANT_CREATE_EXIT = 73  # sysexits' EX_CANTCREAT


def run_kiosk(tmp_path, data):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    return subprocess.run([sys.executable, "-m", "ui", "--data", str(data)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_a_folder_that_cannot_be_created_is_said(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    out = run_kiosk(tmp_path, blocker / "data")
    assert out.returncode == CANT_CREATE_EXIT, out.stderr[-2000:]
    assert "Traceback" not in out.stderr
    assert f"the data folder {blocker / 'data'} cannot be used" in out.stderr


def test_a_lock_that_cannot_be_written_is_not_another_kiosk(tmp_path):
    data = tmp_path / "data"
    (data / "kiosk.lock").mkdir(parents=True)  # nothing can write the lock file there
    out = run_kiosk(tmp_path, data)
    assert out.returncode == CANT_CREATE_EXIT, out.stderr[-2000:]
    assert "another kiosk is already running" not in out.stderr
    assert f"the data folder {data} cannot be used" in out.stderr
