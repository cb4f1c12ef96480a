"""The diagnostics bundle: what staff hand to the maintainers, with no resident's data in it."""

from __future__ import annotations

import json
import zipfile

import pytest

from kiosk.device.settings import Settings
from kiosk.ops.diagnostics import export_bundle
from kiosk.sync.outbox import Identity, Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import LocalStore
from tests.helpers.utc_clock import FakeUtcClock

FULL_ID = "11010519491231002X"
MOBILE = "13800138000"
OLD_ID = "110105491231002"
SECRETS = (FULL_ID, MOBILE, OLD_ID, "张三")


@pytest.fixture
def clock():
    return FakeUtcClock("2026-03-01T10:15:00Z")


@pytest.fixture
def log_dir(tmp_path):
    folder = tmp_path / "logs"
    folder.mkdir()
    # written by an older kiosk, or by hand: the bundle scrubs again on the way out
    (folder / "kiosk.log").write_text(
        f"2026-03-01 10:00:00 WARNING kiosk.booking.draft: booking for {FULL_ID} mobile {MOBILE}\n"
        f"2026-03-01 10:00:01 INFO kiosk: 预约已提交\n", encoding="utf-8")
    (folder / "kiosk.log.1").write_text(f"old ID {OLD_ID}\n", encoding="utf-8")
    (folder / "fatal.log").write_text("Fatal Python error: Segmentation fault\n", encoding="utf-8")
    return folder


@pytest.fixture
def store_path(tmp_path, clock):
    path = tmp_path / "data" / "kiosk.db"
    body = {"id_number": FULL_ID, "mobile": MOBILE, "name": "张三"}
    with LocalStore(path) as store:
        outbox = Outbox(store)
        for _ in range(3):
            outbox.enqueue("booking", "POST", "/v1/bookings", body, Identity(resident=FULL_ID), clock())
        sent = outbox.enqueue("rating", "POST", "/v1/submissions", {"stars": 5}, Identity(), clock())
        outbox.mark_sent(sent.id, 201, {"ok": True}, clock())
        dead = outbox.enqueue("booking", "POST", "/v1/bookings", body, Identity(resident=FULL_ID),
                              clock())
        outbox.mark_dead(dead.id, 422, {"detail": f"bad mobile {MOBILE}", "echo": body},
                         f"422 invalid_mobile for {MOBILE}", clock())
        PulledCache(store).replace("hall_calendars", '"e1"', {"holder": FULL_ID}, clock())
    return path


def read_zip(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        return {name: zf.read(name) for name in zf.namelist()}


def export(tmp_path, log_dir, store_path, clock):
    return export_bundle(tmp_path / "out", log_dir=log_dir, store_path=store_path,
                         settings=Settings.defaults(), versions={"kiosk": "0.1.0", "qt": "6.11"},
                         now=clock())


def test_the_bundle_holds_no_id_or_mobile_number_anywhere(tmp_path, log_dir, store_path, clock):
    path = export(tmp_path, log_dir, store_path, clock)
    assert path.name == "kiosk-diagnostics-20260301T101500Z.zip"
    members = read_zip(path)
    for name, data in members.items():
        for secret in SECRETS:
            assert secret.encode() not in data, f"{secret} in {name}"
            assert secret not in name
    raw = path.read_bytes()  # the deflated bytes too, and the zip's own headers
    assert not any(secret.encode() in raw for secret in SECRETS)


def test_the_bundle_holds_what_maintainers_need(tmp_path, log_dir, store_path, clock):
    members = read_zip(export(tmp_path, log_dir, store_path, clock))
    assert sorted(members) == ["about.json", "logs/fatal.log", "logs/kiosk.log",
                               "logs/kiosk.log.1", "outbox.json", "pulled.json", "settings.json"]
    log = members["logs/kiosk.log"].decode("utf-8")
    assert "booking for 110105********002X mobile 138****8000" in log and "预约已提交" in log

    outbox = json.loads(members["outbox.json"])
    assert outbox["counts"] == {"pending": 3, "sent": 1, "refused": 0, "dead": 1,
                                 "discarded": 0}
    assert outbox["oldest_pending_created_at"] == "2026-03-01T10:15:00Z"
    assert outbox["dead_letters"] == [{
        "kind": "booking", "created_at": "2026-03-01T10:15:00Z",
        "last_error": "422 invalid_mobile for 138****8000", "response_status": 422,
    }]
    assert json.loads(members["pulled.json"]) == {"copies": [{
        "name": "hall_calendars", "fetched_at": "2026-03-01T10:15:00Z",
        "checked_at": "2026-03-01T10:15:00Z"}]}

    settings = json.loads(members["settings.json"])
    assert settings["hall_code"] == "city_centre" and settings["touch_screen"] is True
    about = json.loads(members["about.json"])
    assert about["versions"] == {"kiosk": "0.1.0", "qt": "6.11"}
    assert about["created_at"] == "2026-03-01T10:15:00Z"
    assert about["platform"]["python"]


def test_a_kiosk_that_never_synced_gets_a_bundle_and_no_new_database(tmp_path, log_dir, clock):
    missing = tmp_path / "data" / "kiosk.db"
    members = read_zip(export(tmp_path, log_dir, missing, clock))
    assert not missing.exists() and not missing.parent.exists()
    assert "has not synced" in json.loads(members["outbox.json"])["database"]


def test_an_unreadable_database_is_said_in_the_bundle(tmp_path, log_dir, clock):
    broken = tmp_path / "kiosk.db"
    broken.write_bytes(b"not sqlite at all " * 200)
    members = read_zip(export(tmp_path, log_dir, broken, clock))
    assert json.loads(members["outbox.json"])["database"].startswith("unreadable:")


def test_no_logs_yet_is_fine_and_no_partial_file_is_left(tmp_path, store_path, clock):
    path = export(tmp_path, tmp_path / "no-logs", store_path, clock)
    assert "logs/kiosk.log" not in read_zip(path)
    assert [p.name for p in path.parent.iterdir()] == [path.name]
