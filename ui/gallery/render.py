"""``kiosk gallery DIR``: every screen × {standard, 长辈版} × {zh_CN, en} at
1080×1920 and 1920×1080, as ``SCREEN-MODE-LANG-WxH.png``.

Each state is reached the way a resident reaches it: through the navigator,
with taps on real widgets for ticked materials.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from kiosk.device.settings import Settings
from kiosk.rules.catalogue import Catalogue
from kiosk.search.deferred import DeferredIndex
from kiosk.sync.engine import SyncStatus
from ui.gallery import as_screen
from ui.i18n import LanguageSwitch
from ui.qt_app import qt_app
from ui.screens.matter import MatterScreen
from ui.shell import KioskWindow
from ui.widgets.buttons import TextButton

SIZES = ((1080, 1920), (1920, 1080))
MODES = (("standard", False), ("elderly", True))
LANGUAGES = ("zh_CN", "en")


def sample_matter(catalogue: Catalogue) -> str:
    """The matter the gallery shows: ID card renewal, or the most used one."""
    for m in catalogue.matters:
        if m.name.zh == "居民身份证换领":
            return m.code
    return catalogue.most_used(1)[0].code


class GalleryClock:
    """A monotonic clock the gallery can move on, to show the idle dialog truly."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def show_idle_dialog(w: KioskWindow) -> None:
    w.home()
    clock = w.idle_clock
    if hasattr(clock, "now"):  # the gallery's clock, or a test's fake one
        clock.now += w.idle.idle_seconds + 2
    w.check_idle()


def show_offline(w: KioskWindow) -> None:
    """The header's chip at its longest: offline since 10:42, items waiting, one for staff."""
    w.home()
    since = datetime(2026, 11, 23, 2, 42, tzinfo=UTC)
    w.header.status.show_status(SyncStatus(online=False, offline_since=since, pending=3, dead=1))


def states(catalogue: Catalogue) -> dict[str, Callable[[KioskWindow], None]]:
    from ui.gallery.booking import appointment_states, booking_states, scan_states
    from ui.gallery.handwriting import handwriting_states
    from ui.gallery.help import help_states
    from ui.gallery.idcard import idcard_states
    from ui.gallery.queue import queue_states
    from ui.gallery.speech import show_reading
    from ui.gallery.staff import staff_states

    code = sample_matter(catalogue)

    def matter_ticked(w: KioskWindow, part: str) -> None:
        w.go("matter", code=code, part="materials")
        screen = as_screen(w.screens["matter"], MatterScreen)
        rows = screen.materials_grid.items_on_page()
        if rows:
            first = rows[0]
            assert isinstance(first, TextButton)  # each material is a button to tick
            first.click()
        screen.show_part(part)

    return {
        "attract": lambda w: w.go("attract"),
        "home": lambda w: w.home(),
        "services": lambda w: w.go("services"),
        "search": lambda w: w.go("search", query="sbk"),
        "search-none": lambda w: w.go("search", query="xqzxqz"),
        **handwriting_states(),
        "departments": lambda w: w.go("departments"),
        "life_events": lambda w: w.go("life_events"),
        "matter_list": lambda w: w.go("matter_list", theme="elderly"),
        "matter": lambda w: w.go("matter", code=code),
        "matter-materials": lambda w: matter_ticked(w, "materials"),
        "matter-handoff": lambda w: matter_ticked(w, "handoff"),
        "coming_soon": lambda w: w.go("coming_soon", feature="certificate"),
        "call_staff": lambda w: w.go("call_staff"),
        "read_aloud": lambda w: show_reading(w, "matter", code=code),
        "idle": show_idle_dialog,
        **booking_states(),
        **appointment_states(),
        **scan_states(),
        **staff_states(),
        **help_states(),
        **idcard_states(),
        **queue_states(),
        # last: the chip is device state and outlives the wipe between states
        "home-offline": show_offline,
    }


def settle(app: QApplication) -> None:
    """Process pending events, and the deletions that only an event loop would run."""
    app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def visit_states(window: KioskWindow, catalogue: Catalogue,
                 size: tuple[int, int]) -> Iterator[str]:
    """Reach every state from a fresh session, one after the other, yielding its name
    once it is laid out and painted at ``size``."""
    app = qt_app()
    for name, reach in states(catalogue).items():
        window.wipe()
        reach(window)
        window.resize(*size)  # a transient layout may have grown it
        settle(app)
        yield name


def render_gallery(directory: Path, catalogue: Catalogue, index: DeferredIndex,
                   settings: Settings, languages: LanguageSwitch) -> list[Path]:
    """One window per size, mode and language (as the hall's defaults, so the wipe
    between states returns to them); every state reached from a fresh session."""
    directory.mkdir(parents=True, exist_ok=True)
    app = qt_app()
    written: list[Path] = []
    for width, height in SIZES:
        for mode, elderly in MODES:
            for language in LANGUAGES:
                defaults = settings.with_values(default_language=language, default_elderly=elderly)
                languages.set_language(language)
                window = KioskWindow(catalogue, index, defaults, languages, clock=GalleryClock())
                window.resize(width, height)
                window.show()
                for name in visit_states(window, catalogue, (width, height)):
                    path = directory / f"{name}-{mode}-{language}-{width}x{height}.png"
                    window.grab().save(str(path))
                    written.append(path)
                window.detach_central()
                window.close()
                window.deleteLater()
                app.processEvents()
    from ui.gallery.roles import render_roles  # the window terminal and the hall display

    written += render_roles(directory, catalogue, index, settings, languages, SIZES)
    return written
