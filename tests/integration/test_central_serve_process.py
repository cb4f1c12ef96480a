"""``kiosk-central serve`` as an operator runs it: a process of its own, every setting from
the environment (the database URL and the secret from files), migrated first by
``kiosk-central migrate``; its JSON logs carry the kiosk's request id; its metrics are on
their own port; ``/v1/ready`` says it can serve."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
SECRET = "an-outside-key-of-at-least-32-characters-0123456789"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions, signals")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _private(path: Path, text: str) -> Path:
    path.write_text(text + "\n", encoding="utf-8")
    os.chmod(path, 0o600)
    return path


def _run(env: dict[str, str], *args: str, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "central", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=60, **kw)


@posix_only
def test_a_production_start_from_the_environment(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'central.db'}"
    port, metrics_port = _free_port(), _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_CENTRAL_")}
    env.update({
        "PYTHONPATH": str(ROOT),
        "KIOSK_CENTRAL_DATABASE_URL_FILE": str(_private(tmp_path / "db-url", db_url)),
        "KIOSK_CENTRAL_SECRET_FILE": str(_private(tmp_path / "secret", SECRET)),
        "KIOSK_CENTRAL_HOST": "127.0.0.1", "KIOSK_CENTRAL_PORT": str(port),
        "KIOSK_CENTRAL_SEED": str(ROOT / "resources" / "demo"),
        "KIOSK_CENTRAL_METRICS": "true", "KIOSK_CENTRAL_METRICS_PORT": str(metrics_port),
    })
    refused = _run(env, "serve")
    assert refused.returncode == 2 and "kiosk-central migrate" in refused.stderr
    migrated = _run(env, "migrate")
    assert migrated.returncode == 0, migrated.stderr
    assert "from an empty database" in migrated.stdout

    with (tmp_path / "serve.log").open("w") as log:
        _serve_and_ask(env, log, tmp_path, port, metrics_port)
    lines = [json.loads(line) for line in (tmp_path / "serve.log").read_text().splitlines()
             if line.startswith("{")]
    access = [line for line in lines if line["logger"] == "central.access"
              and line.get("request_id") == "kiosk-abc.1"]
    assert access and access[0]["route"] == "/v1/catalogue" and access[0]["status"] == 401
    everything = (tmp_path / "serve.log").read_text()
    assert SECRET not in everything and db_url not in everything


def _wait_until_ready(proc: subprocess.Popen, base: str, log: Path, seconds: float) -> None:
    """Until ``GET /v1/ready`` answers 200; the server's log if it exits or takes too long."""
    deadline = time.monotonic() + seconds
    while True:
        assert proc.poll() is None, log.read_text()
        try:
            if requests.get(base + "/v1/ready", timeout=1).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        assert time.monotonic() < deadline, f"not ready in {seconds} s: {log.read_text()}"
        time.sleep(0.1)


def _serve_and_ask(env, log, tmp_path: Path, port: int, metrics_port: int) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "central", "serve"], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=log)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_ready(proc, base, tmp_path / "serve.log", 30)
        answer = requests.get(base + "/v1/catalogue", headers={"X-Request-Id": "kiosk-abc.1"},
                              timeout=5)
        assert answer.status_code == 401 and answer.headers["x-request-id"] == "kiosk-abc.1"
        assert requests.get(base + "/metrics", timeout=5).status_code == 404
        scraped = requests.get(f"http://127.0.0.1:{metrics_port}/metrics", timeout=5).text
        assert 'central_http_requests_total{method="GET",route="/v1/catalogue",status="401"} 1.0' \
            in scraped
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(30)


@posix_only
def test_workers_get_the_command_lines_settings(tmp_path):
    """``serve --workers 2``: each worker makes its app from the settings the command line
    gave (handed over in the environment): the dev token acts, in its hall."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_CENTRAL_")}
    env["PYTHONPATH"] = str(ROOT)
    with (tmp_path / "serve.log").open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "central", "serve", "--db", f"sqlite:///{tmp_path / 'c.db'}",
             "--seed", "demo", "--port", str(port), "--workers", "2", "--dev-token", "w-token",
             "--dev-hall", "dongcheng"],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log)
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_until_ready(proc, base, tmp_path / "serve.log", 60)
            seen = {requests.get(base + "/v1/halls/dongcheng/slots", timeout=5,
                                 params={"matter": "GA-0001", "date": "2026-12-08"},
                                 headers={"Authorization": "Bearer w-token"}).status_code
                    for _ in range(6)}
            assert seen == {200}
        finally:
            proc.send_signal(signal.SIGINT)
            proc.wait(30)
