"""Idempotency-Key: replay, reuse with another body, in flight, take-over, lost response."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from central.app import create_app
from central.idempotency import IdempotentRequest, fingerprint
from central.models import Booking, IdempotencyRecord, Place, Submission
from central.problems import Problem
from central.schemas import BookingIn
from tests.helpers.central_fixtures import TEST_HALL, booking_body, key

SLOT = "2026-11-23T01:00:00Z"


def count(db_url: str, model) -> int:  # type: ignore[no-untyped-def]
    engine = create_engine(db_url)
    try:
        with Session(engine) as session:
            return session.scalar(select(func.count()).select_from(model))
    finally:
        engine.dispose()


def test_a_replay_gives_the_original_response_and_creates_nothing(client, db_url):
    headers = key()
    first = client.post("/v1/bookings", json=booking_body(SLOT), headers=headers)
    again = client.post("/v1/bookings", json=booking_body(SLOT), headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.content == first.content
    assert again.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert count(db_url, Booking) == 1 and count(db_url, Place) == 1


def test_refusals_are_final_and_replayed_too(client):
    client.post("/v1/bookings", json=booking_body(SLOT, 1), headers=key())
    headers = key()
    full = client.post("/v1/bookings", json=booking_body(SLOT, 2), headers=headers)
    assert full.status_code == 409 and full.json()["code"] == "slot_full"
    replay = client.post("/v1/bookings", json=booking_body(SLOT, 2), headers=headers)
    assert replay.status_code == 409 and replay.content == full.content
    assert replay.headers["content-type"] == "application/problem+json"
    assert replay.headers["idempotent-replayed"] == "true"


def test_validation_failures_are_not_stored(client, db_url):
    headers = key()
    bad = client.post("/v1/bookings", json={"hall": "dongcheng"}, headers=headers)
    assert bad.status_code == 422 and bad.json()["code"] == "validation_failed"
    assert count(db_url, IdempotencyRecord) == 0
    good = client.post("/v1/bookings", json=booking_body(SLOT), headers=headers)
    assert good.status_code == 201 and "idempotent-replayed" not in good.headers


def test_the_same_key_with_another_request_is_422(client):
    headers = key()
    assert client.post("/v1/bookings", json=booking_body(SLOT, 1), headers=headers).status_code == 201
    other = client.post("/v1/bookings", json=booking_body(SLOT, 2), headers=headers)
    assert other.status_code == 422 and other.json()["code"] == "idempotency_key_reused"
    elsewhere = client.post("/v1/tickets", json={"hall": "dongcheng", "matter": "GA-0001"}, headers=headers)
    assert elsewhere.json()["code"] == "idempotency_key_reused"


def test_key_order_and_spacing_of_the_body_do_not_matter(client):
    headers = {**key(), "Content-Type": "application/json"}
    body = booking_body(SLOT)
    import json

    first = client.post("/v1/bookings", content=json.dumps(body), headers=headers)
    reordered = json.dumps(dict(reversed(list(body.items()))), indent=3)
    again = client.post("/v1/bookings", content=reordered, headers=headers)
    assert again.status_code == 201 and again.headers["idempotent-replayed"] == "true"
    assert again.content == first.content


def test_a_missing_or_malformed_key_is_400(client):
    missing = client.post("/v1/bookings", json=booking_body(SLOT))
    assert missing.status_code == 400 and missing.json()["code"] == "idempotency_key_missing"
    malformed = client.post("/v1/bookings", json=booking_body(SLOT), headers={"Idempotency-Key": "42"})
    assert malformed.status_code == 400 and malformed.json()["code"] == "idempotency_key_missing"


def _plant_in_flight(client, path: str, body: dict, headers: dict) -> None:
    """What a server that crashed between the two phases leaves behind."""
    import json

    ctx = client.app.state.context
    validated = BookingIn.model_validate_json(json.dumps(body))  # the fingerprint is of the model
    request = IdempotentRequest(headers["Idempotency-Key"], "POST", path)
    with ctx.db.writing() as session:
        session.add(IdempotencyRecord(key=request.key, device_id="dev",
                                      fingerprint=fingerprint("POST", path, validated),
                                      state="in_flight", attempt="crashed", started_at=ctx.now()))


def test_in_flight_is_409_then_taken_over_after_30_seconds(client, clock, db_url):
    headers = key()
    body = booking_body(SLOT)
    _plant_in_flight(client, "/v1/bookings", body, headers)
    busy = client.post("/v1/bookings", json=body, headers=headers)
    assert busy.status_code == 409 and busy.json()["code"] == "idempotency_in_flight"
    assert busy.headers["retry-after"]
    clock.advance(29)
    assert client.post("/v1/bookings", json=body, headers=headers).status_code == 409
    clock.advance(1)
    taken_over = client.post("/v1/bookings", json=body, headers=headers)
    assert taken_over.status_code == 201 and "idempotent-replayed" not in taken_over.headers
    assert client.post("/v1/bookings", json=body, headers=headers).headers["idempotent-replayed"] == "true"
    assert count(db_url, Booking) == 1


def test_a_lost_response_is_answered_from_the_stored_one(db_url, clock):
    """The server committed, the response never reached the kiosk (server gone); the
    kiosk retries against a restarted server: the original result, nothing new."""
    from fastapi.testclient import TestClient

    from tests.helpers.central_fixtures import AUTH

    headers = key()
    body = {"kind": "message", "created_at": "2026-11-23T00:00:00Z",
            "identity": {"resident": None, "staff": None}, "payload": {"stars": 5}}
    first_app = create_app(db_url, clock=clock, dev_token="test-token", dev_hall=TEST_HALL,
                           seed="demo", secret="s")
    with TestClient(first_app, headers=AUTH) as first:
        original = first.post("/v1/submissions", json=body, headers=headers)  # "lost"
    second_app = create_app(db_url, clock=clock, dev_token="test-token", dev_hall=TEST_HALL,
                           seed="demo", secret="s")
    clock.advance(3600)
    with TestClient(second_app, headers=AUTH) as second:
        retried = second.post("/v1/submissions", json=body, headers=headers)
    assert retried.status_code == 201 and retried.content == original.content
    assert retried.headers["idempotent-replayed"] == "true"
    assert count(db_url, Submission) == 1


def test_an_abandoned_attempt_that_loses_its_row_rolls_back(client, db_url):
    """If an attempt's in-flight row was taken over meanwhile, its work is not kept."""
    from central import idempotency

    ctx = client.app.state.context
    request = IdempotentRequest(str(uuid.uuid4()), "POST", "/v1/test")

    def work(session):  # type: ignore[no-untyped-def]
        session.add(Place(hall="dongcheng", matter="GA-0001", start=ctx.now(), place=0, kind="booking",
                          claimed_at=ctx.now()))
        session.flush()
        # meanwhile another server took the row over
        session.execute(
            IdempotencyRecord.__table__.update().where(IdempotencyRecord.key == request.key)
            .values(attempt="someone-else"))
        return 201, {"ok": True}

    with pytest.raises(Problem) as refused:
        idempotency.execute(ctx, request, "dev", None, work)
    assert refused.value.status == 409 and refused.value.code == "idempotency_in_flight"
    assert count(db_url, Place) == 0


def test_a_transient_server_failure_is_not_stored_as_the_final_answer(client, db_url, monkeypatch):
    """A 5xx (here 503 reference_exhausted) tells the client to retry: replaying it forever
    would leave that kiosk's outbox stuck behind it. The key is freed instead."""
    from central import bookings

    monkeypatch.setattr(bookings, "new_reference", lambda: "AAAAAAAA")
    assert client.post("/v1/bookings", json=booking_body(SLOT, 1), headers=key()).status_code == 201
    headers = key()
    body = booking_body("2026-11-23T02:00:00Z", 2)
    busy = client.post("/v1/bookings", json=body, headers=headers)
    assert busy.status_code == 503 and busy.json()["code"] == "reference_exhausted"
    assert count(db_url, Place) == 1 and count(db_url, IdempotencyRecord) == 1
    monkeypatch.undo()
    retried = client.post("/v1/bookings", json=body, headers=headers)
    assert retried.status_code == 201 and "idempotent-replayed" not in retried.headers
    assert count(db_url, Booking) == 2
