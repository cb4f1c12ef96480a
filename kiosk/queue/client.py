"""The queue's calls to the central API, for the window terminal, the hall display and
the kiosk (docs/queue.md).

Built on ``CentralClient`` with the device's token, so it raises the same four typed
errors (``Unreachable``, ``ServerBusy``, ``Refused`` with the problem's code,
``BadResponse``). Calling steps are direct calls, never outbox items: a window that is
offline cannot call anyone, and says so. Each step sends an ``Idempotency-Key``: pass
the same ``key`` to retry a step whose answer was lost (a new press is a new key).

Who may call what: every call needs the token of a device enrolled in ``hall``; the
calling steps and ``current`` also name the staff member signed in at the window
terminal (``kiosk.staff.desk.StaffDesk.sign_in``: the PIN checked against the signed
staff list, guarded and audited, as everywhere on a kiosk). The server refuses a number
that is no active staff account of the device's hall (422 ``unknown_staff``) and writes
it into the calls log.

    queue = QueueClient(central, hall="H001")
    called = queue.call_next("S001", window="3", areas=("A",))   # None: nobody waits
    queue.served("S001", "3", called.ticket.ticket_id)
    board = queue.hall_board(since=board.cursor, wait=20)          # the display's long poll
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar
from urllib.parse import quote

from kiosk.queue.model import Ahead, HallBoard, QueueTicket, WindowTicket
from kiosk.sync.api_client import ApiResponse, BadResponse, CentralClient

#: the longest a board request waits for a new call (the server caps it too)
BOARD_WAIT_MAX = 25.0
T = TypeVar("T")


class QueueClient:
    def __init__(self, central: CentralClient, hall: str) -> None:
        self._central = central
        self.hall = hall

    # --- the window's steps --------------------------------------------------
    def call_next(self, staff: str, window: str, areas: Iterable[str] = (),
                  *, key: str | None = None) -> WindowTicket | None:
        """The next ticket for ``window`` from ``areas`` (all areas when empty), or None
        when nobody waits. 409 ``window_busy`` while the window still has a called ticket."""
        body = self._step(staff, f"{self._window(window)}/call-next",
                          {"areas": sorted(set(areas))}, key)
        ticket = body.get("ticket") if isinstance(body, Mapping) else None
        return None if ticket is None else _parsed(WindowTicket.from_wire, ticket)

    def current(self, staff: str, window: str) -> WindowTicket | None:
        resp = self._central.request("GET", f"{self._window(window)}/current",
                                     params={"staff": staff})
        body = _object(resp)
        ticket = body.get("ticket") if isinstance(body, Mapping) else None
        return None if ticket is None else _parsed(WindowTicket.from_wire, ticket)

    def recall(self, staff: str, window: str, ticket_id: str,
               *, key: str | None = None) -> WindowTicket:
        """Call the window's ticket again (the display announces it again)."""
        return self._ticket_step(staff, window, ticket_id, "recall", {}, key)

    def transfer(self, staff: str, window: str, ticket_id: str, *,
                 to_window: str | None = None, to_area: str | None = None,
                 key: str | None = None) -> QueueTicket:
        """Send the ticket on: to another window (it is that window's next call) or to
        another area's queue (in its issue order); waiting again either way."""
        body = self._step(staff, f"{self._ticket(window, ticket_id)}/transfer",
                          {"to_window": to_window, "to_area": to_area}, key)
        return _parsed(QueueTicket.from_wire, body)

    def no_show(self, staff: str, window: str, ticket_id: str,
                *, key: str | None = None) -> QueueTicket:
        """Refused (409 ``too_few_recalls``) before the hall's number of recalls."""
        body = self._step(staff, f"{self._ticket(window, ticket_id)}/no-show", {}, key)
        return _parsed(QueueTicket.from_wire, body)

    def served(self, staff: str, window: str, ticket_id: str,
               *, key: str | None = None) -> QueueTicket:
        body = self._step(staff, f"{self._ticket(window, ticket_id)}/served", {}, key)
        return _parsed(QueueTicket.from_wire, body)

    # --- the display and the kiosk --------------------------------------------
    def hall_board(self, since: int | None = None, wait: float = 0.0) -> HallBoard:
        """Calls after ``since`` and the waiting counts. With ``wait`` > 0 the server
        holds the request until a call newer than ``since`` exists or ``wait`` seconds
        pass (a long poll: a call reaches the display within a few tens of ms)."""
        wait = max(0.0, min(wait, BOARD_WAIT_MAX))
        params = {"wait": f"{wait:g}"}
        if since is not None:
            params["since"] = str(since)
        resp = self._central.request("GET", f"/v1/halls/{quote(self.hall, safe='')}/board",
                                     params=params, read_timeout=wait + 10.0)
        return _parsed(HallBoard.from_wire, _object(resp))

    def ahead(self, ticket_id: str) -> Ahead:
        """"前面还有 N 人" for a ticket of this hall."""
        resp = self._central.get(f"/v1/tickets/{quote(ticket_id, safe='')}/queue")
        return _parsed(Ahead.from_wire, resp.body)

    # --- plumbing ---------------------------------------------------------------
    def _window(self, window: str) -> str:
        return f"/v1/halls/{quote(self.hall, safe='')}/windows/{quote(window, safe='')}"

    def _ticket(self, window: str, ticket_id: str) -> str:
        return f"{self._window(window)}/tickets/{quote(ticket_id, safe='')}"

    def _ticket_step(self, staff: str, window: str, ticket_id: str, step: str,
                     body: dict[str, Any], key: str | None) -> WindowTicket:
        answer = self._step(staff, f"{self._ticket(window, ticket_id)}/{step}", body, key)
        return _parsed(WindowTicket.from_wire, answer)

    def _step(self, staff: str, path: str, body: dict[str, Any],
              key: str | None) -> Any:
        resp = self._central.request("POST", path, body={**body, "staff": staff},
                                     idempotency_key=key or str(uuid.uuid4()))
        return _object(resp)


def _object(resp: ApiResponse) -> dict[str, Any]:
    if not isinstance(resp.body, dict):
        raise BadResponse("bad_shape", "the answer is not a JSON object", resp.status)
    return resp.body


def _parsed(make: Callable[[Any], T], body: Any) -> T:
    try:
        return make(body)
    except (ValueError, KeyError) as exc:
        raise BadResponse("bad_shape", str(exc)) from exc


