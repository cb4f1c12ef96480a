"""Issue 12, finding 12: what the kiosk keeps of residents on disk. The data and log
folders are the kiosk's alone (0700, files 0600), and refused and dead submissions keep
a resident's full ID and phone number only for ``FINISHED_KEPT_WHOLE`` (30 days); after
that staff still see what was refused, masked."""

from __future__ import annotations

import json
import logging
import os
import random
import stat
import sys
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.ops.logs import close_file_logging, setup_file_logging
from kiosk.sync.outbox import FINISHED_KEPT_WHOLE, Identity, Outbox
from kiosk.sync.store import LocalStore

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")

NOW = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)
ID, PHONE = "11010519491231002X", "13800138000"


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_the_data_folder_and_database_are_the_kiosks_alone(tmp_path):
    folder = tmp_path / "data"
    store = LocalStore(folder / "kiosk.db")
    Outbox(store).enqueue("booking", "POST", "/v1/bookings", {"person": {"id_number": ID}},
                          Identity(), NOW)
    assert mode(folder) == 0o700
    for name in ("kiosk.db", "kiosk.db-wal", "kiosk.db-shm"):
        assert mode(folder / name) == 0o600, name
    store.close()


def test_an_existing_database_is_made_private_too(tmp_path):
    folder = tmp_path / "given"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)  # a folder given with --data, not made by the kiosk
    path = folder / "kiosk.db"
    LocalStore(path).close()
    os.chmod(path, 0o644)  # written by an older kiosk
    LocalStore(path).close()
    assert mode(path) == 0o600
    assert mode(folder) == 0o755  # another's folder is left as it is


def test_log_files_are_private(tmp_path):
    folder = tmp_path / "logs"
    path = setup_file_logging(folder)
    try:
        logging.getLogger("kiosk.probe").warning("hello")
        assert mode(folder) == 0o700 and mode(path) == 0o600
    finally:
        close_file_logging()


def _finished(outbox: Outbox, state: str, when: datetime) -> str:
    item = outbox.enqueue("booking", "POST", "/v1/bookings",
                          {"person": {"id_number": ID, "phone": PHONE}}, Identity(), when)
    if state == "refused":
        outbox.mark_refused(item.id, 409, {"code": "slot_full"}, "slot_full", when)
    else:
        outbox.mark_dead(item.id, 422, {"code": "bad"}, "bad", when)
    return item.id


def test_refused_and_dead_items_are_masked_after_the_retention(tmp_path):
    store = LocalStore(tmp_path / "kiosk.db")
    outbox = Outbox(store)
    old_refused = _finished(outbox, "refused", NOW - FINISHED_KEPT_WHOLE - timedelta(hours=1))
    old_dead = _finished(outbox, "dead", NOW - FINISHED_KEPT_WHOLE - timedelta(hours=1))
    recent = _finished(outbox, "refused", NOW - timedelta(days=1))
    pending = outbox.enqueue("booking", "POST", "/v1/bookings",
                             {"person": {"id_number": ID, "phone": PHONE}}, Identity(),
                             NOW - timedelta(days=60)).id
    assert outbox.redact_finished(NOW) == 2
    for item_id in (old_refused, old_dead):
        body = outbox.get(item_id).body
        assert body["person"] == {"id_number": "110105********002X", "phone": "138****8000"}
    assert outbox.get(recent).body["person"]["id_number"] == ID  # My appointments needs it
    assert outbox.get(pending).body["person"]["id_number"] == ID  # still to be sent whole
    assert outbox.redact_finished(NOW) == 0  # once
    store.close()
    # nothing of the masked ones left in the file either (no free page, no old WAL frame)
    assert (tmp_path / "kiosk.db").read_bytes().count(ID.encode()) == 2  # recent, pending


def test_the_sync_engine_masks_them_as_it_goes(tmp_path):
    from kiosk.sync.api_client import CentralClient
    from kiosk.sync.engine import SyncEngine
    from kiosk.sync.pulled import PulledCache

    store = LocalStore(tmp_path / "kiosk.db")
    outbox = Outbox(store)
    item_id = _finished(outbox, "dead", NOW - FINISHED_KEPT_WHOLE - timedelta(days=1))
    engine = SyncEngine(CentralClient("http://127.0.0.1:9", "t"), outbox, PulledCache(store),
                        clock=lambda: NOW, rng=random.Random(1), pulls=())
    engine.step()
    assert json.dumps(outbox.get(item_id).body).count(ID) == 0
    store.close()
