"""Calling staff (呼叫工作人员): one tap on a red "Call staff" button calls, and this screen
says what became of the call, in plain words.

- "正在呼叫工作人员……" while it goes out;
- "已通知工作人员，请稍候" with the time it was sent, once the platform has it;
- "王芳 正在赶来" once a member of staff has answered it on a staff panel;
- offline, honestly: the call could not be sent, where the service desk is (the hall's
  ``service_desk_zh`` / ``service_desk_en``), and that the kiosk calls again when the
  network is back, as long as the resident is still here (``kiosk.staff.help_calls``:
  the session's end takes back a call not sent yet);
- the resident can cancel ("不用了，取消呼叫").

Coming to this screen calls, unless a call of this session is still on (then it shows
that one). The screen the resident came from (``from_screen``) goes with the call, so
staff know where they were stuck.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout

from kiosk.staff import help_calls
from kiosk.staff.help_calls import ACTIVE, CallState, CallStatus, HelpCall, HelpRequest
from kiosk.sync.store import StoreError
from ui.context import ScreenDeps
from ui.i18n import translate
from ui.screens.steps import Step
from ui.theme import set_role
from ui.widgets.buttons import TextButton
from ui.widgets.help_requests import hall_clock
from ui.workers.help_watch import CallWatch

log = logging.getLogger(__name__)

#: this kiosk has no platform to call through (not configured, or not yet connected)
NO_PLATFORM = "no_platform"
#: the states that say where the service desk is: staff have not been told
NOT_TOLD = frozenset({NO_PLATFORM, CallState.NOT_SENT, CallState.FAILED})


class HelpCallScreen(Step):
    name = "call_staff"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        set_role(self.title, "display")  # what became of the call, in the largest type
        # where to go comes before the why: the service desk, when staff have not been told
        self.root.removeWidget(self.message)
        self.root.insertWidget(1, self.message)
        self.root.addStretch(1)
        self.cancel_button = self._button("secondary", "help-cancel", self.cancel)
        self.again_button = self._button("primary", "help-again", self.call_again)
        self.home_button = self._button("primary", "call-staff-home", deps.navigator.home)
        self.row = QHBoxLayout()
        for b in (self.cancel_button, self.again_button, self.home_button):
            self.row.addWidget(b, 1)
        self.root.addLayout(self.row)
        self.watch = CallWatch(self)
        self.watch.changed.connect(self._changed)
        self.call: HelpCall | None = None
        self.state: str = NO_PLATFORM
        self.request: HelpRequest | None = None
        self.made_at: datetime | None = None
        self.from_screen = ""
        self.retranslate()

    def _button(self, role: str, name: str, action: Any) -> TextButton:
        b = TextButton(role, self)
        b.setObjectName(name)
        b.clicked.connect(lambda _=False: action())
        return b

    def apply_mode(self) -> None:
        super().apply_mode()
        p = self.deps.presentation
        self.row.setSpacing(p.theme.sizes.gap * 2)
        self.row.setDirection(QBoxLayout.Direction.TopToBottom if p.portrait and p.elderly
                              else QBoxLayout.Direction.LeftToRight)

    # -- the call ---------------------------------------------------------------------

    def enter(self, from_screen: str = "", **_kw: Any) -> None:
        if self.call is not None and self.state in ACTIVE:
            self.watch.watch(self.deps.central, self.call)  # the call on: show it
        else:
            self.from_screen = from_screen or "other"
            self._place()
        self.retranslate()

    def _place(self) -> None:
        self.request, self.made_at = None, self.now()
        central = self.deps.central()
        if central is None:
            self.call, self.state = None, NO_PLATFORM
            return
        try:
            self.call = help_calls.call(central.outbox, central.creds.device_id,
                                        self.from_screen, self.deps.settings.kiosk_location,
                                        self.made_at)
        except StoreError as exc:  # the kiosk's database cannot be written: said, not raised
            log.error("a call for staff could not be written: %s", exc)
            self.call, self.state = None, CallState.FAILED
            return
        self.state = CallState.SENDING
        central.urge()
        self.watch.watch(self.deps.central, self.call)

    def _changed(self, status: CallStatus) -> None:
        if self.call is None or self.state is CallState.CANCELLED:
            return  # the resident cancelled: what the call did before that is past
        self.state = status.state
        if status.request is not None:
            self.request = status.request
        self.retranslate()

    def cancel(self) -> None:
        central = self.deps.central()
        self.watch.stop()
        if self.call is not None and central is not None:
            try:
                help_calls.take_back(central.outbox, self.call, self.now())
            except StoreError as exc:
                log.error("a call for staff could not be taken back: %s", exc)
            central.urge()
        self.state = CallState.CANCELLED
        self.retranslate()

    def call_again(self) -> None:
        self._place()
        self.retranslate()

    def hideEvent(self, event) -> None:  # noqa: N802
        self.watch.stop()  # followed again when the resident comes back
        if self.state not in ACTIVE:  # an ended call: coming back calls anew
            self.call, self.request = None, None
        super().hideEvent(event)

    def reset(self) -> None:
        """The session ends: a call not sent yet is taken back (the resident has gone); one
        already sent stays with staff, who close it."""
        self.watch.stop()
        central = self.deps.central()
        if self.call is not None and central is not None:
            try:
                if help_calls.leave(central.outbox, self.call, self.now()):
                    central.urge()
            except StoreError as exc:
                log.error("a call for staff could not be taken back: %s", exc)
        self.call, self.request, self.made_at = None, None, None
        self.state, self.from_screen = NO_PLATFORM, ""
        self.say("")

    # -- texts --------------------------------------------------------------------------

    def _time(self, moment: datetime | None) -> str:
        return hall_clock(moment, self.deps.settings.timezone)

    def _where_to_go(self) -> str:
        s = self.deps.settings
        parts = [translate("CallStaff", "Please go to the service desk."),
                 s.service_desk_zh if self.lang == "zh" else s.service_desk_en,
                 translate("CallStaff", "You can also raise your hand: staff nearby will help you.")]
        hall = self.deps.catalogue.hall(s.hall_code)
        if hall is not None and hall.phone:
            parts.append(translate("CallStaff", "Help line: %1").replace("%1", hall.phone))
        return ("" if self.lang == "zh" else " ").join(p.strip() for p in parts if p.strip())

    def retranslate(self) -> None:
        state = self.state
        sent = self._time(self.request.received_at if self.request else self.made_at)
        if state is CallState.SENDING:
            title = translate("CallStaff", "Calling staff…")
            text = translate("CallStaff", "Please wait a moment.")
        elif state is CallState.OPEN:
            title = translate("CallStaff", "Staff have been told. Please wait.")
            text = translate("CallStaff", "Your call was sent at %1. A member of staff will "
                                          "come to you here, at this machine.").replace("%1", sent)
        elif state is CallState.ACKNOWLEDGED:
            by = self.request.acknowledged_by if self.request else None
            title = (translate("CallStaff", "%1 is on the way").replace("%1", by.name) if by
                     else translate("CallStaff", "A member of staff is on the way"))
            text = translate("CallStaff", "Your call (sent at %1) has been answered. Please wait "
                                          "here.").replace("%1", sent)
        elif state is CallState.NOT_SENT:
            title = translate("CallStaff", "Staff could not be called")
            text = translate("CallStaff", "The network is not working. When it works again, this "
                                          "machine will call staff for you, as long as you are "
                                          "still here.")
        elif state is CallState.FAILED:
            title = translate("CallStaff", "Staff could not be called")
            text = translate("CallStaff", "This machine could not send your call.")
        elif state is CallState.CLOSED:
            title = translate("CallStaff", "Staff have dealt with your call")
            text = translate("CallStaff", "Do you still need help? Tap the Call again button.")
        elif state is CallState.CANCELLED:
            title = translate("CallStaff", "Your call is cancelled")
            text = translate("CallStaff", "Do you still need help? Tap the Call again button.")
        else:  # NO_PLATFORM
            title = translate("CallStaff", "This machine cannot call staff")
            text = translate("CallStaff", "It is not connected to the hall's system.")
        self.title.setText(title)
        self.instruction.setText(text)
        self.say(self._where_to_go() if state in NOT_TOLD else "")
        self.cancel_button.setVisible(state in ACTIVE)
        self.again_button.setVisible(state in (CallState.CLOSED, CallState.CANCELLED,
                                               CallState.FAILED))
        self.cancel_button.set_texts(translate("CallStaff", "No thanks, cancel the call"))
        self.again_button.set_texts(translate("CallStaff", "Call again"))
        self.home_button.set_texts(translate("CallStaff", "Back to the start"))

    def spoken_text(self) -> str:
        """As shown: the title, where the service desk is when staff have not been told (a
        hall's words, nothing of the resident's), then the instruction."""
        parts = [self.title.text(), self.message.text() if not self.message.isHidden() else "",
                 self.instruction.text()]
        return ("" if self.lang == "zh" else " ").join(p.strip() for p in parts if p.strip())
