"""Issue 12, finding 15: a full disk says so (StoreError "disk full") instead of
"cannot rollback - no transaction is active", and nothing already saved is lost."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.sync.outbox import Identity, Outbox
from kiosk.sync.store import LocalStore, StoreError

NOW = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)


def test_a_full_disk_is_said_and_what_was_saved_stays(tmp_path):
    store = LocalStore(tmp_path / "kiosk.db")
    outbox = Outbox(store)
    # the database may not grow past its present size plus a little: a full disk to SQLite
    pages = store.read("PRAGMA page_count")[0][0]
    store.read(f"PRAGMA max_page_count = {pages + 8}")
    saved = 0
    with pytest.raises(StoreError) as failure:
        for n in range(10_000):
            outbox.enqueue("booking", "POST", "/v1/bookings", {"n": n, "pad": "x" * 2000},
                           Identity(resident="110105********002X"), NOW)
            saved += 1
    message = str(failure.value)
    assert "full" in message and "no transaction is active" not in message
    assert saved > 0
    assert outbox.counts().pending == saved  # every item written before stays
    store.close()
    reopened = LocalStore(tmp_path / "kiosk.db")
    assert Outbox(reopened).counts().pending == saved
    assert reopened.integrity_check() == "ok"
    reopened.close()


def test_a_failed_statement_in_a_write_keeps_its_own_error(tmp_path):
    store = LocalStore(tmp_path / "kiosk.db")
    with pytest.raises(StoreError, match="no such table"), store.write() as db:
        db.execute("INSERT INTO no_such_table VALUES (1)")
    with store.write() as db:  # the store is usable afterwards
        db.execute("PRAGMA user_version")
    store.close()
