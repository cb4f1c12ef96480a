"""Retention (central/retention.py): each kind goes when its period is over, never what a
replay or an open booking needs, and purging is safe while the server serves. On SQLite
and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from central import cli
from central.models import Booking, IdempotencyRecord, Place, Submission, Ticket, TicketCounter
from central.retention import (
    BOOKING_RETENTION,
    KEY_RETENTION,
    SUBMISSION_RETENTION,
    purge,
)
from tests.helpers.central_fixtures import (  # noqa: F401 - db_url is a fixture
    PHONE,
    booking_body,
    client_for,
    db_url_on_both_databases,
    device_in,
    key,
    operator_in,
    rows,
)

TODAY_0900 = "2026-11-23T01:00:00Z"  # Monday 09:00 in Shanghai, the clock's day
LATER = "2026-11-30T06:00:00Z"  # a week on, 14:00 in Shanghai: an open booking all along
TICKET = {"hall": "dongcheng", "matter": "GA-0001"}


@pytest.fixture
def client(db_url, clock):
    with client_for(db_url, clock) as c:
        yield c


def _day(client, clock) -> dict:
    """A day's traffic: a booking for today checked in (its ticket), an open booking a
    week on, a cancelled one, a walk-in ticket, a staff audit event."""
    made: dict = {}
    made["today_key"] = key()
    today = client.post("/v1/bookings", json=booking_body(TODAY_0900, 1), headers=made["today_key"])
    assert today.status_code == 201, today.text
    made["today"] = today.json()
    made["later_key"] = key()
    later = client.post("/v1/bookings", json=booking_body(LATER, 2), headers=made["later_key"])
    assert later.status_code == 201, later.text
    made["later"] = later.json()
    gone = client.post("/v1/bookings", json=booking_body("2026-11-23T02:00:00Z", 3), headers=key())
    assert client.post(f"/v1/bookings/{gone.json()['booking_id']}/cancel", json=PHONE,
                       headers=key()).status_code == 200
    clock.set("2026-11-23T00:40:00Z")
    checked = client.post(f"/v1/bookings/{made['today']['booking_id']}/check-in", headers=key())
    assert checked.status_code == 200, checked.text
    clock.set("2026-11-23T01:00:00Z")  # 09:00: tickets only while the hall is open
    walk_in = client.post("/v1/tickets", json=TICKET, headers=key())
    assert walk_in.status_code == 201, walk_in.text
    city = device_in(client, "city_centre")
    audit = client.post("/v1/submissions", headers=key() | city, json={
        "kind": "audit", "created_at": "2026-11-23T00:41:00Z",
        "identity": {"resident": None, "staff": "0371"},
        "payload": {"action": "assisted_mode_on", "details": {"screen": "home"}}})
    assert audit.status_code == 201, audit.text
    return made


def _purge_at(client, clock, after: timedelta):
    """Purge ``after`` the day's first requests (made at the clock's 00:00 UTC)."""
    clock.set("2026-11-23T00:00:00Z")
    clock.advance(seconds=after.total_seconds())
    ctx = client.app.state.context
    return purge(ctx.db, ctx.now())


def _ids(db_url, model, column: str) -> set[str]:
    return {getattr(r, column) for r in rows(db_url, model)}


def test_a_replay_within_the_key_retention_still_replays(client, db_url, clock):
    made = _day(client, clock)
    done = _purge_at(client, clock, KEY_RETENTION - timedelta(minutes=1))
    assert done.idempotency_records == 0 and done.bookings == 0
    again = client.post("/v1/bookings", json=booking_body(LATER, 2), headers=made["later_key"])
    assert again.headers.get("idempotent-replayed") == "true"
    assert again.json() == made["later"]


def test_after_the_key_retention_a_retry_is_new_and_still_cannot_double_book(client, db_url,
                                                                               clock):
    made = _day(client, clock)
    done = _purge_at(client, clock, KEY_RETENTION + timedelta(hours=2))  # the ticket: 01:00
    assert done.idempotency_records >= 5 and rows(db_url, IdempotencyRecord) == []
    again = client.post("/v1/bookings", json=booking_body(LATER, 2), headers=made["later_key"])
    assert again.status_code == 409 and "idempotent-replayed" not in again.headers
    assert len([b for b in rows(db_url, Booking) if b.status != "cancelled"]) == 2


def test_bookings_and_tickets_go_after_their_day_never_an_open_one(client, db_url, clock):
    made = _day(client, clock)
    ticket_of_today = made["today"]["booking_id"]
    # a day short of the retention after today: nothing of the bookings goes
    done = _purge_at(client, clock, BOOKING_RETENTION - timedelta(days=1))
    assert (done.bookings, done.tickets) == (0, 0)
    assert len(rows(db_url, Booking)) == 3 and len(rows(db_url, Ticket)) == 2
    # past it for today's bookings and tickets, not for the open booking a week on
    done = _purge_at(client, clock, BOOKING_RETENTION + timedelta(days=1))
    assert done.bookings == 2 and done.tickets == 2
    assert _ids(db_url, Booking, "booking_id") == {made["later"]["booking_id"]}
    assert ticket_of_today not in _ids(db_url, Booking, "booking_id")
    assert rows(db_url, Ticket) == []
    [place] = rows(db_url, Place)  # the open booking's place is kept with it
    assert place.kind == "booking" and place.id == rows(db_url, Booking)[0].place_id
    found = client.get(f"/v1/bookings/{made['later']['booking_id']}")
    assert found.status_code == 200 and found.json()["status"] == "confirmed"


def test_a_ticket_a_kept_booking_names_is_kept(client, db_url, clock):
    """Tickets and bookings share a period; were a booking kept longer, its ticket stays
    as long as the booking names it (the foreign key holds)."""
    _day(client, clock)
    ctx = client.app.state.context
    with ctx.db.writing() as session:  # the checked-in booking moved to a later day
        booking = session.query(Booking).filter(Booking.ticket_id.is_not(None)).one()
        booking.local_day = booking.local_day + timedelta(days=30)
    done = _purge_at(client, clock, BOOKING_RETENTION + timedelta(days=1))
    assert done.tickets == 1  # the walk-in ticket only
    assert len(rows(db_url, Ticket)) == 1


def test_ticket_counters_keep_today_and_numbering_goes_on(client, db_url, clock):
    clock.set("2026-11-23T01:00:00Z")  # 09:00: tickets only while the hall is open
    first = client.post("/v1/tickets", json=TICKET, headers=key()).json()
    ctx = client.app.state.context
    assert purge(ctx.db, ctx.now()).ticket_counters == 0
    second = client.post("/v1/tickets", json=TICKET, headers=key()).json()
    assert int(second["number"][-3:]) == int(first["number"][-3:]) + 1
    clock.advance(days=3)
    assert purge(ctx.db, ctx.now()).ticket_counters == 1
    assert rows(db_url, TicketCounter) == []


def test_submissions_and_audit_events_go_after_their_period(client, db_url, clock):
    _day(client, clock)
    operator = operator_in(client)
    assert _purge_at(client, clock, SUBMISSION_RETENTION - timedelta(days=1)).submissions == 0
    assert len(client.get("/v1/audit-events", headers=operator).json()["events"]) == 1
    assert _purge_at(client, clock, SUBMISSION_RETENTION + timedelta(days=1)).submissions == 1
    assert rows(db_url, Submission) == []


def test_the_purge_command_says_what_it_deleted(client, db_url, clock, capsys):
    _day(client, clock)
    assert cli.main(["purge", "--db", db_url, "--now", "2027-06-01T00:00:00+00:00"]) == 0
    out = capsys.readouterr().out
    for kind in ("idempotency records", "bookings", "tickets", "ticket counters", "submissions"):
        assert kind in out


def test_purging_while_serving_loses_no_answer(client, db_url, clock):
    """Purges running over and over beside bookings, tickets and their replays: no error,
    every replay the stored answer."""
    stop = threading.Event()
    failures: list[BaseException] = []
    ctx = client.app.state.context

    def purge_again_and_again() -> None:
        while not stop.is_set():
            try:
                purge(ctx.db, ctx.now())
            except BaseException as exc:  # noqa: BLE001 - reported below
                failures.append(exc)
                return

    clock.set("2026-11-23T01:00:00Z")  # 09:00: tickets only while the hall is open
    purger = threading.Thread(target=purge_again_and_again)
    purger.start()
    try:
        for serial in range(12):
            k = key()
            first = client.post("/v1/tickets", json=TICKET, headers=k)
            again = client.post("/v1/tickets", json=TICKET, headers=k)
            assert first.status_code == 201 and again.json() == first.json()
            start = f"2026-11-24T0{(1, 2, 3, 6, 7)[serial % 5]}:00:00Z"
            booking_key = key()
            booked = client.post("/v1/bookings", json=booking_body(start, 100 + serial),
                                 headers=booking_key)
            assert booked.status_code in (201, 409), booked.text
            replayed = client.post("/v1/bookings", json=booking_body(start, 100 + serial),
                                   headers=booking_key)
            assert replayed.content == booked.content
    finally:
        stop.set()
        purger.join(30)
    assert failures == []
