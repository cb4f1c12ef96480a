"""The wire shapes of the hall's queue (docs/queue.md): calling steps, the window's
ticket, the hall display's board, the ahead count."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from central.schemas import Bilingual, Model, StaffNumber

#: a window of a hall: "3", "A2" (shown as "3 号窗口")
WindowId = Annotated[str, Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9\-]{1,16}$")]
AreaCode = Annotated[str, Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9_\-]{1,16}$")]
TicketState = Literal["waiting", "called", "served", "no_show"]
CallEvent = Literal["called", "recalled", "transferred", "served", "no_show"]


class StaffStepIn(Model):
    """Who takes the step: the staff number signed in at the window terminal (an active
    account of the device's hall, else 422 ``unknown_staff``)."""

    staff: StaffNumber


class CallNextIn(StaffStepIn):
    areas: Annotated[list[AreaCode], Field(max_length=20, description="the service areas "
                                           "(departments) this window serves; empty: all")] = []


class TransferIn(StaffStepIn):
    to_window: WindowId | None = None
    to_area: AreaCode | None = None


class QueueTicketOut(Model):
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


class ChecklistItemOut(Model):
    name: Bilingual
    form: str
    copies: int
    required: bool
    note: Bilingual | None


class WindowTicketOut(Model):
    """The window's ticket: its matter and checklist, never who holds it."""

    ticket: QueueTicketOut
    matter_name: Bilingual | None
    checklist: list[ChecklistItemOut]
    no_show_after: int = Field(description="recalls before a no-show may be marked")


class CallNextOut(Model):
    ticket: WindowTicketOut | None = Field(description="null: nobody waits")


class BoardCallOut(Model):
    call_id: int
    ticket_id: str
    number: str
    window: str
    area: str
    event: CallEvent
    at: datetime


class AreaWaitingOut(Model):
    area: str
    name: Bilingual | None
    waiting: int


class BoardOut(Model):
    hall: str
    calls: list[BoardCallOut] = Field(description="newest first")
    waiting: list[AreaWaitingOut]
    cursor: int = Field(description="the newest call's id: ask again with since=cursor")
    server_time: datetime


class AheadOut(Model):
    ticket_id: str
    number: str
    area: str
    state: TicketState
    ahead: int = Field(description="waiting tickets of the area called before this one")
    window: str | None


