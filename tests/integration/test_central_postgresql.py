"""The same rules on PostgreSQL: the constraints and conditional writes, not SQLite's
serialised writers, keep them (skipped without KIOSK_TEST_PG_URL unless KIOSK_REQUIRE_PG=1).
"""

from __future__ import annotations

import pytest

from tests.helpers.central_fixtures import (
    PHONE,
    booking_body,
    client_for,
    fresh_pg,
    key,
    pg_url_or_skip,
)

SLOT = "2026-11-23T01:00:00Z"


@pytest.fixture
def pg_client(clock):
    with client_for(fresh_pg(pg_url_or_skip()), clock) as client:
        yield client


def test_booking_replay_limit_cancel_and_check_in_on_postgresql(pg_client, clock):
    headers = key()
    first = pg_client.post("/v1/bookings", json=booking_body(SLOT, 1), headers=headers)
    assert first.status_code == 201
    replay = pg_client.post("/v1/bookings", json=booking_body(SLOT, 1), headers=headers)
    assert replay.content == first.content and replay.headers["idempotent-replayed"] == "true"
    full = pg_client.post("/v1/bookings", json=booking_body(SLOT, 2), headers=key())
    assert full.json()["code"] == "slot_full" and full.json()["alternatives"]
    limit = pg_client.post("/v1/bookings", json=booking_body("2026-11-23T02:00:00Z", 1), headers=key())
    assert limit.json()["code"] == "per_person_limit"
    clock.set("2026-11-23T00:40:00Z")
    checked = pg_client.post(f"/v1/bookings/{first.json()['booking_id']}/check-in", headers=key())
    assert checked.status_code == 200 and checked.json()["ticket"]["number"] == "GA001"
    other = pg_client.post("/v1/bookings", json=booking_body("2026-11-23T02:00:00Z", 3), headers=key())
    cancelled = pg_client.post(f"/v1/bookings/{other.json()['booking_id']}/cancel", json=PHONE,
                               headers=key())
    assert cancelled.json()["status"] == "cancelled"
    again = pg_client.post("/v1/bookings", json=booking_body("2026-11-23T02:00:00Z", 4), headers=key())
    assert again.status_code == 201


def test_ticket_counters_and_holds_on_postgresql(pg_client, clock):
    clock.set("2026-11-23T01:00:00Z")  # 09:00: tickets only while the hall is open
    numbers = [pg_client.post("/v1/tickets", json={"hall": "dongcheng", "matter": "GA-0001", "priority": p},
                              headers=key()).json()["number"] for p in (False, False, True)]
    clock.set("2026-11-23T00:00:00Z")
    assert numbers == ["GA001", "GA002", "PGA001"]
    hold = pg_client.post("/v1/holds", json={"hall": "dongcheng", "matter": "GA-0001", "start": SLOT},
                          headers=key())
    assert hold.status_code == 201
    clock.advance(301)
    assert pg_client.post("/v1/bookings", json=booking_body(SLOT, 5), headers=key()).status_code == 201


def test_nul_in_ids_is_a_client_error_not_a_500_on_postgresql(pg_client):
    """PostgreSQL refuses NUL in text even in a WHERE clause: such ids must be refused as
    input (422), never reach the database and answer 500 (which a kiosk retries forever)."""
    pg_client.post("/v1/bookings", json=booking_body(SLOT, 1), headers=key())
    for r in (
        pg_client.get("/v1/bookings/%00"),
        pg_client.post("/v1/bookings/%00/cancel", json=PHONE, headers=key()),
        pg_client.post("/v1/bookings/a%00b/check-in", headers=key()),
        pg_client.delete("/v1/holds/%00"),
        pg_client.post("/v1/bookings", json=booking_body(SLOT, 2) | {"hold_id": "\u0000"}, headers=key()),
    ):
        assert r.status_code == 422, r.text
        assert r.json()["code"] == "validation_failed"
