"""Local days in the hall's zone, not UTC days: booking rules and the per-person limit.

A fixture hall config opens dongcheng from 07:00 local (= 23:00 UTC the day before)
to 17:00, so slots straddle the UTC date line.
"""

from __future__ import annotations

import pytest

from tests.helpers.central_fixtures import booking_body, client_for, key, seed_with

EARLY_HOURS = [{"weekday": d, "opens": "07:00", "closes": "17:00"} for d in range(1, 6)]


@pytest.fixture
def early_client(tmp_path, db_url, clock):
    seed = seed_with(tmp_path, opening_hours={"dongcheng": EARLY_HOURS})
    clock.set("2026-11-22T12:00:00Z")  # Sunday 20:00 local
    with client_for(db_url, clock, seed=seed) as c:
        yield c


def test_slots_of_a_local_day_span_two_utc_dates(early_client):
    r = early_client.get("/v1/halls/dongcheng/slots", params={"matter": "GA-0001", "date": "2026-11-24"})
    starts = [s["start"] for s in r.json()["slots"]]
    assert starts[0] == "2026-11-23T23:00:00Z"  # 07:00 on the 24th, local
    assert "2026-11-24T00:30:00Z" in starts  # 08:30 local
    assert starts[-1] == "2026-11-24T08:30:00Z"  # 16:30 local


def test_the_per_person_limit_counts_local_days(early_client):
    # 07:30 local on Tuesday 24th is still Monday 23rd in UTC
    morning = early_client.post("/v1/bookings", json=booking_body("2026-11-23T23:30:00Z", 1), headers=key())
    assert morning.status_code == 201
    # 16:30 local the same (local) day: the same person, the same matter → refused
    afternoon = early_client.post("/v1/bookings", json=booking_body("2026-11-24T08:30:00Z", 1), headers=key())
    assert afternoon.status_code == 409 and afternoon.json()["code"] == "per_person_limit"
    # 16:30 local on Monday 23rd: the same UTC date as the morning one, another local day
    monday = early_client.post("/v1/bookings", json=booking_body("2026-11-23T08:30:00Z", 1), headers=key())
    assert monday.status_code == 201
    # 08:30 local = 00:30 UTC on Tuesday: the Tuesday again → refused
    tuesday = early_client.post("/v1/bookings", json=booking_body("2026-11-24T00:30:00Z", 1), headers=key())
    assert tuesday.json()["code"] == "per_person_limit"


def test_the_booking_window_ends_on_a_local_day(early_client, clock):
    clock.set("2026-11-23T15:59:00Z")  # Monday 23rd 23:59 local: the window ends Monday 30th
    # Monday 30th 07:00 local is Sunday 29th 23:00 in UTC: inside
    inside = early_client.post("/v1/bookings", json=booking_body("2026-11-29T23:00:00Z", 2), headers=key())
    assert inside.status_code == 201
    clock.set("2026-11-22T16:00:00Z")  # Monday 00:00 local, still Sunday in UTC...
    outside = early_client.post("/v1/bookings", json=booking_body("2026-11-30T23:00:00Z", 3), headers=key())
    assert outside.status_code == 422 and outside.json()["code"] == "outside_booking_window"


def test_times_with_other_offsets_are_read_as_the_same_instant(early_client):
    body = booking_body("2026-11-24T07:30:00+08:00", 4)
    r = early_client.post("/v1/bookings", json=body, headers=key())
    assert r.status_code == 201 and r.json()["start"] == "2026-11-23T23:30:00Z"
