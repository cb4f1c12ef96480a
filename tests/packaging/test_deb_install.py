"""The .deb on this machine: dpkg -i, the installed kiosk's smoke test as the kiosk account,
its systemd watchdog pings, dpkg -r keeping the data folder, dpkg --purge deleting it.

The .deb is dist/service-hall-kiosk_<version>_<arch>.deb (``python packaging/build.py
--deb``) or KIOSK_DEB. The tests run in file order on one installation (a module fixture):
.ci/run runs them after building the .deb, with KIOSK_TEST_DEB=1.
"""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import socket
import stat
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.packaging.conftest import need

PACKAGE = "service-hall-kiosk"
OPT = Path("/opt") / PACKAGE
BINARY = OPT / PACKAGE
HOME = Path("/var/lib") / PACKAGE
DATA = HOME / ".local" / "share" / PACKAGE
CONFFILE = Path("/etc") / PACKAGE / "kiosk.toml"
SMOKE_OK = "smoke test: home screen shown"


def run(cmd, timeout: float = 300, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True,
                          timeout=timeout, **kwargs)


def dpkg_status() -> str:
    return run(["dpkg-query", "-W", "-f", "${db:Status-Abbrev}", PACKAGE]).stdout.strip()


def the_deb() -> Path | None:
    if os.environ.get("KIOSK_DEB"):
        return Path(os.environ["KIOSK_DEB"])
    found = sorted((ROOT / "dist").glob(f"{PACKAGE}_*.deb"), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


def as_kiosk(*cmd, env: dict[str, str] | None = None, **kwargs):
    """``cmd`` as the kiosk account, with the environment its session would give it."""
    base = {"HOME": str(HOME), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return ["runuser", "-u", "kiosk", "--", "env", "-i",
            *(f"{k}={v}" for k, v in base.items()), *cmd]


@pytest.fixture(scope="module")
def installed():
    need(os.environ.get("KIOSK_TEST_DEB") == "1", "installs a package: set KIOSK_TEST_DEB=1")
    need(os.name == "posix" and os.geteuid() == 0, "needs root")
    need(run(["sh", "-c", "command -v dpkg runuser"]).returncode == 0, "needs dpkg and runuser")
    deb = the_deb()
    need(deb is not None and deb.is_file(), "no .deb: run python packaging/build.py --deb")
    if dpkg_status():
        run(["dpkg", "--purge", PACKAGE])  # a left-over of an earlier run
    started = time.monotonic()
    # apt-get resolves the Depends from the mirror; dpkg -i alone would leave them unmet
    result = run(["apt-get", "install", "-y", "--no-install-recommends", str(deb)],
                 timeout=900, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    print(f"\ninstall: {time.monotonic() - started:.1f} s")
    yield deb
    if dpkg_status():
        run(["dpkg", "--purge", PACKAGE])


def test_the_bundle_the_account_and_the_session_are_in_place(installed):
    assert dpkg_status() == "ii"
    assert BINARY.is_file() and os.access(BINARY, os.X_OK)
    info = BINARY.stat()
    assert info.st_uid == 0 and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    account = pwd.getpwnam("kiosk")
    assert account.pw_uid < 1000 and account.pw_dir == str(HOME)  # a system account
    # its home, the data folder's parent, is its own: also after a purge left the account
    # behind (CI on the same machine again) and this install made the home anew
    home = HOME.stat()
    assert home.st_uid == account.pw_uid and stat.S_IMODE(home.st_mode) == 0o750
    assert "kiosk" in grp.getgrnam("video").gr_mem
    unit = Path("/usr/lib/systemd/user/service-hall-kiosk.service").read_text()
    assert "Type=notify" in unit and "WatchdogSec=" in unit and str(BINARY) in unit
    session = Path(f"/usr/libexec/{PACKAGE}/kiosk-session")
    assert os.access(session, os.X_OK)
    desktop = Path("/usr/share/xsessions/kiosk-session.desktop").read_text()
    assert f"Exec={session}" in desktop
    assert CONFFILE.is_file()
    doc = Path("/usr/share/doc") / PACKAGE
    for name in ("copyright", "changelog.gz", "THIRD-PARTY-NOTICES.gz", "sbom.cdx.json.gz"):
        assert (doc / name).is_file(), name
    assert (OPT / "THIRD-PARTY-NOTICES.txt").is_file()


def test_the_installed_kiosk_passes_its_smoke_test_as_the_kiosk_account(installed):
    started = time.monotonic()
    result = run(as_kiosk(BINARY, "--smoke-test"), timeout=120, cwd="/")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert SMOKE_OK in output
    print(f"\nsmoke test of the installed kiosk: {time.monotonic() - started:.1f} s")


@pytest.fixture
def notify_folder():
    """A folder the kiosk account can reach (pytest's tmp_path is root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="kiosk-notify-", dir="/tmp"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_the_installed_kiosk_says_ready_and_pings_the_watchdog(installed, notify_folder):
    """As systemd runs it (Type=notify, WatchdogSec): READY=1, then WATCHDOG=1 again and
    again from the GUI thread; the real kiosk, not the smoke test, on the shipped settings."""
    path = notify_folder / "socket"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as manager:
        manager.bind(str(path))
        path.chmod(0o666)  # the kiosk account writes to it, as to systemd's
        manager.settimeout(60)
        env = {"NOTIFY_SOCKET": str(path), "WATCHDOG_USEC": "2000000"}  # a ping a second
        kiosk = subprocess.Popen(as_kiosk(BINARY, "--config", CONFFILE, env=env), cwd="/",
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        received: list[bytes] = []
        try:
            while received.count(b"WATCHDOG=1") < 3:
                received.append(manager.recv(64))
        except TimeoutError:
            pass
        finally:
            kiosk.terminate()
            output, _ = kiosk.communicate(timeout=30)
    assert received[:1] == [b"READY=1"], output
    assert received.count(b"WATCHDOG=1") >= 3, output


def test_remove_keeps_the_data_folder_and_purge_deletes_it(installed):
    # the kiosk account's data folder, as the kiosk leaves it: the outbox among other files
    # (a stand-in file: writing a real outbox needs the kiosk's credential store)
    marker = DATA / "kiosk.db"
    made = run(["runuser", "-u", "kiosk", "--", "sh", "-c",
                f"mkdir -p '{DATA}' && printf 'unsent' > '{marker}'"])
    assert made.returncode == 0, made.stderr

    started = time.monotonic()
    removed = run(["dpkg", "-r", PACKAGE])
    assert removed.returncode == 0, removed.stdout + removed.stderr
    print(f"\nremove: {time.monotonic() - started:.1f} s")
    assert dpkg_status() == "rc"  # removed, its conffiles still there
    assert not OPT.exists()
    assert not Path("/usr/lib/systemd/user/service-hall-kiosk.service").exists()
    assert marker.read_text() == "unsent"  # the data folder is kept
    assert CONFFILE.is_file()  # and the settings
    assert pwd.getpwnam("kiosk")  # and the account

    purged = run(["dpkg", "--purge", PACKAGE])
    assert purged.returncode == 0, purged.stdout + purged.stderr
    assert dpkg_status() == ""
    assert not HOME.exists()  # purge deletes the data folder (README says so)
    assert not CONFFILE.parent.exists()
    assert pwd.getpwnam("kiosk")  # the account stays, as Debian leaves system accounts
