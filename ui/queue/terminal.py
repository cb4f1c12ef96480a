"""The window terminal (``kiosk window --hall H --window 3``): staff sign in with their
PIN (the kiosk's own PIN pad and rules: ``StaffSignInScreen``), call numbers, and after
"Served" the screen turns to the resident for the rating.

Why the same screen and not a second one: most windows have one monitor, on an arm the
staff member turns; a second screen facing the resident (a 评价器) is extra hardware a
hall may not have. While the resident rates, the staff's buttons are gone from the screen
(nothing staff could press by mistake, nothing that shows the resident staff controls),
and the rating page has its own 长辈版 switch. A hall with a resident-facing second
monitor can host the same ``RatingPanel`` there; that is not built yet.

The terminal is a window of its own, not a kiosk screen: no resident session, no idle
wipe, no attract screen; its header says which hall, which window and who is signed in.
Signed-in staff have the staff session's idle time (``staff_idle_seconds``, 10 minutes by
default): a terminal left alone counts down on screen, then signs out, so that nobody
can call, transfer or close tickets in their name. The ticket at the window is kept by
the platform and is there again after the next sign-in. The resident's taps on the rating
count as use; a rating left half done counts down on its page like the rest, and the
sign-out drops it. The touch that answers the countdown does nothing else.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.booking.draft import OutcomeState
from kiosk.device.idle import IdleState
from kiosk.device.session import ResidentSession
from kiosk.device.settings import Settings
from kiosk.queue.client import QueueClient
from kiosk.queue.model import QueueTicket
from kiosk.queue.rating import submit
from kiosk.rules.catalogue import Catalogue
from kiosk.sync.reference import ReferenceData
from ui.context import Presentation, ScreenDeps
from ui.i18n import LanguageSwitch, content_language, translate
from ui.input_events import is_use
from ui.qt_app import qt_app
from ui.queue.calling_page import CallingPage
from ui.queue.window_steps import WindowSteps
from ui.rating.panel import RatingChoice, RatingPanel
from ui.screens.rating import SENT_WAIT_MS, make_rating, recogniser_opener, thanks_words
from ui.screens.staff_sign_in import StaffSignInScreen
from ui.staff_mode import StaffMode
from ui.theme import Theme, pick_font_family, set_role
from ui.widgets.buttons import TextButton
from ui.workers.outcome_watch import OutcomeWatch

if TYPE_CHECKING:
    from kiosk.search.deferred import DeferredIndex
    from kiosk.staff.desk import StaffDesk
    from ui.central_access import CentralAccess
    from ui.workers.sync import SyncWorker

log = logging.getLogger(__name__)


class WindowTerminal(QWidget):
    def __init__(self, catalogue: Catalogue, index: DeferredIndex, settings: Settings,
                 languages: LanguageSwitch, window: str,
                 staff_desk: Callable[[], StaffDesk] | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        super().__init__()
        self.setObjectName("WindowTerminal")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setWindowTitle("Service Hall Window Terminal")
        self.settings, self.languages, self.window_id = settings, languages, window
        self.catalogue = catalogue
        self._family = pick_font_family()
        self._wall = wall_clock
        self.presentation = Presentation(settings.default_language, False,
                                         self._theme(False, 1920, 1080))
        self.sync: SyncWorker | None = None
        self.central: CentralAccess | None = None
        self._applied_qss = ""
        self.staff = StaffMode(staff_desk, clock, settings, self.urge_sync, self)
        deps = ScreenDeps(ReferenceData(catalogue, index, index.for_catalogue), settings,
                          self.presentation, self,
                          lambda: ResidentSession(settings.default_language, False),
                          lambda: self.central, self.staff, None, now=wall_clock)
        self.steps = WindowSteps(self._queue, window)

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # never grown by content
        self.bar = QWidget(self)
        set_role(self.bar, "bar")
        self.bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        bar = self._bar = QHBoxLayout(self.bar)
        self.where = QLabel(self.bar)
        self.where.setObjectName("terminal-where")
        self.where.setWordWrap(True)
        self.who = QLabel(self.bar)
        self.who.setObjectName("terminal-who")
        self.sign_out_button = TextButton("bar", self.bar)
        self.sign_out_button.setObjectName("terminal-sign-out")
        self.sign_out_button.clicked.connect(lambda: self.sign_out())
        self.elderly_button = TextButton("bar", self.bar)
        self.elderly_button.setObjectName("terminal-elderly")
        self.elderly_button.clicked.connect(lambda: self.set_elderly(not self.presentation.elderly))
        bar.addWidget(self.where, 1)
        bar.addWidget(self.who)
        bar.addWidget(self.elderly_button)
        bar.addWidget(self.sign_out_button)
        root.addWidget(self.bar)
        self.pages = QStackedWidget(self)
        root.addWidget(self.pages, 1)

        self.sign_in = StaffSignInScreen(deps)
        self.pages.addWidget(self.sign_in)
        self.calling = CallingPage(self.steps, self.lang, self)
        self.calling.served.connect(self.offer_rating)
        self.calling.set_areas(catalogue.departments)
        self.pages.addWidget(self.calling)
        self.rating_page = QWidget(self)
        self.rating_page.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        rating = self._rating_layout = QVBoxLayout(self.rating_page)
        self.rating_title = QLabel(self.rating_page)
        self.rating_title.setWordWrap(True)
        set_role(self.rating_title, "title")
        self.rating_prompt = QLabel(self.rating_page)
        self.rating_prompt.setWordWrap(True)
        set_role(self.rating_prompt, "muted")
        self.rating = RatingPanel(self.lang, recogniser_opener(settings.handwriting_model),
                                  self.rating_page)
        self.rating.submitted.connect(self._rated)
        self.rating.closed.connect(self._rating_closed)
        self.rating.page_changed.connect(self._rating_titles)
        rating.addWidget(self.rating_title)
        rating.addWidget(self.rating_prompt)
        rating.addWidget(self.rating, 1)
        self.pages.addWidget(self.rating_page)
        self.watch = OutcomeWatch(self)
        self.watch.changed.connect(self._rating_answered)
        #: the ticket being rated: (ticket, matter) ; the tickets rated at this window today
        self.rating_for: QueueTicket | None = None
        self.rated: set[str] = set()
        self._apply_presentation()
        self.pages.setCurrentWidget(self.sign_in)
        self.sign_in.enter()
        self.retranslate()
        # the idle countdown is on the calling page's message line
        self.idle_warning = False
        self.idle_timer = QTimer(self)
        self.idle_timer.setInterval(1000)
        self.idle_timer.timeout.connect(self.check_idle)
        self.idle_timer.start()
        qt_app().installEventFilter(self)

    # -- the staff's idle time ---------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if is_use(event) and self.staff.signed_in:
            if self.idle_warning:  # any touch counts as "still here" on a terminal
                self.idle_warning = False
                self.staff.idle.still_here()
                self.calling.say("")
                self._rating_titles()
                return True  # and only that: it does not also press 办结 under it
            self.staff.idle.touch()
        return False

    def check_idle(self) -> None:
        if not self.staff.signed_in:
            return
        status = self.staff.idle.poll()
        if status.state is IdleState.WARNING:
            self.idle_warning = True
            words = translate(
                "Window", "Nobody has used this terminal for a while: signing out in %1 s. "
                          "Touch the screen to stay signed in.").replace("%1", str(status.seconds_left))
            if self.pages.currentWidget() is self.rating_page:
                self.rating_prompt.setText(words)
                self.rating_prompt.setVisible(True)
            else:
                self.calling.say(words)
        elif status.state is IdleState.EXPIRED:
            log.info("window %s: staff signed out after %d s without use", self.window_id,
                     self.staff.idle.idle_seconds)
            self.sign_out("timed_out")
            self.sign_in.say(translate(
                "Window", "Signed out: the terminal was not used for a while. The ticket at "
                          "this window is kept; sign in to go on."))

    def use_desk(self, desk: Callable[[], StaffDesk]) -> None:
        """Staff sign in against ``desk`` (the sync's, once the platform is known). The
        sign-in screen, shown before there was a desk, asks it again: it said sign-in
        was unavailable until a tap on Cancel."""
        self.staff.use_desk(desk)
        if not self.staff.signed_in and self.pages.currentWidget() is self.sign_in:
            self.sign_in.enter()

    # -- the platform ------------------------------------------------------------------

    def _queue(self) -> QueueClient | None:
        central = self.central
        return QueueClient(central.client(), self.settings.hall_code) if central else None

    def attach_sync(self, worker: SyncWorker, outage_switch: Callable[[], None] | None = None) -> None:
        self.sync = worker

    def attach_central(self, access: CentralAccess) -> None:
        self.detach_central()
        self.central = access
        if self.staff.signed_in:
            self.calling.refresh()

    def detach_central(self) -> None:
        if self.central is not None:
            self.watch.stop()
            self.steps.cancel()
            self.central.close()
            self.central = None

    def urge_sync(self) -> None:
        if self.sync is not None:
            self.sync.urge()

    def acting(self):
        return self.staff.acting()

    # -- the navigator (what the PIN pad asks of its host) --------------------------------

    def go(self, name: str, **_kw: Any) -> None:
        if name == "staff_panel" and self.staff.signed_in:
            self.staff_signed_in()

    def back(self) -> None:
        self.home()

    def home(self) -> None:
        """The PIN pad's Cancel: it stays (the terminal has nothing else without staff)."""
        self.sign_in.reset()

    def set_elderly(self, elderly: bool) -> None:
        self.presentation.elderly = elderly
        self._apply_presentation()

    def finish(self) -> None:
        self.home()

    def staff_signed_in(self) -> None:
        member = self.staff.member
        assert member is not None  # called by the PIN pad after a right PIN
        self.steps.staff = member.number
        self.calling.say("")
        self.pages.setCurrentWidget(self.calling)
        self.retranslate()
        self.calling.refresh()

    def begin_assist(self) -> None:  # not on a window terminal
        pass

    def hand_back(self) -> None:
        self.sign_out()

    def sign_out(self, how: str = "signed_out") -> None:
        """``how`` goes to the audit trail: "signed_out" (the button), "timed_out"."""
        self.idle_warning = False
        self.steps.cancel()
        self.steps.staff = ""
        self.staff.end(how)
        self.calling.reset()
        self.rating.clear()
        self.presentation.elderly = False
        self._apply_presentation()
        self.pages.setCurrentWidget(self.sign_in)
        self.sign_in.enter()
        self.retranslate()

    # -- the rating, turned to the resident ---------------------------------------------

    def offer_rating(self, ticket: QueueTicket, matter_name: str) -> None:
        if ticket.ticket_id in self.rated:
            return  # one rating per matter and visit
        self.rating_for = ticket
        self.rating.start(matter_name)
        self.pages.setCurrentWidget(self.rating_page)
        # the focus is the page's, not a face's: a focus ring on 非常满意 would look chosen
        # before the resident chose anything (Tab still walks the faces)
        self.rating_page.setFocus(Qt.FocusReason.OtherFocusReason)
        self.retranslate()

    def _rated(self, choice: RatingChoice) -> None:
        t, central = self.rating_for, self.central
        if t is None:
            return
        if central is None:
            self.rating.show_thanks("warning", translate("Rating", "Not saved"), translate(
                "Rating", "This kiosk is not connected: please tell staff at the desk."))
            return
        try:
            rating = make_rating(choice, t.matter, {"ticket_id": t.ticket_id}, self.window_id)
        except ValueError:
            log.exception("a rating the rules refuse")
            self.rating.show_thanks("failure", translate("Rating", "Your rating was not accepted"),
                                    translate("Rating", "Please tell staff at the desk what you think."))
            return
        item = submit(central.outbox, rating, self._wall())
        self.rated.add(t.ticket_id)
        central.urge()
        self.rating.show_thanks(*thanks_words(None))
        self.watch.watch(lambda: central.outbox if self.central is central else None,
                         item.id, SENT_WAIT_MS)

    def _rating_answered(self, result) -> None:
        if result.state is not OutcomeState.WAITING:
            self.rating.show_thanks(*thanks_words(result.state, result.reason or ""))

    def _rating_closed(self) -> None:
        self.watch.stop()
        self.rating_for = None
        if self.presentation.elderly:
            self.set_elderly(False)
        self.pages.setCurrentWidget(self.calling if self.staff.signed_in else self.sign_in)
        self.retranslate()

    def _rating_titles(self) -> None:
        self.rating_title.setText(self.rating.heading())
        self.rating_title.setVisible(self.rating.page() != "thanks")  # the panel says it
        self.rating_prompt.setText(self.rating.prompt())
        self.rating_prompt.setVisible(bool(self.rating.prompt()))

    # -- look ---------------------------------------------------------------------------

    def lang(self) -> str:
        return content_language(self.presentation.language)

    def _theme(self, elderly: bool, width: int, height: int) -> Theme:
        return Theme.make(elderly, self.settings.screen_diagonal_in, width, height, self._family)

    def _apply_presentation(self) -> None:
        p = self.presentation
        w, h = max(self.width(), 1), max(self.height(), 1)
        p.portrait = h > w
        p.theme = self._theme(p.elderly, max(w, h), min(w, h))
        qss = p.theme.stylesheet()
        if qss != self._applied_qss:
            self.setStyleSheet(qss)
            self._applied_qss = qss
        s = p.theme.sizes
        self._bar.setContentsMargins(s.margin, s.gap, s.margin, s.gap)
        self._bar.setSpacing(s.gap * 2)
        m = s.margin
        self._rating_layout.setContentsMargins(m, m // 2, m, m // 2)
        self._rating_layout.setSpacing(s.gap)
        self.calling.setContentsMargins(m, m // 2, m, m // 2)
        self.calling.set_metrics(s)
        self.calling.set_portrait(p.portrait)
        self.rating.set_metrics(s, p.elderly, p.portrait)
        self.sign_in.apply_mode()
        self.retranslate()

    def retranslate(self) -> None:
        lang = self.lang()
        hall = self.catalogue.hall(self.settings.hall_code)
        hall_name = hall.name.get(lang) if hall is not None else (
            self.settings.hall_name_zh if lang == "zh" else self.settings.hall_name_en)
        self.where.setText(translate("Window", "%1 · Window %2").replace("%1", hall_name)
                           .replace("%2", self.window_id))
        member = self.staff.member
        rating = self.pages.currentWidget() is self.rating_page
        self.who.setText(member.name if member is not None and not rating else "")
        self.who.setVisible(bool(self.who.text()))
        self.sign_out_button.set_texts(translate("Window", "Sign out"))
        self.sign_out_button.setVisible(member is not None and not rating)
        self.elderly_button.set_texts(translate("Header", "长辈版: on") if self.presentation.elderly
                                      else translate("Header", "长辈版: off"))
        self.elderly_button.setAccessibleName(translate("Header", "Large text for older people"))
        self.elderly_button.setVisible(rating)
        self.sign_in.retranslate()
        self.calling.retranslate()
        self.rating.retranslate()
        self._rating_titles()

    # -- Qt ------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802
        QPainter(self).fillRect(event.rect(), QColor(self.presentation.theme.palette.window))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if (self.height() > self.width()) != self.presentation.portrait:
            self._apply_presentation()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.idle_timer.stop()
        qt_app().removeEventFilter(self)
        self.watch.stop()
        self.steps.cancel()
        if self.staff.signed_in:
            self.staff.end("window_closed")
        super().closeEvent(event)
