"""The kiosk window: header, a stack of screens, footer; navigation, the idle
policy and the session wipe.

The shell owns the presentation (language, 长辈版, theme) and the resident's
session; screens receive ``ScreenDeps`` and never reach back into the shell
except through the navigator.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.device.idle import IdlePolicy, IdleState
from kiosk.device.session import ResidentSession
from kiosk.device.settings import Settings
from kiosk.rules.catalogue import Catalogue
from kiosk.search.deferred import DeferredIndex
from kiosk.sync.reference import ReferenceData
from ui.context import Presentation, ScreenDeps
from ui.i18n import LanguageSwitch, translate
from ui.input_events import is_use
from ui.qt_app import qt_app
from ui.read_aloud import ScreenReader
from ui.screen_stack import FIRST_REACHED, ScreenStack
from ui.screens.base import Screen
from ui.speech import ReadAloud
from ui.staff_mode import SUSPEND_REASON, StaffMode
from ui.theme import Theme, pick_font_family, set_role
from ui.widgets.assist_banner import AssistBanner
from ui.widgets.bars import Footer, Header
from ui.widgets.buttons import TextButton
from ui.widgets.idle_overlay import IdleOverlay
from ui.widgets.long_press import LongPress
from ui.widgets.queue_ticket import QueueTicket
from ui.widgets.screen_pages import ScreenPages
from ui.widgets.speech_bar import SpeechBar

if TYPE_CHECKING:
    from pathlib import Path

    from kiosk.staff.desk import StaffDesk
    from kiosk.sync.engine import SyncStatus
    from ui.central_access import CentralAccess
    from ui.workers.sync import SyncWorker

log = logging.getLogger(__name__)

#: screens where the resident types or confirms for themselves, even when assisted
RESIDENT_OWN_STEPS = frozenset({"book_who", "book_review", "appointments"})

def card_reader_for(settings: Settings, parent: QObject):
    """The ID-card reader's worker for ``idcard_port`` (None when it is empty)."""
    if not settings.idcard_port:
        return None  # and the serial modules are not loaded at start-up
    from kiosk.idcard.reader import open_reader
    from ui.workers.idcard import IdCardWorker

    reader = open_reader(settings.idcard_port, settings.idcard_baud)
    return IdCardWorker(reader, parent) if reader is not None else None


class KioskWindow(QWidget):
    #: the first screen is on the display (once): what can wait starts then
    first_painted = Signal()

    def __init__(
        self,
        catalogue: Catalogue,
        index: DeferredIndex,
        settings: Settings,
        languages: LanguageSwitch,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        speech: ReadAloud | None = None,
        staff_desk: Callable[[], StaffDesk] | None = None,
        first_screen: str = "attract",
    ) -> None:
        super().__init__()
        self.setObjectName("KioskWindow")
        # the background is filled once, by paintEvent: Qt's own painting of a styled
        # window fills it twice (the palette, then the stylesheet), and every fill of
        # a 1920 × 1080 window is a millisecond of each tap (screens are transparent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setWindowTitle("Service Hall Kiosk")
        self.settings = settings
        self.languages = languages
        self._wall_clock = wall_clock
        self._family = pick_font_family()
        self.presentation = Presentation(
            language=settings.default_language,
            elderly=settings.default_elderly,
            theme=self._make_theme(settings.default_elderly, 1920, 1080),
        )
        self.session = ResidentSession(settings.default_language, settings.default_elderly)
        self.idle_clock = clock
        self.idle = IdlePolicy(clock, self._usual_idle_seconds(), settings.idle_countdown_seconds)
        self._history: list[tuple[str, dict[str, Any]]] = []
        self._current_args: dict[str, Any] = {}
        self._applied_qss = ""
        #: the sync worker and the screens' access to the central platform, while attached
        #: (``attach_sync``, ``attach_central``, ``detach_central``)
        self.sync: SyncWorker | None = None
        self.central: CentralAccess | None = None
        self._outage_switch: Callable[[], None] | None = None
        self._diagnostics: Callable[[], Path] | None = None
        #: lock-down lets the window close only when this is True (an administrator's Exit)
        self.exit_allowed = False
        self._painted = False

        self.staff = StaffMode(staff_desk, clock, settings, self.urge_sync, self)
        self.staff.changed.connect(self._show_staff_state)
        self.reference = ReferenceData(catalogue, index, index.for_catalogue)
        #: the ID-card reader's worker, when ``idcard_port`` names a reader
        self.card_reader = card_reader_for(settings, self)
        deps = ScreenDeps(self.reference, settings, self.presentation, self,
                          lambda: self.session, lambda: self.central, self.staff, self,
                          now=wall_clock, card_reader=self.card_reader)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # the kiosk window is the screen: never grown by its content (the clipping
        # tests find content that does not fit instead)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.header = Header(settings.timezone, self)
        self.stack = ScreenPages(self)
        self.footer = Footer(self)
        self.toast = QLabel(self)
        self.toast.setObjectName("toast")
        self.toast.setWordWrap(True)
        self.toast.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.toast, "notice")
        self.toast.hide()
        self.banner = AssistBanner(self)
        self.banner.finish.connect(self._banner_finish)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.toast)
        layout.addWidget(self.footer)
        self.screens = ScreenStack(deps, self.stack, self._prepare)
        self.prepared = False  # prepare_screens has made them all
        self.overlay = IdleOverlay(self)
        self.overlay.still_here.connect(self._still_here)

        self.header.language_requested.connect(self.set_language)
        self.header.elderly_toggled.connect(self.set_elderly)
        # the hidden ways into staff mode: 3 s on the hall's name, or Ctrl+Alt+S
        self.staff_press = LongPress(self.header.hall, 3.0)
        self.staff_press.held.connect(self.enter_staff)
        QShortcut(QKeySequence("Ctrl+Alt+S"), self).activated.connect(self.enter_staff)
        self.footer.home_button.clicked.connect(self.home)
        self.footer.back_button.clicked.connect(self.back)
        self.reader = ScreenReader(self, speech if speech is not None else ReadAloud(self))
        self.footer.staff_button.clicked.connect(
            lambda: self.go("call_staff", from_screen=self.current.name))

        self.idle_timer = QTimer(self)
        self.idle_timer.setInterval(250)
        self.idle_timer.timeout.connect(self.check_idle)
        self.idle_timer.start()
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(1000)
        self.clock_timer.timeout.connect(self._tick_clock)
        self.clock_timer.start()

        self._apply_presentation()
        # the attract screen, or home for the smoke test: only the screen shown is made
        self._show(first_screen, {})

    # -- navigation (the Navigator protocol) -------------------------------------

    @property
    def current(self) -> Screen:
        screen = self.stack.currentWidget()
        assert isinstance(screen, Screen)  # the stack holds screens only; one shown from __init__
        return screen

    def go(self, name: str, **kwargs: Any) -> None:
        self._ensure_session()
        self._history.append((self.current.name, self._current_args))
        self._show(name, kwargs)

    def prepare_screens(self, names: tuple[str, ...] = FIRST_REACHED, now: bool = False) -> None:
        """Make ``names`` ahead of need, one a pass of the event loop while nobody is
        at the kiosk (a session started meanwhile: they wait for its end), so the
        first tap on a tile shows a screen already made. ``now``: all of them at once,
        whoever is at the kiosk (the smoke test and the benchmarks)."""
        TextButton.keep_faces()
        waiting = [n for n in names if not self.screens.is_built(n)]
        if now:
            for name in waiting:
                self.screens[name]  # noqa: B018 - made on first look-up
            waiting = []
        if not waiting:
            self.prepared = True
            return
        if self.idle.in_session:
            QTimer.singleShot(1000, self, lambda: self.prepare_screens(names))
            return
        self.screens[waiting[0]]  # noqa: B018 - made on first look-up
        QTimer.singleShot(0, self, lambda: self.prepare_screens(tuple(waiting[1:])))

    def back(self) -> None:
        if self.current.is_outcome():  # done or refused: the steps before it are over
            self.home()
            return
        if self._history:
            name, kwargs = self._history.pop()
            if name == "attract":
                self._history.clear()
                name, kwargs = "home", {}
            self._show(name, kwargs)
        else:
            self.home()

    def home(self) -> None:
        self._ensure_session()
        self._history.clear()
        self._show("home", {})

    def finish(self) -> None:
        if self.staff.signed_in:  # staff beside the resident end it by handing back
            self.home()
            return
        self.wipe()
        self.home()

    def _show(self, name: str, kwargs: dict[str, Any]) -> None:
        self.reader.on_show(name)
        self.toast.hide()
        screen = self.screens[name]
        self._current_args = kwargs  # what to come back to with Back
        self.stack.setCurrentWidget(screen)
        screen.setFocus()  # no button starts with a focus frame; enter() may move it
        screen.clear_messages()  # what was said on an earlier visit
        screen.enter(**kwargs)
        on_attract = name == "attract"
        self.header.setVisible(not on_attract)
        self.footer.setVisible(not on_attract)
        self._show_staff_state()
        if self.staff.signed_in:  # every screen staff open, with or without a resident
            self.staff.record_action("assist_step" if self.staff.assisting else "staff_step",
                                     screen=name, resident_own=name in RESIDENT_OWN_STEPS)

    def _ensure_session(self) -> None:
        """The first step away from the attract screen starts a resident's session."""
        if not self.idle.in_session:
            self.session = ResidentSession(self.presentation.language, self.presentation.elderly)
            self.idle.start_session()

    # -- presentation -------------------------------------------------------------

    def set_language(self, language: str) -> None:
        self.presentation.language = language
        self.session.language = language
        try:
            self.languages.set_language(language)
        except FileNotFoundError as exc:
            log.error("%s", exc)
        self._apply_presentation()

    def set_elderly(self, elderly: bool) -> None:
        self.presentation.elderly = elderly
        self.session.elderly = elderly
        self.idle.set_idle_seconds(self._idle_seconds())
        self._apply_presentation()

    def _usual_idle_seconds(self) -> int:
        s = self.settings
        return s.idle_seconds_elderly if self.presentation.elderly else s.idle_seconds

    def _idle_seconds(self) -> int:
        usual = self._usual_idle_seconds()
        if any(t.isVisible() for t in self.current.findChildren(QueueTicket)):
            # a number to note down and wait with
            return max(usual, self.settings.idle_seconds_number)
        return usual

    def _make_theme(self, elderly: bool, width: int, height: int) -> Theme:
        return Theme.make(elderly, self.settings.screen_diagonal_in, width, height, self._family)

    def _apply_presentation(self) -> None:
        p = self.presentation
        w, h = max(self.width(), 1), max(self.height(), 1)
        p.portrait = h > w
        p.theme = self._make_theme(p.elderly, max(w, h), min(w, h))
        qss = p.theme.stylesheet()
        if qss != self._applied_qss:  # restyling every widget costs ~0.2 s: only on change
            self.setStyleSheet(qss)
            self._applied_qss = qss
        s = p.theme.sizes
        self.header.set_metrics(s.margin, s.gap)
        self.banner.set_metrics(s.margin, s.gap)
        self.footer.set_metrics(s.margin, s.gap)
        self._fit_overlay()
        s_name = self.settings.hall_name_zh if p.language.startswith("zh") else self.settings.hall_name_en
        self.header.show_state(p.language, p.elderly, s_name)
        self.footer.retranslate()  # now, not when the posted LanguageChange arrives
        self.overlay.retranslate()
        self._tick_clock()
        for screen in self.screens.built():
            self._prepare(screen)

    @staticmethod
    def _prepare(screen: Screen) -> None:
        screen.apply_mode()
        screen.retranslate()

    def paintEvent(self, event) -> None:  # noqa: N802
        QPainter(self).fillRect(event.rect(), QColor(self.presentation.theme.palette.window))
        if not self._painted:
            self._painted = True
            # every event of the application passes this filter (is it a touch?): put in
            # at the first paint, the ~1,500 events of building and laying out the first
            # screen do not each call into Python (nobody touches a window not yet shown)
            qt_app().installEventFilter(self)
            # the window paints before its children: told once they have painted too
            QTimer.singleShot(0, self, self.first_painted.emit)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        portrait = self.height() > self.width()
        if portrait != self.presentation.portrait:
            self._apply_presentation()
        self._fit_overlay()

    def _fit_overlay(self) -> None:
        s = self.presentation.theme.sizes
        self.overlay.set_metrics(s.margin, s.gap, int(min(self.width(), 1400) * 0.85))
        self.overlay.setGeometry(self.rect())

    def _tick_clock(self) -> None:
        try:
            zone: tzinfo = ZoneInfo(self.settings.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            log.warning("time zone %r unknown here; the clock shows UTC", self.settings.timezone)
            zone = UTC
        self.header.clock.setText(self._wall_clock().astimezone(zone).strftime("%H:%M"))

    # -- idle and the wipe -----------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if is_use(event):
            self.idle.touch()
            if self.staff.signed_in:
                self.staff.idle.touch()
            self.reader.on_input(watched, event)
        return False

    def check_idle(self) -> None:
        wanted = self._idle_seconds()  # a queue number shown asks for longer
        if wanted != self.idle.idle_seconds:
            self.idle.set_idle_seconds(wanted)
        staff = self.staff.signed_in  # then the staff session's own, longer idle time counts
        status = (self.staff.idle if staff else self.idle).poll()
        if status.state is IdleState.WARNING:
            self.overlay.show_seconds(status.seconds_left)
        elif status.state is IdleState.EXPIRED:
            if staff:
                self.staff.end("timed_out")
            self.wipe()
        elif self.overlay.isVisible():
            self.overlay.hide()

    def _still_here(self) -> None:
        self.idle.still_here()
        if self.staff.signed_in:
            self.staff.idle.still_here()
        self.overlay.hide()

    def wipe(self) -> None:
        """End the resident's session: forget everything, back to the hall's defaults."""
        if self.staff.signed_in:  # whatever ends the session signs staff out too
            self.staff.end("session_wiped")
        self.idle.end_session()
        self._forget_resident()
        self._show("attract", {})

    def _forget_resident(self) -> None:
        """Everything of the resident gone: screens, session, history; the hall's defaults."""
        self.overlay.hide()
        self.reader.on_wipe()
        for screen in self.screens.built():
            screen.reset()
        self.session = ResidentSession(self.settings.default_language, self.settings.default_elderly)
        self._history.clear()
        self.presentation.elderly = self.settings.default_elderly
        self.idle.set_idle_seconds(self._idle_seconds())
        if self.presentation.language != self.settings.default_language:
            self.set_language(self.settings.default_language)
        else:
            self._apply_presentation()

    # -- staff and assisted mode ------------------------------------------------------

    def enter_staff(self) -> None:
        """The hidden entry: the PIN pad (or the panel, for staff already signed in)."""
        self.overlay.hide()
        if self.idle.in_session:
            self.idle.still_here()  # a countdown running must not wipe the PIN pad
        if self.staff.assisting:
            return  # the banner's Finish is the way out; nothing hidden mid-assistance
        self.go("staff_panel" if self.staff.signed_in else "staff_sign_in")

    def staff_signed_in(self) -> None:
        """After a right PIN: whoever used the kiosk before is forgotten, and the panel has
        no way Back to the PIN pad."""
        self._forget_resident()
        self._ensure_session()
        self._show("staff_panel", {})

    def begin_assist(self) -> None:
        """The resident said yes: a fresh session of their own, with staff beside them."""
        self.staff.begin_assist()
        self._forget_resident()
        self._ensure_session()
        self._show("home", {})

    def hand_back(self) -> None:
        """End staff or assisted mode: audited, signed out, everything wiped."""
        self.staff.end("hand_back" if self.staff.assisting else "signed_out")
        self.wipe()

    def _banner_finish(self) -> None:
        if self.staff.assisting:
            self.go("hand_back")
        else:
            self.hand_back()

    def _show_staff_state(self) -> None:
        staff = self.staff
        if staff.signed_in:
            self.idle.suspend(SUSPEND_REASON)
        else:
            self.idle.resume(SUSPEND_REASON)
        current = self.stack.currentWidget()  # none yet while the window is being made
        on_attract = isinstance(current, Screen) and current.name == "attract"
        self.banner.show_state(None if on_attract else staff.member, staff.assisting,
                               isinstance(current, Screen) and current.name in RESIDENT_OWN_STEPS)
        self.header.status.set_staff(staff.signed_in)  # the details are for staff

    def acting(self):
        """For the outbox (``CentralAccess``): staff acting for a resident, else None."""
        return self.staff.acting()

    def _reload_hall_defaults(self) -> None:

        desk = self.staff.desk()
        if desk is not None:
            self.settings = desk.defaults_over(self.settings)

    def load_hall_defaults(self) -> None:
        """The staff's choices over kiosk.toml, once the kiosk is up (``ui.app``)."""
        before = self.settings
        self._reload_hall_defaults()
        if self.settings != before and not self.idle.in_session and not self.staff.signed_in:
            self.wipe()  # the attract screen in the hall's language and mode

    # -- the central platform (``ui.app``) ------------------------------------------------

    def attach_sync(self, worker: SyncWorker, outage_switch: Callable[[], None] | None = None) -> None:
        """Sync through this worker: the header's chip follows it, and what it pulls reaches
        the screens. ``outage_switch``: the demo's, to stop and start its own server."""
        self.sync = worker
        self._outage_switch = outage_switch
        worker.status_changed.connect(self.header.status.show_status)
        worker.pulled.connect(self._pulled)  # a method of the window: run on the GUI thread

    def attach_central(self, access: CentralAccess) -> None:
        """The screens reach the platform through ``access`` from now on (once enrolled)."""
        self.detach_central()
        self.central = access
        self.reference.use_pulled(access.pulled)

    def detach_central(self) -> None:
        """No platform any more (the kiosk quits): the screens get None and say so."""
        if self.central is not None:
            self.reference.use_pulled(None)
            self.central.close()
            self.central = None

    def _pulled(self, name: str) -> None:
        """A new copy of ``name`` came from the platform: the next screen shows it."""
        self.reference.replaced(name)

    def use_diagnostics(self, export: Callable[[], Path]) -> None:
        """The staff panel's diagnostics export writes with this (the kiosk's data folder)."""
        self._diagnostics = export

    # -- the device, for the staff panel (``ui.context.DeviceControls``) -----------------

    def sync_status(self) -> SyncStatus | None:
        return self.header.status.status

    def urge_sync(self) -> None:
        if self.sync is not None:
            self.sync.urge()

    def speech_status(self) -> str:
        return self.speech.status()

    def hall_default(self, name: str) -> Any:
        return getattr(self.settings, name)

    def hall_defaults_changed(self) -> None:
        self._reload_hall_defaults()

    def export_diagnostics(self) -> Path | None:
        return self._diagnostics() if self._diagnostics is not None else None

    def has_outage_switch(self) -> bool:
        return self._outage_switch is not None

    def toggle_outage(self) -> None:
        if self._outage_switch is not None:
            self._outage_switch()

    def exit_kiosk(self) -> None:
        self.exit_allowed = True
        self.close()
        qt_app().quit()

    def recover_after_error(self) -> None:
        """After an unexpected error in a handler (logged by the crash hook): never leave
        a resident on a half-done screen such as "Sending…"; start over, and say so."""
        self.wipe()
        self.toast.setText(translate("Shell", "Sorry, something went wrong. Please start again."))
        self.toast.show()

    # -- read aloud --------------------------------------------------------------------

    @property
    def speech(self) -> ReadAloud:
        return self.reader.speech

    @property
    def speech_bar(self) -> SpeechBar:
        return self.reader.bar

    def read_aloud(self) -> None:
        """The footer's "Read aloud": the screen's title and instruction (``ui.read_aloud``)."""
        self.reader.read()

    def use_speech(self, speech: ReadAloud) -> None:
        """Read with this engine from now on (the gallery's silent one)."""
        self.reader.use(speech)

    def closeEvent(self, event) -> None:  # noqa: N802
        qt_app().removeEventFilter(self)
        self.idle_timer.stop()
        self.clock_timer.stop()
        if self.card_reader is not None:
            self.card_reader.close()
        super().closeEvent(event)
