"""The staff panel's list of residents calling for staff, in the whole hall.

Each call says where the kiosk stands, the screen the resident was on and when they
called; a call nobody has answered for a while is marked "raised again" (the platform
counts it: docs/api.md, "Help requests"), and an answered one says who is on the way.
The signed-in member of staff answers: "I'll go" ("王芳 正在赶来" on the resident's
screen) and "Done". Each is audited like every staff action.

The list is polled while the panel is up (``HallCallsWatch``, a conditional GET every few
seconds). Calls keep the order they came in, so answering one moves no other row; a
new call is added at the end.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.staff.help_calls import CallState, HallCalls, HelpCalls, HelpRequest
from kiosk.sync.api_client import Refused
from ui.context import ScreenDeps
from ui.i18n import translate
from ui.theme import set_role
from ui.widgets.buttons import TextButton
from ui.workers.help_watch import HallCallsWatch
from ui.workers.tasks import OneCall


def screen_label(name: str) -> str:
    """The kiosk screen a resident called from, in staff's words."""
    if name.startswith("book_"):
        return translate("HelpRequests", "booking an appointment")
    labels = {
        "home": translate("HelpRequests", "start"),
        "services": translate("HelpRequests", "find a service"),
        "search": translate("HelpRequests", "search"),
        "departments": translate("HelpRequests", "find a service"),
        "life_events": translate("HelpRequests", "find a service"),
        "matter_list": translate("HelpRequests", "list of services"),
        "matter": translate("HelpRequests", "a service's guide"),
        "appointments": translate("HelpRequests", "my appointments"),
        "appointment_list": translate("HelpRequests", "my appointments"),
        "appointment": translate("HelpRequests", "my appointments"),
        "walk_in": translate("HelpRequests", "queue number"),
        "scan": translate("HelpRequests", "e-certificate"),
        "card": translate("HelpRequests", "e-certificate"),
        "coming_soon": translate("HelpRequests", "not available yet"),
    }
    return labels.get(name, name)


class HelpRequestList(QWidget):
    """The hall's calls for staff with their buttons; ``changed`` when its height may have."""

    changed = Signal()

    def __init__(self, deps: ScreenDeps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deps = deps
        self.setObjectName("help-requests")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.title = self._label("title")
        self.message = self._label("notice")  # what came of staff's last tap
        self.message.hide()
        self.note = self._label("muted")  # none / not connected / out of date
        for w in (self.title, self.message, self.note):
            column.addWidget(w)
        self.rows_box = QVBoxLayout()
        column.addLayout(self.rows_box)
        self.column = column
        self.watch = HallCallsWatch(self)
        self.watch.changed.connect(self.show_calls)
        self.watch.failed.connect(self._unreachable)
        self.action = OneCall()
        #: the calls shown, in the order they came; None: not asked yet
        self.calls: tuple[HelpRequest, ...] | None = None
        self.reachable = True
        self.row_widgets: list[QWidget] = []
        #: per call shown: (the call, its "I'll go" button or None, its "Done" button)
        self.rows: list[tuple[HelpRequest, TextButton | None, TextButton]] = []

    def _label(self, role: str) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        set_role(label, role)
        return label

    # -- the panel's hooks ---------------------------------------------------------------

    def start(self) -> None:
        """The panel is up: poll the hall's calls."""
        self.say("")
        self.watch.start(self.deps.central)
        self.retranslate()

    def stop(self) -> None:
        self.watch.stop()
        self.action.cancel()

    def hideEvent(self, event) -> None:  # noqa: N802 - the panel hidden: no more polling
        self.stop()
        super().hideEvent(event)

    def reset(self) -> None:
        self.stop()
        self.calls, self.reachable = None, True
        self.say("")
        self._clear_rows()

    def set_spacing(self, gap: int) -> None:
        self.column.setSpacing(gap)
        self.rows_box.setSpacing(gap)

    # -- the list ------------------------------------------------------------------------

    def show_calls(self, calls: HallCalls) -> None:
        """The hall's calls as the platform listed them (the watch's; the gallery's)."""
        self.reachable = True
        self.calls = tuple(sorted(calls.requests, key=lambda r: (r.received_at, r.help_id)))
        self.retranslate()

    def _unreachable(self, _error: Exception) -> None:
        if self.reachable:
            self.reachable = False
            self.retranslate()

    def _answered(self, action: str, request: HelpRequest, number: str) -> None:
        staff = self.deps.staff
        if staff is not None:
            staff.record_action(f"help_{action}", help_id=request.help_id,
                                state=str(request.state))
        by = request.acknowledged_by
        if action == "acknowledged" and by is not None:
            self.say(translate("HelpRequests", "The resident is told: %1 is on the way.")
                     .replace("%1", by.name) if by.number == number
                     else translate("HelpRequests", "%1 is already on the way.").replace(
                         "%1", by.name))
        elif action == "closed":
            self.say(translate("HelpRequests", "The call is closed."))
        if self.calls is not None:  # shown at once; the next poll confirms it
            self.calls = tuple(request if c.help_id == request.help_id else c
                               for c in self.calls
                               if c.help_id != request.help_id or request.state in (
                                   CallState.OPEN, CallState.ACKNOWLEDGED))
        self.retranslate()
        self.watch.poll()

    def _refused(self, error: Exception) -> None:
        reason = error.reason if isinstance(error, Refused) else ""
        if reason == "unknown_staff":
            self.say(translate("HelpRequests", "The platform does not know your staff number "
                                               "(an account of this kiosk only?), so you cannot "
                                               "answer calls."))
        elif reason in ("help_request_ended", "help_request_not_found"):
            self.say(translate("HelpRequests", "This call has already ended."))
            self.watch.poll()
        else:
            self.say(translate("HelpRequests", "The platform cannot be reached just now. "
                                               "Please try again."))

    def _act(self, request: HelpRequest, action: str) -> None:
        staff, access = self.deps.staff, self.deps.central()
        if staff is None or staff.member is None or access is None:
            return
        number = staff.member.number
        calls = HelpCalls(access.client())
        if action == "acknowledged":
            self.action.start(lambda: calls.acknowledge(request.help_id, number),
                              lambda r: self._answered(action, r, number), self._refused)
        else:
            self.action.start(lambda: calls.close(request.help_id, number),
                              lambda r: self._answered(action, r, number), self._refused)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.changed.emit()

    # -- texts and rows ------------------------------------------------------------------

    def retranslate(self) -> None:
        calls = self.calls or ()
        self.title.setText(translate("HelpRequests", "Residents calling for staff: %1")
                           .replace("%1", str(len(calls))))
        if self.deps.central() is None:
            note = translate("HelpRequests", "This kiosk is not connected to the platform, so "
                                             "residents' calls cannot be shown here.")
        elif not self.reachable:
            note = translate("HelpRequests", "The platform cannot be reached just now: this "
                                             "list may be out of date.")
        elif self.calls is None:
            note = translate("HelpRequests", "Looking for calls…")
        elif not calls:
            note = translate("HelpRequests", "No resident is calling for staff now.")
        else:
            note = ""
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self._fill_rows(calls)
        self.changed.emit()

    def _clear_rows(self) -> None:
        for row in self.row_widgets:  # deleting the widget takes its place in the layout
            row.hide()
            row.deleteLater()
        self.row_widgets, self.rows = [], []

    def _fill_rows(self, calls: tuple[HelpRequest, ...]) -> None:
        self._clear_rows()
        gap = self.deps.presentation.theme.sizes.gap
        for request in calls:
            holder = QWidget(self)
            holder.setObjectName(f"help-request-{request.help_id}")
            holder.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
            set_role(holder, "card")
            box = QVBoxLayout(holder)
            box.setContentsMargins(gap, gap // 2, gap, gap // 2)
            box.setSpacing(gap // 2)
            where = QLabel(holder)
            where.setWordWrap(True)
            where.setText(self._where(request))
            box.addWidget(where)
            state = QLabel(holder)
            state.setWordWrap(True)
            text, role = self._state_line(request)
            state.setText(text)
            set_role(state, role)
            box.addWidget(state)
            buttons = QHBoxLayout()
            buttons.setSpacing(gap)
            go = None
            if request.state is CallState.OPEN:
                go = TextButton("primary", holder)
                go.setObjectName(f"help-go-{request.help_id}")
                go.set_texts(translate("HelpRequests", "I'll go"))
                go.clicked.connect(lambda _=False, r=request: self._act(r, "acknowledged"))
                buttons.addWidget(go, 1)
            done = TextButton("secondary", holder)
            done.setObjectName(f"help-done-{request.help_id}")
            done.set_texts(translate("HelpRequests", "Done"))
            done.clicked.connect(lambda _=False, r=request: self._act(r, "closed"))
            buttons.addWidget(done, 1)
            box.addLayout(buttons)
            self.rows_box.addWidget(holder)
            holder.show()
            self.row_widgets.append(holder)
            self.rows.append((request, go, done))

    def _where(self, request: HelpRequest) -> str:
        return (translate("HelpRequests", "Called at %3 — %1 — screen: %2")
                .replace("%1", request.location)
                .replace("%2", screen_label(request.screen))
                .replace("%3", self._time(request.received_at)))

    def _state_line(self, request: HelpRequest) -> tuple[str, str]:
        by = request.acknowledged_by
        if request.state is CallState.ACKNOWLEDGED and by is not None:
            return (translate("HelpRequests", "%1 is on the way (since %2)")
                    .replace("%1", by.name)
                    .replace("%2", self._time(request.acknowledged_at)), "success-text")
        if request.raised_count:
            return (translate("HelpRequests", "⚠ Waiting a long time: raised again (%1)")
                    .replace("%1", str(request.raised_count)), "danger-text")
        return translate("HelpRequests", "Nobody has answered yet"), "muted"

    def _time(self, moment: datetime | None) -> str:
        return hall_clock(moment, self.deps.settings.timezone) or "?"


def hall_clock(moment: datetime | None, timezone: str) -> str:
    """``10:42``: the time of ``moment`` in the hall (UTC if its zone is unknown here)."""
    if moment is None:
        return ""
    zone: tzinfo
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = UTC
    return moment.astimezone(zone).strftime("%H:%M")
