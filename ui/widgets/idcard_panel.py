"""The ID-card reader's first choice where a resident identifies themselves: a picture of
where the card goes, what has happened (waiting, read, expired, not read), and the
keypad as the second choice ("没有身份证？用键盘输入").

``card_text`` and ``expired_text`` and ``failure_text`` are the words a screen shows;
``ReaderPicture`` is drawn with QPainter from the theme's colours (no image file):
a card above the reader's pad, an arrow down to it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.idcard.card import IdCard, mask_address
from kiosk.idcard.reader import FailureReason, ReadFailure
from kiosk.rules.names import mask_name
from ui.i18n import translate
from ui.theme import set_role
from ui.widgets.buttons import TextButton

if TYPE_CHECKING:
    from ui.workers.idcard import IdCardWorker

#: waiting for a card | a card was read | the card was expired | a read failed
STATES = ("waiting", "read", "expired", "failed")


def card_text(card: IdCard) -> str:
    """What the screen says of a card read: masked name and address, never in full."""
    return translate("IdCard", "ID card read: %1, %2").replace(
        "%1", mask_name(card.name)).replace("%2", mask_address(card.address))


def expired_text(card: IdCard, lang: str) -> str:
    assert card.valid_to is not None  # only a card with an end date expires
    end = card.valid_to
    when = f"{end.year}年{end.month}月{end.day}日" if lang.startswith("zh") else f"{end:%d %B %Y}"
    return translate(
        "IdCard", "This ID card expired on %1 and cannot be used. Please use a valid card, "
        "or type the number on the keypad.").replace("%1", when)


def failure_text(failure: ReadFailure) -> str:
    reason = failure.reason
    if reason in (FailureReason.CARD_REMOVED, FailureReason.CARD_UNREADABLE,
                  FailureReason.BAD_FRAME, FailureReason.BAD_CHECKSUM,
                  FailureReason.SHORT_FRAME, FailureReason.TIMEOUT):
        return translate(
            "IdCard", "The card could not be read. Please lay it flat on the reader and keep "
            "it still, or type the number on the keypad.")
    if reason in (FailureReason.OTHER_CARD, FailureReason.BAD_CARD_DATA):
        return translate(
            "IdCard", "This card is not a resident ID card the kiosk can use. Please type the "
            "number on the keypad.")
    return translate(
        "IdCard", "The card reader is not working just now. Please type the number on the "
        "keypad.")


def hall_today(now, timezone: str) -> date:
    """The hall's local date of the aware ``now``: a card is expired by the hall's calendar."""
    from zoneinfo import ZoneInfo

    return now.astimezone(ZoneInfo(timezone)).date()


class ReaderPicture(QWidget):
    """A card above the reader's pad, an arrow down: where to put the card."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("idcard-picture")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.setAccessibleName("")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 300)

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        # a 4:3 drawing, centred, as large as fits
        w = min(self.width(), self.height() * 4 / 3)
        h = w * 3 / 4
        x0, y0 = (self.width() - w) / 2, (self.height() - h) / 2
        ink, pad, card, accent = (QColor("#1a1a1a"), QColor("#37474f"), QColor("#e3f2fd"),
                                  QColor("#0d47a1"))
        # the reader: a dark box with a light pad marked with the radio waves
        body = QRectF(x0 + w * 0.08, y0 + h * 0.62, w * 0.84, h * 0.32)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(pad)
        p.drawRoundedRect(body, w * 0.03, w * 0.03)
        zone = body.adjusted(w * 0.12, h * 0.05, -w * 0.12, -h * 0.08)
        p.setBrush(QColor("#cfd8dc"))
        p.drawRoundedRect(zone, w * 0.02, w * 0.02)
        p.setPen(QPen(accent, max(2.0, w * 0.012)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        c = QPointF(zone.center().x(), zone.bottom() - zone.height() * 0.15)
        for r in (0.03, 0.06, 0.09):
            p.drawArc(QRectF(c.x() - w * r, c.y() - w * r, 2 * w * r, 2 * w * r), 45 * 16, 90 * 16)
        # the card, above the pad
        face = QRectF(x0 + w * 0.26, y0 + h * 0.02, w * 0.48, h * 0.38)
        p.setPen(QPen(ink, max(2.0, w * 0.008)))
        p.setBrush(card)
        p.drawRoundedRect(face, w * 0.02, w * 0.02)
        photo = QRectF(face.right() - face.width() * 0.32, face.top() + face.height() * 0.15,
                       face.width() * 0.22, face.height() * 0.6)
        p.setBrush(QColor("#90a4ae"))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRect(photo)
        p.setBrush(QColor("#546e7a"))
        for i in range(4):
            line_y = face.top() + face.height() * (0.2 + 0.17 * i)
            p.drawRect(QRectF(face.left() + face.width() * 0.08, line_y,
                              face.width() * (0.5 if i < 3 else 0.82), face.height() * 0.07))
        # the arrow: card down to the pad
        ax, top, tip = face.center().x(), face.bottom() + h * 0.03, body.top() - h * 0.02
        arrow = QPen(accent, max(3.0, w * 0.02))
        arrow.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(arrow)
        p.drawLine(QPointF(ax, top), QPointF(ax, tip - h * 0.06))
        head = QPainterPath()
        head.addPolygon(QPolygonF([QPointF(ax - w * 0.04, tip - h * 0.08),
                                   QPointF(ax + w * 0.04, tip - h * 0.08), QPointF(ax, tip)]))
        p.fillPath(head, accent)


class IdCardPanel(QWidget):
    """Picture, status and the keypad button; ``keypad`` when the resident wants to type."""

    keypad = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("idcard-panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.picture = ReaderPicture(self)
        self.status = QLabel(self)
        self.status.setObjectName("idcard-status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keypad_button = TextButton("secondary", self)
        self.keypad_button.setObjectName("idcard-use-keypad")
        self.keypad_button.clicked.connect(self.keypad.emit)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.status)
        #: the other ways a screen offers (a booking code to scan…), beside the keypad's
        self.ways = QHBoxLayout()
        self.ways.addWidget(self.keypad_button, 1)
        layout.addLayout(self.ways)
        #: a way that takes a line of its own, under them
        self.more = QVBoxLayout()
        layout.addLayout(self.more)
        self._layout = layout
        self.state = "waiting"
        self._text: Callable[[], str] | None = None
        self.show_state("waiting")

    def set_gap(self, gap: int) -> None:
        for layout in (self._layout, self.more):
            layout.setSpacing(gap)
        self.ways.setSpacing(gap * 2)

    def show_state(self, state: str, text: Callable[[], str] | None = None) -> None:
        """``text``: what happened, for read, expired and failed (waiting has its own);
        a callable, so a change of language says it again in the new one."""
        assert state in STATES
        self.state, self._text = state, text
        set_role(self.status, "notice" if state in ("expired", "failed") else "")
        self.retranslate()

    def retranslate(self) -> None:
        # waiting: the screen's instruction says where the card goes, the picture shows it
        self.status.setText(self._text() if self._text else "")
        self.status.setVisible(bool(self.status.text()))
        self.keypad_button.set_texts(translate("IdCard", "No ID card? Type the number"))


class CardChoice(QObject):
    """The card first, the keypad second, on a screen where the resident says who they are.

    ``pages`` holds the panel and the screen's keypad page. With a reader (``worker``),
    ``begin`` shows the panel and starts polling; ``use_keypad`` shows the keypad, and a
    card put on the reader then still counts. Without one the keypad page is all there
    is. A card read and in date goes to ``on_card``; an expired one (by the hall's date,
    ``today``) is said plainly and not used; a failure is said, with the keypad offered.
    ``end`` (leaving the screen, the wipe) stops polling and forgets what was said."""

    def __init__(self, parent: QWidget, worker: IdCardWorker | None, keypad_page: QWidget,
                 on_card: Callable[[IdCard], None], today: Callable[[], date],
                 lang: Callable[[], str]) -> None:
        super().__init__(parent)
        self.worker, self.on_card, self.today, self.lang = worker, on_card, today, lang
        self.panel = IdCardPanel(parent)
        self.panel.keypad.connect(self.use_keypad)
        self.pages = QStackedWidget(parent)
        self.pages.addWidget(self.panel)
        self.pages.addWidget(keypad_page)
        self.keypad_page = keypad_page
        self.listening = False
        if worker is not None:
            worker.card_read.connect(self._card_read)
            worker.failed.connect(self._failed)
            worker.lifted.connect(self._lifted)
        self.pages.setCurrentWidget(keypad_page)

    @property
    def has_reader(self) -> bool:
        return self.worker is not None

    @property
    def on_panel(self) -> bool:
        return self.pages.currentWidget() is self.panel

    def begin(self) -> None:
        """The card first (with a reader), waiting for one."""
        self.panel.show_state("waiting")
        if self.worker is None:
            self.pages.setCurrentWidget(self.keypad_page)
            return
        self.pages.setCurrentWidget(self.panel)
        self.listening = True
        self.worker.start(self)

    def keypad_only(self) -> None:
        """The keypad page, and no card read (another step of the screen)."""
        self.end()
        self.pages.setCurrentWidget(self.keypad_page)

    def use_keypad(self) -> None:
        self.pages.setCurrentWidget(self.keypad_page)

    def show_panel(self, state: str, card: IdCard | None = None,
                   failure: ReadFailure | None = None) -> None:
        """The panel in ``state`` as a card or a failure would leave it (the gallery)."""
        text = {
            "read": (lambda: card_text(card)) if card else None,
            "expired": (lambda: expired_text(card, self.lang())) if card else None,
            "failed": (lambda: failure_text(failure)) if failure else None,
        }.get(state)
        self.pages.setCurrentWidget(self.panel)
        self.panel.show_state(state, text)

    def end(self) -> None:
        if self.worker is not None and self.listening:
            self.worker.stop(self)
        self.listening = False
        self.panel.show_state("waiting")

    def _card_read(self, card: IdCard) -> None:
        if not self.listening:
            return
        if card.expired(self.today()):
            self.panel.show_state("expired", lambda: expired_text(card, self.lang()))
            self.pages.setCurrentWidget(self.panel)
            return
        self.panel.show_state("read", lambda: card_text(card))
        self.on_card(card)

    def _failed(self, failure: ReadFailure) -> None:
        if self.listening and self.on_panel:  # typing goes on undisturbed
            self.panel.show_state("failed", lambda: failure_text(failure))

    def _lifted(self) -> None:
        if self.listening and self.panel.state == "read":
            self.panel.show_state("waiting")
