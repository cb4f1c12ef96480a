"""My appointments against the real server: lookup merged with local requests, check-in,
cancel and walk-in numbers, each through the outbox."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.booking import appointments
from kiosk.booking.draft import BookingCalls, BookingDraft, outcome, submit
from kiosk.rules import idnumber
from kiosk.sync.api_client import CentralClient
from kiosk.sync.engine import SyncEngine
from kiosk.sync.outbox import Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import LocalStore
from tests.helpers.central_server import running_central
from tests.helpers.utc_clock import FakeUtcClock

SENIOR = "11010519491231002X"  # born 1949: 76 on the day
YOUNG = idnumber.with_check_digit("11010519900101001")


@pytest.fixture
def kiosk(tmp_path):
    # Tuesday 24 Nov 2026, 08:00 in the hall (00:00 UTC)
    clock = FakeUtcClock("2026-11-24T00:00:00Z")
    with running_central(f"sqlite:///{tmp_path / 'c.db'}", clock=clock) as url, \
            LocalStore(tmp_path / "k.db") as store:
        outbox = Outbox(store)
        client = CentralClient(url, "test-token")
        engine = SyncEngine(client, outbox, PulledCache(store), clock=clock, pulls=(),
                            rng=random.Random(1))
        yield clock, outbox, engine, BookingCalls(client)


def book(outbox, engine, calls, clock, person, start) -> dict:
    draft = BookingDraft("GA-0001", hall="city_centre", id_number=person, phone="13800138000")
    draft.slot = next(s for s in calls.slots("city_centre", "GA-0001", start.date())
                      if s.start == start)
    item = submit(outbox, draft, clock())
    engine.drain()
    result = outcome(outbox, item.id)
    assert result.state == "confirmed", result
    return result.booking


def test_lookup_shows_server_bookings_and_local_requests(kiosk):
    clock, outbox, engine, calls = kiosk
    nine = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
    booked = book(outbox, engine, calls, clock, SENIOR, nine)
    # a request made while offline, not sent yet
    draft = BookingDraft("RS-0001", hall="city_centre", id_number=SENIOR,
                         phone="13800138000")
    draft.slot = calls.slots("city_centre", "RS-0001", (nine + timedelta(days=1)).date())[0]
    submit(outbox, draft, clock())
    found = appointments.merged(calls.lookup(SENIOR), appointments.local_requests(outbox, SENIOR))
    assert [(a.status, a.matter) for a in found] == [("confirmed", "GA-0001"),
                                                     ("waiting", "RS-0001")]
    assert found[0].reference == booked["reference"]
    assert appointments.local_requests(outbox, YOUNG) == []


def test_check_in_gives_a_priority_number_to_a_senior(kiosk):
    clock, outbox, engine, calls = kiosk
    booked = book(outbox, engine, calls, clock, SENIOR, datetime(2026, 11, 24, 1, 0, tzinfo=UTC))
    clock.advance(minutes=50)  # 08:50: the 09:00 appointment's check-in window is open
    item = appointments.check_in(outbox, booked["booking_id"], "110105********002X", clock())
    engine.drain()
    result = outcome(outbox, item.id)
    assert result.state == "confirmed"
    ticket = result.booking["ticket"]
    assert ticket["priority"] is True and ticket["number"].startswith("P")
    assert appointments.merged(calls.lookup(SENIOR), [])[0].status == "checked_in"


def test_check_in_outside_the_window_is_refused_with_the_window(kiosk):
    clock, outbox, engine, calls = kiosk
    booked = book(outbox, engine, calls, clock, SENIOR, datetime(2026, 11, 24, 6, 0, tzinfo=UTC))
    item = appointments.check_in(outbox, booked["booking_id"], "110105********002X", clock())
    engine.drain()
    result = outcome(outbox, item.id)
    assert result.state == "refused" and result.reason == "outside_checkin_window"


def test_cancel_frees_the_place(kiosk):
    clock, outbox, engine, calls = kiosk
    nine = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
    before = next(s for s in calls.slots("city_centre", "GA-0001", nine.date()) if s.start == nine)
    booked = book(outbox, engine, calls, clock, YOUNG, nine)
    wrong = appointments.cancel(outbox, booked["booking_id"], "13800130000", "110105********0012",
                                clock())
    engine.drain()
    assert outcome(outbox, wrong.id).reason == "phone_mismatch"  # said to the resident
    item = appointments.cancel(outbox, booked["booking_id"], "13800138000", "110105********0012",
                               clock())
    engine.drain()
    assert outcome(outbox, item.id).booking["status"] == "cancelled"
    after = next(s for s in calls.slots("city_centre", "GA-0001", nine.date()) if s.start == nine)
    assert after.remaining == before.remaining


def test_walk_in_numbers_with_and_without_priority(kiosk):
    clock, outbox, engine, _calls = kiosk
    clock.set("2026-11-24T01:00:00Z")  # 09:00: tickets only while the hall is open
    plain = appointments.walk_in(outbox, "city_centre", "GA-0001", False, clock())
    green = appointments.walk_in(outbox, "city_centre", "GA-0001", True, clock())
    engine.drain()
    a, b = outcome(outbox, plain.id).booking, outcome(outbox, green.id).booking
    assert a["priority"] is False and b["priority"] is True
    assert a["number"] != b["number"] and b["number"].startswith("P")
