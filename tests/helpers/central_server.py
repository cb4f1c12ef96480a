"""A real central server for integration tests: uvicorn in a background thread.

    with running_central("sqlite:///" + str(tmp_path / "c.db"), clock=clock) as base_url:
        requests.get(base_url + "/v1/health")

Serves ``central.app.create_app(...)`` on 127.0.0.1 (a free port, or ``port=`` to
restart a server on the same port and database), waits until /v1/health answers,
and stops cleanly on leaving the block.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import uvicorn

from central.app import create_app
from central.clock import Clock
from central.context import Quotas
from central.signing import SigningKey
from kiosk.sync.enrolment import DeviceCredentials

HOST = "127.0.0.1"
START_TIMEOUT = 20.0
#: the secret ``running_central`` starts a server with, unless told otherwise
TEST_SECRET = "test-secret"
#: that server's platform key, as an enrolment pins it (base64url)
TEST_PLATFORM_KEY = SigningKey.from_secret(TEST_SECRET.encode()).public_wire


def dev_credentials(url: str, hall: str = "city_centre") -> DeviceCredentials:
    """The dev token's device (``test-token``) at ``url``, a server started with
    ``TEST_SECRET``, with the platform key an enrolment would have pinned: its signed
    documents are taken."""
    return DeviceCredentials("dev", "test-token", hall, url, TEST_PLATFORM_KEY)


def enrolled_credentials(url: str, database_url: str, now: datetime, role: str,
                         hall: str = "city_centre") -> DeviceCredentials:
    """A device newly enrolled at ``url`` (its server's database at ``database_url``, its
    clock at ``now``) as a ``role`` device (kiosk, window, display) of ``hall``, as
    ``kiosk enrol`` would: a one-time code of that role, used over HTTP."""
    from central.auth import new_enrolment_code
    from central.db import Database
    from kiosk.sync.api_client import CentralClient

    db = Database.connect(database_url)
    try:
        code = new_enrolment_code(db, hall, now, role=role)
    finally:
        db.dispose()
    resp = CentralClient(url, None).enrol(code, f"a {role} of {hall}")
    assert resp.status == 201 and resp.body["role"] == role, resp
    return DeviceCredentials(resp.body["device_id"], resp.body["token"], hall, url,
                             TEST_PLATFORM_KEY)


def _bind(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # accepted connections inherit it: without it, a socket handed to uvicorn answers each
    # request ~40 ms late (Nagle's algorithm meets the client's delayed ACK)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((HOST, port))
    return sock


def _healthy(port: int) -> bool:
    conn = http.client.HTTPConnection(HOST, port, timeout=1)
    try:
        conn.request("GET", "/v1/health")
        return conn.getresponse().status == 200
    except OSError:
        return False
    finally:
        conn.close()


@contextmanager
def running_central(
    database_url: str,
    *,
    clock: Clock | None = None,
    dev_token: str | None = "test-token",
    seed: str | None = "demo",
    port: int | None = None,
    secret: str | None = TEST_SECRET,
    dev_hall: str | None = None,
    quotas: Quotas | None = None,
) -> Iterator[str]:
    """Yield the base URL (``http://127.0.0.1:PORT``) of a running central server; its
    ``dev_token`` acts in ``dev_hall`` (default: the demo hall, city_centre)."""
    app = create_app(database_url, clock=clock, dev_token=dev_token, dev_hall=dev_hall, seed=seed,
                     secret=secret, quotas=quotas)
    sock = _bind(port or 0)
    bound_port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", access_log=False, ws="none",
                            lifespan="on", timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]},
                              name=f"central:{bound_port}", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not _healthy(bound_port):
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the central server did not start on port {bound_port}")
            time.sleep(0.02)
        yield f"http://{HOST}:{bound_port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()
