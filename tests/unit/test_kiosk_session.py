"""packaging/linux: the systemd unit, the X session and its restart loop."""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT

LINUX = ROOT / "packaging" / "linux"
SESSION = LINUX / "kiosk-session"
needs_sh = pytest.mark.skipif(shutil.which("sh") is None or sys.platform == "win32",
                              reason="needs a POSIX sh")


def bundle_name() -> str:
    spec = importlib.util.spec_from_file_location("kiosk_build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.NAME


def read_ini(path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys as written: ExecStart, not execstart
    parser.read(path, encoding="utf-8")
    return parser


def test_the_unit_runs_the_bundle_and_restarts_it():
    unit = read_ini(LINUX / "service-hall-kiosk.service")
    service = unit["Service"]
    name = bundle_name()
    program, *args = service["ExecStart"].split()
    assert program == f"/opt/{name}/{name}"
    assert args == ["--config", "/etc/service-hall-kiosk/kiosk.toml"]
    assert service["Restart"] == "always"
    assert service["RestartSec"] == "2"
    assert service["Environment"] == "QT_QPA_PLATFORM=xcb"
    # a crash loop is bounded, and kiosk-session tries again after it
    assert int(unit["Unit"]["StartLimitBurst"]) >= 3
    assert int(unit["Unit"]["StartLimitIntervalSec"]) >= 60


def test_the_session_file_starts_kiosk_session():
    entry = read_ini(LINUX / "kiosk-session.desktop")["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"] == entry["TryExec"] == "/usr/local/bin/kiosk-session"
    assert entry["Name"]


@needs_sh
def test_the_session_script_is_valid_sh_and_executable():
    assert subprocess.run(["sh", "-n", str(SESSION)], capture_output=True).returncode == 0
    assert os.access(SESSION, os.X_OK)


@pytest.fixture
def fake_kiosk(tmp_path):
    """A kiosk that crashes at its first start and is exited by staff at its second."""
    runs = tmp_path / "runs"
    program = tmp_path / "kiosk"
    program.write_text(
        "#!/bin/sh\n"
        f'echo "$*" >> "{runs}"\n'
        f'[ "$(wc -l < "{runs}")" -ge 2 ] && exit 0\n'
        "exit 3\n",
        encoding="utf-8")
    program.chmod(0o755)
    return program, runs


def session_env(tmp_path, program, **extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(KIOSK_BIN=str(program), KIOSK_CONFIG=str(tmp_path / "kiosk.toml"),
               KIOSK_SESSION_MODE="loop", KIOSK_RESTART_DELAY="1", **extra)
    return env


@needs_sh
def test_the_loop_restarts_a_crashed_kiosk_and_ends_when_staff_exit_it(tmp_path, fake_kiosk):
    program, runs = fake_kiosk
    started = time.monotonic()
    result = subprocess.run(["sh", str(SESSION)], env=session_env(tmp_path, program),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert runs.read_text().splitlines() == [f"--config {tmp_path / 'kiosk.toml'}"] * 2
    assert time.monotonic() - started >= 1  # the pause before the restart


@needs_sh
def test_ending_the_session_stops_the_kiosk(tmp_path):
    pid_file = tmp_path / "pid"
    program = tmp_path / "kiosk"
    program.write_text(f'#!/bin/sh\necho $$ > "{pid_file}"\nexec sleep 60\n', encoding="utf-8")
    program.chmod(0o755)
    session = subprocess.Popen(["sh", str(SESSION)], env=session_env(tmp_path, program),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not (pid_file.exists() and pid_file.read_text().strip()):
            assert time.monotonic() < deadline, "the kiosk did not start"
            time.sleep(0.05)  # another process: nothing of ours to wait on
        kiosk_pid = int(pid_file.read_text())
        session.send_signal(signal.SIGTERM)  # the display manager ends the session
        assert session.wait(timeout=30) == 0
        deadline = time.monotonic() + 30
        while _alive(kiosk_pid):
            assert time.monotonic() < deadline, "the kiosk outlived its session"
            time.sleep(0.05)
    finally:
        if session.poll() is None:
            session.kill()
            session.wait()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie (not yet reaped by init) counts as gone
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().split(") ")[-1][0] != "Z"
    except OSError:
        return True
