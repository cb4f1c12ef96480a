"""The reference server as a separate process, for benchmarks (its own CPU, its own GIL)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.sync.api_client import ApiError, CentralClient
from ui.central_link import free_port

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "bench-token"


@contextmanager
def central_process(db_url: str, workers: int = 1, log: Path | None = None) -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    err = log.open("wb") if log else subprocess.DEVNULL
    proc = subprocess.Popen(
        [sys.executable, "-m", "central", "serve", "--db", db_url, "--port", str(port),
         "--seed", "demo", "--dev-token", TOKEN, "--workers", str(workers)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        client = CentralClient(url, timeout=(0.5, 2.0))
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the central server did not start ({db_url})")
            try:
                client.health()
                break
            except ApiError:
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
