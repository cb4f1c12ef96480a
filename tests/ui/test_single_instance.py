"""One kiosk at a time: a second one is refused and shows nothing; a dead one's lock is taken over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from tests.conftest import ROOT
from ui.single_instance import ALREADY_RUNNING_EXIT, LOCK_NAME, InstanceLock, claim

HOLDER = textwrap.dedent(f"""
    import sys
    sys.path.insert(0, {str(ROOT)!r})
    from ui.single_instance import InstanceLock
    lock = InstanceLock(sys.argv[1])
    print("locked" if lock.acquire() else "refused", flush=True)
    sys.stdin.read()  # hold it until the test closes stdin (or kills this process)
    lock.release()
""")


@pytest.fixture
def holder(tmp_path):
    """Another process holding the lock on tmp_path."""
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "locked"
    yield child
    if child.poll() is None:
        child.kill()
    child.wait(timeout=30)
    child.stdin.close()
    child.stdout.close()


def test_a_second_kiosk_is_refused_while_the_first_runs(tmp_path, holder, caplog):
    assert claim(tmp_path) is None
    assert f"another kiosk is already running (process {holder.pid}" in caplog.text
    assert str(tmp_path / LOCK_NAME) in caplog.text


def test_the_lock_is_free_once_the_first_kiosk_exits(tmp_path, holder):
    holder.stdin.close()
    assert holder.wait(timeout=30) == 0
    lock = claim(tmp_path)
    assert lock is not None
    lock.release()


def test_the_lock_of_a_killed_kiosk_is_taken_over(tmp_path, holder):
    holder.kill()  # no chance to remove its lock file
    holder.wait(timeout=30)
    assert (tmp_path / LOCK_NAME).exists()
    lock = claim(tmp_path)
    assert lock is not None
    assert InstanceLock(tmp_path).acquire() is False  # and it is ours now
    lock.release()


def test_the_kiosk_command_refuses_a_second_instance(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "ui", "--data", str(tmp_path / "data")]
    log_file = tmp_path / "data" / "logs" / "kiosk.log"

    def kiosk_ready(count: int) -> bool:
        return log_file.exists() and log_file.read_text(encoding="utf-8").count("kiosk ready") >= count

    def wait_for(ready, process, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while not ready():
            assert process.poll() is None, f"the kiosk exited with {process.returncode}"
            assert time.monotonic() < deadline, "the kiosk did not start"
            time.sleep(0.05)  # another process: nothing of ours to wait on

    first = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: kiosk_ready(1), first)
        second = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=60)
        assert second.returncode == ALREADY_RUNNING_EXIT
        assert f"another kiosk is already running (process {first.pid}" in second.stderr
        assert "kiosk: log file" not in second.stdout  # stopped before logging, or any window

        first.send_signal(signal.SIGKILL)  # a crash: the lock file stays behind
        first.wait(timeout=30)
        third = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, text=True)
        try:
            assert third.stdout.readline().strip() == f"kiosk: log file {log_file}"
            wait_for(lambda: kiosk_ready(2), third)
        finally:
            third.kill()
            third.wait(timeout=30)
            third.stdout.close()
    finally:
        if first.poll() is None:
            first.kill()
        first.wait(timeout=30)
