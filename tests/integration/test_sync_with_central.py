"""The kiosk's sync engine against the real reference server on loopback."""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import timedelta

import pytest

from kiosk.rules.catalogue import parse_catalogue
from kiosk.rules.signed_document import public_key_from_wire
from kiosk.rules.wire_time import utc_iso
from kiosk.sync.api_client import CentralClient
from kiosk.sync.backoff import Backoff
from kiosk.sync.engine import SyncEngine, reference_pulls
from kiosk.sync.outbox import Identity, Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import LocalStore
from tests.helpers.central_server import TEST_PLATFORM_KEY, running_central
from tests.helpers.lossy_proxy import lossy_proxy
from tests.helpers.utc_clock import FakeUtcClock

TOKEN = "test-token"


def submission(n: int, clock, staff: str | None = None) -> dict:
    return {
        "kind": "message",
        "created_at": utc_iso(clock()),
        "identity": {"resident": None, "staff": staff},
        "payload": {"n": n, "text": "请回电话"},
    }


def server_rows(db_path) -> list[dict]:
    with sqlite3.connect(db_path) as db:
        rows = db.execute("SELECT payload, staff FROM submissions ORDER BY rowid").fetchall()
    return [dict(json.loads(p), staff=s) for p, s in rows]


@pytest.fixture
def kiosk(tmp_path):
    clock = FakeUtcClock("2026-11-23T01:00:00Z")
    store = LocalStore(tmp_path / "kiosk.db")

    def engine_for(url: str, **kw) -> SyncEngine:
        return SyncEngine(
            CentralClient(url, TOKEN, timeout=(0.5, 5.0), clock=clock), Outbox(store),
            PulledCache(store), clock=clock, rng=random.Random(5), **kw,
        )

    yield clock, store, engine_for
    store.close()


def test_submissions_made_while_the_server_is_down_arrive_once_in_order(tmp_path, kiosk):
    clock, store, engine_for = kiosk
    db = tmp_path / "central.db"
    with running_central(f"sqlite:///{db}", clock=clock) as url:
        port = int(url.rsplit(":", 1)[1])
    # the server is gone now; residents keep submitting
    engine = engine_for(url, pulls=())
    for n in range(20):
        engine.outbox.enqueue("message", "POST", "/v1/submissions", submission(n, clock, "0371"),
                              Identity(staff="0371"), clock())
        engine.drain()
        clock.advance(30)
    assert engine.outbox.counts().pending == 20
    assert engine.status.online is False and engine.status.problem == "unreachable"
    with running_central(f"sqlite:///{db}", clock=clock, port=port):
        clock.advance(400)
        assert engine.drain() == 20
    assert engine.status.online is True and engine.outbox.counts().sent == 20
    rows = server_rows(db)
    assert [r["n"] for r in rows] == list(range(20))
    assert all(r["staff"] == "0371" for r in rows)


def test_a_lost_response_is_retried_and_creates_nothing_new(tmp_path, kiosk):
    clock, store, engine_for = kiosk
    db = tmp_path / "central.db"
    with running_central(f"sqlite:///{db}", clock=clock) as url:
        port = int(url.rsplit(":", 1)[1])
        with lossy_proxy(port) as (proxy, proxy_url):
            engine = engine_for(proxy_url, pulls=())
            item = engine.outbox.enqueue("message", "POST", "/v1/submissions",
                                         submission(1, clock), Identity(), clock())
            proxy.drop_responses = 1
            assert engine.drain() == 0  # the answer was lost on the way back
            assert proxy.dropped == 1 and len(server_rows(db)) == 1  # but the server has it
            assert engine.outbox.get(item.id).state == "pending"
            clock.advance(400)
            assert engine.drain() == 1
    sent = engine.outbox.get(item.id)
    assert sent.state == "sent" and sent.response_status == 201
    assert len(server_rows(db)) == 1


def test_pulls_are_conditional_and_give_a_usable_catalogue(tmp_path, kiosk):
    clock, store, engine_for = kiosk
    with running_central(f"sqlite:///{tmp_path / 'central.db'}", clock=clock) as url:
        engine = engine_for(url, pulls=reference_pulls(
            lambda _client: public_key_from_wire(TEST_PLATFORM_KEY)))
        assert sorted(engine.refresh(force=True)) == ["catalogue", "halls", "trust_list"]
        catalogue = parse_catalogue(engine.pulled.get("catalogue").body)
        assert len(catalogue.matters) >= 99
        assert engine.pulled.get("trust_list").body["issuers"]
        clock.advance(301)
        assert engine.refresh() == []  # 304s: nothing replaced
        assert engine.pulled.get("halls").checked_at == utc_iso(clock())


@pytest.mark.slow
def test_eight_days_offline_then_everything_is_delivered_and_nothing_expires_silently(tmp_path, kiosk):
    clock, store, engine_for = kiosk
    db = tmp_path / "central.db"
    with running_central(f"sqlite:///{db}", clock=clock) as url:
        port = int(url.rsplit(":", 1)[1])
        online = CentralClient(url, TOKEN)
        slots = online.get("/v1/halls/city_centre/slots",
                           {"matter": "GA-0001", "date": "2026-11-24"}).body["slots"]
    engine = engine_for(url, pulls=(), backoff=Backoff(base_s=1, cap_s=300))
    # a booking request made offline for tomorrow morning, then eight days of messages
    booking = engine.outbox.enqueue(
        "booking", "POST", "/v1/bookings",
        {"hall": "city_centre", "matter": "GA-0001", "start": slots[0]["start"], "hold_id": None,
         "person": {"id_number": "11010519491231002X", "phone": "13800138000"},
         "requested_at": utc_iso(clock())},
        Identity(resident="110105********002X"), clock(),
    )
    attempts = 0
    end = clock() + timedelta(days=8)
    n = 0
    while clock() < end:
        if n < 50:
            engine.outbox.enqueue("message", "POST", "/v1/submissions", submission(n, clock),
                                  Identity(), clock())
            n += 1
        engine.drain()
        attempts += 1
        clock.advance(max(engine.next_attempt_in() or 60, 1.0))
    head = engine.outbox.head()
    assert head.id == booking.id and head.attempts > 8 * 24 * 12 * 0.5  # kept trying, capped at 5 min
    assert engine.outbox.counts().pending == 51
    with running_central(f"sqlite:///{db}", clock=clock, port=port):
        clock.advance(301)
        engine.drain()
    counts = engine.outbox.counts()
    assert counts.pending == 0 and counts.sent == 50 and counts.refused == 1
    refused = engine.outbox.get(booking.id)
    # the slot is in the past now: refused by the server, kept with the reason (and shown
    # in My appointments)
    assert refused.state == "refused"
    assert refused.last_error in ("too_short_notice", "outside_booking_window")
    assert [r["n"] for r in server_rows(db)] == list(range(50))
