"""What the platform sends reaches the screens without a restart: a catalogue pulled by
the sync worker shows on the next screen a resident opens (ui.shell.attach_sync)."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime

from kiosk.rules.catalogue import DEMO_CATALOGUE
from kiosk.sync.engine import SyncStatus
from kiosk.sync.enrolment import DeviceCredentials
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import LocalStore
from ui.central_access import CentralAccess
from ui.workers.sync import SyncWorker

RENAMED = "Renew a resident ID card (renamed by the platform)"


class OnePull:
    """The engine's part at our boundary: when told, it stores one pulled copy on its own
    connection (in the worker's thread, as the real engine does) and reports it."""

    def __init__(self, store_path, name, body, on_pulled, go: threading.Event) -> None:
        self.status = SyncStatus(online=True)
        self._args = store_path, name, body
        self._on_pulled, self._go = on_pulled, go

    def run(self, stop: threading.Event, wake: threading.Event) -> None:
        self._go.wait(10)
        path, name, body = self._args
        store = LocalStore(path)
        PulledCache(store).replace(name, "v2", body, datetime.now(UTC))
        store.close()
        self._on_pulled(name)
        stop.wait()

    def urge(self) -> None:
        pass


def test_a_pulled_catalogue_shows_on_the_next_screen(make_window, qtbot, tmp_path):
    w = make_window(default_language="en")
    w.home()
    doc = json.loads(DEMO_CATALOGUE.read_text(encoding="utf-8"))
    code = doc["matters"][0]["code"]
    old_name = doc["matters"][0]["name"]["en"]
    doc["matters"][0]["name"]["en"] = RENAMED
    store = tmp_path / "kiosk.db"
    creds = DeviceCredentials("dev", "test-token", "city_centre", "http://127.0.0.1:9")
    go = threading.Event()
    worker = SyncWorker(lambda on_status, on_pulled: (
        OnePull(store, "catalogue", doc, on_pulled, go), creds))
    w.attach_sync(worker)
    w.attach_central(CentralAccess(creds, store, worker.urge))
    worker.start()
    try:
        w.go("matter", code=code)
        assert w.current.title.text() == old_name
        go.set()  # the platform's new catalogue arrives while the resident reads
        qtbot.waitUntil(lambda: w.reference.catalogue.find_matter(code).name.en == RENAMED,
                        timeout=10_000)
        assert w.current.title.text() == old_name  # the screen in front of them stays put
        w.home()
        w.go("matter", code=code)  # the next screen they open
        assert w.current.title.text() == RENAMED
        w.go("search")
        search = w.current
        search.field.setText("renamed by the platform")
        qtbot.waitUntil(lambda: bool(search.last_hits), timeout=5000)
        assert search.last_hits[0].matter.code == code  # the search index follows it
    finally:
        w.detach_central()
        worker.stop()
