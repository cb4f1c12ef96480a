"""The sync engine against scripted faults on a real socket, on a fake clock."""

from __future__ import annotations

import json
import random

import pytest

from kiosk.rules.catalogue import DEMO_CATALOGUE
from kiosk.rules.signed_document import public_key_bytes, sign
from kiosk.sync.api_client import CentralClient
from kiosk.sync.engine import BAD_RESPONSE_LIMIT, SyncEngine, reference_pulls
from kiosk.sync.outbox import Identity, Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import LocalStore
from tests.helpers.fault_server import Fault, fault_server
from tests.helpers.utc_clock import FakeUtcClock
from tests.unit.test_staff import PLATFORM_KEY

#: the reference pulls, checked with the tests' platform key
PULLS = reference_pulls(lambda _client: public_key_bytes(PLATFORM_KEY))


@pytest.fixture
def rig(tmp_path):
    clock = FakeUtcClock("2026-11-23T01:00:00Z")
    with fault_server() as (state, url), LocalStore(tmp_path / "k.db") as store:
        statuses = []
        engine = SyncEngine(
            CentralClient(url, "tok", timeout=(0.5, 0.5), clock=clock),
            Outbox(store),
            PulledCache(store),
            clock=clock,
            rng=random.Random(3),
            pulls=(),
            on_status=statuses.append,
        )
        yield engine, state, clock, statuses


def _queue(engine, clock, n):
    return [
        engine.outbox.enqueue("rating", "POST", "/v1/submissions", {"n": i}, Identity(), clock())
        for i in range(n)
    ]


def test_items_go_out_in_order_with_their_keys(rig):
    engine, state, clock, statuses = rig
    items = _queue(engine, clock, 3)
    state.answer(Fault.json(201, {"submission_id": "s"}))
    assert engine.drain() == 3
    assert [json.loads(r.body)["n"] for r in state.requests] == [0, 1, 2]
    assert [r.headers["Idempotency-Key"] for r in state.requests] == [i.id for i in items]
    assert engine.outbox.counts().sent == 3
    assert statuses[-1].online is True and statuses[-1].pending == 0


def test_a_server_error_keeps_the_item_and_blocks_the_line(rig):
    engine, state, clock, statuses = rig
    _queue(engine, clock, 2)
    state.answer(Fault.json(500, {"code": "boom"}))
    assert engine.drain() == 0
    head = engine.outbox.head()
    assert head.body == {"n": 0} and head.attempts == 1 and head.last_error.startswith("boom")
    assert len(state.requests) == 1  # the second item did not jump the queue
    status = engine.status
    assert status.online is False and status.offline_since == clock() and status.pending == 2
    # before the backoff has passed nothing is sent; after it, the line moves
    assert engine.drain() == 0 and len(state.requests) == 1
    state.answer(Fault.json(201, {}))
    clock.advance(301)
    assert engine.drain() == 2
    assert engine.status.online is True and engine.status.offline_since is None


def test_offline_since_is_the_first_failure_not_the_latest(rig):
    engine, state, clock, _ = rig
    _queue(engine, clock, 1)
    state.answer(Fault.json(503, {}))
    first = clock()
    engine.drain()
    for _ in range(5):
        clock.advance(400)
        engine.drain()
    assert engine.status.offline_since == first
    assert engine.outbox.head().attempts == 6


def test_retry_after_is_honoured(rig):
    engine, state, clock, _ = rig
    _queue(engine, clock, 1)
    state.answer(Fault.json(503, {"code": "maintenance"}, **{"Retry-After": "600"}))
    engine.drain()
    assert engine.next_attempt_in() >= 600
    clock.advance(599)
    state.answer(Fault.json(201, {}))
    assert engine.drain() == 0
    clock.advance(2)
    assert engine.drain() == 1


def test_a_final_refusal_goes_to_the_dead_letters_with_the_reason_and_the_line_moves(rig):
    engine, state, clock, statuses = rig
    items = _queue(engine, clock, 2)
    state.answer(
        Fault.json(422, {"code": "validation_failed", "detail": "payload: field required"}),
        Fault.json(201, {}),
    )
    assert engine.drain() == 2
    dead = engine.outbox.get(items[0].id)
    assert dead.state == "dead" and dead.last_error == "validation_failed"
    assert dead.response_body["detail"] == "payload: field required"
    assert engine.outbox.get(items[1].id).state == "sent"
    assert statuses[-1].dead == 1 and statuses[-1].online is True


def test_an_answer_for_the_resident_is_kept_as_refused_not_a_staff_matter(rig):
    engine, state, clock, statuses = rig
    items = _queue(engine, clock, 2)
    state.answer(
        Fault.json(409, {"code": "slot_full", "detail": "taken", "alternatives": [{"start": "x"}]}),
        Fault.json(201, {}),
    )
    assert engine.drain() == 2
    refused = engine.outbox.get(items[0].id)
    assert refused.state == "refused" and refused.last_error == "slot_full"
    assert refused.response_body["alternatives"] == [{"start": "x"}]
    assert engine.outbox.counts().refused == 1
    assert statuses[-1].dead == 0  # the chip does not call staff for it


@pytest.mark.parametrize(("status", "code"), [(422, "phone_mismatch"), (409, "cancel_locked")])
def test_a_refused_cancel_is_an_answer_for_the_resident(rig, status, code):
    """A wrong phone number for a cancel, or too many: the resident is told on the screen
    where they asked; the item is not a dead letter for staff, and the line moves on."""
    from kiosk.booking.appointments import cancel

    engine, state, clock, statuses = rig
    item = cancel(engine.outbox, "b-1", "13800138000", "110105********002X", clock())
    _queue(engine, clock, 1)
    state.answer(Fault.json(status, {"code": code, "detail": "no"}), Fault.json(201, {}))
    assert engine.drain() == 2
    assert json.loads(state.requests[0].body) == {"phone": "13800138000"}
    assert state.requests[0].path == "/v1/bookings/b-1/cancel"
    refused = engine.outbox.get(item.id)
    assert refused.state == "refused" and refused.last_error == code
    assert statuses[-1].dead == 0


@pytest.mark.parametrize(
    "fault",
    [
        Fault(200, b"<html>captive portal</html>", {"Content-Type": "text/html"}),
        Fault(201, b'{"submission_id": "s', declared_length=300),
        Fault(201, b"x" * (1 << 20), chunk_repeat=3),
    ],
    ids=["html", "truncated", "too-large"],
)
def test_answers_that_cannot_be_understood_are_retried_then_dead_lettered(rig, fault):
    engine, state, clock, _ = rig
    (item,) = _queue(engine, clock, 1)
    state.answer(fault)
    for attempt in range(1, BAD_RESPONSE_LIMIT):
        engine.drain()
        assert engine.outbox.get(item.id).state == "pending"
        assert engine.outbox.get(item.id).attempts == attempt
        assert engine.status.problem in ("bad_response", "truncated", "too_large")
        clock.advance(400)
    engine.drain()
    dead = engine.outbox.get(item.id)
    assert dead.state == "dead" and dead.last_error in ("bad_response", "truncated", "too_large")


def test_a_timeout_keeps_the_item(rig):
    engine, state, clock, _ = rig
    _queue(engine, clock, 1)
    state.answer(Fault.json(201, {}, ))
    state.script[0].delay_s = 1.5
    engine.drain()
    assert engine.outbox.head() is not None and engine.status.problem == "timeout"


def test_urge_sends_at_once_despite_the_backoff(rig):
    engine, state, clock, _ = rig
    _queue(engine, clock, 1)
    state.answer(Fault.json(503, {}))
    engine.drain()
    state.answer(Fault.json(201, {}))
    assert engine.drain() == 0
    engine.urge()
    assert engine.drain() == 1


def test_pulls_are_conditional_checked_and_atomic(tmp_path):
    clock = FakeUtcClock("2026-11-23T01:00:00Z")
    catalogue = sign(json.loads(DEMO_CATALOGUE.read_text(encoding="utf-8")), PLATFORM_KEY)
    with fault_server() as (state, url), LocalStore(tmp_path / "k.db") as store:
        pulled = []
        engine = SyncEngine(
            CentralClient(url, "tok", timeout=(0.5, 0.5)), Outbox(store), PulledCache(store),
            clock=clock, rng=random.Random(1), on_pulled=pulled.append,
            pulls=tuple(p for p in PULLS if p.name == "catalogue"),
        )
        state.answer(Fault.json(200, catalogue, ETag='"v1"'))
        assert engine.refresh() == ["catalogue"] and pulled == ["catalogue"]
        assert engine.pulled.get("catalogue").etag == '"v1"'
        # not due yet: no request
        n = len(state.requests)
        assert engine.refresh() == [] and len(state.requests) == n
        # unchanged: 304, the copy is kept and touched
        clock.advance(301)
        state.answer(Fault(304, b"", {"ETag": '"v1"'}))
        assert engine.refresh() == []
        assert state.requests[-1].headers["If-None-Match"] == '"v1"'
        assert engine.pulled.get("catalogue").checked_at == "2026-11-23T01:05:01Z"
        # a broken catalogue never replaces the good one
        broken = sign(dict(catalogue, matters=[{"code": "X"}]), PLATFORM_KEY)
        clock.advance(301)
        state.answer(Fault.json(200, broken, ETag='"v2"'))
        assert engine.refresh() == []
        assert engine.pulled.get("catalogue").etag == '"v1"'
        assert engine.status.problem == "bad_catalogue"


@pytest.mark.parametrize("status", [401, 403])
def test_a_revoked_token_stops_the_line_and_dead_letters_nothing(rig, status):
    """The submissions are fine; the device's credentials are not: nothing is dead-lettered,
    the line waits (with backoff, not a busy loop) and the chip says "unauthorized"."""
    engine, state, clock, _ = rig
    items = _queue(engine, clock, 3)
    state.answer(Fault.json(status, {"code": "unauthorized", "detail": "unknown device token"}))
    assert engine.drain() == 0
    assert len(state.requests) == 1
    assert [engine.outbox.get(i.id).state for i in items] == ["pending"] * 3
    assert engine.outbox.counts().dead == 0
    assert engine.status.problem == "unauthorized" and engine.status.dead == 0
    assert engine.next_attempt_in() > 0
    assert engine.drain() == 0 and len(state.requests) == 1  # not hammered before the backoff
    state.answer(Fault.json(201, {"submission_id": "s"}))  # re-enrolled / token restored
    clock.advance(400)
    assert engine.drain() == 3
    assert engine.status.problem is None and engine.outbox.counts().sent == 3


def test_an_item_this_role_may_not_send_is_dead_lettered_and_the_line_goes_on(rig):
    """A 403 ``wrong_device_role`` is about the route, not the token (a machine enrolled
    again in another role, its outbox kept): the item is dead-lettered with that reason,
    the next ones are sent, and the chip does not ask for a new enrolment."""
    engine, state, clock, _ = rig
    items = _queue(engine, clock, 3)
    state.answer(Fault.json(403, {"code": "wrong_device_role", "detail": "for a kiosk",
                                  "needed": ["kiosk"]}),
                 Fault.json(201, {"submission_id": "s2"}))
    assert engine.drain() == 3
    assert [engine.outbox.get(i.id).state for i in items] == ["dead", "sent", "sent"]
    dead = engine.outbox.get(items[0].id)
    assert dead.last_error == "wrong_device_role" and dead.response_status == 403  # for IT
    assert engine.status.problem is None and engine.status.dead == 1  # not "enrol again"


def test_a_revoked_token_on_a_pull_is_shown_as_unauthorized(tmp_path):
    clock = FakeUtcClock("2026-11-23T01:00:00Z")
    with fault_server() as (state, url), LocalStore(tmp_path / "k.db") as store:
        engine = SyncEngine(CentralClient(url, "tok", timeout=(0.5, 0.5), clock=clock),
                            Outbox(store), PulledCache(store), clock=clock, rng=random.Random(3),
                            pulls=PULLS)
        state.answer(Fault.json(401, {"code": "unauthorized", "detail": "unknown device token"}))
        engine.refresh(force=True)
        assert engine.status.problem == "unauthorized"


def test_network_failures_do_not_count_towards_the_bad_response_limit(rig):
    """An item retried through a long outage is not dead-lettered by one garbled answer
    (a captive portal's HTML page) on the way back."""
    engine, state, clock, _ = rig
    (item,) = _queue(engine, clock, 1)
    state.answer(Fault.json(503, {}))
    for _ in range(BAD_RESPONSE_LIMIT + 2):
        engine.drain()
        clock.advance(400)
    state.answer(Fault(200, b"<html>captive portal</html>", {"Content-Type": "text/html"}))
    engine.drain()
    assert engine.outbox.get(item.id).state == "pending"
    state.answer(Fault.json(201, {"submission_id": "s"}))
    clock.advance(400)
    assert engine.drain() == 1 and engine.outbox.get(item.id).state == "sent"
