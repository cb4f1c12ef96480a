"""The kiosk's health as the staff panel shows it: one snapshot read from the database.

The outbox by state with the oldest waiting item and the first dead letters, when
the staff list and the issuers' trust list last came from the platform. The
panel reads it whole (``snapshot``) and renders it; it never reaches into the
store itself. A busy or broken database raises ``StoreError``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.rules.wire_time import parse_time
from kiosk.staff.desk import StaffDesk
from kiosk.sync.outbox import DEAD, OutboxCounts, OutboxItem
from kiosk.sync.pulled import PulledCache

#: dead letters listed in the panel at most
DEAD_SHOWN = 5


@dataclass(frozen=True, slots=True)
class DeskHealth:
    outbox: OutboxCounts
    #: when the oldest item still waiting to be sent was made (aware UTC), None if none
    oldest_pending: datetime | None
    #: the first ``DEAD_SHOWN`` dead letters, oldest first
    dead: tuple[OutboxItem, ...]
    #: when the staff list was last pulled (wire time), None if never
    staff_list_synced: str | None
    #: the trust list's own issue time and when this kiosk last checked it, None if none yet
    trust_list_issued: str | None
    trust_list_checked: str | None


def snapshot(desk: StaffDesk, dead_limit: int = DEAD_SHOWN) -> DeskHealth:
    outbox = desk.outbox
    oldest = outbox.oldest_pending_created_at()
    trust = PulledCache(desk.store).get("trust_list")
    issued = None
    if trust is not None:
        issued = str(trust.body.get("issued_at", "?")) if isinstance(trust.body, dict) else "?"
    return DeskHealth(
        outbox=outbox.counts(),
        oldest_pending=parse_time(oldest) if oldest else None,
        dead=tuple(outbox.items(DEAD, limit=dead_limit)),
        staff_list_synced=desk.roster.synced_at(),
        trust_list_issued=issued,
        trust_list_checked=trust.checked_at if trust is not None else None,
    )
