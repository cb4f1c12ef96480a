"""running_central: a real uvicorn server that can be stopped and started again."""

from __future__ import annotations

import uuid

import pytest
import requests

from tests.helpers.central_fixtures import AUTH, TEST_HALL, booking_body
from tests.helpers.central_server import running_central


def test_restart_on_the_same_port_keeps_the_database(db_url, clock):
    with running_central(db_url, clock=clock, dev_hall=TEST_HALL) as url:
        port = url.rsplit(":", 1)[1]
        with requests.Session() as http:
            r = http.post(url + "/v1/bookings", json=booking_body("2026-11-23T01:00:00Z"), timeout=10,
                          headers={**AUTH, "Idempotency-Key": (k := str(uuid.uuid4()))})
            assert r.status_code == 201
    with pytest.raises(requests.ConnectionError):
        requests.get(url + "/v1/health", timeout=2)
    with running_central(db_url, clock=clock, port=int(port), dev_hall=TEST_HALL) as again:
        assert again == url
        with requests.Session() as http:
            found = http.get(f"{url}/v1/bookings/{r.json()['booking_id']}", headers=AUTH, timeout=10)
            assert found.json() == r.json()
            replay = http.post(url + "/v1/bookings", json=booking_body("2026-11-23T01:00:00Z"), timeout=10,
                               headers={**AUTH, "Idempotency-Key": k})
            assert replay.headers["Idempotent-Replayed"] == "true" and replay.json() == r.json()
