"""The header's status chip tells the truth, against the real server on loopback."""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.rules.wire_time import utc_iso
from kiosk.sync.backoff import Backoff
from kiosk.sync.engine import SyncStatus
from kiosk.sync.outbox import Identity, Outbox
from kiosk.sync.store import LocalStore
from tests.helpers.central_server import dev_credentials, running_central
from ui.central_link import make_worker


def test_a_resident_reads_what_works_and_staff_the_details(make_window):
    w = make_window()
    w.home()
    chip = w.header.status
    since = datetime(2026, 11, 23, 2, 42, tzinfo=UTC)
    chip.show_status(SyncStatus(online=False, offline_since=since, pending=3, dead=1))
    assert chip.text() == "○ 网络暂时中断，查询不受影响"  # no counts, no staff matters
    assert chip.property("role") == "chip-offline"
    chip.show_status(SyncStatus(online=True, pending=2, problem="unauthorized"))
    assert chip.text() == "⚠ 部分服务暂不可用，请咨询工作人员"
    chip.show_status(SyncStatus(online=True, pending=1))
    assert chip.text() == "● 已联网"
    w.set_language("en")
    chip.show_status(SyncStatus(online=False, offline_since=since, pending=3, dead=1))
    assert chip.text() == "○ Network down: looking things up still works"
    # staff signed in: the details (the shell says so as staff sign in and out)
    chip.set_staff(True)
    assert chip.text() == "○ Offline since 10:42 · 3 waiting to send · 1 needs staff"
    chip.set_staff(False)
    assert chip.text() == "○ Network down: looking things up still works"


def test_the_chip_words_in_both_languages(make_window):
    w = make_window()
    w.home()
    chip = w.header.status
    chip.set_staff(True)  # the staff's view
    assert not chip.isVisible()  # no central platform configured: nothing to say
    since = datetime(2026, 11, 23, 2, 42, tzinfo=UTC)  # 10:42 in the hall
    chip.show_status(SyncStatus(online=False, offline_since=since, pending=3, dead=1))
    assert chip.isVisible()
    assert chip.text() == "○ 自 10:42 起离线 · 3 条待发送 · 1 条需工作人员处理"
    w.set_language("en")
    assert chip.text() == "○ Offline since 10:42 · 3 waiting to send · 1 needs staff"
    chip.show_status(SyncStatus(online=True, pending=1))
    assert chip.text() == "● Online · 1 waiting to send"
    assert chip.property("role") == "chip"
    # a revoked device token: online, but nothing goes out
    chip.show_status(SyncStatus(online=True, pending=2, problem="unauthorized"))
    assert chip.text() == "⚠ Not accepted by the platform · 2 waiting to send"
    assert chip.property("role") == "chip-offline"


def test_offline_and_back_with_the_queue_draining(make_window, qtbot, tmp_path):
    w = make_window(default_language="en")
    w.home()
    db = tmp_path / "central.db"
    store_path = tmp_path / "kiosk.db"
    with running_central(f"sqlite:///{db}") as url:
        port = int(url.rsplit(":", 1)[1])
        creds = dev_credentials(url)
        worker = make_worker(creds, store_path, backoff=Backoff(base_s=0.05, cap_s=0.3),
                             pull_every_s=3600)
        w.header.status.set_staff(True)  # the staff's view: the count of items waiting
        worker.status_changed.connect(w.header.status.show_status)
        worker.start()
        try:
            qtbot.waitUntil(lambda: w.header.status.text() == "● Online", timeout=10_000)
        except BaseException:
            worker.stop()
            raise
    try:
        # the server is gone: three residents submit anyway
        with LocalStore(store_path) as store:
            for n in range(3):
                Outbox(store).enqueue(
                    "message", "POST", "/v1/submissions",
                    {"kind": "message", "created_at": utc_iso(datetime.now(UTC)),
                     "identity": {"resident": None, "staff": None}, "payload": {"stars": n + 3}},
                    Identity(), datetime.now(UTC),
                )
        worker.urge()
        qtbot.waitUntil(lambda: "Offline since" in w.header.status.text()
                        and "3 waiting to send" in w.header.status.text(), timeout=10_000)
        assert w.header.status.property("role") == "chip-offline"
        with running_central(f"sqlite:///{db}", port=port):
            qtbot.waitUntil(lambda: w.header.status.text() == "● Online", timeout=15_000)
            with LocalStore(store_path) as store:
                assert Outbox(store).counts().sent == 3
    finally:
        worker.stop()
