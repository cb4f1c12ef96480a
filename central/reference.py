"""Reference data the server reads and serves: catalogue, halls with calendars, trust list.

Stored in the ``documents`` table (so every server process serves the same version),
loaded once per app. Each is served signed with the platform key (``central.signing``;
``Context.served`` signs them), with a strong ETag from its bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Document
from kiosk.rules.calendar import HallCalendar, parse_calendars
from kiosk.rules.catalogue import Catalogue, Matter, parse_catalogue
from kiosk.rules.signed_document import canonical_bytes
from kiosk.rules.wire_time import parse_time

CATALOGUE = "catalogue"
CALENDARS = "calendars"
HALLS = "halls"
TRUST_LIST = "trust_list"


@dataclass(frozen=True)
class Served:
    """A document as sent: its bytes and its strong ETag."""

    body: bytes
    etag: str

    @classmethod
    def of(cls, value: Any) -> Served:
        body = canonical_bytes(value)
        return cls(body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"')


@dataclass(frozen=True)
class Reference:
    catalogue: Catalogue | None = None
    calendars: dict[str, HallCalendar] = field(default_factory=dict)
    #: what is served to kiosks (CATALOGUE, HALLS, TRUST_LIST), as values, before it is
    #: signed: ``Context.served`` signs it (the trust list as re-issued that day)
    documents: dict[str, Any] = field(default_factory=dict)

    def calendar(self, hall: str) -> HallCalendar | None:
        return self.calendars.get(hall)

    def bookable_matter(self, hall: str, code: str) -> Matter | None:
        """The matter when it exists, is bookable and is served in ``hall``."""
        matter = self.catalogue.find_matter(code) if self.catalogue else None
        if matter is None or not matter.bookable or hall not in matter.halls:
            return None
        return matter

    def matter(self, code: str) -> Matter | None:
        return self.catalogue.find_matter(code) if self.catalogue else None


def load(session: Session) -> Reference:
    docs = {d.name: json.loads(d.body) for d in session.scalars(select(Document))}
    if CATALOGUE not in docs:
        return Reference(documents=_trust_only(docs))
    catalogue = parse_catalogue(docs[CATALOGUE])
    calendars = parse_calendars(catalogue.halls, docs.get(CALENDARS, {}))
    documents = {
        CATALOGUE: docs[CATALOGUE],
        HALLS: _halls_document(catalogue, calendars),
        **_trust_only(docs),
    }
    return Reference(catalogue, calendars, documents)


def _trust_only(docs: dict[str, Any]) -> dict[str, Any]:
    if TRUST_LIST not in docs:
        return {}
    raw = docs[TRUST_LIST]
    return {TRUST_LIST: {"issued_at": raw["issued_at"], "issuers": raw["issuers"]}}


def reissued(trust_list: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    """The trust list as published today: the platform re-issues it every day (its
    ``issued_at`` is the start of the current UTC day, never older than the seed's), so
    a kiosk that keeps syncing never holds a list older than a day."""
    seeded = parse_time(str(trust_list["issued_at"]))
    today = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return {**trust_list, "issued_at": max(seeded, today).isoformat().replace("+00:00", "Z")}


def _halls_document(catalogue: Catalogue, calendars: dict[str, HallCalendar]) -> dict[str, Any]:
    halls = []
    for hall in catalogue.halls:
        cal = calendars[hall.code]
        halls.append({
            "code": hall.code,
            "name": {"zh": hall.name.zh, "en": hall.name.en},
            "timezone": hall.timezone,
            "opening_hours": [
                {"weekday": p.weekday, "opens": p.opens, "closes": p.closes} for p in hall.opening_hours
            ],
            "calendar": {
                "closed": sorted(d.isoformat() for d in cal.closed),
                "working_days": sorted(d.isoformat() for d in cal.working_days),
            },
            "rules": cal.rules.as_json(),
        })
    version = hashlib.sha256(canonical_bytes(halls)).hexdigest()[:16]
    return {"version": version, "halls": halls}
