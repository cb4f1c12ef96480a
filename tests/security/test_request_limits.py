"""Finding 3: a request body is bounded before anyone reads it.

A body is never read for a request without a valid device token (401 first), a body
over the cap (``MAX_BODY_BYTES``, docs/api.md) is refused 413 whether its
Content-Length says so or a chunked body grows past it, and a body not complete within
the read deadline is answered 408 and the connection closed. Real uvicorn on loopback,
raw sockets (so the test, not a client library, decides what is sent); every wait is
bounded by ``ANSWER_WITHIN``.
"""

from __future__ import annotations

import functools
import http.client
import json
import socket
import time
from urllib.parse import urlsplit

import pytest

from central.app import create_app
from tests.helpers import central_server
from tests.helpers.central_server import running_central

CAP = 256 * 1024  # docs/api.md: request bodies up to 256 KiB
ANSWER_WITHIN = 5.0  # seconds: the server answers early, or the test fails
HEARTBEAT = {"version": "1", "sent_at": "2026-11-23T00:00:00Z", "outbox": {"pending": 0, "dead": 0}}


def _open(base_url: str) -> socket.socket:
    parts = urlsplit(base_url)
    assert parts.hostname == "127.0.0.1"  # loopback only
    sock = socket.create_connection((parts.hostname, parts.port), timeout=ANSWER_WITHIN)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def _head(path: str, headers: dict[str, str]) -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json",
             *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


def _answer(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """The response, read within ANSWER_WITHIN seconds (socket.timeout fails the test)."""
    response = http.client.HTTPResponse(sock)
    try:
        response.begin()
        body = response.read()
    except TimeoutError:
        pytest.fail(f"no answer within {ANSWER_WITHIN} s: the server is still reading the body")
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def _assert_problem(answer: tuple[int, dict[str, str], bytes], status: int, code: str) -> None:
    got, headers, body = answer
    assert got == status, body[:300]
    assert headers["content-type"] == "application/problem+json"
    assert json.loads(body)["code"] == code


def _closed(sock: socket.socket) -> bool:
    try:
        return sock.recv(1) == b""
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False


@pytest.mark.parametrize("auth", [None, "Bearer nope"], ids=["no-token", "unknown-token"])
def test_a_huge_body_without_a_valid_token_is_refused_before_it_is_read(db_url, clock, auth):
    declared = 300 * 1024 * 1024
    with running_central(db_url, clock=clock) as base:
        sock = _open(base)
        with sock:
            headers = {"Content-Length": str(declared)}
            if auth:
                headers["Authorization"] = auth
            # the head and the first 16 KiB of 300 MB; the rest is never sent
            sock.sendall(_head("/v1/submissions", headers) + b"{" + b" " * (16 * 1024))
            _assert_problem(_answer(sock), 401, "unauthorized")
            assert _closed(sock)  # the unread body ends the connection


def test_a_body_declared_over_the_cap_is_413_before_it_is_read(db_url, clock):
    with running_central(db_url, clock=clock) as base:
        sock = _open(base)
        with sock:
            headers = {"Content-Length": str(CAP + 1), "Authorization": "Bearer test-token"}
            sock.sendall(_head("/v1/submissions", headers) + b"{" + b" " * 1024)
            _assert_problem(_answer(sock), 413, "content_too_large")


def test_an_enrolment_body_over_the_cap_is_413_too(db_url, clock):
    with running_central(db_url, clock=clock) as base:  # no token needed there, a cap all the same
        sock = _open(base)
        with sock:
            sock.sendall(_head("/v1/enrolments", {"Content-Length": str(CAP + 1)}) + b"{")
            _assert_problem(_answer(sock), 413, "content_too_large")


def _chunk(data: bytes) -> bytes:
    return f"{len(data):x}\r\n".encode() + data + b"\r\n"


def test_a_chunked_body_growing_past_the_cap_is_413(db_url, clock):
    with running_central(db_url, clock=clock) as base:
        sock = _open(base)
        with sock:
            headers = {"Transfer-Encoding": "chunked", "Authorization": "Bearer test-token"}
            piece = b" " * (16 * 1024)
            sock.sendall(_head("/v1/devices/me/heartbeat", headers)
                         + b"".join(_chunk(piece) for _ in range(CAP // len(piece) + 1)))
            # no last chunk: the body would go on growing
            _assert_problem(_answer(sock), 413, "content_too_large")


def test_a_chunked_body_under_the_cap_is_served(db_url, clock):
    with running_central(db_url, clock=clock) as base:
        sock = _open(base)
        with sock:
            headers = {"Transfer-Encoding": "chunked", "Authorization": "Bearer test-token"}
            body = json.dumps(HEARTBEAT).encode()
            sock.sendall(_head("/v1/devices/me/heartbeat", headers)
                         + _chunk(body[:10]) + _chunk(body[10:]) + b"0\r\n\r\n")
            status, _, answer = _answer(sock)
            assert status == 200, answer


def test_a_half_sent_body_is_answered_408_within_the_deadline(db_url, clock, monkeypatch):
    monkeypatch.setattr(central_server, "create_app", functools.partial(create_app, body_timeout=0.5))
    with running_central(db_url, clock=clock) as base:
        sock = _open(base)
        with sock:
            body = json.dumps(HEARTBEAT).encode()
            headers = {"Content-Length": str(len(body)), "Authorization": "Bearer test-token"}
            started = time.monotonic()
            sock.sendall(_head("/v1/devices/me/heartbeat", headers) + body[: len(body) // 2])
            answer = _answer(sock)  # and then nothing more is sent
            took = time.monotonic() - started
            _assert_problem(answer, 408, "request_timeout")
            assert 0.4 <= took < 3.0
            assert _closed(sock)


def test_serve_sets_a_keep_alive_timeout_and_a_body_deadline(monkeypatch, tmp_path):
    import uvicorn

    from central import cli

    calls: list[tuple[object, dict[str, object]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    assert cli.main(["serve", "--db", f"sqlite:///{tmp_path / 'c.db'}", "--seed", "demo",
                     "--port", "9"]) == 0
    (app, options), = calls
    assert 0 < options.get("timeout_keep_alive", 0) <= 10  # type: ignore[operator]
    assert 0 < app.state.body_timeout <= 60  # type: ignore[attr-defined]
