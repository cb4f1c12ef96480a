"""Walk-in tickets follow the hall's opening hours (issue 17): none before it opens, over
lunch, after it closes (``hall_not_open_now``, with the day's periods), none on a closed
day (``hall_closed``: a weekend, a national holiday, the hall's own closure). The demo's
dongcheng opens on weekdays 09:00-12:00 and 13:30-17:00, Shanghai time."""

from __future__ import annotations

import pytest

from central.models import Ticket
from tests.helpers.central_fixtures import client_for, key, rows

TICKET = {"hall": "dongcheng", "matter": "GA-0001"}
PERIODS = [{"opens": "09:00", "closes": "12:00"}, {"opens": "13:30", "closes": "17:00"}]


@pytest.fixture
def client(db_url, clock):
    with client_for(db_url, clock) as c:
        yield c


@pytest.mark.parametrize(("utc", "why"), [
    ("2026-11-23T00:59:59Z", "08:59:59, before it opens"),
    ("2026-11-23T04:00:00Z", "12:00, the lunch break begins"),
    ("2026-11-23T05:29:00Z", "13:29, still lunch"),
    ("2026-11-23T09:00:00Z", "17:00, closed for the day"),
    ("2026-11-23T15:30:00Z", "23:30"),
])
def test_no_ticket_outside_the_opening_hours(client, clock, db_url, utc, why):
    clock.set(utc)
    r = client.post("/v1/tickets", json=TICKET, headers=key())
    assert r.status_code == 422, why
    assert r.json()["code"] == "hall_not_open_now" and r.json()["periods"] == PERIODS, why
    assert rows(db_url, Ticket) == []


@pytest.mark.parametrize(("utc", "why"), [
    ("2026-11-23T01:00:00Z", "09:00, it opens"),
    ("2026-11-23T03:59:00Z", "11:59"),
    ("2026-11-23T05:30:00Z", "13:30, after lunch"),
    ("2026-11-23T08:59:00Z", "16:59"),
])
def test_tickets_while_the_hall_is_open(client, clock, utc, why):
    clock.set(utc)
    r = client.post("/v1/tickets", json=TICKET, headers=key())
    assert r.status_code == 201, (why, r.text)
    assert r.json()["number"] == "GA001"


@pytest.mark.parametrize(("utc", "why"), [
    ("2026-11-28T02:00:00Z", "Saturday 10:00"),
    ("2026-10-01T02:00:00Z", "National Day, a Thursday"),
])
def test_no_ticket_on_a_closed_day(client, clock, utc, why):
    clock.set(utc)
    r = client.post("/v1/tickets", json=TICKET, headers=key())
    assert r.status_code == 422 and r.json()["code"] == "hall_closed", why


def test_a_make_up_working_saturday_gives_tickets_with_mondays_hours(client, clock):
    clock.set("2026-10-10T01:30:00Z")  # Saturday 10 October 2026, 09:30: a 调休 working day
    r = client.post("/v1/tickets", json=TICKET, headers=key())
    assert r.status_code == 201, r.text


def test_a_halls_own_closure_gives_no_ticket(db_url, clock):
    clock.set("2026-12-31T02:00:00Z")  # city_centre closes on 31 December (its own closure)
    with client_for(db_url, clock, hall="city_centre") as c:
        r = c.post("/v1/tickets", json={"hall": "city_centre", "matter": "GA-0001"}, headers=key())
        assert r.status_code == 422 and r.json()["code"] == "hall_closed"


def test_a_replay_of_a_ticket_after_closing_still_answers_the_ticket(client, clock):
    """A kiosk whose answer was lost retries after the hall closed: the stored answer,
    not a refusal (the ticket exists)."""
    clock.set("2026-11-23T08:59:00Z")  # 16:59
    k = key()
    first = client.post("/v1/tickets", json=TICKET, headers=k)
    assert first.status_code == 201
    clock.set("2026-11-23T09:05:00Z")  # 17:05
    again = client.post("/v1/tickets", json=TICKET, headers=k)
    assert again.status_code == 201 and again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
