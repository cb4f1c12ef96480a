"""Seeding: reference data from a directory (``demo`` = resources/demo), the demo
enrolment code and the demo staff accounts (``central.staff.DEMO_ACCOUNTS``).
Safe to run from several processes at once and on every start.

The directory's reference data is published (``central.reference_store.publish``) when the
database has none yet — a first start serves it as version 1 — and again when the newest
version came from a seed too and differs (a demo or test started with other files). It
never replaces a version an operator published with ``kiosk-central reference load``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from central import staff
from central.db import Database
from central.models import EnrolmentCode
from central.reference_store import (
    InvalidReference,
    VersionInfo,
    prepare,
    publish,
    read_directory,
)

DEMO_DIR = Path(__file__).resolve().parent.parent / "resources" / "demo"
DEMO_ENROLMENT_CODE = "DEMO-ENROL-2026"
#: the demo's code for each device role (``kiosk window --demo``, ``kiosk display --demo``
#: enrol with theirs; ui/central_link.py names the same codes)
DEMO_ENROLMENT_CODES = {"kiosk": DEMO_ENROLMENT_CODE, "window": "DEMO-ENROL-2026-WINDOW",
                        "display": "DEMO-ENROL-2026-DISPLAY"}
DEMO_HALL = "city_centre"
#: the ``source`` of a version a seed published starts so
SEED_SOURCE = "seed "


#: the demo code (one-time, like every code) is made afresh by each start with --seed demo
DEMO_CODE_LIFETIME = timedelta(hours=1)


class SeedError(InvalidReference):
    """The seed directory is missing a file or holds a malformed one."""


def seed_directory(seed: str | Path) -> Path:
    return DEMO_DIR if seed == "demo" else Path(seed)


def read_seed(directory: Path, today: datetime | None = None) -> dict[str, Any]:
    """The documents of a seed directory, each checked by the parser that will read it
    (the calendars as they would be published)."""
    try:
        docs = read_directory(directory)
        return prepare(docs, (today or datetime.now()).date())
    except SeedError:
        raise
    except InvalidReference as exc:
        raise SeedError(str(exc)) from exc


def _seeded(newest: VersionInfo | None) -> bool:
    return newest is None or newest.source.startswith(SEED_SOURCE)


def apply_seed(db: Database, seed: str | Path, now: datetime) -> None:
    directory = seed_directory(seed)
    docs = read_seed(directory, now)
    publish(db, docs, now, f"{SEED_SOURCE}{seed if seed == 'demo' else directory}",
            only_over=_seeded)
    if seed == "demo":
        with db.writing() as session:
            db.take_setup_lock(session)
            _fresh_demo_code(session, now)
            staff.seed_demo(session, DEMO_HALL, now)


def _fresh_demo_code(session: Session, now: datetime) -> None:
    """The demo's codes, one a role, unused and valid for ``DEMO_CODE_LIFETIME`` from
    ``now``: only a start with ``--seed demo`` renews them, so they die with the demo."""
    for role, code in DEMO_ENROLMENT_CODES.items():
        row = session.get(EnrolmentCode, code)
        if row is None:
            session.add(EnrolmentCode(code=code, hall_code=DEMO_HALL, reusable=False, role=role,
                                      created_at=now, expires_at=now + DEMO_CODE_LIFETIME))
        else:
            row.hall_code, row.reusable, row.role, row.created_at = DEMO_HALL, False, role, now
            row.used_at, row.expires_at = None, now + DEMO_CODE_LIFETIME
