"""My appointments in the core: what is kept of a looked-up booking, and cancelling with
the phone number given when booking — read as typed, checked against the masked one,
carried in the outbox and masked there once nothing needs it whole."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.booking import appointments
from kiosk.rules import phone
from kiosk.sync.outbox import FINISHED_KEPT_WHOLE, Outbox
from kiosk.sync.store import LocalStore
from tests.helpers.utc_clock import FakeUtcClock

MOBILE = "13800138000"
BOOKING = {"booking_id": "b-1", "reference": "ABCD2345", "status": "confirmed",
           "hall": "city_centre", "matter": "GA-0001", "start": "2026-12-09T01:00:00Z",
           "person": {"id_masked": "110105********002X", "phone_masked": "138****8000"},
           "ticket": None}


@pytest.fixture
def outbox(tmp_path):
    with LocalStore(tmp_path / "kiosk.db") as store:
        yield Outbox(store)


@pytest.fixture
def clock():
    return FakeUtcClock("2026-12-08T01:00:00Z")


def test_a_looked_up_booking_keeps_its_masked_phone_number():
    a = appointments.from_server(BOOKING)
    assert a.phone_masked == "138****8000" and a.booking_id == "b-1"
    assert not a.cancel_locked
    # an answer without the person (an older platform): nothing to show, nothing breaks
    assert appointments.from_server({**BOOKING, "person": None}).phone_masked == ""
    assert appointments.from_server({k: v for k, v in BOOKING.items()
                                     if k != "person"}).phone_masked == ""


@pytest.mark.parametrize(("number", "masked", "fits"), [
    ("13800138000", "138****8000", True),
    ("13899998000", "138****8000", True),  # the hidden digits are the platform's to check
    ("13900138000", "138****8000", False),
    ("13800138001", "138****8000", False),
    ("1380013800", "138****8000", False),
    ("01012345678", "010****5678", True),
])
def test_a_number_fits_its_mask_where_the_mask_shows_digits(number, masked, fits):
    assert phone.fits_mask(number, masked) is fits
    if fits and number == MOBILE:
        assert phone.mask(number) == masked


def test_the_number_typed_to_cancel_is_read_and_checked_against_the_mask():
    assert appointments.cancel_phone("138 0013-8000", "138****8000") == MOBILE
    assert appointments.cancel_phone("１３８００１３８０００", "138****8000") == MOBILE  # fullwidth
    assert appointments.cancel_phone("01012345678", "010****5678") == "01012345678"  # a landline
    for typed, masked, code in (("1380013800", "138****8000", "length"),
                                ("13900138000", "138****8000", "not_this_number"),
                                ("138001380０x", "138****8000", "characters"),
                                ("1380013800", "", "length"),  # no mask: a mobile's rules
                                ("12800138000", "", "prefix"),
                                ("13800138000", "138 **** 8000", None)):  # a mask of another shape
        if code is None:
            assert appointments.cancel_phone(typed, masked) == MOBILE
            continue
        with pytest.raises(phone.PhoneError) as caught:
            appointments.cancel_phone(typed, masked)
        assert caught.value.code == code, (typed, masked)


def test_the_cancel_carries_the_phone_number_in_its_payload(outbox, clock):
    item = appointments.cancel(outbox, "b-1", MOBILE, "110105********002X", clock())
    kept = outbox.get(item.id)
    assert (kept.kind, kept.method, kept.path) == ("cancel", "POST", "/v1/bookings/b-1/cancel")
    assert kept.body == {"phone": MOBILE}  # whole until the platform has it (offline, say)
    assert kept.identity.resident == "110105********002X"


def test_a_sent_cancel_keeps_no_whole_phone_number(outbox, clock):
    item = appointments.cancel(outbox, "b-1", MOBILE, "110105********002X", clock())
    outbox.mark_sent(item.id, 200, {**BOOKING, "status": "cancelled"}, clock())
    assert outbox.get(item.id).body == {"phone": "138****8000"}


@pytest.mark.parametrize("reason", ["phone_mismatch", "cancel_locked"])
def test_a_refused_cancel_is_masked_at_once(outbox, clock, reason):
    """Nothing reads a refused cancel again (unlike a refused booking request, which My
    appointments finds by the ID number for 30 days)."""
    item = appointments.cancel(outbox, "b-1", "13800009999", "110105********002X", clock())
    outbox.mark_refused(item.id, 422, {"code": reason}, reason, clock())
    kept = outbox.get(item.id)
    assert kept.state == "refused" and kept.last_error == reason
    assert kept.body == {"phone": "138****9999"}
    booking = outbox.enqueue("booking", "POST", "/v1/bookings",
                             {"person": {"id_number": "11010519491231002X", "phone": MOBILE}},
                             kept.identity, clock())
    outbox.mark_refused(booking.id, 409, {"code": "slot_full"}, "slot_full", clock())
    assert outbox.get(booking.id).body["person"]["phone"] == MOBILE  # kept whole, for now


def test_a_dead_cancel_is_masked_after_the_retention(outbox, clock):
    """A dead letter stays whole for staff to send again, then is masked like a booking's."""
    item = appointments.cancel(outbox, "b-1", MOBILE, "110105********002X", clock())
    outbox.mark_dead(item.id, 422, {"code": "validation_failed"}, "validation_failed", clock())
    assert outbox.get(item.id).body == {"phone": MOBILE}
    assert outbox.redact_finished(clock() + timedelta(days=1)) == 0
    assert outbox.redact_finished(clock() + FINISHED_KEPT_WHOLE + timedelta(hours=1)) == 1
    assert outbox.get(item.id).body == {"phone": "138****8000"}
