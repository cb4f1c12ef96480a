"""What the window terminal, the hall display and the kiosk read about the queue.

Plain frozen data classes made from the central API's answers (docs/queue.md has the
wire shapes); ``from_wire`` checks each member's type and raises ``ValueError`` for an
answer that is not what the contract says. No resident's ID number is ever here: a
ticket names its matter and its checklist, never who holds it.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.rules.catalogue import Text
from kiosk.rules.wire_time import parse_time


class TicketState(enum.Enum):
    """Where a ticket is in the queue. A transferred ticket is ``waiting`` again (in its
    new area, or for its new window); the transfer is an event of the calls log."""

    WAITING = "waiting"
    CALLED = "called"
    SERVED = "served"
    NO_SHOW = "no_show"


class CallEvent(enum.Enum):
    """One line of the calls log; the display shows and speaks ``called`` and ``recalled``."""

    CALLED = "called"
    RECALLED = "recalled"
    TRANSFERRED = "transferred"
    NO_SHOW = "no_show"
    SERVED = "served"

    @property
    def announced(self) -> bool:
        return self in (CallEvent.CALLED, CallEvent.RECALLED)


@dataclass(frozen=True, slots=True)
class QueueTicket:
    """A ticket as the queue holds it. ``area`` is the service area (the matter's
    department: the ticket's category letter); ``window`` is where it is called (or the
    window it was transferred to, while it waits for it)."""

    ticket_id: str
    number: str
    hall: str
    area: str
    matter: str
    priority: bool
    appointment: bool
    state: TicketState
    window: str | None
    issued_at: datetime
    called_at: datetime | None
    recalls: int
    finished_at: datetime | None

    @classmethod
    def from_wire(cls, body: Mapping[str, Any]) -> QueueTicket:
        r = _Reader(body, "ticket")
        return cls(
            ticket_id=r.text("ticket_id"), number=r.text("number"), hall=r.text("hall"),
            area=r.text("area"), matter=r.text("matter"), priority=r.flag("priority"),
            appointment=r.flag("appointment"), state=TicketState(r.text("state")),
            window=r.maybe_text("window"), issued_at=r.time("issued_at"),
            called_at=r.maybe_time("called_at"), recalls=r.count("recalls"),
            finished_at=r.maybe_time("finished_at"),
        )


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One material the resident should have brought (from the catalogue)."""

    name: Text
    form: str  # original | copy | original_and_copy | electronic
    copies: int
    required: bool
    note: Text | None

    @classmethod
    def from_wire(cls, body: Mapping[str, Any]) -> ChecklistItem:
        r = _Reader(body, "checklist item")
        return cls(name=r.words("name"), form=r.text("form"), copies=r.count("copies"),
                   required=r.flag("required"), note=r.maybe_words("note"))


@dataclass(frozen=True, slots=True)
class WindowTicket:
    """What the window terminal shows for the ticket it is serving: the ticket, the
    matter's name and checklist. Never the resident's ID number or name."""

    ticket: QueueTicket
    matter_name: Text | None
    checklist: tuple[ChecklistItem, ...]
    #: recalls after which the window may mark the ticket a no-show (the hall's setting)
    no_show_after: int

    @property
    def may_mark_no_show(self) -> bool:
        return self.ticket.recalls >= self.no_show_after

    @classmethod
    def from_wire(cls, body: Mapping[str, Any]) -> WindowTicket:
        r = _Reader(body, "window ticket")
        items = body.get("checklist")
        if not isinstance(items, list):
            raise ValueError("window ticket: checklist is not a list")
        return cls(ticket=QueueTicket.from_wire(r.mapping("ticket")),
                   matter_name=r.maybe_words("matter_name"),
                   checklist=tuple(ChecklistItem.from_wire(i) for i in items),
                   no_show_after=r.count("no_show_after"))


@dataclass(frozen=True, slots=True)
class BoardCall:
    """One call for the hall display: "A012 → 3 号窗口"."""

    call_id: int  # increasing; the board's cursor is the last one seen
    ticket_id: str
    number: str
    window: str
    area: str
    event: CallEvent
    at: datetime

    @classmethod
    def from_wire(cls, body: Mapping[str, Any]) -> BoardCall:
        r = _Reader(body, "call")
        return cls(call_id=r.count("call_id"), ticket_id=r.text("ticket_id"),
                   number=r.text("number"), window=r.text("window"), area=r.text("area"),
                   event=CallEvent(r.text("event")), at=r.time("at"))


@dataclass(frozen=True, slots=True)
class AreaWaiting:
    """How many tickets of one service area wait (called ones are not counted)."""

    area: str
    name: Text | None  # the department's name, when the catalogue has it
    waiting: int

    @classmethod
    def from_wire(cls, body: Mapping[str, Any]) -> AreaWaiting:
        r = _Reader(body, "area")
        return cls(area=r.text("area"), name=r.maybe_words("name"), waiting=r.count("waiting"))


@dataclass(frozen=True, slots=True)
class HallBoard:
    """The display's view: calls after the cursor asked with (newest first; at most the
    last few when asked without one), the waiting counts, and the cursor to ask with next."""

    hall: str
    calls: tuple[BoardCall, ...]
    waiting: tuple[AreaWaiting, ...]
    cursor: int
    server_time: datetime

    @classmethod
    def from_wire(cls, body: Mapping[str, Any]) -> HallBoard:
        r = _Reader(body, "board")
        calls, waiting = body.get("calls"), body.get("waiting")
        if not isinstance(calls, list) or not isinstance(waiting, list):
            raise ValueError("board: calls and waiting are lists")
        return cls(hall=r.text("hall"), calls=tuple(BoardCall.from_wire(c) for c in calls),
                   waiting=tuple(AreaWaiting.from_wire(w) for w in waiting),
                   cursor=r.count("cursor"), server_time=r.time("server_time"))


@dataclass(frozen=True, slots=True)
class Ahead:
    """"前面还有 N 人": the waiting tickets of the same area called before this one by the
    ordering rule (docs/queue.md). 0 once it is called or finished."""

    ticket_id: str
    number: str
    area: str
    state: TicketState
    ahead: int
    window: str | None  # where it is called, once it is

    @classmethod
    def from_wire(cls, body: Mapping[str, Any]) -> Ahead:
        r = _Reader(body, "ahead")
        return cls(ticket_id=r.text("ticket_id"), number=r.text("number"), area=r.text("area"),
                   state=TicketState(r.text("state")), ahead=r.count("ahead"),
                   window=r.maybe_text("window"))


class _Reader:
    """Typed members of one JSON object; ``ValueError`` names the first bad one."""

    def __init__(self, body: Any, what: str) -> None:
        if not isinstance(body, Mapping):
            raise ValueError(f"{what}: not a JSON object")
        self._body, self._what = body, what

    def _bad(self, key: str, kind: str) -> ValueError:
        return ValueError(f"{self._what}: {key!r} is not {kind}")

    def text(self, key: str) -> str:
        value = self._body.get(key)
        if not isinstance(value, str):
            raise self._bad(key, "text")
        return value

    def maybe_text(self, key: str) -> str | None:
        return None if self._body.get(key) is None else self.text(key)

    def flag(self, key: str) -> bool:
        value = self._body.get(key)
        if not isinstance(value, bool):
            raise self._bad(key, "true or false")
        return value

    def count(self, key: str) -> int:
        value = self._body.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self._bad(key, "a count")
        return value

    def time(self, key: str) -> datetime:
        try:
            return parse_time(self.text(key))
        except ValueError:
            raise self._bad(key, "a UTC time") from None

    def maybe_time(self, key: str) -> datetime | None:
        return None if self._body.get(key) is None else self.time(key)

    def mapping(self, key: str) -> Mapping[str, Any]:
        value = self._body.get(key)
        if not isinstance(value, Mapping):
            raise self._bad(key, "an object")
        return value

    def words(self, key: str) -> Text:
        value = self.mapping(key)
        zh, en = value.get("zh"), value.get("en")
        if not isinstance(zh, str) or not isinstance(en, str):
            raise self._bad(key, "a text in zh and en")
        return Text(zh, en)

    def maybe_words(self, key: str) -> Text | None:
        return None if self._body.get(key) is None else self.words(key)
