"""Staff audit events: what staff did, by whom, on behalf of whom.

An audit event is a submission like any other (``POST /v1/submissions``, kind
``audit``): written to the outbox first, sent when the central platform can be
reached, never dropped. It names the staff member and, in assisted mode, the
resident's session reference — never the resident's ID or phone number.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from kiosk.sync.outbox import AUDIT_PATH, Identity, Outbox, OutboxItem, audit_body


def record(outbox: Outbox, event: str, identity: Identity, now: datetime, **details: Any) -> OutboxItem:
    return outbox.enqueue("audit", "POST", AUDIT_PATH, audit_body(event, identity, now, **details),
                          identity, now)


def resident_reference() -> str:
    """A reference for one assisted resident's session, which names nobody."""
    return "R-" + secrets.token_hex(4).upper()
