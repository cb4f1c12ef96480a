"""The window terminal and the hall display for the gallery: windows of their own roles,
each state reached through the real widgets (the PIN typed on the keypad, the buttons
pressed) with the platform's answers given as the core's data (the gallery has no
platform to ask).

    for name, widget in role_states("window", catalogue, index, settings, languages, size):
        widget.grab().save(...)
"""

from __future__ import annotations

import tempfile
import weakref
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QWidget

from kiosk.device.settings import Settings
from kiosk.queue.model import (
    AreaWaiting,
    BoardCall,
    CallEvent,
    ChecklistItem,
    HallBoard,
    QueueTicket,
    TicketState,
    WindowTicket,
)
from kiosk.rules.catalogue import Catalogue, Text
from kiosk.rules.ratings import Level
from kiosk.search.deferred import DeferredIndex
from kiosk.staff.desk import StaffDesk
from kiosk.sync.api_client import Unreachable
from kiosk.sync.enrolment import CredentialStore, MemoryKeyring
from ui.gallery.speech import SilentSpeech
from ui.gallery.staff import NUMBER, PIN
from ui.i18n import LanguageSwitch
from ui.qt_app import qt_app
from ui.queue.display import HallDisplay
from ui.queue.roles import make_display
from ui.queue.terminal import WindowTerminal
from ui.screens.rating import thanks_words

SAMPLE_NOW = datetime(2026, 12, 7, 2, 30, tzinfo=UTC)  # 10:30 in the hall


def sample_ticket(number: str = "GA012", recalls: int = 0, priority: bool = False) -> QueueTicket:
    return QueueTicket("gallery-t1", number, "city_centre", "GA", "GA-0001", priority, False,
                       TicketState.CALLED, "3", SAMPLE_NOW - timedelta(minutes=25),
                       SAMPLE_NOW, recalls, None)


def sample_window_ticket(recalls: int = 0, priority: bool = False) -> WindowTicket:
    checklist = (
        ChecklistItem(Text("居民身份证", "Resident ID card"), "original", 1, True, None),
        ChecklistItem(Text("户口簿", "Household register"), "original", 1, True, None),
        ChecklistItem(Text("近期免冠照片", "Recent photo"), "electronic", 1, True, None),
    )
    return WindowTicket(sample_ticket(recalls=recalls, priority=priority),
                        Text("居民身份证换领", "Renew resident ID card"), checklist, 2)


def sample_board() -> HallBoard:
    calls = tuple(
        BoardCall(10 - i, f"t{i}", number, window, "GA", CallEvent.CALLED,
                  SAMPLE_NOW - timedelta(minutes=i * 3))
        for i, (number, window) in enumerate(
            (("GA012", "3"), ("SB007", "5"), ("PGA002", "1"), ("GA011", "2"))))
    waiting = (
        AreaWaiting("GA", Text("公安户政", "Police: household registration"), 5),
        AreaWaiting("SB", Text("社保医保", "Social security and medical insurance"), 12),
        AreaWaiting("BL", Text("不动产登记", "Real estate registration"), 0),
    )
    return HallBoard("city_centre", calls, waiting, 10, SAMPLE_NOW)


def _desk() -> StaffDesk:
    folder = tempfile.TemporaryDirectory(prefix="kiosk-gallery-window-")
    desk = StaffDesk.open(Path(folder.name) / "kiosk.db", CredentialStore(MemoryKeyring()))
    weakref.finalize(desk, folder.cleanup)
    desk.roster.add_local(NUMBER, "王芳", "assistant", PIN, datetime.now(UTC))
    return desk


def _desk_opener() -> Callable[[], StaffDesk]:
    desk = _desk()
    return lambda: desk


def sign_in(t: WindowTerminal) -> None:
    """As staff do: the staff number, Next, the PIN, Sign in."""
    pad = t.sign_in
    for ch in NUMBER:
        pad.keypad.key.emit(ch)
    pad.next_button.click()
    for ch in PIN:
        pad.keypad.key.emit(ch)
    pad.next_button.click()


def _serving(t: WindowTerminal, recalls: int = 0, priority: bool = False) -> None:
    sign_in(t)
    t.calling.steps.cancel()  # "which ticket is at this window?" has no platform to ask
    t.calling.busy_step = ""
    t.calling._show_current(sample_window_ticket(recalls, priority))
    t.calling.say("")


def _window_states() -> dict[str, Callable[[WindowTerminal], None]]:
    def idle(t: WindowTerminal) -> None:
        sign_in(t)
        t.calling.steps.cancel()
        t.calling._finished(t.calling._show_current, None)
        t.calling.say("")

    def offline(t: WindowTerminal) -> None:
        _serving(t)
        t.calling._failed(Unreachable("connect", "connection refused"))

    def transfer(t: WindowTerminal) -> None:
        _serving(t)
        t.calling.transfer_button.click()

    def rating(t: WindowTerminal, step: str, elderly: bool = False) -> None:
        _serving(t)
        t.offer_rating(sample_ticket(), "居民身份证换领" if t.lang() == "zh" else "Renew resident ID card")
        if elderly:
            t.elderly_button.click()
        if step == "reasons":
            t.rating.face_buttons[Level.VERY_DISSATISFIED].click()
            t.rating.next_button.click()
            t.rating.reason_buttons["attitude"].click()
        elif step == "thanks":
            t.rating.face_buttons[Level.VERY_SATISFIED].click()
            t.rating.show_thanks(*thanks_words(None))
            t._rating_titles()

    return {
        "window-sign_in": lambda t: None,
        "window-idle": idle,
        "window-serving": lambda t: _serving(t),
        "window-serving_recalled": lambda t: _serving(t, recalls=2, priority=True),
        "window-transfer": transfer,
        "window-offline": offline,
        "window-rating": lambda t: rating(t, "faces"),
        "window-rating_elderly": lambda t: rating(t, "faces", elderly=True),
        "window-rating_reasons_elderly": lambda t: rating(t, "reasons", elderly=True),
        "window-rating_thanks": lambda t: rating(t, "thanks"),
    }


def _display_states() -> dict[str, Callable[[HallDisplay], None]]:
    def offline(d: HallDisplay) -> None:
        d.show_board(sample_board())
        d.watch.offline.emit(d.last_update)

    return {
        "display": lambda d: d.show_board(sample_board()),
        "display-none_yet": lambda d: d.show_board(HallBoard("city_centre", (), sample_board().waiting,
                                                             0, SAMPLE_NOW)),
        "display-offline": offline,
        # no speech engine, or no Chinese voice: the hall is asked to watch the screen
        "display-unspoken": lambda d: (d.show_board(sample_board()),
                                       d.announcer and d.announcer.voice.emit(False)),
    }


ROLE_STATES: dict[str, Callable[[], dict]] = {"window": _window_states, "display": _display_states}


def role_states(role: str, catalogue: Catalogue, index: DeferredIndex, settings: Settings,
                languages: LanguageSwitch, size: tuple[int, int]) -> Iterator[tuple[str, QWidget]]:
    """Each state of ``role`` ("window" or "display") in a fresh window of ``size``,
    laid out and painted; the window is closed after the caller has looked at it."""
    app = qt_app()
    for name, reach in ROLE_STATES[role]().items():
        widget: QWidget
        if role == "window":
            widget = WindowTerminal(catalogue, index, settings, languages, "3",
                                    staff_desk=_desk_opener(), wall_clock=lambda: SAMPLE_NOW)
        else:
            # a mock engine with voices: calls can be heard unless a state says otherwise
            speech = SilentSpeech()
            widget = make_display(catalogue, settings, speech, wall_clock=lambda: SAMPLE_NOW)
            speech.setParent(widget)
        widget.resize(*size)
        widget.show()
        app.processEvents()
        reach(widget)
        widget.resize(*size)
        app.processEvents()
        yield name, widget
        widget.close()
        widget.deleteLater()
        app.processEvents()


def render_roles(directory: Path, catalogue: Catalogue, index: DeferredIndex,
                 settings: Settings, languages: LanguageSwitch,
                 sizes: tuple[tuple[int, int], ...]) -> list[Path]:
    """``window-…`` and ``display-…`` as ``STATE-standard-LANG-WxH.png``."""
    written = []
    for width, height in sizes:
        for language in ("zh_CN", "en"):
            languages.set_language(language)
            values = settings.with_values(default_language=language, default_elderly=False)
            for role in ROLE_STATES:
                for name, widget in role_states(role, catalogue, index, values, languages,
                                                (width, height)):
                    path = directory / f"{name}-standard-{language}-{width}x{height}.png"
                    widget.grab().save(str(path))
                    written.append(path)
    return written
