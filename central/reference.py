"""Reference data the server reads and serves: catalogue, halls with calendars, trust list.

Published in the database as numbered versions (``central.reference_store``: ``kiosk-central
reference load``), each the three documents together; every server process serves the
newest one, re-read within ``reference_check_every`` of a change. ``Reference`` is one
version, read-only: a request takes one (``context(request)``) and decides everything with
it, so no answer mixes two versions. Each document is served signed with the platform key
(``central.signing``; ``Snapshot`` signs them once per version), with a strong ETag from
its bytes: a version that leaves a document as it was leaves its ETag as it was.

A hall's calendar is right up to ``valid_until`` (``central.calendars.BoundedCalendar``):
no day after it is open for booking.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central import calendars as national
from central.calendars import BoundedCalendar
from central.models import ReferenceVersion
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
    calendars: dict[str, BoundedCalendar] = field(default_factory=dict)
    #: what is served to kiosks (CATALOGUE, HALLS, TRUST_LIST), as values, before it is
    #: signed: ``Context.served`` signs it (the trust list as re-issued that day)
    documents: dict[str, Any] = field(default_factory=dict)
    #: the published version (``central.reference_store``); 0: nothing published yet
    version: int = 0
    #: the last day each hall's calendar is right (``central.calendars.valid_until``)
    valid_until: dict[str, date | None] = field(default_factory=dict)

    def calendar(self, hall: str) -> BoundedCalendar | None:
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
    """The newest published version (an empty ``Reference``: none yet)."""
    row = session.scalar(select(ReferenceVersion).order_by(ReferenceVersion.version.desc())
                         .limit(1))
    return Reference() if row is None else from_bundle(json.loads(row.body), row.version)


def from_bundle(docs: Mapping[str, Any], version: int = 0) -> Reference:
    """A version's documents (``catalogue``, ``calendars`` as published, ``trust_list``),
    read. Raises ``CatalogueError``/``CalendarError`` (``ValueError``) when malformed."""
    if CATALOGUE not in docs:
        return Reference(documents=_trust_only(docs), version=version)
    catalogue = parse_catalogue(docs[CATALOGUE])
    raw_calendars = docs.get(CALENDARS, {})
    bounds = {hall.code: national.valid_until(raw_calendars, hall.code) for hall in catalogue.halls}
    calendars = {code: BoundedCalendar.of(calendar, bounds[code])
                 for code, calendar in parse_calendars(catalogue.halls, raw_calendars).items()}
    documents = {
        CATALOGUE: docs[CATALOGUE],
        HALLS: _halls_document(catalogue, calendars, bounds),
        **_trust_only(docs),
    }
    return Reference(catalogue, calendars, documents, version, bounds)


def _trust_only(docs: Mapping[str, Any]) -> dict[str, Any]:
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


def _halls_document(catalogue: Catalogue, calendars: Mapping[str, HallCalendar],
                    bounds: Mapping[str, date | None]) -> dict[str, Any]:
    halls = []
    for hall in catalogue.halls:
        cal = calendars[hall.code]
        until = bounds.get(hall.code)
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
            #: the kiosk shows no open day after it (its calendar says nothing past it)
            "valid_until": until.isoformat() if until else None,
        })
    version = hashlib.sha256(canonical_bytes(halls)).hexdigest()[:16]
    return {"version": version, "halls": halls}
