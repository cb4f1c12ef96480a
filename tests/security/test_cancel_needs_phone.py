"""Finding 9: a booking id found by sweeping ID numbers allowed cancelling.

A cancellation now needs the phone number given at booking (kept only as a keyed HMAC
and a mask). A wrong one is counted; after five, the kiosk may not cancel that booking
any more (the window can). The sweep itself is slowed by the look-up quota
(test_quotas.py) and finds only the device's own hall (test_hall_scoping.py).
"""

from __future__ import annotations

import hashlib

from sqlalchemy import create_engine, update

from central.bookings import CANCEL_ATTEMPTS
from central.models import Booking
from tests.helpers.central_fixtures import booking_body, key, person_id, rows

SLOT = "2026-11-23T02:00:00Z"


def _book(client, serial: int = 3) -> dict:
    r = client.post("/v1/bookings", json=booking_body(SLOT, serial), headers=key())
    assert r.status_code == 201, r.text
    return r.json()


def _cancel(client, booking_id: str, phone: str | None):
    body = None if phone is None else {"phone": phone}
    return client.post(f"/v1/bookings/{booking_id}/cancel", json=body, headers=key())


def test_the_sweepers_booking_id_alone_cancels_nothing(client):
    booked = _book(client)
    # what the sweep learns: the booking, its masked phone
    [found] = client.post("/v1/booking-lookups", json={"id_number": person_id(3)}).json()["bookings"]
    assert found["booking_id"] == booked["booking_id"]
    assert found["person"]["phone_masked"] == "138****8000"
    no_phone = _cancel(client, booked["booking_id"], None)
    assert no_phone.status_code == 422 and no_phone.json()["code"] == "validation_failed"
    guess = _cancel(client, booked["booking_id"], "13811118000")  # the mask filled in wrongly
    assert guess.status_code == 422 and guess.json()["code"] == "phone_mismatch"
    assert guess.json()["attempts_left"] == CANCEL_ATTEMPTS - 1
    assert client.get(f"/v1/bookings/{booked['booking_id']}").json()["status"] == "confirmed"


def test_the_residents_phone_cancels_however_it_is_written(client):
    booked = _book(client)
    done = _cancel(client, booked["booking_id"], "+86 138-0013-8000")
    assert done.status_code == 200 and done.json()["status"] == "cancelled"


def test_five_wrong_phones_lock_the_booking_for_kiosks(client, db_url):
    booked = _book(client)
    answers = [_cancel(client, booked["booking_id"], f"1390000000{n}") for n in range(CANCEL_ATTEMPTS)]
    assert [a.json()["code"] for a in answers] == ["phone_mismatch"] * CANCEL_ATTEMPTS
    assert [a.json()["attempts_left"] for a in answers] == list(range(CANCEL_ATTEMPTS - 1, -1, -1))
    locked = _cancel(client, booked["booking_id"], "13800138000")  # even the right one now
    assert locked.status_code == 409 and locked.json()["code"] == "cancel_locked"
    assert client.get(f"/v1/bookings/{booked['booking_id']}").json()["status"] == "confirmed"
    [row] = rows(db_url, Booking)
    assert row.cancel_failures == CANCEL_ATTEMPTS


def test_the_phone_is_kept_only_as_a_keyed_hmac_and_a_mask(client, db_url):
    _book(client)
    [row] = rows(db_url, Booking)
    assert row.phone_masked == "138****8000"
    assert row.phone_hmac and "13800138000" not in row.phone_hmac
    assert row.phone_hmac != hashlib.sha256(b"13800138000").hexdigest()


def test_a_booking_made_before_the_change_is_checked_against_its_mask(client, db_url):
    booked = _book(client)
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:  # as an older server stored it: no HMAC, no count
            conn.execute(update(Booking).values(phone_hmac=None, cancel_failures=None))
    finally:
        engine.dispose()
    wrong = _cancel(client, booked["booking_id"], "13911118000")
    assert wrong.status_code == 422 and wrong.json()["code"] == "phone_mismatch"
    assert _cancel(client, booked["booking_id"], "13800138000").json()["status"] == "cancelled"


def test_a_replayed_cancellation_still_needs_the_phone(client):
    booked = _book(client)
    headers = key()
    first = client.post(f"/v1/bookings/{booked['booking_id']}/cancel", json={"phone": "13800138000"},
                        headers=headers)
    assert first.status_code == 200
    again = client.post(f"/v1/bookings/{booked['booking_id']}/cancel", json={"phone": "13800138000"},
                        headers=headers)
    assert again.headers["idempotent-replayed"] == "true" and again.json() == first.json()
    other = client.post(f"/v1/bookings/{booked['booking_id']}/cancel", json={"phone": "13900000000"},
                        headers=headers)
    assert other.status_code == 422 and other.json()["code"] == "phone_mismatch"


def test_a_booking_without_a_phone_is_made_but_no_kiosk_can_cancel_it(client, db_url):
    """The phone is optional (an older resident may not know theirs). Then nothing proves
    who asks to cancel: every phone, even its mask, is refused, and nothing is
    counted; the booking stays and lapses if nobody comes."""
    body = booking_body(SLOT, 4)
    del body["person"]["phone"]
    made = client.post("/v1/bookings", json=body, headers=key())
    assert made.status_code == 201, made.text
    booked = made.json()
    assert booked["person"]["phone_masked"] is None
    [found] = client.post("/v1/booking-lookups", json={"id_number": person_id(4)}).json()["bookings"]
    assert found["person"]["phone_masked"] is None
    for phone in ("13800138000", "138****8000"):
        refused = _cancel(client, booked["booking_id"], phone)
        assert refused.status_code == 409 and refused.json()["code"] == "no_phone_given", phone
    assert client.get(f"/v1/bookings/{booked['booking_id']}").json()["status"] == "confirmed"
    [row] = rows(db_url, Booking)
    assert row.phone_masked == "" and row.phone_hmac is None and row.cancel_failures == 0


def test_an_empty_phone_is_not_taken_for_none(client):
    body = booking_body(SLOT, 5)
    body["person"]["phone"] = ""
    refused = client.post("/v1/bookings", json=body, headers=key())
    assert refused.status_code == 422 and refused.json()["code"] == "validation_failed"
