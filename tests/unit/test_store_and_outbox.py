"""The local database and the outbox: durable, ordered, nothing dropped."""

from __future__ import annotations

import sqlite3

import pytest

from kiosk.sync.outbox import Identity, Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import SCHEMA_VERSION, LocalStore, StoreError
from tests.helpers.utc_clock import FakeUtcClock


@pytest.fixture
def store(tmp_path):
    with LocalStore(tmp_path / "kiosk.db") as s:
        yield s


def test_the_database_is_durable_and_versioned(store):
    assert store.read("PRAGMA journal_mode")[0][0] == "wal"
    assert store.read("PRAGMA synchronous")[0][0] == 2  # FULL
    assert store.read("PRAGMA user_version")[0][0] == SCHEMA_VERSION
    assert store.integrity_check() == "ok"


def test_reopening_keeps_data_and_does_not_migrate_twice(tmp_path):
    clock = FakeUtcClock("2026-11-23T01:00:00Z")
    with LocalStore(tmp_path / "k.db") as s:
        Outbox(s).enqueue("rating", "POST", "/v1/submissions", {"stars": 5}, Identity(), clock())
    with LocalStore(tmp_path / "k.db") as s:
        assert Outbox(s).counts().pending == 1


def test_a_newer_schema_is_refused_with_a_plain_reason(tmp_path):
    path = tmp_path / "k.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer kiosk"):
        LocalStore(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "k.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot be opened"):
        LocalStore(path)


def test_a_failed_write_leaves_nothing_behind(store):
    outbox = Outbox(store)
    with pytest.raises(RuntimeError), store.write() as db:
        db.execute(
            "INSERT INTO outbox (id, kind, method, path, body, identity, created_at, state)"
            " VALUES ('x', 'rating', 'POST', '/', '{}', '{}', 'now', 'pending')"
        )
        raise RuntimeError("power cut in the middle")
    assert outbox.counts().pending == 0


def test_items_keep_their_order_identity_and_key(store):
    clock = FakeUtcClock("2026-11-23T01:00:00Z")
    outbox = Outbox(store)
    made = []
    for i in range(5):
        made.append(outbox.enqueue(
            "message", "POST", "/v1/submissions", {"n": i, "text": "您好"},
            Identity(resident=f"resident-{i}", staff="0371"), clock(),
        ))
        clock.advance(1)
    assert len({m.id for m in made}) == 5
    head = outbox.head()
    assert head.id == made[0].id and head.body == {"n": 0, "text": "您好"}
    assert head.identity == Identity("resident-0", "0371")
    assert head.created_at == "2026-11-23T01:00:00Z"
    outbox.mark_sent(made[0].id, 201, {"ok": True}, clock())
    assert outbox.head().id == made[1].id
    outbox.mark_dead(made[1].id, 422, {"code": "x"}, "x", clock())
    assert outbox.head().id == made[2].id
    assert outbox.counts().pending == 3 and outbox.counts().sent == 1 and outbox.counts().dead == 1
    assert outbox.get(made[0].id).response_body == {"ok": True}


def test_a_dead_letter_keeps_the_reason_and_can_be_retried_in_its_old_place(store):
    clock = FakeUtcClock("2026-11-23T01:00:00Z")
    outbox = Outbox(store)
    first = outbox.enqueue("booking", "POST", "/v1/bookings", {"a": 1}, Identity(), clock())
    second = outbox.enqueue("booking", "POST", "/v1/bookings", {"a": 2}, Identity(), clock())
    outbox.mark_dead(first.id, 409, {"code": "slot_full"}, "slot_full", clock())
    dead = outbox.items("dead")
    assert [d.id for d in dead] == [first.id]
    assert dead[0].last_error == "slot_full" and dead[0].response_status == 409
    assert outbox.requeue(first.id)
    assert outbox.head().id == first.id
    assert not outbox.requeue(second.id)  # only dead letters are requeued


def test_marking_twice_does_not_resurrect_or_double_count(store):
    clock = FakeUtcClock("2026-11-23T01:00:00Z")
    outbox = Outbox(store)
    item = outbox.enqueue("rating", "POST", "/v1/submissions", {}, Identity(), clock())
    outbox.mark_sent(item.id, 201, {}, clock())
    outbox.mark_retry(item.id, "late", 99.0)
    outbox.mark_dead(item.id, 500, None, "late", clock())
    again = outbox.get(item.id)
    assert again.state == "sent" and again.attempts == 1


def test_bad_submissions_are_refused_before_they_are_written(store):
    outbox = Outbox(store)
    with pytest.raises(ValueError, match="kind"):
        outbox.enqueue("party", "POST", "/", {}, Identity(), FakeUtcClock("2026-11-23T01:00:00Z")())
    with pytest.raises(ValueError, match="POST or DELETE"):
        outbox.enqueue("rating", "GET", "/", {}, Identity(), FakeUtcClock("2026-11-23T01:00:00Z")())
    assert outbox.counts().pending == 0


def test_pulled_copies_are_replaced_whole_and_touched(store):
    clock = FakeUtcClock("2026-11-23T01:00:00Z")
    cache = PulledCache(store)
    assert cache.get("catalogue") is None
    cache.replace("catalogue", '"v1"', {"matters": [1]}, clock())
    clock.advance(60)
    cache.touch("catalogue", clock())
    got = cache.get("catalogue")
    assert got.etag == '"v1"' and got.body == {"matters": [1]}
    assert got.fetched_at == "2026-11-23T01:00:00Z" and got.checked_at == "2026-11-23T01:01:00Z"


def test_two_connections_opening_a_new_file_at_once_both_work(tmp_path):
    import threading

    for attempt in range(20):
        path = tmp_path / f"race{attempt}.db"
        errors, stores = [], []
        barrier = threading.Barrier(2)

        def open_it(path=path, errors=errors, stores=stores, barrier=barrier):
            barrier.wait()
            try:
                with LocalStore(path) as store:
                    stores.append(store.read("PRAGMA user_version")[0][0])
            except StoreError as exc:
                errors.append(exc)

        threads = [threading.Thread(target=open_it) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert stores == [SCHEMA_VERSION, SCHEMA_VERSION]


def test_a_version_1_database_is_migrated_with_its_items(tmp_path):
    from kiosk.sync.store import MIGRATIONS

    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute(
        "INSERT INTO outbox (id, kind, method, path, body, identity, created_at, state)"
        " VALUES ('k1', 'booking', 'POST', '/v1/bookings', '{}', '{}', '2026-11-23T01:00:00Z',"
        " 'pending')"
    )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with LocalStore(path) as store:
        outbox = Outbox(store)
        assert outbox.head().id == "k1"
        outbox.mark_refused("k1", 409, {"code": "slot_full"}, "slot_full",
                            FakeUtcClock("2026-11-23T01:00:00Z")())
        assert outbox.counts().refused == 1
        assert store.integrity_check() == "ok"
