"""The kiosk's side of the queue loop against the real server on loopback: a walk-in ticket,
"前面还有 N 人", a window terminal calling it (``QueueClient``), the hall display's long
poll seeing the call, served, and a 不满意 rating sent through the outbox — also with the
kiosk offline when it is made, delivered later exactly once — opening a follow-up case."""

from __future__ import annotations

import random
import sqlite3
import threading
import uuid

import pytest

from central.context import Quotas
from central.seed import DEMO_HALL
from kiosk.queue.client import QueueClient
from kiosk.queue.model import CallEvent, TicketState
from kiosk.queue.rating import Rating, submit
from kiosk.rules.ratings import Level
from kiosk.sync.api_client import CentralClient, Refused, Unreachable
from kiosk.sync.engine import SyncEngine
from kiosk.sync.outbox import Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import LocalStore
from tests.helpers.central_server import running_central
from tests.helpers.utc_clock import FakeUtcClock

TOKEN = "test-token"
STAFF = "0371"


@pytest.fixture
def clock():
    return FakeUtcClock("2026-11-23T01:00:00Z")  # Monday 09:00 in Shanghai


@pytest.fixture
def store(tmp_path):
    with LocalStore(tmp_path / "kiosk.db") as s:
        yield s


def engine_for(url: str, store: LocalStore, clock) -> SyncEngine:
    return SyncEngine(CentralClient(url, TOKEN, timeout=(0.5, 5.0), clock=clock), Outbox(store),
                      PulledCache(store), clock=clock, rng=random.Random(3), pulls=())


def walk_in(central: CentralClient, matter: str = "GA-0002") -> dict:
    return central.post("/v1/tickets", {"hall": DEMO_HALL, "matter": matter, "priority": False},
                        idempotency_key=str(uuid.uuid4())).body


def test_the_whole_loop_from_ticket_to_a_followed_up_bad_rating(tmp_path, clock, store):
    db = tmp_path / "central.db"
    with running_central(f"sqlite:///{db}", clock=clock, dev_hall=DEMO_HALL,
                         quotas=Quotas.unlimited()) as url:
        kiosk = CentralClient(url, TOKEN)
        queue = QueueClient(CentralClient(url, TOKEN), DEMO_HALL)
        display = QueueClient(CentralClient(url, TOKEN), DEMO_HALL)
        first, second = walk_in(kiosk), walk_in(kiosk)
        mine = walk_in(kiosk)
        ahead = queue.ahead(mine["ticket_id"])
        assert (ahead.ahead, ahead.state, ahead.number) == (2, TicketState.WAITING, mine["number"])
        board = display.hall_board()
        assert {w.area: w.waiting for w in board.waiting} == {"GA": 3}
        assert board.waiting[0].name is not None and board.waiting[0].name.zh

        for earlier in (first, second):
            called = queue.call_next(STAFF, "3")
            assert called is not None and called.ticket.ticket_id == earlier["ticket_id"]
            queue.served(STAFF, "3", earlier["ticket_id"])
        seen: list = []
        poll = threading.Thread(target=lambda: seen.append(
            display.hall_board(since=board.cursor + 4, wait=10)))
        poll.start()
        called = queue.call_next(STAFF, "3")
        poll.join(timeout=15)
        assert called is not None and called.ticket.ticket_id == mine["ticket_id"]
        assert called.checklist and called.matter_name is not None
        assert queue.current(STAFF, "3") == called
        (shown,) = seen
        assert [(c.number, c.window, c.event) for c in shown.calls] == [
            (mine["number"], "3", CallEvent.CALLED)]
        assert queue.ahead(mine["ticket_id"]).window == "3"
        with pytest.raises(Refused) as early:
            queue.no_show(STAFF, "3", mine["ticket_id"])
        assert early.value.reason == "too_few_recalls"
        recalled = queue.recall(STAFF, "3", mine["ticket_id"])
        assert recalled.ticket.recalls == 1 and not recalled.may_mark_no_show
        done = queue.served(STAFF, "3", mine["ticket_id"])
        assert done.state is TicketState.SERVED and queue.current(STAFF, "3") is None

        engine = engine_for(url, store, clock)
        rating = Rating(matter="GA-0002", level=Level.DISSATISFIED, ticket_id=mine["ticket_id"],
                        reasons=("long_wait",), comment="等太久了")
        item = submit(engine.outbox, rating, clock())
        assert engine.drain() == 1
        sent = engine.outbox.get(item.id)
        assert sent is not None and sent.state == "sent"
        assert sent.response_body["rating"]["case_id"] is not None
    with sqlite3.connect(db) as conn:
        cases = conn.execute("SELECT state, phone FROM rating_cases").fetchall()
        kept = conn.execute("SELECT window, staff, level FROM ratings").fetchall()
    assert cases == [("open", None)]
    assert kept == [("3", STAFF, "dissatisfied")]


def test_a_rating_made_offline_is_delivered_later_exactly_once(tmp_path, clock, store):
    db = tmp_path / "central.db"
    with running_central(f"sqlite:///{db}", clock=clock, dev_hall=DEMO_HALL,
                         quotas=Quotas.unlimited()) as url:
        port = int(url.rsplit(":", 1)[1])
        queue = QueueClient(CentralClient(url, TOKEN), DEMO_HALL)
        ticket = walk_in(CentralClient(url, TOKEN))
        queue.call_next(STAFF, "1")
        queue.served(STAFF, "1", ticket["ticket_id"])
    # the network is down: the resident rates anyway
    engine = engine_for(url, store, clock)
    item = submit(engine.outbox, Rating(
        matter="GA-0002", level=Level.VERY_DISSATISFIED, ticket_id=ticket["ticket_id"],
        reasons=("not_done",), phone="13800138000", follow_up_consent=True), clock())
    assert engine.drain() == 0 and engine.outbox.counts().pending == 1
    with pytest.raises(Unreachable):
        QueueClient(CentralClient(url, TOKEN), DEMO_HALL).hall_board()
    with running_central(f"sqlite:///{db}", clock=clock, dev_hall=DEMO_HALL, port=port,
                         quotas=Quotas.unlimited()):
        clock.advance(600)
        assert engine.drain() == 1
        assert engine.drain() == 0
    assert engine.outbox.get(item.id).state == "sent"  # type: ignore[union-attr]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM ratings").fetchone() == (1,)
        assert conn.execute("SELECT phone FROM rating_cases").fetchall() == [("13800138000",)]


def test_a_window_of_a_device_in_another_hall_is_refused(tmp_path, clock):
    with running_central(f"sqlite:///{tmp_path / 'c.db'}", clock=clock, dev_hall="dongcheng",
                         quotas=Quotas.unlimited()) as url:
        queue = QueueClient(CentralClient(url, TOKEN), DEMO_HALL)
        with pytest.raises(Refused) as refused:
            queue.call_next(STAFF, "1")
        assert (refused.value.status, refused.value.reason) == (404, "unknown_hall")
        with pytest.raises(Refused):
            queue.hall_board()
