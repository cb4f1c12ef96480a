"""The staff panel: residents calling for staff (``ui.widgets.help_requests``), the device's
health, the dead letters, the hall's defaults, and the staff actions (help a resident,
export diagnostics, the demo's outage switch, sign out, exit the kiosk — administrators only).

Every change made here is audited through the outbox. A dead letter is retried
(back into the line at its old place) or discarded with a reason (the row stays).
"""

from __future__ import annotations

import logging
import platform
from datetime import UTC
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

import kiosk
from kiosk.rules.typography import date_time
from kiosk.rules.wire_time import parse_time
from kiosk.staff import health
from kiosk.staff.desk import StaffDesk
from kiosk.staff.health import DEAD_SHOWN, DeskHealth
from kiosk.sync.outbox import Outbox, OutboxItem
from kiosk.sync.store import StoreError
from ui.context import ScreenDeps
from ui.device_status import camera_status, card_reader_status, printer_status
from ui.i18n import translate
from ui.outbox_words import kind_text, problem_text
from ui.screens.steps import Step
from ui.theme import set_role
from ui.widgets.buttons import TextButton
from ui.widgets.help_requests import HelpRequestList
from ui.widgets.reading import ReadingArea

log = logging.getLogger(__name__)

HEALTH_EVERY_MS = 5000
#: the oldest item waiting longer than this is called out (a blocked line)
STUCK_AFTER_S = 15 * 60
DISCARD_REASONS = ("duplicate", "done_at_counter", "resident_withdrew", "wrong_data")


class StaffPanelScreen(Step):
    name = "staff_panel"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.area = ReadingArea(self)
        self.content = self.area.column()
        content = self.content.parentWidget()
        assert content is not None  # column() lays out a widget of its own
        self.health = QLabel(content)
        self.health.setObjectName("staff-health")
        self.health.setWordWrap(True)
        set_role(self.health, "notice")
        self.help_list = HelpRequestList(deps, content)  # first of all: a resident waiting
        self.help_list.changed.connect(self.area.fit)
        self.content.addWidget(self.help_list)
        self.action_grid = QGridLayout()  # not "actions": that would hide QWidget.actions()
        self.content.addLayout(self.action_grid)  # first: what staff came to do
        self.dead_title = QLabel(content)
        set_role(self.dead_title, "title")
        self.dead_title.setWordWrap(True)
        self.content.addWidget(self.dead_title)
        self.dead_box = QVBoxLayout()
        self.content.addLayout(self.dead_box)
        self.content.addWidget(self.health)
        self.discarding: OutboxItem | None = None
        self.defaults_title = QLabel(content)
        self.defaults_title.setWordWrap(True)
        set_role(self.defaults_title, "title")
        self.content.addWidget(self.defaults_title)
        self.defaults = QGridLayout()
        self.language_button = self._button("secondary", "staff-default-language", content)
        self.elderly_button = self._button("secondary", "staff-default-elderly", content)
        self.read_button = self._button("secondary", "staff-default-read-aloud", content)
        for b in (self.elderly_button, self.read_button):
            b.setCheckable(True)
        self.language_button.clicked.connect(self._toggle_language)
        self.elderly_button.clicked.connect(
            lambda: self._set_default("default_elderly", self.elderly_button.isChecked()))
        self.read_button.clicked.connect(
            lambda: self._set_default("read_aloud_auto_elderly", self.read_button.isChecked()))
        self.content.addLayout(self.defaults)
        self.assist_button = self._button("primary", "staff-assist", content)
        self.assist_button.clicked.connect(lambda: self.deps.navigator.go("assist_consent"))
        self.export_button = self._button("secondary", "staff-export", content)
        self.export_button.clicked.connect(self._export)
        self.outage_button = self._button("secondary", "staff-outage", content)
        self.outage_button.setCheckable(True)
        self.outage_button.clicked.connect(self._outage)
        self.sign_out_button = self._button("secondary", "staff-sign-out", content)
        self.sign_out_button.clicked.connect(self._sign_out)
        self.exit_button = self._button("danger", "staff-exit", content)
        self.exit_button.clicked.connect(self._exit)
        self.content.addStretch(1)
        self.root.addWidget(self.area, 1)
        # the health lines follow the kiosk while the panel is up (the rows with buttons
        # change only on staff's own actions: nothing moves under a finger)
        self.health_timer = QTimer(self)
        self.health_timer.setInterval(HEALTH_EVERY_MS)
        self.health_timer.timeout.connect(self.tick_health)
        self.dead_rows: list[tuple[OutboxItem, QLabel, TextButton, TextButton]] = []
        self.dead_row_widgets: list[QWidget] = []
        self.reason_buttons: list[TextButton] = []
        #: what the panel shows of the kiosk's database, read by ``refresh``
        self.snapshot: DeskHealth | None = None
        self.retranslate()

    @staticmethod
    def _button(role: str, name: str, parent: QWidget) -> TextButton:
        b = TextButton(role, parent)
        b.setObjectName(name)
        return b

    # -- layout -------------------------------------------------------------------

    def apply_mode(self) -> None:
        super().apply_mode()
        gap = self.deps.presentation.theme.sizes.gap
        self.content.setSpacing(gap)
        self.dead_box.setSpacing(gap)
        self.defaults.setSpacing(gap)
        self.action_grid.setSpacing(gap)
        self.help_list.set_spacing(gap)
        self._grid_buttons()

    def _grid_buttons(self) -> None:
        """The buttons in rows of two (one in 长辈版 portrait); a hidden one (the demo's
        outage switch, Exit for an assistant) leaves no hole."""
        columns = 1 if self.deps.presentation.portrait and self.deps.presentation.elderly else 2
        for grid, buttons in ((self.defaults, (self.language_button, self.elderly_button, self.read_button)),
                              (self.action_grid, (self.assist_button, self.export_button, self.outage_button,
                                              self.sign_out_button, self.exit_button))):
            for b in buttons:
                grid.removeWidget(b)
            for i, b in enumerate(b for b in buttons if not b.isHidden()):
                grid.addWidget(b, i // columns, i % columns)

    # -- state --------------------------------------------------------------------

    def _staff(self):
        staff = self.deps.staff
        return staff if staff is not None and staff.signed_in else None

    def enter(self, **_kw: Any) -> None:
        if self._staff() is None:  # reached without signing in: never
            self.deps.navigator.home()
            return
        self.discarding = None
        self.refresh()
        self.health_timer.start()
        self.help_list.start()

    def hideEvent(self, event) -> None:  # noqa: N802
        self.health_timer.stop()
        super().hideEvent(event)

    def tick_health(self) -> None:
        if self._staff() is None or not self.isVisible():
            self.health_timer.stop()
            return
        try:
            self._read_snapshot()
        except StoreError as exc:
            log.warning("staff panel health: %s", exc)
            return
        self.health.setText(self._health_text())

    def reset(self) -> None:
        self.health_timer.stop()
        self.help_list.reset()
        self.discarding = None
        self.snapshot = None
        self.say("")
        self._clear_dead_rows()

    def refresh(self) -> None:
        """Read the kiosk's state again, then show it (``retranslate`` only sets texts)."""
        try:
            self._read_snapshot()
        except StoreError as exc:  # the database busy or broken: said, and staff stay in
            log.error("staff panel: %s", exc)
            # the error's own words (English, technical) go to the log and the export
            self.say(translate("StaffPanel", "The kiosk's database cannot be read just now. "
                                             "Try again in a moment; if it stays, export the "
                                             "diagnostics for IT."))
        self.retranslate()
        self.area.fit()

    def _read_snapshot(self) -> None:
        desk = self._desk()
        self.snapshot = health.snapshot(desk, DEAD_SHOWN) if desk is not None else None

    def _desk(self) -> StaffDesk | None:
        staff = self.deps.staff
        return staff.desk() if staff is not None else None

    def _outbox(self) -> Outbox | None:
        desk = self._desk()
        return desk.outbox if desk is not None else None

    # -- health -------------------------------------------------------------------

    def _health_text(self) -> str:
        device, snap = self.deps.device, self.snapshot
        zone = _zone(self.deps.settings.timezone)
        lines = []
        status = device.sync_status() if device is not None else None
        if status is None or status.online is None:
            lines.append(translate("StaffPanel", "Network: not connected to a central platform"))
        elif status.online:
            lines.append(translate("StaffPanel", "Network: online"))
        else:
            since = (date_time(status.offline_since.astimezone(zone), self.lang, year=False)
                     if status.offline_since else "?")
            lines.append(translate("StaffPanel", "Network: offline since %1").replace("%1", since))
        if status is not None and status.problem:
            lines.append(translate("StaffPanel", "Last problem: %1").replace("%1", problem_text(status.problem)))
        last = (date_time(status.last_contact.astimezone(zone), self.lang, year=False, seconds=True)
                if status is not None and status.last_contact else translate("StaffPanel", "never"))
        lines.append(translate("StaffPanel", "Last contact with the platform: %1").replace("%1", last))
        if snap is not None:
            c = snap.outbox
            lines.append(translate("StaffPanel",
                                   "Outbox: %1 waiting, %2 sent, %3 refused, %4 need staff, %5 discarded")
                         .replace("%1", str(c.pending)).replace("%2", str(c.sent))
                         .replace("%3", str(c.refused)).replace("%4", str(c.dead))
                         .replace("%5", str(c.discarded)))
            if snap.oldest_pending is not None:
                age = (self.now() - snap.oldest_pending).total_seconds()
                minutes = str(int(age // 60))
                if age > STUCK_AFTER_S:
                    lines.append(translate("StaffPanel", "⚠ The oldest item has waited %1 min: check the network "
                                                         "or the central platform").replace("%1", minutes))
                else:
                    lines.append(translate("StaffPanel", "Oldest waiting item: %1 min").replace("%1", minutes))
            synced = snap.staff_list_synced
            lines.append(translate("StaffPanel", "Staff list from the platform: %1")
                         .replace("%1", _local(synced, zone, self.lang) if synced
                                  else translate("StaffPanel", "never")))
            if snap.trust_list_checked is None:
                lines.append(translate("StaffPanel", "E-certificate issuer list: none yet"))
            else:
                lines.append(translate("StaffPanel", "E-certificate issuer list: issued %1, checked %2")
                             .replace("%1", _local(snap.trust_list_issued, zone, self.lang))
                             .replace("%2", _local(snap.trust_list_checked, zone, self.lang)))
        lines.append(translate("StaffPanel", "Camera: %1").replace("%1", camera_status(self.deps.settings.camera)))
        lines.append(translate("StaffPanel", "Printer: %1").replace("%1", printer_status(self.deps.settings)))
        lines.append(translate("StaffPanel", "ID-card reader: %1")
                     .replace("%1", card_reader_status(self.deps.card_reader, zone)))
        if device is not None:
            lines.append(translate("StaffPanel", "Read-aloud: %1").replace("%1", device.speech_status()))
        lines.append(translate("StaffPanel", "Version: %1 (Python %2)")
                     .replace("%1", kiosk.__version__).replace("%2", platform.python_version()))
        return "\n".join(lines)

    # -- dead letters -------------------------------------------------------------

    def _clear_dead_rows(self) -> None:
        # each row is a widget of its own: deleting it takes its place in the layout with
        # it (never takeAt(): a layout item taken into Python is deleted twice)
        for row in self.dead_row_widgets:
            row.hide()
            row.deleteLater()
        self.dead_row_widgets = []
        self.dead_rows = []
        self.reason_buttons = []

    def _row_widget(self, parent: QWidget) -> QWidget:
        row = QWidget(parent)
        self.dead_box.addWidget(row)
        self.dead_row_widgets.append(row)
        return row

    def _fill_dead(self) -> None:
        self._clear_dead_rows()
        items = self.snapshot.dead if self.snapshot is not None else ()
        parent = self.health.parentWidget()
        assert parent is not None  # the health line is made in the scroll area's column
        if self.discarding is not None:
            self._fill_reasons(parent)
            return
        gap = self.deps.presentation.theme.sizes.gap
        for item in items:
            holder = self._row_widget(parent)
            label = QLabel(holder)
            label.setWordWrap(True)
            label.setText(self._describe(item))
            retry = self._button("secondary", f"dead-retry-{item.seq}", holder)
            retry.set_texts(translate("StaffPanel", "Retry"))
            retry.clicked.connect(lambda _=False, i=item: self._retry(i))
            discard = self._button("secondary", f"dead-discard-{item.seq}", holder)
            discard.set_texts(translate("StaffPanel", "Discard…"))
            discard.clicked.connect(lambda _=False, i=item: self._ask_reason(i))
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(gap)
            row.addWidget(label, 2)
            row.addWidget(retry, 1)
            row.addWidget(discard, 1)
            if self.deps.presentation.portrait:
                row.setDirection(QHBoxLayout.Direction.TopToBottom)
            holder.show()
            self.dead_rows.append((item, label, retry, discard))

    def _describe(self, item: OutboxItem | None) -> str:
        if item is None:
            return ""
        zone = _zone(self.deps.settings.timezone)
        return (translate("StaffPanel", "%1, made %2: %3").replace("%1", kind_text(item.kind))
                .replace("%2", _local(item.created_at, zone, self.lang))
                .replace("%3", problem_text(item.last_error)))

    def _fill_reasons(self, parent: QWidget) -> None:
        texts = {
            "duplicate": translate("StaffPanel", "A duplicate of another request"),
            "done_at_counter": translate("StaffPanel", "Done at the counter instead"),
            "resident_withdrew": translate("StaffPanel", "The resident withdrew it"),
            "wrong_data": translate("StaffPanel", "Wrong data; entered again correctly"),
        }
        holder = self._row_widget(parent)
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(self.deps.presentation.theme.sizes.gap)
        which = QLabel(holder)  # the item being discarded, above the reasons
        which.setObjectName("discarding")
        which.setWordWrap(True)
        which.setText(self._describe(self.discarding))
        grid.addWidget(which, 0, 0, 1, 2)
        for i, code in enumerate((*DISCARD_REASONS, "cancel"), start=2):
            b = self._button("secondary", f"discard-reason-{code}", holder)
            b.set_texts(texts.get(code, translate("StaffPanel", "Keep it (go back)")))
            b.clicked.connect(lambda _=False, c=code: self._discard(c))
            grid.addWidget(b, i // 2, i % 2)
            self.reason_buttons.append(b)
        holder.show()

    def _retry(self, item: OutboxItem) -> None:
        outbox, staff = self._outbox(), self._staff()
        if outbox is None or staff is None:
            return
        if outbox.requeue(item.id):
            staff.record_action("dead_letter_retried", item=item.id, submission=item.kind)
            self.say(translate("StaffPanel", "Put back in the line to send."))
        self.refresh()

    def _ask_reason(self, item: OutboxItem) -> None:
        self.discarding = item
        self.say(translate("StaffPanel", "Why discard it? The record stays, marked discarded."))
        self.refresh()

    def _discard(self, code: str) -> None:
        item, self.discarding = self.discarding, None
        outbox, staff = self._outbox(), self._staff()
        if code != "cancel" and item is not None and outbox is not None and staff is not None:
            staff_member = staff.member
            if outbox.discard(item.id, code, self.now()):
                staff.record_action("dead_letter_discarded", item=item.id, submission=item.kind,
                                    reason=code, by=staff_member.number)
                self.say(translate("StaffPanel", "Discarded, with the reason recorded."))
        else:
            self.say("")
        self.refresh()

    # -- defaults and actions -----------------------------------------------------

    def _toggle_language(self) -> None:
        device = self.deps.device
        if self._staff() is not None and device is not None:
            language = device.hall_default("default_language")
            self._set_default("default_language", "en" if language.startswith("zh") else "zh_CN")

    def _set_default(self, name: str, value: Any) -> None:
        try:
            self._save_default(name, value)
        except StoreError as exc:
            log.error("staff panel: %s", exc)
            self.say(translate("StaffPanel", "The kiosk's database cannot be read just now. "
                                             "Try again in a moment; if it stays, export the "
                                             "diagnostics for IT."))

    def _save_default(self, name: str, value: Any) -> None:
        staff, desk = self._staff(), self._desk()
        if staff is None or staff.member is None or desk is None:
            return
        desk.save_default(name, value, staff.member)
        staff.record_action("hall_default_changed", setting=name, value=value)
        if self.deps.device is not None:
            self.deps.device.hall_defaults_changed()
        self.say(translate("StaffPanel", "Saved: new sessions start this way."))
        self.refresh()

    def _export(self) -> None:
        staff, device = self._staff(), self.deps.device
        if staff is None:
            return
        try:
            path = device.export_diagnostics() if device is not None else None
        except Exception as exc:  # a full disk, no folder: said, not raised
            log.error("staff panel: diagnostics export: %s", exc)
            self.say(translate("StaffPanel", "The diagnostics could not be saved (the disk may "
                                             "be full or not writable). Please tell IT."))
            return
        if path is None:
            self.say(translate("StaffPanel", "Diagnostics export is not available here."))
            return
        staff.record_action("diagnostics_exported", file=path.name)
        self.say(translate("StaffPanel", "Diagnostics saved (personal data removed): %1").replace("%1", str(path)))

    def _outage(self) -> None:
        staff, device = self._staff(), self.deps.device
        if staff is None or device is None or not device.has_outage_switch():
            return
        device.toggle_outage()
        staff.record_action("demo_outage_toggled", outage=self.outage_button.isChecked())
        self.say(translate("StaffPanel", "Demo: the central server is being stopped or started; "
                                         "watch the status at the top."))

    def _sign_out(self) -> None:
        self.deps.navigator.hand_back()

    def _exit(self) -> None:
        staff = self._staff()
        if staff is None or not staff.member.is_administrator:
            return
        staff.record_action("kiosk_exit")
        if self.deps.device is not None:
            self.deps.device.exit_kiosk()

    def retranslate(self) -> None:
        """Texts only, from what ``refresh`` last read (no database access here)."""
        staff, device = self._staff(), self.deps.device
        self.title.setText(translate("StaffPanel", "Staff panel"))
        self.instruction.setText(translate(
            "StaffPanel", "This kiosk's health and queue. Everything done here is recorded."))
        if staff is None:
            return
        self.health.setText(self._health_text())
        dead = self.snapshot.outbox.dead if self.snapshot is not None else 0
        self.dead_title.setText(translate("StaffPanel", "Needs staff: %1").replace("%1", str(dead)))
        self._fill_dead()
        self.defaults_title.setText(translate("StaffPanel", "The hall's defaults"))
        self.help_list.retranslate()
        def default(name: str) -> Any:
            return device.hall_default(name) if device is not None else None

        lang = default("default_language")
        self.language_button.set_texts(translate("StaffPanel", "Language at start"),
                                       "中文" if str(lang).startswith("zh") else "English")
        self.elderly_button.setChecked(bool(default("default_elderly")))
        self.elderly_button.set_texts(translate("StaffPanel", "Start in 长辈版"),
                                      _on_off(self.elderly_button.isChecked()))
        self.read_button.setChecked(bool(default("read_aloud_auto_elderly")))
        self.read_button.set_texts(translate("StaffPanel", "Read aloud by itself in 长辈版"),
                                   _on_off(self.read_button.isChecked()))
        self.assist_button.set_texts(translate("StaffPanel", "Help a resident"))
        self.export_button.set_texts(translate("StaffPanel", "Export diagnostics"))
        self.outage_button.setVisible(device is not None and device.has_outage_switch())
        self.outage_button.set_texts(translate("StaffPanel", "Demo: simulate a network outage"))
        self.sign_out_button.set_texts(translate("StaffPanel", "Sign out"))
        # only administrators may exit: the others do not see the button
        self.exit_button.setVisible(staff.member.is_administrator)
        self.exit_button.set_texts(translate("StaffPanel", "Exit the kiosk"))
        self._grid_buttons()


def _on_off(on: bool) -> str:
    return translate("StaffPanel", "On") if on else translate("StaffPanel", "Off")


def _zone(name: str):
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError):
        return UTC


def _local(stamp: str | None, zone, lang: str) -> str:
    """A wire time (UTC ISO 8601) as the hall reads it: "2026年12月7日 10:42"."""
    if not stamp:
        return "?"
    try:
        return date_time(parse_time(stamp).astimezone(zone), lang)
    except ValueError:
        return stamp
