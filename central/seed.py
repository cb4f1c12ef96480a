"""Seeding: reference documents from a directory (``demo`` = resources/demo), the
demo enrolment code and the demo staff accounts (``central.staff.DEMO_ACCOUNTS``).
Safe to run from several processes at once and on every start.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from central import staff
from central.db import Database
from central.models import Document, EnrolmentCode
from central.reference import CALENDARS, CATALOGUE, TRUST_LIST
from kiosk.rules.calendar import parse_calendars
from kiosk.rules.catalogue import parse_catalogue
from kiosk.rules.ecert_codes import public_key_problem

DEMO_DIR = Path(__file__).resolve().parent.parent / "resources" / "demo"
DEMO_ENROLMENT_CODE = "DEMO-ENROL-2026"
DEMO_HALL = "city_centre"
_FILES = {CATALOGUE: "catalogue.json", CALENDARS: "hall_calendars.json", TRUST_LIST: "issuers.json"}


#: the demo code (one-time, like every code) is made afresh by each start with --seed demo
DEMO_CODE_LIFETIME = timedelta(hours=1)


class SeedError(ValueError):
    """The seed directory is missing a file or holds a malformed one."""


def seed_directory(seed: str | Path) -> Path:
    return DEMO_DIR if seed == "demo" else Path(seed)


def read_seed(directory: Path) -> dict[str, Any]:
    """The documents of a seed directory, each checked by the parser that will read it."""
    docs: dict[str, Any] = {}
    for name, filename in _FILES.items():
        path = directory / filename
        try:
            docs[name] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SeedError(f"{path}: {exc}") from exc
    catalogue = parse_catalogue(docs[CATALOGUE])
    parse_calendars(catalogue.halls, docs[CALENDARS])
    _check_trust_list(docs[TRUST_LIST])
    return docs


def _check_trust_list(raw: Any) -> None:
    if not isinstance(raw, dict) or not isinstance(raw.get("issuers"), list) or "issued_at" not in raw:
        raise SeedError("issuers.json must hold issued_at and a list of issuers")
    for issuer in raw["issuers"]:
        who = issuer.get("issuer_id") if isinstance(issuer, dict) else issuer
        problem = public_key_problem(issuer.get("jwk") if isinstance(issuer, dict) else None)
        if problem is not None:
            raise SeedError(f"issuer {who}: {problem}")


def apply_seed(db: Database, seed: str | Path, now: datetime) -> None:
    docs = read_seed(seed_directory(seed))
    with db.writing() as session:
        db.take_setup_lock(session)
        for name, value in docs.items():
            body = json.dumps(value, ensure_ascii=False, sort_keys=True)
            digest = hashlib.sha256(body.encode()).hexdigest()
            row = session.get(Document, name)
            if row is None:
                session.add(Document(name=name, body=body, sha256=digest, updated_at=now))
            elif row.sha256 != digest:
                row.body, row.sha256, row.updated_at = body, digest, now
        if seed == "demo":
            _fresh_demo_code(session, now)
            staff.seed_demo(session, DEMO_HALL, now)


def _fresh_demo_code(session: Session, now: datetime) -> None:
    """The demo code, unused and valid for ``DEMO_CODE_LIFETIME`` from ``now``: only a
    start with ``--seed demo`` renews it, so it dies with the demo."""
    row = session.get(EnrolmentCode, DEMO_ENROLMENT_CODE)
    if row is None:
        session.add(EnrolmentCode(code=DEMO_ENROLMENT_CODE, hall_code=DEMO_HALL, reusable=False,
                                  created_at=now, expires_at=now + DEMO_CODE_LIFETIME))
    else:
        row.hall_code, row.reusable, row.created_at = DEMO_HALL, False, now
        row.used_at, row.expires_at = None, now + DEMO_CODE_LIFETIME
