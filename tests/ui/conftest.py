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
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
    QApplication.processEvents()
    leaked = [w for w in QApplication.topLevelWidgets()
              if w not in before and w not in made and w.isVisible()]
    assert not leaked, f"top-level widgets leaked: {leaked}"
