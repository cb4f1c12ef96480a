"""Readiness, request ids, JSON logs and Prometheus metrics of the central server."""

from __future__ import annotations

import dataclasses
import json
import logging
import socket

import pytest
import requests
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import create_engine, text

from central.app import create_app
from central.db import Database
from central.log_format import JsonFormatter, logging_config
from central.request_log import current_request_id
from tests.helpers.central_fixtures import (  # noqa: F401 - db_url is a fixture
    AUTH,
    TOKEN,
    booking_body,
    client_for,
    db_url_on_both_databases,
    key,
)

SLOT = "2026-11-23T01:00:00Z"


def _samples(exposition: bytes) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(exposition.decode())
            for s in family.samples}


def _value(samples, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


# --- readiness ----------------------------------------------------------------------------------


def test_ready_when_the_database_answers_at_the_schema_it_needs(db_url, clock):
    with client_for(db_url, clock) as client:
        r = client.get("/v1/ready")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status"] == "ready" and body["schema_revision"]


def test_not_ready_when_the_database_is_unreachable_but_still_alive(db_url, clock):
    with client_for(db_url, clock) as client:
        ctx = client.app.state.context  # type: ignore[attr-defined]
        # the same server, its database now a closed port (a stopped PostgreSQL)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        gone = Database.connect(f"postgresql+psycopg://kiosk:pw@127.0.0.1:{port}/none")
        client.app.state.context = dataclasses.replace(ctx, db=gone)  # type: ignore[attr-defined]
        try:
            r = client.get("/v1/ready")
            assert r.status_code == 503
            assert r.headers["content-type"] == "application/problem+json"
            assert r.json()["code"] == "not_ready" and "unreachable" in r.json()["detail"]
            assert "pw" not in r.text and str(port) not in r.text
            assert client.get("/v1/health").status_code == 200  # liveness never asks the database
        finally:
            gone.dispose()
            client.app.state.context = ctx  # type: ignore[attr-defined]


def test_not_ready_on_a_database_migrated_past_or_behind_this_server(db_url, clock):
    with client_for(db_url, clock) as client:
        engine = create_engine(db_url)
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = 'f00d'"))
        engine.dispose()
        r = client.get("/v1/ready")
    assert r.status_code == 503 and r.json()["code"] == "not_ready"
    assert "kiosk-central migrate" in r.json()["detail"]


# --- request ids and logs -----------------------------------------------------------------------


def test_the_kiosks_request_id_comes_back_and_is_logged(client, caplog):
    with caplog.at_level(logging.INFO, logger="central.access"):
        r = client.get("/v1/health", headers={"X-Request-Id": "kiosk-7f3a.42"})
    assert r.headers["x-request-id"] == "kiosk-7f3a.42"
    (record,) = [rec for rec in caplog.records if rec.name == "central.access"]
    assert (record.route, record.status, record.method) == ("/v1/health", 200, "GET")


@pytest.mark.parametrize("given", [None, "", "a" * 129, "id with spaces", "x\r\nforged: 1"])
def test_a_missing_or_unusable_request_id_is_replaced(client, given):
    headers = {} if given is None else {"X-Request-Id": given}
    try:
        r = client.get("/v1/health", headers=headers)
    except Exception:  # noqa: BLE001 - the client itself refuses a header with CR LF
        assert given is not None and "\n" in given
        return
    made = r.headers["x-request-id"]
    assert made != given and len(made) == 32 and int(made, 16) >= 0


def test_an_error_answer_carries_the_request_id_too(client):
    r = client.post("/v1/bookings", json={"hall": "nowhere"}, headers={**key(),
                                                                      "X-Request-Id": "r-1"})
    assert r.status_code == 422 and r.headers["x-request-id"] == "r-1"
    r = client.get("/v1/no-such-thing", headers={"X-Request-Id": "r-2"})
    assert r.status_code == 404 and r.headers["x-request-id"] == "r-2"


def test_json_log_lines_carry_the_request_id_and_the_access_fields():
    formatter = JsonFormatter()
    record = logging.LogRecord("central.access", logging.INFO, __file__, 1, "%s %s %d",
                               ("POST", "/v1/bookings", 201), None)
    record.route, record.status, record.duration_ms = "/v1/bookings", 201, 3.5
    token = current_request_id.set("kiosk-1")
    try:
        line = json.loads(formatter.format(record))
    finally:
        current_request_id.reset(token)
    assert line["request_id"] == "kiosk-1" and line["level"] == "info"
    assert line["message"] == "POST /v1/bookings 201" and line["route"] == "/v1/bookings"
    assert line["status"] == 201 and line["duration_ms"] == 3.5 and line["time"].endswith("Z")
    outside = json.loads(formatter.format(record))
    assert "request_id" not in outside


def test_the_logging_config_turns_off_uvicorns_access_log():
    config = logging_config("json", "info")
    assert config["loggers"]["uvicorn.access"]["handlers"] == []
    assert config["handlers"]["stderr"]["formatter"] == "json"


# --- metrics ------------------------------------------------------------------------------------


def test_metrics_count_requests_replays_holds_and_bookings(db_url, clock):
    with client_for(db_url, clock) as client:
        metrics = client.app.state.metrics  # type: ignore[attr-defined]
        hold = client.post("/v1/holds", json={"hall": "dongcheng", "matter": "GA-0001",
                                              "start": SLOT}, headers=key())
        assert hold.status_code == 201
        taken = client.post("/v1/holds", json={"hall": "dongcheng", "matter": "GA-0001",
                                               "start": SLOT}, headers=key())
        assert taken.status_code == 409
        k = key()
        booked = client.post("/v1/bookings", headers=k,
                             json=booking_body(SLOT, 1, hold_id=hold.json()["hold_id"]))
        assert booked.status_code == 201, booked.text
        again = client.post("/v1/bookings", headers=k,
                            json=booking_body(SLOT, 1, hold_id=hold.json()["hold_id"]))
        assert again.headers["idempotent-replayed"] == "true"
        client.get(f"/v1/bookings/{booked.json()['booking_id']}")
        samples = _samples(metrics.exposition())
    assert _value(samples, "central_http_requests_total", method="POST", route="/v1/bookings",
                  status="201") == 2
    assert _value(samples, "central_http_requests_total", method="GET",
                  route="/v1/bookings/{booking_id}", status="200") == 1  # the template, not the id
    assert _value(samples, "central_http_request_duration_seconds_count", method="POST",
                  route="/v1/holds", status="409") == 1
    assert _value(samples, "central_idempotent_replays_total", route="/v1/bookings") == 1
    assert _value(samples, "central_bookings_total", outcome="created") == 1  # not the replay
    assert _value(samples, "central_holds_total", outcome="created") == 1
    assert _value(samples, "central_holds_total", outcome="conflict") == 1
    if not db_url.startswith("sqlite:///:memory:"):
        assert ("central_db_pool_size", ()) in samples


def test_two_apps_count_apart(tmp_path, clock):
    with client_for(f"sqlite:///{tmp_path / 'a.db'}", clock) as a, \
            client_for(f"sqlite:///{tmp_path / 'b.db'}", clock) as b:
        a.get("/v1/health")
        a.get("/v1/health")
        b.get("/v1/health")
        count = {name: _value(_samples(c.app.state.metrics.exposition()),  # type: ignore[attr-defined]
                              "central_http_requests_total", method="GET", route="/v1/health",
                              status="200") for name, c in (("a", a), ("b", b))}
    assert count == {"a": 2, "b": 1}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_metrics_are_served_on_their_own_listener_never_on_the_api(db_url, clock):
    port = _free_port()
    app = create_app(db_url, clock=clock, dev_token=TOKEN, dev_hall="dongcheng", seed="demo",
                     secret="test-secret", metrics_address=("127.0.0.1", port))
    with TestClient(app, headers=AUTH) as client:
        client.get("/v1/health")
        assert client.get("/metrics").status_code == 404  # not on the API's port
        scraped = requests.get(f"http://127.0.0.1:{port}/metrics", timeout=5)
        assert scraped.status_code == 200
        assert _value(_samples(scraped.content), "central_http_requests_total", method="GET",
                      route="/v1/health", status="200") == 1
    with pytest.raises(requests.ConnectionError):  # the listener stops with the app
        requests.get(f"http://127.0.0.1:{port}/metrics", timeout=2)


def test_without_a_metrics_address_nothing_listens(db_url, clock):
    with client_for(db_url, clock) as client:
        assert client.get("/metrics").status_code == 404
