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
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.api_client import ApiError, CentralClient
from kiosk.credentials import CredentialStore, DeviceCredentials, MemoryKeyring
from kiosk.outbox import Outbox
from kiosk.pulled import PulledCache
from kiosk.store import LocalStore
from kiosk.sync import SyncEngine
from ui.sync_worker import SyncWorker

log = logging.getLogger(__name__)

DEMO_ENROLMENT_CODE = "DEMO-ENROL-2026"
VERSION = "0.1.0"


@dataclass
class DemoCentral:
    url: str
    process: subprocess.Popen

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_demo_central(folder: Path, timeout_s: float = 30.0) -> DemoCentral | None:
    """The reference server on loopback, seeded with the demo data; None if it cannot run."""
    if getattr(sys, "frozen", False):
        log.warning("the installed kiosk does not bundle the demo central server; running offline")
        return None
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    db = folder / "central.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "central", "serve", "--db", f"sqlite:///{db}",
         "--host", "127.0.0.1", "--port", str(port), "--seed", "demo"],
        stdout=subprocess.DEVNULL, stderr=(folder / "central.log").open("wb"),
    )
    client = CentralClient(url, timeout=(0.5, 2.0))
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.error("the demo central server exited (see %s)", folder / "central.log")
            return None
        try:
            client.health()
        except ApiError:
            time.sleep(0.1)
            continue
        log.info("demo central server: %s (pid %d)", url, process.pid)
        return DemoCentral(url, process)
    process.kill()
    log.error("the demo central server did not answer within %.0f s", timeout_s)
    return None


def enrol_demo(url: str) -> DeviceCredentials:
    return CredentialStore(MemoryKeyring()).enrol(CentralClient(url), DEMO_ENROLMENT_CODE, "demo kiosk")


def make_worker(creds: DeviceCredentials, store_path: Path, camera: str = "not_configured",
                printer: str = "not_configured", **engine_options: Any) -> SyncWorker:
    """A worker whose engine opens its own connection to ``store_path`` in its thread.

    ``engine_options`` go to ``SyncEngine`` (tests pass a fast backoff)."""

    def make_engine(on_status, on_pulled) -> SyncEngine:
        store = LocalStore(store_path)
        return SyncEngine(
            CentralClient(creds.central_url, creds.token),
            Outbox(store),
            PulledCache(store),
            heartbeat_body=lambda: {"version": VERSION, "camera": camera, "printer": printer},
            on_status=on_status,
            on_pulled=on_pulled,
            **engine_options,
        )

    return SyncWorker(make_engine)
