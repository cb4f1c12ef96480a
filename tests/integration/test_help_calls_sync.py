"""A resident's call for staff through the kiosk's outbox and sync engine, against the real
server on loopback: sent and followed, acknowledged by staff through ``HelpCalls``, taken
back (also when its answer was lost on the way), dropped when the resident has left, and
left-behind calls dropped at start."""

from __future__ import annotations

import random
import sqlite3

import pytest

from kiosk.rules.help_id import help_id
from kiosk.staff import help_calls
from kiosk.staff.help_calls import CallState, HelpCalls
from kiosk.sync.api_client import CentralClient, Refused
from kiosk.sync.outbox import Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import LocalStore
from tests.helpers.central_server import running_central
from tests.helpers.lossy_proxy import lossy_proxy
from tests.helpers.utc_clock import FakeUtcClock

TOKEN, DEVICE = "test-token", "dev"  # the dev token's device, in the demo hall


@pytest.fixture
def kiosk(tmp_path):
    clock = FakeUtcClock("2026-11-23T01:00:00Z")
    store = LocalStore(tmp_path / "kiosk.db")

    def engine_for(url: str):
        from kiosk.sync.engine import SyncEngine

        return SyncEngine(CentralClient(url, TOKEN, timeout=(0.5, 5.0), clock=clock),
                          Outbox(store), PulledCache(store), clock=clock, rng=random.Random(3))

    yield clock, Outbox(store), engine_for
    store.close()


def server_calls(db_path) -> dict[str, str]:
    with sqlite3.connect(db_path) as db:
        return dict(db.execute("SELECT help_id, state FROM help_requests").fetchall())


def test_a_call_is_sent_followed_and_answered_by_staff(tmp_path, kiosk):
    clock, outbox, engine_for = kiosk
    db = tmp_path / "central.db"
    with running_central(f"sqlite:///{db}", clock=clock) as url:
        made = help_calls.call(outbox, DEVICE, "matter", "一楼大厅 3号机", clock())
        assert made.help_id == help_id(DEVICE, made.item_id)
        assert help_calls.status(outbox, made, 0, 5).state is CallState.SENDING
        assert engine_for(url).drain() == 1
        sent = help_calls.status(outbox, made, 1, 5)
        assert sent.state is CallState.OPEN and sent.request.help_id == made.help_id
        assert sent.request.location == "一楼大厅 3号机" and sent.request.screen == "matter"
        # another kiosk's staff panel sees it, and 王芳 answers it
        panel = HelpCalls(CentralClient(url, TOKEN, timeout=(0.5, 5.0)))
        hall = panel.open_calls(None)
        assert [r.help_id for r in hall.requests] == [made.help_id]
        assert hall.raise_after_s == 90
        assert panel.open_calls(hall.etag) is None  # unchanged: 304
        panel.acknowledge(made.help_id, "0371")
        # the resident's kiosk reads who is coming
        now = HelpCalls(CentralClient(url, TOKEN)).read(made.help_id)
        assert now.state is CallState.ACKNOWLEDGED and now.acknowledged_by.name == "王芳"
        assert panel.close(made.help_id, "0371").state is CallState.CLOSED
        with pytest.raises(Refused) as refused:
            panel.acknowledge(made.help_id, "0371")
        assert refused.value.reason == "help_request_ended"
    assert server_calls(db) == {made.help_id: "closed"}


def test_a_call_taken_back_while_its_answer_was_lost_is_cancelled(tmp_path, kiosk):
    clock, outbox, engine_for = kiosk
    db = tmp_path / "central.db"
    with running_central(f"sqlite:///{db}", clock=clock) as url:
        port = int(url.rsplit(":", 1)[1])
        with lossy_proxy(port) as (proxy, proxy_url):
            engine = engine_for(proxy_url)
            made = help_calls.call(outbox, DEVICE, "search", "", clock())
            proxy.drop_responses = 1
            assert engine.drain() == 0  # the platform has it; the kiosk never heard
            assert server_calls(db) == {made.help_id: "open"}
            assert help_calls.status(outbox, made, 1, 5).state is CallState.NOT_SENT
            # the resident cancels: nothing more of the call goes out, but the cancel does
            assert help_calls.take_back(outbox, made, clock())
            clock.advance(400)
            engine.drain()
    assert server_calls(db) == {made.help_id: "cancelled"}
    assert outbox.get(made.item_id).state == "discarded"
    assert outbox.counts().pending == 0 and outbox.counts().dead == 0


def test_a_call_the_resident_left_behind_is_never_sent(tmp_path, kiosk):
    clock, outbox, engine_for = kiosk
    db = tmp_path / "central.db"
    with running_central(f"sqlite:///{db}", clock=clock) as url:
        port = int(url.rsplit(":", 1)[1])
    engine = engine_for(url)  # the server is down
    made = help_calls.call(outbox, DEVICE, "home", "", clock())
    engine.drain()
    assert help_calls.status(outbox, made, 1, 5).state is CallState.NOT_SENT
    assert help_calls.leave(outbox, made, clock())  # the idle wipe
    with running_central(f"sqlite:///{db}", clock=clock, port=port):
        clock.advance(400)
        engine.drain()
    assert server_calls(db) == {}  # staff were never called to an empty kiosk
    item = outbox.get(made.item_id)
    assert item.state == "discarded" and item.last_error == "withdrawn: resident_left"
    # its cancel found nothing to cancel: an answer, not a dead letter for staff
    assert outbox.counts().dead == 0 and outbox.counts().refused == 1


def test_a_sent_call_stays_when_the_resident_leaves(tmp_path, kiosk):
    clock, outbox, engine_for = kiosk
    db = tmp_path / "central.db"
    with running_central(f"sqlite:///{db}", clock=clock) as url:
        made = help_calls.call(outbox, DEVICE, "home", "", clock())
        engine_for(url).drain()
        assert not help_calls.leave(outbox, made, clock())
        engine_for(url).drain()
    assert server_calls(db) == {made.help_id: "open"}  # staff still come, and close it


def test_calls_left_behind_by_a_restart_are_dropped_before_syncing(tmp_path, kiosk):
    clock, outbox, engine_for = kiosk
    db = tmp_path / "central.db"
    first = help_calls.call(outbox, DEVICE, "home", "", clock())
    second = help_calls.call(outbox, DEVICE, "matter", "", clock())
    # the kiosk restarts: nobody of that session is there any more
    assert help_calls.drop_left_behind(outbox, DEVICE, clock()) == 2
    with running_central(f"sqlite:///{db}", clock=clock) as url:
        engine_for(url).drain()
    assert server_calls(db) == {}
    assert {outbox.get(c.item_id).state for c in (first, second)} == {"discarded"}
    assert outbox.counts().pending == 0


def test_a_call_carries_a_screen_the_platform_takes(kiosk):
    _clock, outbox, _engine = kiosk
    made = help_calls.call(outbox, DEVICE, "Not-A-Screen", "x" * 300, _clock())
    body = outbox.get(made.item_id).body
    assert body["screen"] == "other" and len(body["location"]) == 100
    assert set(body) == {"screen", "location", "requested_at"}
