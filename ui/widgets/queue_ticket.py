"""Your queue number (排队号), to take away: the walk-in ticket and the check-in result.

The number very large; where to wait (the matter's window from the catalogue, or
"watch the calling screen" where the catalogue names none: nothing is invented);
the green channel when the ticket is a priority one; how many are ahead ("前面还有
N 人", from the queue: ``ui.queue.ahead``; said plainly when it cannot be asked); an
offer to rate the service (``wire_rating``); and three actions: Print, Scan with your
phone (the ticket as a QR code) and Done.

The screen that holds it gives the ticket (``show_ticket``) and connects the
buttons; ``qr`` is the screen's QR code for ``SlipActions``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.i18n import translate
from ui.theme import set_role
from ui.widgets.buttons import TextButton
from ui.widgets.qr import QrCode


class QueueTicket(QWidget):
    """The number, where to wait, the green channel; Print / Scan with your phone / Done."""

    def __init__(self, parent: QWidget | None = None, prefix: str = "ticket") -> None:
        super().__init__(parent)
        self.caption = QLabel(self)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.caption.setWordWrap(True)
        self.number = QLabel(self)
        self.number.setObjectName(f"{prefix}-number")
        self.number.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        set_role(self.number, "ticket")
        self.priority = QLabel(self)
        self.priority.setObjectName(f"{prefix}-priority")
        self.priority.setWordWrap(True)
        self.priority.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        set_role(self.priority, "success-text")
        self.where = QLabel(self)
        self.where.setObjectName(f"{prefix}-where")
        self.where.setWordWrap(True)
        self.where.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.ahead = QLabel(self)
        self.ahead.setObjectName(f"{prefix}-ahead")
        self.ahead.setWordWrap(True)
        self.ahead.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        set_role(self.ahead, "title")
        self.ahead.hide()
        self.rate_button = TextButton("secondary", self)
        self.rate_button.setObjectName(f"{prefix}-rate")
        self.rate_button.hide()
        self._rate_offered = False
        self.qr = QrCode(self)
        self.qr.hide()
        numbered = QVBoxLayout()
        numbered.addStretch(1)
        numbered.addWidget(self.caption)
        numbered.addWidget(self.number)
        numbered.addStretch(1)
        said = QVBoxLayout()
        said.addStretch(1)
        said.addWidget(self.ahead)
        said.addWidget(self.priority)
        said.addWidget(self.where)
        said.addWidget(self.rate_button)
        said.addStretch(1)
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.addLayout(numbered)
        self.body.addLayout(said, 1)
        self.body.addWidget(self.qr)
        self.columns = (numbered, said)
        self.print_button = TextButton("secondary", self)
        self.print_button.setObjectName(f"{prefix}-print")
        self.phone_button = TextButton("secondary", self)
        self.phone_button.setObjectName(f"{prefix}-to-phone")
        self.done_button = TextButton("primary", self)
        self.done_button.setObjectName(f"{prefix}-done")
        self.row = QHBoxLayout()
        for b in (self.print_button, self.phone_button, self.done_button):
            self.row.addWidget(b, 1)
        root = self.column = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addStretch(1)
        root.addLayout(self.body)
        root.addStretch(1)
        root.addLayout(self.row)
        self._where_text = ""
        self._priority = False
        self.retranslate()

    def set_gap(self, gap: int) -> None:
        self.row.setSpacing(gap * 2)
        self.body.setSpacing(gap)
        for column in self.columns:
            column.setSpacing(gap)
        self.column.setSpacing(gap)

    def wire(self, print_slip, to_phone, done) -> tuple[TextButton, TextButton, TextButton]:
        """Connect Print, Scan with your phone and Done; the three buttons."""
        self.print_button.clicked.connect(print_slip)
        self.phone_button.clicked.connect(to_phone)
        self.done_button.clicked.connect(done)
        return self.print_button, self.phone_button, self.done_button

    def wire_rating(self, rate) -> TextButton:
        """Connect "Rate this service" (shown while ``offer_rating(True)``)."""
        self.rate_button.clicked.connect(rate)
        return self.rate_button

    def offer_rating(self, offered: bool) -> None:
        self._rate_offered = offered
        self.rate_button.setVisible(offered)

    def show_ahead(self, text: str, count: bool = True) -> None:
        """"前面还有 N 人" (``count``: large), or why it cannot be said (body text); ""
        hides it."""
        self.ahead.setText(text)
        self.ahead.setVisible(bool(text))
        role = "title" if count else ""
        if self.ahead.property("role") != role:
            set_role(self.ahead, role)

    def set_portrait(self, portrait: bool) -> None:
        """Portrait: one column (the QR code under the words). Landscape: the number, the
        words beside it, the QR code on the right (a 长辈版 screen is not tall enough for
        all of them one under the other)."""
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait
                               else QBoxLayout.Direction.LeftToRight)
        for column in self.columns:
            column.setSpacing(self.body.spacing())
        # "Rate this service": under the words in portrait; in landscape in the row of
        # actions (the words' column has no height to spare in 长辈版)
        said = self.columns[1]
        said.removeWidget(self.rate_button)
        self.row.removeWidget(self.rate_button)
        if portrait:
            said.insertWidget(said.count() - 1, self.rate_button)
        else:
            self.row.insertWidget(self.row.count() - 1, self.rate_button, 1)

    def show_ticket(self, number: str, priority: bool, window: str) -> None:
        """``window``: where the catalogue says to wait, in the resident's language; ""
        when it names no place (then: watch the calling screen)."""
        self.number.setText(number)
        self.number.setAccessibleName(number)
        self._priority, self._where_text = priority, window
        self.qr.clear()
        self.qr.hide()
        self.retranslate()

    def clear(self) -> None:
        self.number.clear()
        self.show_ahead("")
        self.offer_rating(False)
        self.qr.clear()
        self.qr.hide()
        self._where_text, self._priority = "", False

    def retranslate(self) -> None:
        self.caption.setText(translate("Ticket", "Your queue number"))
        self.priority.setText(translate(
            "Ticket", "Green channel: the priority window for residents aged 60 and over"))
        self.priority.setVisible(self._priority)
        self.where.setText(
            translate("Ticket", "Please wait near: %1").replace("%1", self._where_text)
            if self._where_text else
            translate("Ticket", "Please watch the calling screen for your number."))
        self.print_button.set_texts(translate("Ticket", "Print"))
        self.phone_button.set_texts(translate("Ticket", "Scan with your phone"))
        self.done_button.set_texts(translate("Ticket", "Done"))
        self.rate_button.set_texts(translate("Ticket", "Rate this service"))
        self.qr.setAccessibleName(translate("Ticket", "QR code of your queue number"))
