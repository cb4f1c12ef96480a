"""Reference data the server reads and serves: catalogue, halls with calendars, trust list.

Stored in the ``documents`` table (so every server process serves the same version),
loaded once per app. Each served document has a strong ETag from its bytes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Document
from kiosk.rules.calendar import HallCalendar, parse_calendars
from kiosk.rules.catalogue import Catalogue, Matter, parse_catalogue
from kiosk.rules.wire_time import parse_time

CATALOGUE = "catalogue"
CALENDARS = "calendars"
TRUST_LIST = "trust_list"


def canonical_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


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
    served: dict[str, Served] = field(default_factory=dict)

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
        return Reference(served=_trust_only(docs))
    catalogue = parse_catalogue(docs[CATALOGUE])
    calendars = parse_calendars(catalogue.halls, docs.get(CALENDARS, {}))
    served = {
        CATALOGUE: Served.of(docs[CATALOGUE]),
        "halls": Served.of(_halls_document(catalogue, calendars)),
        **_trust_only(docs),
    }
    return Reference(catalogue, calendars, served)


def _trust_only(docs: dict[str, Any]) -> dict[str, Served]:
    if TRUST_LIST not in docs:
        return {}
    raw = docs[TRUST_LIST]
    return {TRUST_LIST: Served.of({"issued_at": raw["issued_at"], "issuers": raw["issuers"]})}


def reissued(trust_list: Served, now: datetime) -> Served:
    """The trust list as published today: the platform re-issues it every day (its
    ``issued_at`` is the start of the current UTC day, never older than the seed's), so
    a kiosk that keeps syncing never holds a list older than a day."""
    doc = json.loads(trust_list.body)
    seeded = parse_time(str(doc["issued_at"]))
    today = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    doc["issued_at"] = max(seeded, today).isoformat().replace("+00:00", "Z")
    return Served.of(doc)


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
