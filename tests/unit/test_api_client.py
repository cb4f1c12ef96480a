"""Every way an answer can go wrong becomes one typed error, over real sockets."""

from __future__ import annotations

import socket

import pytest

from kiosk.sync.api_client import (
    BadResponse,
    CentralClient,
    Refused,
    ServerBusy,
    Unreachable,
)
from tests.helpers.fault_server import Fault, fault_server
from tests.helpers.utc_clock import FakeUtcClock


@pytest.fixture
def server():
    with fault_server() as (state, url):
        yield state, CentralClient(url, "tok", timeout=(1.0, 0.5), clock=FakeUtcClock("2026-11-23T01:00:00Z"))


def test_a_good_answer_carries_status_body_and_headers(server):
    state, client = server
    state.answer(Fault.json(201, {"submission_id": "s1"}, ETag='"e1"', **{"Idempotent-Replayed": "true"}))
    resp = client.post("/v1/submissions", {"kind": "rating"}, idempotency_key="k-1")
    assert resp.status == 201 and resp.body == {"submission_id": "s1"}
    assert resp.replayed and resp.etag == '"e1"'
    sent = state.requests[0]
    assert sent.headers["Idempotency-Key"] == "k-1"
    assert sent.headers["Authorization"] == "Bearer tok"


def test_every_call_carries_a_request_id_of_its_own(server):
    """The platform logs it with the request (docs/api.md, Request ids)."""
    state, client = server
    state.answer(Fault.json(200, {"status": "ok"}))
    state.answer(Fault.json(200, {"status": "ok"}))
    client.health()
    client.health()
    ids = [r.headers["X-Request-Id"] for r in state.requests]
    assert len(set(ids)) == 2 and all(len(i) == 32 and int(i, 16) >= 0 for i in ids)


def test_no_server_is_unreachable(server):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = CentralClient(f"http://127.0.0.1:{port}", timeout=(0.5, 0.5))
    with pytest.raises(Unreachable) as err:
        client.health()
    assert err.value.transient and err.value.reason == "unreachable"


def test_a_slow_server_times_out(server):
    state, client = server
    state.answer(Fault.json(200, {"status": "ok"}), )
    state.script[0].delay_s = 2.0
    with pytest.raises(Unreachable) as err:
        client.health()
    assert err.value.reason == "timeout"


@pytest.mark.parametrize("status", [408, 425, 429, 500, 502, 503, 504])
def test_transient_statuses_are_server_busy(server, status):
    state, client = server
    state.answer(Fault.json(status, {"code": "x"}))
    with pytest.raises(ServerBusy) as err:
        client.post("/v1/submissions", {})
    assert err.value.status == status and err.value.transient


def test_retry_after_in_seconds_and_as_a_date(server):
    state, client = server
    state.answer(Fault.json(503, {"code": "maintenance"}, **{"Retry-After": "120"}))
    with pytest.raises(ServerBusy) as err:
        client.health()
    assert err.value.retry_after == 120.0
    state.answer(Fault.json(429, {}, **{"Retry-After": "Mon, 23 Nov 2026 01:05:00 GMT"}))
    with pytest.raises(ServerBusy) as err:
        client.health()
    assert err.value.retry_after == 300.0  # the fake clock says 01:00:00Z


def test_a_duplicate_in_flight_is_transient_but_other_409s_are_final(server):
    state, client = server
    state.answer(Fault.json(409, {"code": "idempotency_in_flight"}))
    with pytest.raises(ServerBusy):
        client.post("/v1/bookings", {})
    state.answer(Fault.json(409, {"code": "slot_full", "alternatives": [], "detail": "taken"}))
    with pytest.raises(Refused) as err:
        client.post("/v1/bookings", {})
    assert not err.value.transient
    assert err.value.reason == "slot_full" and err.value.problem["alternatives"] == []


def test_an_html_error_page_is_a_bad_response(server):
    state, client = server
    state.answer(Fault(502, b"<html><body>Bad Gateway</body></html>", {"Content-Type": "text/html"}))
    with pytest.raises(ServerBusy):
        client.health()
    state.answer(Fault(200, b"<html>login to the wifi</html>", {"Content-Type": "text/html"}))
    with pytest.raises(BadResponse, match="not JSON"):
        client.health()
    state.answer(Fault(404, b"<html>Not found</html>", {"Content-Type": "text/html"}))
    with pytest.raises(BadResponse, match="problem document"):
        client.health()


def test_truncated_json_is_a_bad_response(server):
    state, client = server
    state.answer(Fault(200, b'{"status": "o', declared_length=400))
    with pytest.raises(BadResponse) as err:
        client.health()
    assert err.value.reason in ("truncated", "bad_response")
    state.answer(Fault(200, b'{"status": "o'))
    with pytest.raises(BadResponse, match="not JSON"):
        client.health()


def test_the_wrong_shape_is_a_bad_response(server):
    state, client = server
    state.answer(Fault.json(200, {"device_id": 7, "token": "t", "hall_code": "h"}))
    with pytest.raises(BadResponse, match="device_id"):
        client.enrol("CODE", "kiosk 1")
    state.answer(Fault.json(200, [1, 2, 3]))
    with pytest.raises(BadResponse, match="not a JSON object"):
        client.health()


def test_a_50_mb_body_is_refused_without_reading_it_all(server):
    state, client = server
    state.answer(Fault(200, b"x" * (1 << 20), chunk_repeat=50))
    with pytest.raises(BadResponse) as err:
        client.health()
    assert err.value.reason == "too_large"


def test_a_304_has_no_body_and_keeps_the_etag(server):
    state, client = server
    state.answer(Fault(304, b"", {"ETag": '"v7"'}))
    resp = client.pull("/v1/catalogue", '"v7"', {"matters": list})
    assert resp.status == 304 and resp.body is None
    assert state.requests[-1].headers["If-None-Match"] == '"v7"'
