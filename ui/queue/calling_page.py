"""The window terminal's working page: the ticket being served (number, matter, how often
it was called, the checklist; never who the resident is) and the five big buttons.

=========  =======================================  ==================================
button     enabled when                             does
=========  =======================================  ==================================
Next       no ticket is called at this window       calls the next (the platform's
                                                    rule: green channel, appointments
                                                    due, walk-ins)
Recall     a ticket is called                       calls it again (the display says
                                                    it again)
Transfer   a ticket is called                       to another window or area
No-show    called and recalled the hall's N times   the ticket is closed unserved
Served     a ticket is called                       closed; the resident rates it
=========  =======================================  ==================================
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.device.design_tokens import Sizes
from kiosk.queue.model import ChecklistItem, QueueTicket, WindowTicket
from kiosk.rules.catalogue import Department
from kiosk.sync.api_client import Refused, transient
from ui.i18n import translate
from ui.queue.window_steps import WindowSteps, step_error_text
from ui.theme import set_role
from ui.widgets.buttons import TextButton
from ui.widgets.keypad import NumericKeypad, keypad_box
from ui.widgets.paged import PagedGrid
from ui.widgets.reading import ReadingArea

#: how soon the window's called number is asked for again after the network was down
CURRENT_RETRY_MS = 5000


def checklist_line(item: ChecklistItem, lang: str) -> str:
    form = {
        "original": translate("Matter", "Original"),
        "copy": translate("Matter", "Copy"),
        "original_and_copy": translate("Matter", "Original and copy"),
        "electronic": translate("Matter", "Electronic"),
    }.get(item.form, item.form)
    if item.copies > 1:
        form += " × " + translate("Matter", "%1 copies").replace("%1", str(item.copies))
    need = (translate("Matter", "required") if item.required
            else translate("Matter", "if it applies"))
    return f"☐ {item.name.get(lang)}（{form} · {need}）" if lang == "zh" \
        else f"☐ {item.name.get(lang)} ({form} · {need})"


class TransferPanel(QWidget):
    """Where to send the ticket: a window number on the keypad, or an area."""

    chosen = Signal(object, object)  # to_window (str | None), to_area (str | None)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        root = self._root = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        root.setContentsMargins(0, 0, 0, 0)
        self._columns = 1
        left = self._left = QVBoxLayout()
        self.window_caption = QLabel(self)
        self.window_caption.setWordWrap(True)
        self.window_field = keypad_box(self, "transfer-window")
        left.addWidget(self.window_caption)
        left.addWidget(self.window_field)
        self.keypad = NumericKeypad(self)
        self.keypad.show_x(False)
        self.keypad.key.connect(lambda ch: self.window_field.setText((self.window_field.text() + ch)[:3]))
        self.keypad.backspace.connect(self.window_field.backspace)
        self.keypad.clear.connect(self.window_field.clear)
        left.addWidget(self.keypad, 1)
        self.to_window = TextButton("primary", self)
        self.to_window.setObjectName("transfer-to-window")
        self.to_window.clicked.connect(self._to_window)
        left.addWidget(self.to_window)
        root.addLayout(left, 1)
        right = self._right = QVBoxLayout()
        self.area_caption = QLabel(self)
        self.area_caption.setWordWrap(True)
        right.addWidget(self.area_caption)
        # every area of the hall, page by page where they do not all fit
        self.area_grid = PagedGrid(self)
        self.area_grid.setObjectName("transfer-areas")
        right.addWidget(self.area_grid, 1)
        self._gap = 12
        self._departments: tuple[Department, ...] = ()
        self._area_lang = ""
        self.cancel = TextButton("secondary", self)
        self.cancel.setObjectName("transfer-cancel")
        self.cancel.clicked.connect(self.cancelled.emit)
        right.addWidget(self.cancel)
        root.addLayout(right, 1)
        self.window_field.textChanged.connect(lambda t: self.to_window.setEnabled(bool(t)))
        self.to_window.setEnabled(False)

    def set_areas(self, departments: tuple[Department, ...], lang: str) -> None:
        """The hall's areas in ``lang``; made again only when either changed."""
        if (departments, lang) == (self._departments, self._area_lang):
            return
        self._departments, self._area_lang = departments, lang
        self.area_grid.set_items([partial(self._area_button, d) for d in departments])

    def _area_button(self, department: Department) -> TextButton:
        b = TextButton("secondary")
        b.setObjectName(f"transfer-area-{department.code}")
        b.set_texts(department.name.get(self._area_lang))
        b.clicked.connect(lambda _=False, code=department.code: self.chosen.emit(None, code))
        return b

    @property
    def area_buttons(self) -> dict[str, TextButton]:
        """The area buttons of the page shown, by area code."""
        return {w.objectName().removeprefix("transfer-area-"): w
                for w in self.area_grid.items_on_page() if isinstance(w, TextButton)}

    def _to_window(self) -> None:
        if self.window_field.text():
            self.chosen.emit(self.window_field.text(), None)

    def set_portrait(self, portrait: bool) -> None:
        """Portrait: the keypad above the areas, the areas two a row."""
        self._root.setDirection(QBoxLayout.Direction.TopToBottom if portrait
                                else QBoxLayout.Direction.LeftToRight)
        self._columns = 2 if portrait else 1
        self.area_grid.configure(self._columns, None, self._gap)

    def set_gap(self, gap: int) -> None:
        self._root.setSpacing(gap * 3)
        self._left.setSpacing(gap)
        self._right.setSpacing(gap)
        self._gap = gap
        self.area_grid.configure(self._columns, None, gap)
        self.keypad.set_gap(gap)

    def clear(self) -> None:
        self.window_field.clear()

    def retranslate(self) -> None:
        self.window_caption.setText(translate("Window", "To another window: its number"))
        self.area_caption.setText(translate("Window", "Or back to an area's queue:"))
        self.to_window.set_texts(translate("Window", "Transfer to this window"))
        self.cancel.set_texts(translate("Window", "Cancel"))
        self.window_field.setAccessibleName(translate("Window", "Window number"))
        self.keypad.retranslate()


class CallingPage(QWidget):
    """``served`` with the ticket just served and its matter's name (the terminal then
    offers the rating)."""

    served = Signal(object, str)  # QueueTicket, the matter's name in the UI language

    def __init__(self, steps: WindowSteps, lang: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps = steps
        self._lang = lang
        self.current: WindowTicket | None = None
        self.last_message = ""
        root = self._root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel(self)
        self.message.setObjectName("window-message")
        self.message.setWordWrap(True)
        set_role(self.message, "notice")
        self.message.hide()
        root.addWidget(self.message)
        body = self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        root.addLayout(body, 1)

        card = self.card = QFrame(self)
        card.setObjectName("window-ticket")
        set_role(card, "card")
        column = self._card = QVBoxLayout(card)
        self.caption = QLabel(card)
        self.number = QLabel(card)
        self.number.setObjectName("window-number")
        set_role(self.number, "ticket")
        self.tags = QLabel(card)
        self.tags.setObjectName("window-tags")
        self.tags.setWordWrap(True)
        set_role(self.tags, "success-text")
        self.matter = QLabel(card)
        self.matter.setObjectName("window-matter")
        self.matter.setWordWrap(True)
        set_role(self.matter, "title")
        self.calls = QLabel(card)
        self.calls.setObjectName("window-calls")
        self.calls.setWordWrap(True)
        self.checklist_area = ReadingArea(card)
        lines = self.checklist_area.column()
        self.checklist = QLabel(lines.parentWidget())
        self.checklist.setObjectName("window-checklist")
        self.checklist.setWordWrap(True)
        self.checklist.setTextFormat(Qt.TextFormat.PlainText)
        lines.addWidget(self.checklist)
        lines.addStretch(1)
        for w in (self.caption, self.number, self.tags, self.matter, self.calls):
            column.addWidget(w)
        column.addWidget(self.checklist_area, 1)
        body.addWidget(card, 2)

        self.side = QStackedWidget(self)
        buttons_host = QWidget(self.side)
        buttons = self._buttons = QVBoxLayout(buttons_host)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.next_button = self._button(buttons_host, "window-next", "primary", self._next)
        self.recall_button = self._button(buttons_host, "window-recall", "secondary", self._recall)
        self.transfer_button = self._button(buttons_host, "window-transfer", "secondary",
                                            self._transfer)
        self.no_show_button = self._button(buttons_host, "window-no-show", "secondary",
                                           self._no_show)
        self.served_button = self._button(buttons_host, "window-served", "primary", self._served)
        for b in (self.next_button, self.recall_button, self.transfer_button,
                  self.no_show_button, self.served_button):
            buttons.addWidget(b, 1)
        self.side.addWidget(buttons_host)
        self.transfer = TransferPanel(self.side)
        self.transfer.chosen.connect(self._transfer_to)
        self.transfer.cancelled.connect(lambda: self._show_side(False))
        self.side.addWidget(self.transfer)
        self.buttons_host = buttons_host
        body.addWidget(self.side, 1)
        self.busy_step = ""
        self._departments: tuple[Department, ...] = ()
        self._ask_again = QTimer(self)
        self._ask_again.setSingleShot(True)
        self._ask_again.setInterval(CURRENT_RETRY_MS)
        self._ask_again.timeout.connect(self._ask_current_again)
        self.retranslate()

    def _button(self, host: QWidget, name: str, role: str, action) -> TextButton:
        b = TextButton(role, host)
        b.setObjectName(name)
        b.clicked.connect(action)
        return b

    # -- the steps ------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask the platform which ticket this window has (after sign-in, a restart); asked
        again every ``CURRENT_RETRY_MS`` while the network is down."""
        self._ask_again.stop()
        self._run("current", "", self._show_current)

    def _run(self, step: str, ticket_id: str, done, **extra) -> None:
        self.busy_step = step
        if self.steps.run(step, ticket_id, lambda r: self._finished(done, r), self._failed,
                          **extra):
            self.say("")
        self._update_buttons()

    def _finished(self, done, result) -> None:
        self.busy_step = ""
        done(result)
        self._update_buttons()

    def _failed(self, exc: Exception) -> None:
        step, self.busy_step = self.busy_step, ""
        if step == "current" and transient(exc):
            self.say(translate("Window", "Network down: this window's called number cannot be "
                                         "checked just now. Nothing is lost."))
            self._ask_again.start()  # and shown by itself once the platform answers
        elif step == "next" and isinstance(exc, Refused) and exc.reason == "window_busy":
            # the platform knows a number called here that this screen does not show
            # (asked while the network was down): fetch it, so it can be finished
            self._update_buttons()
            self.refresh()
            self.say(step_error_text(exc))
            return
        else:
            self.say(step_error_text(exc))
            if transient(exc) and self.current is None:
                self._ask_again.start()  # a number may be called here that we do not know
        self._update_buttons()

    def _ask_current_again(self) -> None:
        if not self.steps.staff or self.current is not None:
            return
        if self.busy_step:
            self._ask_again.start()  # another step is on the wire: after it
        else:
            self.refresh()

    def reset(self) -> None:
        """Nothing of the staff member who signed out: no transfer half typed, no message,
        no asking for the window's number."""
        self._ask_again.stop()
        self.transfer.clear()
        self._show_side(False)
        self.current = None
        self.say("")

    def _next(self) -> None:
        self._run("next", "", self._called)

    def _called(self, ticket: WindowTicket | None) -> None:
        self.current = ticket
        if ticket is None:
            self.say(translate("Window", "Nobody is waiting for this window just now."))
        self.retranslate()

    def _show_current(self, ticket: WindowTicket | None) -> None:
        self.current = ticket
        self.retranslate()

    def _recall(self) -> None:
        if self.current is not None:
            self._run("recall", self.current.ticket.ticket_id, self._show_current)

    def _no_show(self) -> None:
        if self.current is not None:
            self._run("no_show", self.current.ticket.ticket_id, self._closed_unserved)

    def _closed_unserved(self, ticket: QueueTicket) -> None:
        self.current = None
        self.say(translate("Window", "%1 marked as not present.").replace("%1", ticket.number))
        self.retranslate()

    def _served(self) -> None:
        if self.current is not None:
            self._run("served", self.current.ticket.ticket_id, self._was_served)

    def _was_served(self, ticket: QueueTicket) -> None:
        was = self.current
        name = was.matter_name.get(self._lang()) if was and was.matter_name else ticket.matter
        self.current = None
        self.say(translate("Window", "%1 served.").replace("%1", ticket.number))
        self.retranslate()
        self.served.emit(ticket, name)

    def _transfer(self) -> None:
        if self.current is not None:
            self.transfer.clear()
            self._show_side(True)

    def _show_side(self, transferring: bool) -> None:
        """Transferring: the keypad and the areas take two thirds of the width, the card
        keeps the number and the matter (its checklist waits)."""
        self.side.setCurrentWidget(self.transfer if transferring else self.buttons_host)
        self._body.setStretch(0, 1 if transferring else 2)
        self._body.setStretch(1, 2 if transferring else 1)
        self.checklist_area.setVisible(self.current is not None and not transferring)

    def transferring(self) -> bool:
        return self.side.currentWidget() is self.transfer

    def _transfer_to(self, to_window: str | None, to_area: str | None) -> None:
        if self.current is None:
            return
        self._show_side(False)
        self._run("transfer", self.current.ticket.ticket_id, self._transferred,
                  to_window=to_window, to_area=to_area)

    def _transferred(self, ticket: QueueTicket) -> None:
        self.current = None
        where = (translate("Window", "window %1").replace("%1", ticket.window)
                 if ticket.window else ticket.area)
        self.say(translate("Window", "%1 transferred to %2.").replace("%1", ticket.number)
                 .replace("%2", where))
        self.retranslate()

    # -- look ---------------------------------------------------------------------

    def say(self, text: str) -> None:
        self.last_message = text
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_metrics(self, sizes: Sizes) -> None:
        gap = sizes.gap
        self._root.setSpacing(gap)
        self._body.setSpacing(gap * 2)
        self._card.setContentsMargins(gap * 2, gap, gap * 2, gap)
        self._card.setSpacing(gap)
        self._buttons.setSpacing(gap * 2)
        self.transfer.set_gap(gap)

    def set_portrait(self, portrait: bool) -> None:
        """Portrait: the ticket above the buttons (and the transfer's keypad and areas)."""
        self._body.setDirection(QBoxLayout.Direction.TopToBottom if portrait
                                else QBoxLayout.Direction.LeftToRight)
        self.transfer.set_portrait(portrait)

    def set_areas(self, departments: tuple[Department, ...]) -> None:
        self._departments = departments
        self.transfer.set_areas(departments, self._lang())

    def _update_buttons(self) -> None:
        called = self.current is not None
        idle = not self.busy_step
        self.next_button.setEnabled(idle and not called)
        for b in (self.recall_button, self.transfer_button, self.served_button):
            b.setEnabled(idle and called)
        self.no_show_button.setEnabled(idle and called and self.current is not None
                                       and self.current.may_mark_no_show)

    def retranslate(self) -> None:
        lang = self._lang()
        self.transfer.set_areas(self._departments, lang)  # their names follow the language
        t = self.current
        self.caption.setText(translate("Window", "Now serving") if t
                             else translate("Window", "No number called"))
        self.number.setText(t.ticket.number if t else "")
        self.number.setVisible(t is not None)
        tags = []
        if t and t.ticket.priority:
            tags.append(translate("Window", "Green channel (60 and over)"))
        if t and t.ticket.appointment:
            tags.append(translate("Window", "Appointment"))
        self.tags.setText(" · ".join(tags))
        self.tags.setVisible(bool(tags))
        name = t.matter_name.get(lang) if t and t.matter_name else (t.ticket.matter if t else "")
        self.matter.setText(name if t else translate("Window", "Press Call next to call a number."))
        if t:
            recalls = t.ticket.recalls
            self.calls.setText(
                translate("Window", "Called once.") if recalls == 0 else
                translate("Window", "Called %1 times. No-show possible after %2 recalls.")
                .replace("%1", str(recalls + 1)).replace("%2", str(t.no_show_after))
                if not t.may_mark_no_show else
                translate("Window", "Called %1 times: you may mark a no-show.")
                .replace("%1", str(recalls + 1)))
            heading = translate("Window", "What the resident should have brought:")
            items = [checklist_line(i, lang) for i in t.checklist]
            self.checklist.setText("\n".join([heading, *items]) if items else translate(
                "Window", "The catalogue lists no materials for this matter."))
        else:
            self.calls.setText("")
            self.checklist.setText("")
        self.calls.setVisible(t is not None)
        self.checklist_area.setVisible(t is not None and not self.transferring())
        self.next_button.set_texts(translate("Window", "Call next"))
        self.recall_button.set_texts(translate("Window", "Recall"))
        self.transfer_button.set_texts(translate("Window", "Transfer"))
        self.no_show_button.set_texts(translate("Window", "No-show"))
        self.served_button.set_texts(translate("Window", "Served"))
        self.transfer.retranslate()
        self._update_buttons()
