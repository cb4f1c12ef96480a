"""The two other roles of the kiosk application, started by ``ui.app``:

    kiosk window --hall H --window 3     the window terminal (``ui.queue.terminal``)
    kiosk display --hall H               the hall display (``ui.queue.display``)

Each connects to the central platform as the kiosk does (``ui.app.SyncHookup``: the
device's enrolment, its local store and outbox, the sync worker), so ratings made at a
window go through the outbox like every submission. Nothing here is imported by the
kiosk role.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.device.settings import Settings
from kiosk.rules.catalogue import Catalogue
from ui.i18n import LanguageSwitch
from ui.queue.announcer import CallAnnouncer
from ui.queue.display import HallDisplay
from ui.speech import ReadAloud
from ui.theme import pick_font_family
from ui.widgets.buttons import TextButton

if TYPE_CHECKING:
    from kiosk.search.deferred import DeferredIndex

log = logging.getLogger("kiosk")


def hall_name_of(catalogue: Catalogue, settings: Settings) -> Callable[[str], str]:
    def name(lang: str) -> str:
        hall = catalogue.hall(settings.hall_code)
        if hall is not None:
            return hall.name.get(lang)
        return settings.hall_name_zh if lang == "zh" else settings.hall_name_en
    return name


def make_display(catalogue: Catalogue, settings: Settings, speech: ReadAloud | None,
                 distance_m: float = 8.0, diagonal_in: float = 55.0,
                 english: bool = False,
                 wall_clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> HallDisplay:
    languages = ("zh_CN", "en") if english else ("zh_CN",)
    announcer = CallAnnouncer(speech, languages) if speech is not None else None
    return HallDisplay(settings.hall_code, hall_name_of(catalogue, settings), announcer,
                       pick_font_family(), settings.timezone, diagonal_in, distance_m,
                       wall_clock=wall_clock, language=settings.default_language)


def run_role(args: argparse.Namespace, settings: Settings, catalogue: Catalogue,
             index: DeferredIndex, languages: LanguageSwitch, app: QApplication) -> int:
    from ui.app import SyncHookup, enrolled_hall, parse_size

    if args.hall:
        settings = settings.with_values(hall_code=args.hall)
    if not args.demo:
        settings = enrolled_hall(settings, args.central or settings.central_url)
    if not (args.demo or args.central or settings.central_url):
        log.warning("no central platform (--central URL or central_url): nothing to call or show")
    widget: QWidget
    if args.command == "window":
        from ui.queue.terminal import WindowTerminal

        terminal = WindowTerminal(catalogue, index, settings, languages, args.window)
        sync = SyncHookup(args, settings, terminal, app)
        terminal.use_desk(sync.staff_desk)
        widget = terminal
    else:
        speech = ReadAloud(app)
        display = make_display(catalogue, settings, speech, args.distance, args.diagonal,
                               args.announce_english)
        sync = SyncHookup(args, settings, display, app)
        if not (args.demo or args.central or settings.central_url):
            display.show_offline(None)  # never "connecting…" to nothing: said plainly
        # the engine opened while nobody waits; then the hall is told if calls cannot be heard
        QTimer.singleShot(1000, speech.warm_up)
        QTimer.singleShot(1000, display.check_voice)
        widget = display
    QTimer.singleShot(300, sync.connect)
    # buttons keep their drawn faces from the first idle second on (as the kiosk does)
    QTimer.singleShot(1000, TextButton.keep_faces)
    if args.windowed:
        widget.resize(*parse_size(args.size))
        widget.show()
    else:
        from ui.lockdown import apply_kiosk_window_flags, hide_cursor

        # the whole screen even without a window manager (the kiosk session starts none)
        apply_kiosk_window_flags(widget)
        if args.command == "display":
            hide_cursor(app)  # nobody touches a hall display
        widget.showFullScreen()
    log.info("%s ready for hall %s", args.command, settings.hall_code)
    return app.exec()
