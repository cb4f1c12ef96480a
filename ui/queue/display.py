"""The hall display (``kiosk display --hall H``): the last calls, large, and how many
wait in each area, readable from the back of the hall (``ui.queue.sizing``); each call
spoken (``ui.queue.announcer``); the offline state said plainly, with the time of the
last update, because a call board that silently stops is worse than none.

    ┌ hall name ──────────────────────────────────────── 10:42 ┐
    │ 正在呼叫                                                    │
    │ A012  →  3 号窗口                                           │
    │ 刚才呼叫                      │ 等候人数                     │
    │ A011 → 2 号窗口               │ 社保医保           5 人      │
    │ …                             │ …                            │
    └ 网络中断，叫号信息可能不是最新（最后更新 10:41）───────────┘

In portrait the window goes under the number, and the counts under the earlier calls.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.device.design_tokens import PALETTE
from kiosk.queue.client import QueueClient
from kiosk.queue.model import AreaWaiting, BoardCall, CallEvent, HallBoard
from ui.i18n import content_language, translate
from ui.queue.announcer import CallAnnouncer
from ui.queue.board_watch import LONG_POLL_S, BoardWatch
from ui.queue.sizing import DisplaySizes

if TYPE_CHECKING:
    from ui.central_access import CentralAccess
    from ui.workers.sync import SyncWorker

#: calls kept on the board: the latest, and those before it
HISTORY = 4
#: areas listed with their waiting counts at most; more than fit are shown page by page
AREAS = 6
#: how long a page of areas stays before the next (when they do not fit on one)
AREA_PAGE_MS = 6000


def _invalidate_all(layout: QLayout) -> None:
    layout.invalidate()
    for i in range(layout.count()):
        item = layout.itemAt(i)
        child = item.layout() if item is not None else None
        if child is not None:
            _invalidate_all(child)


def window_words(window: str) -> str:
    return translate("Display", "Window %1").replace("%1", window)


def display_stylesheet(sizes: DisplaySizes, family: str) -> str:
    p = PALETTE
    return f"""
* {{ font-family: "{family}"; font-size: {sizes.minimum}px; color: {p.on_dark}; }}
QLabel {{ background: transparent; }}
QLabel[part="call-number"] {{ font-size: {sizes.call}px; font-weight: bold; color: {p.notice}; }}
QLabel[part="call-window"] {{ font-size: {sizes.call}px; font-weight: bold; }}
QLabel[part="history"] {{ font-size: {sizes.history}px; }}
QLabel[part="caption"] {{ font-weight: bold; color: {p.notice}; }}
QWidget[part="bar"] {{ background: {p.primary}; }}
QLabel[part="offline"] {{ background: {p.notice}; color: {p.ink}; font-weight: bold;
    padding: {sizes.gap // 2}px {sizes.gap}px; }}
"""


log = logging.getLogger(__name__)


class HallDisplay(QWidget):
    """The board, fed by a ``BoardWatch`` of the hall's queue (``queue``; by default the
    platform's once ``attach_central`` gives access to it); ``announcer`` speaks new calls;
    ``shown`` with the call ids each time new calls are on the screen."""

    shown = Signal(tuple)

    def __init__(self, hall: str, hall_name: Callable[[str], str],
                 announcer: CallAnnouncer | None, family: str, timezone: str = "Asia/Shanghai",
                 diagonal_in: float = 55.0, distance_m: float = 8.0,
                 wall_clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 language: str = "zh_CN",
                 queue: Callable[[], QueueClient | None] | None = None,
                 wait_s: float = LONG_POLL_S) -> None:
        super().__init__()
        self.hall_code = hall
        #: the platform, once connected (``attach_central``, from ``ui.app.SyncHookup``)
        self.central: CentralAccess | None = None
        watch = BoardWatch(queue or self.queue, self, wait_s)
        if announcer is not None:
            announcer.setParent(self)
        self.setObjectName("HallDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setWindowTitle("Service Hall Display")
        self._hall_name = hall_name
        self.watch = watch
        self.announcer = announcer
        self._family = family
        self._diagonal, self._distance = diagonal_in, distance_m
        self._wall = wall_clock
        try:
            self._zone: tzinfo = ZoneInfo(timezone)
        except (KeyError, ValueError):
            self._zone = UTC
        self.language = language
        self.sizes = DisplaySizes.for_screen(diagonal_in, 1920, 1080, distance_m)
        self.calls: list[BoardCall] = []  # newest first
        self.waiting: tuple[AreaWaiting, ...] = ()
        self.board_seen = False
        self.offline_since: datetime | None = None
        #: the platform refuses this device the board (not enrolled as a display)
        self.refused = False
        self.last_update: datetime | None = None
        #: when each call was first shown (time.perf_counter), for the latency benchmark
        self.shown_at: dict[int, float] = {}
        # calls cannot be heard here (no speech engine, or no voice for Chinese): the
        # hall is told to watch the screen, and the log tells IT
        self.unspoken = announcer is None
        if announcer is not None:
            announcer.voice.connect(self._voice)

        root = self._root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        # the display is the screen: never grown by its content (the clipping checks find
        # content that does not fit instead)
        root.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.bar = QWidget(self)
        self.bar.setProperty("part", "bar")
        self.bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        bar = self._bar = QHBoxLayout(self.bar)
        self.hall = QLabel(self.bar)
        self.hall.setObjectName("display-hall")
        self.hall.setWordWrap(True)
        self.clock = QLabel(self.bar)
        self.clock.setObjectName("display-clock")
        bar.addWidget(self.hall, 1)
        bar.addWidget(self.clock)
        root.addWidget(self.bar)

        body = self._body = QVBoxLayout()
        root.addLayout(body, 1)
        self.now_caption = self._label("display-now", "caption")
        body.addWidget(self.now_caption)
        self.latest = self._latest_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.call_number = self._label("display-call-number", "call-number")
        self.call_window = self._label("display-call-window", "call-window")
        self.call_window.setWordWrap(True)
        self.latest.addWidget(self.call_number)
        self.latest.addWidget(self.call_window, 1)
        body.addLayout(self.latest)
        self.none_yet = self._label("display-none-yet", "")
        self.none_yet.setWordWrap(True)
        body.addWidget(self.none_yet)

        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        left, right = QVBoxLayout(), QVBoxLayout()
        self.before_caption = self._label("display-before", "caption")
        left.addWidget(self.before_caption)
        self.history_rows = [self._label(f"display-history-{i}", "history")
                             for i in range(HISTORY - 1)]
        for row in self.history_rows:
            left.addWidget(row)
        left.addStretch(1)
        self.waiting_caption = self._label("display-waiting", "caption")
        right.addWidget(self.waiting_caption)
        self.area_grid = QGridLayout()
        self.area_rows = [(self._label(f"display-area-{i}", ""), self._label(f"display-count-{i}", ""))
                          for i in range(AREAS)]
        for i, (name, count) in enumerate(self.area_rows):
            name.setWordWrap(True)
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.area_grid.addWidget(name, i, 0)
            self.area_grid.addWidget(count, i, 1)
        self.area_grid.setColumnStretch(0, 1)
        right.addLayout(self.area_grid)
        right.addStretch(1)
        self.columns.addLayout(left, 1)
        self.columns.addLayout(right, 1)
        body.addLayout(self.columns, 1)

        self.offline = self._label("display-offline", "offline")
        self.offline.setWordWrap(True)
        self.offline.hide()
        root.addWidget(self.offline)
        self.silent = self._label("display-unspoken", "offline")
        self.silent.setWordWrap(True)
        self.silent.hide()
        root.addWidget(self.silent)

        watch.board.connect(self.show_board)
        watch.offline.connect(self.show_offline)
        watch.refused.connect(self.show_refused)
        self.area_page = 0
        self.area_pages: list[list[AreaWaiting]] = []
        self.page_timer = QTimer(self)
        self.page_timer.setInterval(AREA_PAGE_MS)
        self.page_timer.timeout.connect(self._next_area_page)
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(1000)
        self.clock_timer.timeout.connect(self._tick)
        self.clock_timer.start()
        self._apply_sizes()
        self.retranslate()

    def _label(self, name: str, part: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        if part:
            label.setProperty("part", part)
        return label

    # -- the platform (``ui.app.SyncHookup``) ------------------------------------------

    def queue(self) -> QueueClient | None:
        central = self.central
        return QueueClient(central.client(), self.hall_code) if central is not None else None

    def attach_sync(self, worker: SyncWorker, outage_switch=None) -> None:
        """The display shows the board's own state, not the sync's."""

    def attach_central(self, access: CentralAccess) -> None:
        self.detach_central()
        self.central = access
        self.watch.start()

    def detach_central(self) -> None:
        self.watch.stop()
        if self.central is not None:
            self.central.close()
            self.central = None

    def acting(self) -> None:
        return None  # nobody acts for anyone on a display

    # -- what the watch says -------------------------------------------------------

    def show_board(self, board: HallBoard) -> None:
        """New calls on top (and spoken, after the first answer), the counts replaced."""
        first = not self.board_seen
        self.board_seen = True
        self.offline_since = None
        self.refused = False
        self.last_update = self._wall()
        fresh = [c for c in board.calls if c.event.announced]
        for call in reversed(board.calls):  # oldest first, so the newest ends on top
            if call.event.announced:
                self.calls = [c for c in self.calls if c.ticket_id != call.ticket_id]
                self.calls.insert(0, call)
            elif call.event is CallEvent.TRANSFERRED:
                # no longer called at that window: a resident must not be sent there
                self.calls = [c for c in self.calls if c.ticket_id != call.ticket_id]
        del self.calls[HISTORY:]
        self.waiting = board.waiting
        self.retranslate()
        if fresh:
            now = time.perf_counter()
            for call in fresh:
                self.shown_at.setdefault(call.call_id, now)
            self.shown.emit(tuple(c.call_id for c in fresh))
        if not first and self.announcer is not None:
            for call in reversed(fresh):
                self.announcer.announce(call.number, call.window)

    def show_offline(self, last_good: datetime | None) -> None:
        if self.offline_since is None:
            self.offline_since = self._wall()
        self.refused = False
        self.retranslate()

    def show_refused(self, _code: str) -> None:
        """The platform will not show this device the board (403 ``wrong_device_role``):
        said plainly where the offline notice goes, never as "network down"."""
        if self.offline_since is None:
            self.offline_since = self._wall()
        self.refused = True
        self.retranslate()

    def check_voice(self) -> None:
        """Once the speech engine is open: can the calls be heard? (Without an announcer
        they cannot, and the notice is shown from the start.)"""
        if self.announcer is not None:
            self.announcer.check()

    def _voice(self, ok: bool) -> None:
        if self.unspoken == (not ok):
            return
        if not ok and self.announcer is not None:
            log.warning("hall display: calls cannot be spoken here (%s); the screen asks "
                        "the hall to watch for their numbers", self.announcer.speech.status())
        self.unspoken = not ok
        self.retranslate()

    # -- look ------------------------------------------------------------------------

    def _local(self, moment: datetime) -> str:
        return moment.astimezone(self._zone).strftime("%H:%M")

    def _tick(self) -> None:
        self.clock.setText(self._local(self._wall()))

    def _apply_sizes(self) -> None:
        w, h = max(self.width(), 1), max(self.height(), 1)
        self.sizes = DisplaySizes.for_screen(self._diagonal, max(w, h), min(w, h), self._distance)
        s = self.sizes
        self.setStyleSheet(display_stylesheet(s, self._family))
        self._bar.setContentsMargins(s.margin, s.gap, s.margin, s.gap)
        self._body.setContentsMargins(s.margin, s.gap, s.margin, s.gap)
        self._body.setSpacing(s.gap)
        self.columns.setSpacing(s.margin * 2)
        self.area_grid.setHorizontalSpacing(s.margin)
        self.area_grid.setVerticalSpacing(s.gap // 2)
        portrait = h > w
        self.latest.setDirection(QBoxLayout.Direction.TopToBottom if portrait
                                 else QBoxLayout.Direction.LeftToRight)
        self.latest.setSpacing(s.margin if not portrait else 0)
        self.columns.setDirection(QBoxLayout.Direction.TopToBottom if portrait
                                else QBoxLayout.Direction.LeftToRight)
        # landscape: the counts take three fifths (their names are the longer words)
        self.columns.setStretch(0, 1 if portrait else 2)
        self.columns.setStretch(1, 1 if portrait else 3)

    def retranslate(self) -> None:
        lang = content_language(self.language)
        self.hall.setText(self._hall_name(lang))
        self._tick()
        self.now_caption.setText(translate("Display", "Now calling"))
        self.before_caption.setText(translate("Display", "Called before"))
        self.waiting_caption.setText(translate("Display", "Waiting"))
        latest = self.calls[0] if self.calls else None
        self.call_number.setText(latest.number if latest else "")
        # portrait: the window under the number, without the arrow (it points nowhere)
        arrow = "" if self.height() > self.width() else "→ "
        self.call_window.setText(f"{arrow}{window_words(latest.window)}" if latest else "")
        self._fit_call()
        self.call_number.setVisible(latest is not None)
        self.call_window.setVisible(latest is not None)
        self.none_yet.setVisible(latest is None)
        self.none_yet.setText(translate("Display", "No number has been called yet today.")
                              if self.board_seen else translate("Display", "Connecting…"))
        self._show_history(len(self.history_rows))
        self.waiting_caption.setVisible(bool(self.waiting))
        if self.refused:  # enrolled as another role: a display code is the way out
            self.offline.setText(translate("StaffPanel", "the platform does not accept this "
                                                         "kiosk: enrol it again"))
        elif self.offline_since is not None and self.last_update is not None:
            self.offline.setText(translate(
                "Display", "Network down: the calls shown may not be the latest (last update %1).")
                .replace("%1", self._local(self.last_update)))
        elif self.offline_since is not None:
            self.offline.setText(translate(
                "Display", "Network down: the calls cannot be shown until it is back."))
        self.offline.setVisible(self.offline_since is not None)
        self.silent.setText(translate(
            "Display", "Calls are not spoken on this screen: please watch for your number."))
        self.silent.setVisible(self.unspoken)
        self._fit()

    def _fit_call(self) -> None:
        """The call at 3 × the minimum where it fits on one line (portrait: the number and
        the window each on one), else smaller, but never below 2 × the minimum (the
        pseudo-locale's long words; a long window name)."""
        s = self.sizes
        portrait = self.height() > self.width()
        room = self.width() - 2 * s.margin - (0 if portrait else self.latest.spacing())

        def width(px: int) -> int:
            font = QFont(self._family)
            font.setPixelSize(px)
            font.setBold(True)
            metrics = QFontMetrics(font)
            parts = [metrics.horizontalAdvance(label.text()) + 4
                     for label in (self.call_number, self.call_window)]
            return max(parts) if portrait else sum(parts)

        px = s.call
        while px > 2 * s.minimum and width(px) > room:
            px -= 4
        style = "" if px == s.call else f"font-size: {px}px;"
        for label in (self.call_number, self.call_window):
            if label.styleSheet() != style:
                label.setStyleSheet(style)

    def _show_history(self, rows: int) -> None:
        for i, row in enumerate(self.history_rows):
            call = self.calls[i + 1] if i + 1 < len(self.calls) and i < rows else None
            row.setText(f"{call.number} → {window_words(call.window)}" if call else "")
            row.setVisible(call is not None)
        self.before_caption.setVisible(rows > 0 and len(self.calls) > 1)

    def _fit(self) -> None:
        """What must be seen comes first: the latest call and the offline notice. Earlier
        calls are shown as many as fit with the waiting counts' caption and one row under
        them (portrait: three at most; landscape: two); the counts then page through what
        is left of the height (``_fit_areas``)."""
        layout = self.layout()
        if layout is None:
            return
        most = len(self.history_rows) - (1 if self.width() > self.height() else 0)
        for name, count in self.area_rows[1:]:
            name.hide()
            count.hide()
        if self.waiting:  # room for the caption and one area, at least
            first = self.waiting[0]
            self.area_rows[0][0].setText(self._area_text(first)[0])
            self.area_rows[0][1].setText(self._area_text(first)[1])
            self.area_rows[0][0].show()
            self.area_rows[0][1].show()
        rows = most
        while True:
            self._show_history(rows)
            # hiding a row marks only the top layout dirty; the column it sat in would
            # still measure the rows it had, and no number of rows would seem to fit
            _invalidate_all(layout)
            needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() \
                else layout.totalSizeHint().height()
            if needed <= self.height() or rows == 0:
                break
            rows -= 1
        self._fit_areas()

    # -- the waiting counts, page by page when they do not all fit ---------------------

    def _area_text(self, area: AreaWaiting) -> tuple[str, str]:
        lang = content_language(self.language)
        return ((area.name.get(lang) if area.name else area.area),
                translate("Display", "%1 waiting").replace("%1", str(area.waiting)))

    def _fit_areas(self) -> None:
        """Pack the areas into pages of what fits under the caption (laid out first, so
        the room is known), and show the current page."""
        areas = list(self.waiting)[:AREAS]
        layout = self.layout()
        if layout is not None:
            layout.activate()
        name_label, count_label = self.area_rows[0]
        top = self.waiting_caption.geometry().bottom() + self.sizes.gap
        room = self.columns.geometry().bottom() - top
        widest_count = max((count_label.fontMetrics().horizontalAdvance(self._area_text(a)[1])
                            for a in areas), default=0)
        name_width = max(1, self._right_width() - widest_count - self.area_grid.horizontalSpacing())
        if name_label.isVisible() and name_label.width() > 1:  # as laid out last time
            name_width = min(name_width, name_label.width())
        pages: list[list[AreaWaiting]] = [[]]
        used = 0
        for area in areas:
            name_label.setText(self._area_text(area)[0])
            height = max(name_label.heightForWidth(name_width), count_label.sizeHint().height())
            step = height + (self.area_grid.verticalSpacing() if pages[-1] else 0)
            if pages[-1] and used + step > room:
                pages.append([])
                used, step = 0, height
            pages[-1].append(area)
            used += step
        if room < (self.area_rows[0][1].sizeHint().height() if areas else 0):
            pages = [[]]  # not even one row fits (the offline notice is long): none shown
        self.waiting_caption.setVisible(bool(pages[0]))
        self.area_pages = pages
        self.area_page %= len(pages)
        if len(pages) > 1 and not self.page_timer.isActive():
            self.page_timer.start()
        elif len(pages) == 1:
            self.page_timer.stop()
        self._show_area_page()

    def _right_width(self) -> int:
        geometry = self.columns.geometry()
        if self.columns.direction() == QBoxLayout.Direction.TopToBottom:
            return geometry.width()
        return (geometry.width() - self.columns.spacing()) * 3 // 5

    def _show_area_page(self) -> None:
        page = self.area_pages[self.area_page] if self.area_pages else []
        for i, (name, count) in enumerate(self.area_rows):
            area = page[i] if i < len(page) else None
            words = self._area_text(area) if area else ("", "")
            name.setText(words[0])
            count.setText(words[1])
            name.setVisible(area is not None)
            count.setVisible(area is not None)

    def _next_area_page(self) -> None:
        if len(self.area_pages) > 1:
            self.area_page = (self.area_page + 1) % len(self.area_pages)
            self._show_area_page()

    # -- Qt --------------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802
        QPainter(self).fillRect(event.rect(), QColor(PALETTE.header))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._apply_sizes()
        self.retranslate()  # which earlier calls, and which areas, fit

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.clock_timer.stop()
        self.page_timer.stop()
        self.watch.stop()
        if self.announcer is not None:
            self.announcer.clear()
        super().closeEvent(event)
