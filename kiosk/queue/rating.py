"""A resident's 好差评 rating, written to the outbox like every submission.

The rating is checked here with the shared rule (``kiosk.rules.ratings.rating_payload``)
before it is written, so a bad one never reaches the outbox; the platform checks it
again, stores it once per visit (a second rating of the same ticket or booking is
refused with 409 ``already_rated``) and opens a follow-up case for 不满意 / 非常不满意.
It is anonymous: the submission's identity names no resident, and a phone number is
sent only when the resident asked to be called back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kiosk.rules.ratings import COMMENT_MAX, REASONS, Level, Reason, rating_payload
from kiosk.rules.wire_time import utc_iso
from kiosk.sync.outbox import AUDIT_PATH, Identity, Outbox, OutboxItem

SUBMISSION_PATH = AUDIT_PATH  # "/v1/submissions": ratings, messages and audit events


@dataclass(frozen=True, slots=True)
class Rating:
    """One rating of one matter at one visit (exactly one of ticket_id / booking_id)."""

    matter: str
    level: Level
    ticket_id: str | None = None
    booking_id: str | None = None
    reasons: tuple[str, ...] = ()
    comment: str | None = None
    window: str | None = None
    #: only when the resident chose to be called about a bad rating
    phone: str | None = None
    follow_up_consent: bool = False
    _checked: dict[str, Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        raw: dict[str, Any] = {"matter": self.matter, "level": self.level.value,
                               "reasons": list(self.reasons),
                               "follow_up_consent": self.follow_up_consent}
        for name in ("ticket_id", "booking_id", "comment", "window", "phone"):
            if getattr(self, name) is not None:
                raw[name] = getattr(self, name)
        object.__setattr__(self, "_checked", rating_payload(raw))  # ValueError says why

    def payload(self) -> dict[str, Any]:
        """The submission's payload as the platform takes it."""
        return dict(self._checked)


def submit(outbox: Outbox, rating: Rating, now: datetime, item_id: str | None = None) -> OutboxItem:
    """Durably record the rating (kind ``rating``); the sync engine sends it."""
    body = {"kind": "rating", "created_at": utc_iso(now), "identity": Identity().as_json(),
            "payload": rating.payload()}
    return outbox.enqueue("rating", "POST", SUBMISSION_PATH, body, Identity(), now, item_id)


__all__ = ["COMMENT_MAX", "REASONS", "Level", "Rating", "Reason", "submit"]
