"""Finding 5: Idempotency-Keys are per device, and the fingerprint is of the validated
request (a retry that spells out a default is the same request)."""

from __future__ import annotations

import uuid

from sqlalchemy import create_engine, text

from central.auth import new_enrolment_code
from central.clock import system_clock
from tests.helpers.central_fixtures import MONDAY_0800_LOCAL, as_previous_release, client_for
from tests.helpers.utc_clock import FakeUtcClock

TICKET = {"hall": "dongcheng", "matter": "GA-0001"}


def _second_device(client) -> dict[str, str]:
    ctx = client.app.state.context
    code = new_enrolment_code(ctx.db, "dongcheng", system_clock())
    r = client.post("/v1/enrolments", json={"enrolment_code": code, "label": "kiosk B"})
    assert r.status_code == 201, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


#: Monday 09:00 in the hall: walk-in tickets only while it is open
OPEN = "2026-11-23T01:00:00Z"


def test_another_device_replaying_a_key_gets_a_new_answer_of_its_own(client, clock):
    clock.set(OPEN)
    k = {"Idempotency-Key": str(uuid.uuid4())}
    a = client.post("/v1/tickets", json=TICKET, headers=k)
    assert a.status_code == 201
    b_auth = _second_device(client)
    b = client.post("/v1/tickets", json=TICKET, headers={**k, **b_auth})
    assert b.status_code == 201, b.text
    assert "Idempotent-Replayed" not in b.headers
    assert b.json()["ticket_id"] != a.json()["ticket_id"]
    assert b.json()["number"] != a.json()["number"]
    # each device's own replay still answers its own ticket
    a2 = client.post("/v1/tickets", json=TICKET, headers=k)
    b2 = client.post("/v1/tickets", json=TICKET, headers={**k, **b_auth})
    assert a2.headers["Idempotent-Replayed"] == "true" and a2.json() == a.json()
    assert b2.headers["Idempotent-Replayed"] == "true" and b2.json() == b.json()
    # and B's different request with A's key is no mismatch against A's
    other = client.post("/v1/tickets", json={**TICKET, "priority": True},
                        headers={"Idempotency-Key": str(uuid.uuid4()), **b_auth})
    assert other.status_code == 201


def test_a_retry_that_spells_out_a_default_is_the_same_request(client, clock):
    clock.set(OPEN)
    k = {"Idempotency-Key": str(uuid.uuid4())}
    first = client.post("/v1/tickets", json=TICKET, headers=k)
    assert first.status_code == 201
    again = client.post("/v1/tickets", json={**TICKET, "priority": False}, headers=k)
    assert again.status_code == 201, again.text
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    # a different value is still a different request
    other = client.post("/v1/tickets", json={**TICKET, "priority": True}, headers=k)
    assert other.status_code == 422 and other.json()["code"] == "idempotency_key_reused"


def test_a_database_of_the_old_schema_is_migrated_and_keeps_its_keys(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    clock = FakeUtcClock(MONDAY_0800_LOCAL)
    clock.set(OPEN)
    k = str(uuid.uuid4())
    with client_for(url, clock) as c:
        first = c.post("/v1/tickets", json=TICKET, headers={"Idempotency-Key": k})
        assert first.status_code == 201
    as_previous_release(url)  # as a server before migrations made it
    # turn the table back into the old one: one row per key, whatever the device
    engine = create_engine(url)
    with engine.begin() as conn:
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
        new = "idempotency_records"
        assert new in tables
        conn.execute(text(
            "CREATE TABLE idempotency_keys (key VARCHAR(36) PRIMARY KEY, device_id VARCHAR(64) NOT NULL,"
            " fingerprint VARCHAR(64) NOT NULL, state VARCHAR(10) NOT NULL, attempt VARCHAR(32) NOT NULL,"
            " started_at DATETIME NOT NULL, finished_at DATETIME, status_code INTEGER,"
            " response_body TEXT, media_type VARCHAR(60))"))
        conn.execute(text(f"INSERT INTO idempotency_keys SELECT key, device_id, fingerprint, state,"
                          f" attempt, started_at, finished_at, status_code, response_body, media_type"
                          f" FROM {new}"))
        conn.execute(text(f"DROP TABLE {new}"))
    engine.dispose()
    with client_for(url, clock) as c:
        again = c.post("/v1/tickets", json=TICKET, headers={"Idempotency-Key": k})
        assert again.status_code == 201
        assert again.headers["Idempotent-Replayed"] == "true"
        assert again.json() == first.json()
    engine = create_engine(url)
    with engine.begin() as conn:
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    engine.dispose()
    assert "idempotency_keys" not in tables
