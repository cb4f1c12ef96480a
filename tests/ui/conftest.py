"""The window factory (after napari's make_napari_viewer): fresh settings, a fake
clock, cleaned up after the test, and a failure if a top-level widget leaks."""

from __future__ import annotations

import pytest

from tests.helpers.clock import FakeClock


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def make_window(qtbot, qapp, demo_catalogue, demo_index, built_translations, clock):
    from PySide6.QtWidgets import QApplication

    from kiosk.device.settings import Settings
    from ui.i18n import LanguageSwitch
    from ui.shell import KioskWindow

    before = set(QApplication.topLevelWidgets())
    made: list[KioskWindow] = []
    switch = LanguageSwitch(qapp)

    def make(width: int = 1920, height: int = 1080, window_options: dict | None = None,
             **settings_values) -> KioskWindow:
        """``window_options``: more arguments for KioskWindow (``staff_desk``, ``speech``)."""
        settings = Settings.defaults().with_values(**settings_values)
        switch.set_language(settings.default_language)
        window = KioskWindow(demo_catalogue, demo_index, settings, switch, clock=clock,
                             **(window_options or {}))
        window.resize(width, height)
        qtbot.addWidget(window)
        # up as a resident finds it: painted (touches count from the first paint on)
        with qtbot.waitSignal(window.first_painted, timeout=5000):
            window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
    QApplication.processEvents()
    leaked = [w for w in QApplication.topLevelWidgets()
              if w not in before and w not in made and w.isVisible()]
    assert not leaked, f"top-level widgets leaked: {leaked}"


@pytest.fixture
def connect(tmp_path):
    """Connect a window to a server at ``url`` as ``ui.app`` does: the sync worker (the
    status chip and pulled copies follow it) and the screens' access to the platform."""
    from kiosk.sync.backoff import Backoff
    from tests.helpers.central_server import dev_credentials
    from ui.central_access import CentralAccess
    from ui.central_link import make_worker

    made = []

    def attach(window, url: str) -> CentralAccess:
        # enrolled for the hall its settings name, as a real kiosk is
        creds = dev_credentials(url, window.settings.hall_code)
        store = tmp_path / "kiosk.db"
        worker = make_worker(creds, store, backoff=Backoff(base_s=0.05, cap_s=0.3),
                             pull_every_s=3600)
        window.attach_sync(worker)
        worker.start()
        access = CentralAccess(creds, store, worker.urge, timeout=(0.5, 5.0))
        window.attach_central(access)
        made.append((window, worker))
        return access

    yield attach
    for window, worker in made:
        window.detach_central()  # as the app does when it quits
        worker.stop()
