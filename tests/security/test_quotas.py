"""Findings 1 and 9: per-device quotas, answered 429 with Retry-After.

One token booked all 158 places of a matter's week in 4.8 s; a sweep of 1,000 ID numbers
took 5.3 s. Each device now has a quota per window (shared by every server process: the
counts are in the database), and the kiosk's client waits as it is told.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import requests

from central.context import Quotas
from kiosk.sync.api_client import CentralClient, ServerBusy
from tests.helpers.central_fixtures import (
    booking_body,
    client_for,
    device_in,
    key,
    person_id,
)
from tests.helpers.central_server import running_central

SLOT_DAY = "2026-11-24"


@pytest.fixture
def tight(db_url, clock):
    """A dongcheng device under small quotas: 3 booking requests an hour, 4 look-ups a
    minute, 2 tickets an hour."""
    with client_for(db_url, clock, quotas=Quotas(3, 4, 2)) as c:
        yield c


def _slots(client) -> list[str]:
    r = client.get("/v1/halls/dongcheng/slots", params={"matter": "GA-0001", "date": SLOT_DAY})
    return [s["start"] for s in r.json()["slots"]]


def _over(response, seconds: int) -> None:
    assert response.status_code == 429, response.text
    assert response.json()["code"] == "quota_exceeded"
    assert response.headers["retry-after"] == str(seconds)
    assert response.json()["retry_after"] == seconds


def test_holds_and_bookings_share_an_hourly_quota(tight, clock):
    starts = _slots(tight)
    clock.set("2026-11-23T00:20:00Z")  # 40 minutes before the hour's window ends
    answers = [tight.post("/v1/holds", json={"hall": "dongcheng", "matter": "GA-0001", "start": s},
                          headers=key()) for s in starts[:2]]
    assert [a.status_code for a in answers] == [201, 201]
    assert tight.post("/v1/bookings", json=booking_body(starts[2], 1), headers=key()).status_code == 201
    _over(tight.post("/v1/bookings", json=booking_body(starts[3], 2), headers=key()), 40 * 60)
    _over(tight.post("/v1/holds", json={"hall": "dongcheng", "matter": "GA-0001", "start": starts[3]},
                     headers=key()), 40 * 60)
    # nothing was claimed by the refused requests: the slot is still free
    slot = {s["start"]: s for s in tight.get("/v1/halls/dongcheng/slots", params={
        "matter": "GA-0001", "date": SLOT_DAY}).json()["slots"]}[starts[3]]
    assert slot["remaining"] == 1
    # another device of the hall has its own quota
    other = device_in(tight, "dongcheng")
    assert tight.post("/v1/bookings", json=booking_body(starts[3], 2),
                      headers=key() | other).status_code == 201
    # the next window starts afresh
    clock.set("2026-11-23T01:00:00Z")
    assert tight.post("/v1/bookings", json=booking_body(starts[4], 3), headers=key()).status_code == 201


def test_a_sweep_of_id_numbers_is_slowed_to_the_lookup_quota(tight, clock):
    clock.set("2026-11-23T00:00:45Z")
    found = [tight.post("/v1/booking-lookups", json={"id_number": person_id(n)}) for n in range(10)]
    assert [r.status_code for r in found] == [200] * 4 + [429] * 6
    _over(found[4], 15)
    # reading a booking by id or reference counts as a look-up too
    _over(tight.get("/v1/bookings/00000000-0000-0000-0000-000000000000"), 15)
    clock.set("2026-11-23T00:01:00Z")
    assert tight.post("/v1/booking-lookups", json={"id_number": person_id(1)}).status_code == 200


def test_walk_in_tickets_have_a_quota_of_their_own(tight, clock):
    body = {"hall": "dongcheng", "matter": "GA-0001"}
    clock.set("2026-11-23T01:00:00Z")  # 09:00: tickets only while the hall is open
    assert [tight.post("/v1/tickets", json=body, headers=key()).status_code for _ in range(3)] == [
        201, 201, 429]
    # booking requests are counted apart
    assert tight.post("/v1/holds", json={"hall": "dongcheng", "matter": "GA-0001",
                                         "start": _slots(tight)[0]}, headers=key()).status_code == 201


def test_the_default_quotas_stop_the_158_place_grab(db_url, clock):
    """The finding's attack with the defaults: one device books as fast as it can."""
    with client_for(db_url, clock, quotas=Quotas()) as c:
        days = [d["date"] for d in c.get("/v1/halls/dongcheng/availability",
                                         params={"matter": "GA-0001"}).json()["days"]]
        starts = [x["start"] for day in days for x in c.get("/v1/halls/dongcheng/slots", params={
            "matter": "GA-0001", "date": day}).json()["slots"]]
        assert len(starts) >= 70
        codes = [c.post("/v1/bookings", json=booking_body(s, n), headers=key()).status_code
                 for n, s in enumerate(starts[:70])]
    assert codes.count(201) == Quotas().bookings_per_hour == 60
    assert set(codes[60:]) == {429}


def test_the_kiosk_client_hears_retry_after(db_url, clock):
    """The kiosk's own client turns a 429 into ServerBusy with the server's wait."""
    with running_central(db_url, clock=clock, dev_hall="dongcheng", quotas=Quotas(1, 1, 1)) as url:
        central = CentralClient(url, token="test-token",
                                clock=lambda: datetime(2026, 11, 23, 0, 0, 50, tzinfo=UTC))
        clock.set("2026-11-23T00:00:50Z")
        central.request("POST", "/v1/booking-lookups", body={"id_number": person_id(1)})
        with pytest.raises(ServerBusy) as busy:
            central.request("POST", "/v1/booking-lookups", body={"id_number": person_id(2)})
        assert busy.value.status == 429 and busy.value.retry_after == 10
        raw = requests.post(url + "/v1/booking-lookups", json={"id_number": person_id(3)},
                            headers={"Authorization": "Bearer test-token"}, timeout=10)
        assert raw.status_code == 429 and raw.headers["retry-after"] == "10"
