"""The rules the server holds: per-person limit, window, notice, alignment, validity."""

from __future__ import annotations

import pytest

from tests.helpers.central_fixtures import booking_body, device_in, key, person_id

SLOT = "2026-11-23T01:00:00Z"  # Monday 09:00 local; now is 08:00 local


def test_one_booking_per_person_per_matter_per_local_day(client):
    assert client.post("/v1/bookings", json=booking_body(SLOT, 1), headers=key()).status_code == 201
    same_day = client.post("/v1/bookings", json=booking_body("2026-11-23T06:00:00Z", 1), headers=key())
    assert same_day.status_code == 409 and same_day.json()["code"] == "per_person_limit"
    other_matter = booking_body("2026-11-23T06:00:00Z", 1, matter="GA-0002")
    assert client.post("/v1/bookings", json=other_matter, headers=key()).status_code == 201
    next_day = client.post("/v1/bookings", json=booking_body("2026-11-24T01:00:00Z", 1), headers=key())
    assert next_day.status_code == 201
    other_hall = booking_body("2026-11-23T06:00:00Z", 1, hall="city_centre")
    city_kiosk = device_in(client, "city_centre")
    refused = client.post("/v1/bookings", json=other_hall, headers=key() | city_kiosk)
    assert refused.json()["code"] == "per_person_limit"


def test_the_limit_is_a_unique_index_not_a_python_check(client):
    """Bypass the early SELECT: the database itself refuses a second active booking."""
    from datetime import date

    from sqlalchemy.exc import IntegrityError

    from central.models import Booking

    first = client.post("/v1/bookings", json=booking_body(SLOT, 1), headers=key()).json()
    ctx = client.app.state.context
    with pytest.raises(IntegrityError), ctx.db.writing() as session:
        original = session.get(Booking, first["booking_id"])
        twin = Booking(**{c.key: getattr(original, c.key) for c in Booking.__table__.columns})
        twin.booking_id, twin.reference, twin.place_id = "twin", "TWINREFS", None
        assert twin.local_day == date(2026, 11, 23)
        session.add(twin)
        session.flush()


def test_the_id_number_is_stored_only_as_an_hmac(client, db_url):
    import sqlite3

    client.post("/v1/bookings", json=booking_body(SLOT, 1), headers=key())
    number = person_id(1)
    dump = "\n".join(sqlite3.connect(db_url.removeprefix("sqlite:///")).iterdump())
    assert number not in dump and number[6:14] not in dump


@pytest.mark.parametrize(("start", "code"), [
    ("2026-11-23T00:20:00Z", "not_a_slot"),  # 08:20: before opening
    ("2026-11-23T00:45:00Z", "not_a_slot"),  # 08:45
    ("2026-11-23T01:15:00Z", "not_a_slot"),  # 09:15: not aligned to 30 minutes
    ("2026-11-23T04:00:00Z", "not_a_slot"),  # 12:00: lunch break
    ("2026-11-28T01:00:00Z", "hall_closed"),  # Saturday: dongcheng is closed
    ("2026-12-01T01:00:00Z", "outside_booking_window"),  # 8 days ahead
    ("2026-11-20T01:00:00Z", "too_short_notice"),  # in the past
    ("2099-01-05T01:00:00Z", "outside_booking_window"),
])
def test_starts_the_calendar_refuses(client, start, code):
    r = client.post("/v1/bookings", json=booking_body(start), headers=key())
    assert r.status_code == 422, r.text
    assert r.json()["code"] == code
    hold = client.post("/v1/holds", json={"hall": "dongcheng", "matter": "GA-0001", "start": start},
                       headers=key())
    assert hold.json()["code"] == code


def test_minimum_notice_edge(client, clock):
    clock.set("2026-11-23T00:30:00Z")  # exactly 30 minutes before 09:00
    assert client.post("/v1/bookings", json=booking_body(SLOT, 1), headers=key()).status_code == 201
    clock.set("2026-11-23T01:00:01Z")
    late = client.post("/v1/bookings", json=booking_body("2026-11-23T01:30:00Z", 2), headers=key())
    assert late.json()["code"] == "too_short_notice"


@pytest.mark.parametrize(("change", "code"), [
    ({"matter": "GA-0003"}, "matter_not_bookable"),
    ({"matter": "NOPE-9999"}, "matter_not_bookable"),
    ({"hall": "atlantis"}, "unknown_hall"),
    ({"person": {"id_number": "123", "phone": "13800138000"}}, "invalid_id_number"),
    ({"person": {"id_number": "110105199013320015", "phone": "13800138000"}}, "invalid_id_number"),
    ({"person": {"id_number": person_id(1), "phone": "12345"}}, "invalid_phone"),
])
def test_invalid_requests_are_refused_with_their_code(client, change, code):
    r = client.post("/v1/bookings", json=booking_body(SLOT) | change, headers=key())
    assert r.status_code == 422 and r.json()["code"] == code


def test_capacity_comes_from_the_hall_rules(client):
    # city_centre holds GA-0001 with 4 places per slot
    city_kiosk = device_in(client, "city_centre")
    codes = [client.post("/v1/bookings", json=booking_body(SLOT, n, hall="city_centre"),
                         headers=key() | city_kiosk).status_code for n in range(5)]
    assert codes == [201, 201, 201, 201, 409]
