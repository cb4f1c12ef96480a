"""Reference data versions: publish one (checked first), and serve the newest in every
process within a bound.

**Publishing** (``publish``; ``kiosk-central reference load``, the seed at a first start):
the catalogue, the calendars (national days resolved: ``central.calendars.resolve``) and
the trust list are checked together, by the parsers that will read them, then written as
one row of ``reference_versions`` numbered one past the newest, in one transaction that
also refreshes ``documents`` (what a release before versions reads). Publishing what the
newest version already holds adds nothing (``Published.created`` False). Publishers take
turns (SQLite's IMMEDIATE transactions; PostgreSQL's setup lock), so two never take the
same number.

**Serving** (``ReferenceStore``, one per app, no module state): ``current()`` answers the
snapshot this process holds; at most every ``check_every`` seconds it asks the database
for the newest version number (one primary-key lookup) and, when it changed, reads and
signs that version once. So every process serves a newly published version at most
``check_every`` seconds (plus one request's read) after it is committed. A request takes
its snapshot once (``central.context.context``) and builds its whole answer from it. When
the database cannot be asked, the snapshot held is served on and asked again later.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from central import calendars
from central.clock import Clock, system_clock
from central.db import Database
from central.models import Document, ReferenceVersion
from central.problems import Problem
from central.reference import CALENDARS, CATALOGUE, TRUST_LIST, Reference, Served, from_bundle
from central.signing import SigningKey
from kiosk.rules.catalogue import parse_catalogue
from kiosk.rules.ecert_codes import public_key_problem

log = logging.getLogger(__name__)

#: seconds between two looks at the newest version number, by default
CHECK_EVERY_S = 5.0
#: the response header naming the version an answer was built from
VERSION_HEADER = "Reference-Version"
PARTS = (CATALOGUE, CALENDARS, TRUST_LIST)
#: the files of a reference directory (``--seed DIR``, ``reference load DIR``)
FILES = {CATALOGUE: "catalogue.json", CALENDARS: "hall_calendars.json", TRUST_LIST: "issuers.json"}


class InvalidReference(ValueError):
    """The reference data cannot be published: the message names the document and why."""


@dataclass(frozen=True)
class Published:
    version: int
    #: False: the newest version already held exactly this
    created: bool


@dataclass(frozen=True)
class VersionInfo:
    version: int
    sha256: str
    source: str
    published_at: datetime


def read_directory(directory: Path) -> dict[str, Any]:
    """The three documents of a reference directory, as JSON values (not yet checked)."""
    docs: dict[str, Any] = {}
    for name, filename in FILES.items():
        path = directory / filename
        try:
            docs[name] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InvalidReference(f"{path}: {exc}") from exc
    return docs


def read_file(path: Path) -> dict[str, Any]:
    """A directory (``FILES``), or a JSON file holding any of ``catalogue``, ``calendars``
    and ``trust_list`` (the others stay as the newest version has them)."""
    if path.is_dir():
        return read_directory(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidReference(f"{path}: {exc}") from exc
    if not isinstance(raw, dict) or not raw or set(raw) - set(PARTS):
        raise InvalidReference(f"{path}: not a reference file: give a directory with "
                               f"{', '.join(FILES.values())}, or a JSON object holding any of "
                               f"{', '.join(PARTS)} (and nothing else)")
    return raw


def prepare(docs: Mapping[str, Any], today: date) -> dict[str, Any]:
    """The documents as they would be published: the calendars resolved, and all three
    checked together by the parsers that will read them. ``InvalidReference`` otherwise."""
    missing = [name for name in PARTS if name not in docs]
    if missing:
        raise InvalidReference(f"nothing published yet, and no {', '.join(missing)} given")
    try:
        catalogue = parse_catalogue(docs[CATALOGUE])
    except ValueError as exc:
        raise InvalidReference(f"catalogue: {exc}") from exc
    try:
        resolved = calendars.resolve(docs[CALENDARS], today)
        from_bundle({CATALOGUE: docs[CATALOGUE], CALENDARS: resolved})
    except ValueError as exc:
        raise InvalidReference(f"calendars: {exc}") from exc
    _check_trust_list(docs[TRUST_LIST])
    if not catalogue.halls:
        raise InvalidReference("catalogue: it names no hall")
    return {CATALOGUE: docs[CATALOGUE], CALENDARS: resolved, TRUST_LIST: docs[TRUST_LIST]}


def _check_trust_list(raw: Any) -> None:
    if not isinstance(raw, dict) or not isinstance(raw.get("issuers"), list) or "issued_at" not in raw:
        raise InvalidReference("trust list (issuers.json) must hold issued_at and a list of issuers")
    for issuer in raw["issuers"]:
        who = issuer.get("issuer_id") if isinstance(issuer, dict) else issuer
        problem = public_key_problem(issuer.get("jwk") if isinstance(issuer, dict) else None)
        if problem is not None:
            raise InvalidReference(f"trust list: issuer {who}: {problem}")


def canonical(docs: Mapping[str, Any]) -> tuple[str, str]:
    """The body stored for a version and its SHA-256 (the same bytes for the same data)."""
    body = json.dumps(docs, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return body, hashlib.sha256(body.encode()).hexdigest()


def newest(db: Database) -> VersionInfo | None:
    with db.reading() as session:
        row = session.scalar(select(ReferenceVersion)
                             .order_by(ReferenceVersion.version.desc()).limit(1))
        if row is None:
            return None
        return VersionInfo(row.version, row.sha256, row.source, row.published_at)


def newest_documents(db: Database) -> dict[str, Any]:
    with db.reading() as session:
        body = session.scalar(select(ReferenceVersion.body)
                              .order_by(ReferenceVersion.version.desc()).limit(1))
    return {} if body is None else dict(json.loads(body))


def publish(db: Database, docs: Mapping[str, Any], now: datetime, source: str, *,
            only_over: Callable[[VersionInfo | None], bool] | None = None) -> Published | None:
    """Check ``docs`` (any of the three; the others from the newest version) and publish
    them as a new version, unless the newest already holds them. ``only_over``: publish
    only when it says yes of the newest version (None when it refuses: nothing done).
    ``InvalidReference`` when they cannot be published: then nothing is."""
    merged = {**newest_documents(db), **docs}
    prepared = prepare(merged, now.date())
    body, digest = canonical(prepared)
    with db.writing() as session:
        db.take_setup_lock(session)
        row = session.scalar(select(ReferenceVersion)
                             .order_by(ReferenceVersion.version.desc()).limit(1))
        found = None if row is None else VersionInfo(row.version, row.sha256, row.source,
                                                      row.published_at)
        if only_over is not None and not only_over(found):
            return None
        if row is not None and row.sha256 == digest:
            return Published(row.version, created=False)
        version = 1 if row is None else row.version + 1
        session.add(ReferenceVersion(version=version, body=body, sha256=digest,
                                     source=source[:200], published_at=now))
        _mirror_documents(session, prepared, now)
    log.info("published reference data version %d from %s", version, source)
    return Published(version, created=True)


def _mirror_documents(session: Any, docs: Mapping[str, Any], now: datetime) -> None:
    """The ``documents`` rows a release before versions serves, the same data."""
    for name, value in docs.items():
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        digest = hashlib.sha256(text.encode()).hexdigest()
        row = session.get(Document, name)
        if row is None:
            session.add(Document(name=name, body=text, sha256=digest, updated_at=now))
        elif row.sha256 != digest:
            row.body, row.sha256, row.updated_at = text, digest, now


@dataclass(frozen=True)
class Snapshot:
    """One version as this process serves it: read, and its documents signed once."""

    reference: Reference
    #: the catalogue and the halls, signed (the trust list is signed per day: Context)
    signed: dict[str, Served]

    @classmethod
    def of(cls, reference: Reference, key: SigningKey) -> Snapshot:
        return cls(reference, {name: Served.of(key.sign(document))
                               for name, document in reference.documents.items()
                               if name != TRUST_LIST})


@dataclass
class ReferenceStore:
    """The newest version, for one app's requests (see the module's docstring)."""

    db: Database
    key: SigningKey
    #: seconds between two looks at the newest version number (0: every request)
    check_every: float = CHECK_EVERY_S
    #: the app's clock (``central.clock``): a test moves it on to pass the bound
    clock: Clock = system_clock
    _held: Snapshot | None = field(default=None, init=False, repr=False)
    _checked_at: datetime | None = field(default=None, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def _fresh(self, now: datetime) -> bool:
        """Looked recently enough (a clock set back counts as not: look again)."""
        if self._checked_at is None:
            return False
        elapsed = (now - self._checked_at).total_seconds()
        return 0 <= elapsed < self.check_every

    def current(self) -> Snapshot:
        held = self._held
        if held is not None and self._fresh(self.clock()):
            return held
        with self._lock:  # one process asks once, whatever the number of its requests
            held = self._held
            now = self.clock()
            if held is not None and self._fresh(now):
                return held
            try:
                self._held = self._newer_than(held)
            except SQLAlchemyError:
                if held is None:
                    log.warning("reference data: the database is unreachable", exc_info=True)
                    raise Problem(503, "not_ready", "the reference data cannot be read yet",
                                  headers={"Retry-After": "5"}) from None
                log.warning("reference data: cannot check for a newer version; serving "
                            "version %d on", held.reference.version, exc_info=True)
            self._checked_at = now
            assert self._held is not None
            return self._held

    def _newer_than(self, held: Snapshot | None) -> Snapshot:
        with self.db.reading() as session:
            number = session.scalar(select(func.max(ReferenceVersion.version))) or 0
            if held is not None and held.reference.version == number:
                return held
            row = session.get(ReferenceVersion, number) if number else None
            body = json.loads(row.body) if row is not None else {}
        reference = from_bundle(body, number)
        if held is not None:
            log.info("reference data: serving version %d (was %d)", number,
                     held.reference.version)
        return Snapshot.of(reference, self.key)
