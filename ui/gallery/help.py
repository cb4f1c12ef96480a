"""Calling staff for the gallery: the resident's call sent, answered ("王芳 正在赶来") and not
sent (offline, with the service desk), and the staff panel listing the hall's calls.

The gallery has no central server (``gallery_central``: one that cannot be reached), so
the call's outbox item is finished the way the sync engine finishes it: sent with a
sample answer, or tried and failed. The watches are stopped once the state is shown, so
no answer from the unreachable server changes a picture.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from kiosk.staff.help_calls import HallCalls, HelpRequest
from ui.gallery import as_screen
from ui.gallery.booking import gallery_central
from ui.gallery.staff import NUMBER, PIN, gallery_desk
from ui.screens.help_call import HelpCallScreen
from ui.screens.staff_panel import StaffPanelScreen
from ui.shell import KioskWindow

#: 10:42 in the hall (Asia/Shanghai)
CALLED_AT, ANSWERED_AT = "2026-11-23T02:42:00Z", "2026-11-23T02:43:00Z"
LOCATION = "一楼大厅 3号机"


def sample_request(help_id: str, state: str = "open", raised: int = 0,
                   location: str = LOCATION, screen: str = "matter") -> dict[str, Any]:
    acknowledged = state == "acknowledged"
    return {
        "help_id": help_id, "hall": "city_centre", "device_id": "gallery", "screen": screen,
        "location": location, "requested_at": CALLED_AT, "received_at": CALLED_AT,
        "state": state,
        "acknowledged_by": {"number": "0371", "name": "王芳"} if acknowledged else None,
        "acknowledged_at": ANSWERED_AT if acknowledged else None,
        "closed_by": None, "ended_at": None, "raised_count": raised, "raised_at": None,
    }


def _call(w: KioskWindow, outcome: str) -> None:
    central = gallery_central(w)
    w.home()
    w.go("call_staff", from_screen="home")
    screen = as_screen(w.current, HelpCallScreen)
    call = screen.call
    assert call is not None  # the gallery's central takes the call into its outbox
    if outcome == "offline":  # the sync engine tried, and the network was down
        central.outbox.mark_retry(call.item_id, "unreachable: cannot connect", 4e9)
    else:
        central.outbox.mark_sent(call.item_id, 201, sample_request(call.help_id, outcome),
                                 datetime.now(UTC))
    screen.watch.check()
    screen.watch.stop()


def _panel_with_calls(w: KioskWindow) -> None:
    gallery_central(w)
    gallery_desk(w)
    w.staff.sign_in(NUMBER, PIN)
    w.go("staff_panel")
    panel = as_screen(w.current, StaffPanelScreen)
    panel.help_list.watch.stop()
    calls = (
        HelpRequest.from_wire(sample_request("a", "open", raised=2, screen="book_who")),
        HelpRequest.from_wire(sample_request("b", "acknowledged", location="大厅东侧 5号机",
                                             screen="search")),
    )
    panel.help_list.show_calls(HallCalls(None, 90, calls))
    panel.area.fit()


def help_states() -> dict[str, Callable[[KioskWindow], None]]:
    return {
        "call_staff-sent": lambda w: _call(w, "open"),
        "call_staff-acknowledged": lambda w: _call(w, "acknowledged"),
        "call_staff-offline": lambda w: _call(w, "offline"),
        "staff_panel-calls": _panel_with_calls,
    }
