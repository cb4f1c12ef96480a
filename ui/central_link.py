"""How the kiosk window reaches the central platform: the demo server, or a real one.

``kiosk --demo`` starts the reference server (``python -m central serve``) on
loopback with SQLite in a temporary folder, seeded with the demo data, and
enrols against it with an in-memory credential store. ``kiosk --central URL``
(or ``central_url`` in kiosk.toml) uses the device enrolment in the OS
credential store (``kiosk enrol``). Either way a ``SyncWorker`` runs the engine.
"""

from __future__ import annotations

import logging
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import kiosk
from kiosk.sync.api_client import ApiError, CentralClient
from kiosk.sync.engine import Pull, SyncEngine, reference_pulls, staff_pull
from kiosk.sync.enrolment import (
    CredentialStore,
    DeviceCredentials,
    MemoryKeyring,
    NoSecureStore,
    pinned_key,
)
from kiosk.sync.outbox import Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import LocalStore
from ui.workers.sync import SyncWorker

log = logging.getLogger(__name__)

DEMO_ENROLMENT_CODE = "DEMO-ENROL-2026"
#: the demo server's code for each device role (central/seed.py seeds the same)
DEMO_ENROLMENT_CODES = {"kiosk": DEMO_ENROLMENT_CODE, "window": "DEMO-ENROL-2026-WINDOW",
                        "display": "DEMO-ENROL-2026-DISPLAY"}


class DemoCentral:
    """The reference server as a child process on loopback, seeded with the demo data.

    ``stop`` and ``start`` take it down and bring it back on the same port and
    database, so the demo can show the kiosk going offline and coming back."""

    def __init__(self, folder: Path, port: int | None = None) -> None:
        self.folder = folder
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self, timeout_s: float = 30.0) -> bool:
        if self.running:
            return True
        db = self.folder / "central.db"
        with (self.folder / "central.log").open("ab") as server_log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "central", "serve", "--db", f"sqlite:///{db}",
                 "--host", "127.0.0.1", "--port", str(self.port), "--seed", "demo"],
                stdout=subprocess.DEVNULL, stderr=server_log,
            )
        client = CentralClient(self.url, timeout=(0.5, 2.0))
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                log.error("the demo central server exited (see %s)", self.folder / "central.log")
                return False
            try:
                client.health()
            except ApiError:
                time.sleep(0.1)
                continue
            log.info("demo central server: %s (pid %d)", self.url, self.process.pid)
            return True
        self.process.kill()
        log.error("the demo central server did not answer within %.0f s", timeout_s)
        return False

    def stop(self) -> None:
        if self.running:
            assert self.process is not None  # running: there is a process
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            log.info("demo central server stopped")

    def toggle(self) -> None:
        """Stop a running server, start a stopped one (the demo's outage switch)."""
        if self.running:
            self.stop()
        else:
            self.start()

    def toggle_soon(self) -> None:
        """``toggle`` on a thread of its own: a start takes a second or two."""
        threading.Thread(target=self.toggle, name="demo-central", daemon=True).start()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def enrol_demo(url: str, keys: CredentialStore | None = None,
               role: str = "kiosk") -> DeviceCredentials:
    """Enrolled with the demo server as a device of ``role`` (kiosk, window, display)."""
    keys = keys if keys is not None else CredentialStore(MemoryKeyring())
    return keys.enrol(CentralClient(url), DEMO_ENROLMENT_CODES[role], f"demo {role}")


def demo_worker(folder: Path, store_path: Path, keys: CredentialStore | None = None, *,
                staff_list: bool = True, role: str = "kiosk") -> tuple[SyncWorker, DemoCentral]:
    """A worker that starts the demo server, enrols with it as a device of ``role`` and
    syncs, all in its thread.

    ``keys``: the demo's in-memory credential store, shared with staff sign-in (the
    staff PIN pepper must be the same on both sides); ``staff_list``: as ``_pulls``."""
    central = DemoCentral(folder)
    keys = keys if keys is not None else CredentialStore(MemoryKeyring())

    def make_engine(on_status, on_pulled) -> tuple[SyncEngine, DeviceCredentials]:
        if getattr(sys, "frozen", False):
            raise RuntimeError("the installed kiosk does not bundle the demo central server")
        if not central.start():
            raise RuntimeError(f"the demo central server did not start (see {folder})")
        creds = enrol_demo(central.url, keys, role)
        return _engine(creds, store_path, on_status, on_pulled, {"pulls": _pulls(keys, staff_list)}), creds

    return SyncWorker(make_engine), central


def enrolled_worker(url: str, store_path: Path, keys: CredentialStore | None = None, *,
                    staff_list: bool = True) -> SyncWorker | None:
    """A worker for this device's enrolment with ``url``; None (and why, in the log) if
    none. ``staff_list``: as ``_pulls`` (False for a hall display)."""
    keys = keys if keys is not None else CredentialStore()
    try:
        creds = keys.load()
    except NoSecureStore as exc:
        log.error("%s", exc)
        return None
    if creds is None or creds.central_url.rstrip("/") != url.rstrip("/"):
        log.error("this kiosk is not enrolled with %s: run  kiosk enrol --central %s --code CODE",
                  url, url)
        return None
    return make_worker(creds, store_path, pulls=_pulls(keys, staff_list))


def _pulls(keys: CredentialStore, staff_list: bool = True) -> tuple[Pull, ...]:
    """What the engine pulls, each document taken only when signed with the platform key
    pinned with the enrolment in ``keys`` (on first use for a kiosk enrolled before): the
    reference data, and — for a kiosk or a window terminal (``staff_list``), where staff
    sign in — the staff list when there is a pepper to keep it with. A hall display pulls
    the reference data alone: nobody signs in there, and the platform refuses it the
    staff list (403 ``wrong_device_role``)."""
    pulls = reference_pulls(keys.platform_key)
    if not staff_list:
        return pulls
    try:
        return (*pulls, staff_pull(keys.staff_pepper(), keys.platform_key))
    except NoSecureStore as exc:
        log.error("staff accounts are not pulled: %s", exc)
        return pulls


def make_worker(creds: DeviceCredentials, store_path: Path, camera: str = "not_configured",
                printer: str = "not_configured", **engine_options: Any) -> SyncWorker:
    """A worker whose engine opens its own connection to ``store_path`` in its thread.

    ``engine_options`` go to ``SyncEngine`` (tests pass a fast backoff); without
    ``pulls``, the reference data checked with the platform key in ``creds`` (none
    there: nothing is taken)."""
    engine_options.setdefault("pulls", reference_pulls(pinned_key(creds)))

    def make_engine(on_status, on_pulled) -> tuple[SyncEngine, DeviceCredentials]:
        engine = _engine(creds, store_path, on_status, on_pulled, engine_options, camera, printer)
        return engine, creds

    return SyncWorker(make_engine)


def _engine(creds: DeviceCredentials, store_path: Path, on_status, on_pulled,
            engine_options: dict[str, Any], camera: str = "not_configured",
            printer: str = "not_configured") -> SyncEngine:
    store = LocalStore(store_path)
    return SyncEngine(
        CentralClient(creds.central_url, creds.token),
        Outbox(store),
        PulledCache(store),
        heartbeat_body=lambda: {"version": kiosk.__version__, "camera": camera, "printer": printer},
        on_status=on_status,
        on_pulled=on_pulled,
        **engine_options,
    )
