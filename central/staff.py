"""Staff accounts: added, listed, deactivated and given a new PIN (kiosk-central staff …),
and served to the kiosks as one document (GET /v1/staff).

Only ``scrypt(PIN)`` is stored, with its salt and parameters (``kiosk/rules/pin_hash.py``).
PINs are hashed before a write transaction opens, so the slow hash never holds the
database's write lock.
"""

from __future__ import annotations

import functools
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.clock import wire
from central.db import Database
from central.models import Device, StaffAccount, Submission
from central.problems import Problem
from central.reference import Served
from central.signing import SigningKey
from kiosk.rules.pin_hash import PinHash, check_pin_format, hash_pin

ROLES = ("assistant", "administrator")
#: as the kiosk takes them (kiosk/staff/roster.py): a longer name would be skipped at its pull
NUMBER_MAX, NAME_MAX = 16, 40
AUDIT_EVENTS_MAX = 500
_NUMBER = re.compile(r"[A-Za-z0-9]{1,16}")
_HALL = re.compile(r"[A-Za-z0-9_.\-]{1,64}")
_SURROGATE = re.compile("[\ud800-\udfff]")

#: the demo's accounts (number, name, role, PIN); README and docs/api.md list them too
DEMO_ACCOUNTS = (
    ("0371", "王芳", "assistant", "246810"),
    ("0001", "李强", "administrator", "135790"),
)


class StaffError(ValueError):
    """A refusal with a message for the operator: a bad number, name, role or PIN, a
    duplicate number, an unknown one."""


def check_number(number: str) -> str:
    if not _NUMBER.fullmatch(number):
        raise StaffError(f"a staff number is 1 to {NUMBER_MAX} letters (A-Z, a-z) and digits, "
                         f"not {number!r}")
    return number


def check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise StaffError("a name is needed (it was empty)")
    if len(name) > NAME_MAX:
        raise StaffError(f"a name is at most {NAME_MAX} characters, not {len(name)}")
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in name):
        raise StaffError("a name may not hold control or unassigned characters")
    return name


def check_hall_code(hall: str) -> str:
    if not _HALL.fullmatch(hall):
        raise StaffError(f"a hall code is 1 to 64 letters, digits and _ . -, not {hall!r}")
    return hall


def check_role(role: str) -> str:
    if role not in ROLES:
        raise StaffError(f"a role is {' or '.join(ROLES)}, not {role!r}")
    return role


def check_pin(pin: str) -> None:
    try:
        check_pin_format(pin)
    except ValueError as exc:
        raise StaffError(str(exc)) from None


def pin_hash_of(account: StaffAccount) -> PinHash:
    return PinHash(n=account.pin_n, r=account.pin_r, p=account.pin_p, salt=account.pin_salt,
                   hash=account.pin_hash)


def _store_pin(account: StaffAccount, pin: PinHash) -> None:
    account.pin_salt, account.pin_hash = pin.salt, pin.hash
    account.pin_n, account.pin_r, account.pin_p = pin.n, pin.r, pin.p


def _account(number: str, name: str, role: str, hall: str, pin: PinHash,
             now: datetime) -> StaffAccount:
    account = StaffAccount(number=number, name=name, role=role, hall_code=hall, active=True,
                           updated_at=now)
    _store_pin(account, pin)
    return account


def add(db: Database, *, number: str, name: str, role: str, hall: str, pin: str,
        now: datetime) -> None:
    number, name, role = check_number(number), check_name(name), check_role(role)
    hall = check_hall_code(hall)
    check_pin(pin)
    check_free(db, number)
    hashed = hash_pin(pin)
    try:
        with db.writing() as session:
            _refuse_duplicate(session.get(StaffAccount, number))
            session.add(_account(number, name, role, hall, hashed, now))
    except IntegrityError as exc:  # another process added the same number meanwhile
        raise StaffError(f"there is already a staff account {number}") from exc


def check_free(db: Database, number: str) -> None:
    """Refuse a number already taken (by a deactivated account too)."""
    with db.reading() as session:
        _refuse_duplicate(session.get(StaffAccount, check_number(number)))


def check_exists(db: Database, number: str) -> None:
    with db.reading() as session:
        existing(session, number)


def _refuse_duplicate(existing: StaffAccount | None) -> None:
    if existing is not None:
        state = "" if existing.active else " (deactivated; a number is never reused)"
        raise StaffError(f"there is already a staff account {existing.number}{state}")


def existing(session: Session, number: str) -> StaffAccount:
    account = session.get(StaffAccount, check_number(number))
    if account is None:
        raise StaffError(f"there is no staff account {number}")
    return account


def deactivate(db: Database, number: str, now: datetime) -> bool:
    """Deactivate an account: False when it already was. Kiosks drop it at their next pull."""
    with db.writing() as session:
        account = existing(session, number)
        if not account.active:
            return False
        account.active, account.updated_at = False, now
        return True


def move(db: Database, number: str, hall: str, now: datetime) -> bool:
    """Serve the account to the devices of ``hall`` from now on: False when it already was."""
    hall = check_hall_code(hall)
    with db.writing() as session:
        account = existing(session, number)
        if account.hall_code == hall:
            return False
        account.hall_code, account.updated_at = hall, now
        return True


def set_pin(db: Database, number: str, pin: str, now: datetime) -> StaffAccount:
    """A new PIN (a new salt too); the account as it is now."""
    check_pin(pin)
    check_exists(db, number)
    hashed = hash_pin(pin)
    with db.writing() as session:
        account = existing(session, number)
        _store_pin(account, hashed)
        account.updated_at = now
        return account


def accounts(db: Database) -> list[StaffAccount]:
    """Every account, deactivated ones too, by number."""
    with db.reading() as session:
        return list(session.scalars(select(StaffAccount).order_by(StaffAccount.number)))


@functools.cache
def _demo_pins() -> dict[str, PinHash]:
    """Hashed once per process: every server a test suite starts seeds the demo."""
    return {number: hash_pin(pin) for number, _name, _role, pin in DEMO_ACCOUNTS}


def seed_demo(session: Session, hall: str, now: datetime) -> None:
    """Add the demo accounts that are missing, in ``hall`` (an existing one is left as it
    is, but given ``hall`` if it has none: it was made before accounts had halls)."""
    present = {a.number: a for a in session.scalars(select(StaffAccount))}
    for number, name, role, _pin in DEMO_ACCOUNTS:
        if number not in present:
            session.add(_account(number, name, role, hall, _demo_pins()[number], now))
        elif present[number].hall_code is None:
            present[number].hall_code = hall


def check_active(session: Session, number: str, hall: str) -> None:
    """Refuse (422 ``unknown_staff``) a staff number that is no active account of ``hall``
    (another hall's account gets the same answer as none)."""
    account = session.get(StaffAccount, number) if _NUMBER.fullmatch(number) else None
    if account is None or not account.active or account.hall_code != hall:
        raise Problem(422, "unknown_staff",
                      "identity.staff is not an active staff account of this hall")


# --- served to kiosks ------------------------------------------------------------------


def served_list(session: Session, now: datetime, hall: str, key: SigningKey) -> Served:
    """The active accounts of ``hall`` by number, with their PIN hashes, signed with
    ``key`` (``central.signing``: a kiosk takes no list without the platform's signature).

    ``issued_at`` is the time of the last change to any account (a deactivation too),
    or the start of the current UTC day when that is later: the list is re-issued daily,
    like the trust list, so a kiosk can tell how fresh its copy is while the ETag stays
    the same all day when nothing changes.
    """
    changed = session.scalar(select(func.max(StaffAccount.updated_at)))  # typed: aware UTC
    today = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    issued_at = max(changed, today) if changed is not None else today
    rows = session.scalars(
        select(StaffAccount).where(StaffAccount.active.is_(True), StaffAccount.hall_code == hall)
        .order_by(StaffAccount.number))
    staff = [{"number": a.number, "name": a.name, "role": a.role, "pin": pin_hash_of(a).to_wire()}
             for a in rows]
    return Served.of(key.sign({"issued_at": wire(issued_at), "staff": staff}))


# --- the audit trail, read back -------------------------------------------------------


@dataclass(frozen=True)
class AuditQuery:
    since: datetime | None = None
    staff: str | None = None
    limit: int = AUDIT_EVENTS_MAX
    hall: str | None = None  # None: every hall's devices


def audit_events(session: Session, query: AuditQuery) -> list[dict[str, Any]]:
    """Audit submissions received at or after ``since`` (server time, so an event sent
    late by a kiosk that was offline is not missed), oldest first, at most ``limit``."""
    stmt = select(Submission).where(Submission.kind == "audit")
    if query.since is not None:
        stmt = stmt.where(Submission.received_at >= query.since)
    if query.staff is not None:
        stmt = stmt.where(Submission.staff == query.staff)
    if query.hall is not None:
        stmt = stmt.where(Submission.device_id.in_(
            select(Device.device_id).where(Device.hall_code == query.hall)))
    stmt = stmt.order_by(Submission.received_at, Submission.created_at,
                         Submission.submission_id).limit(query.limit)
    return [
        {"submission_id": row.submission_id, "device_id": row.device_id,
         "created_at": wire(row.created_at), "received_at": wire(row.received_at),
         "staff": _clean(row.staff), "resident": _clean(row.resident),
         "payload": _stored_payload(row.payload)}
        for row in session.scalars(stmt)
    ]


def _stored_payload(text: str) -> dict[str, Any]:
    """A stored payload as an answer can carry it, whatever was stored before the edge
    refused bad JSON: lone surrogates become U+FFFD, NaN and infinities null, and what is
    no JSON object at all an empty object. A bad row never fails the query."""
    try:
        value = _clean(json.loads(text))
    except (ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, list):
        return [_clean(item) for item in value]
    if isinstance(value, dict):
        return {_clean(name): _clean(item) for name, item in value.items()}
    return value
