"""Staff accounts on this kiosk and how their PINs are checked.

Accounts come from the central platform (the pulled copy named ``staff``) and
work offline once pulled; the installer can add one on the kiosk itself
(``kiosk staff add``). Where both have the same staff number, the central
platform's account wins: it is the authority, and it can take an account away.

A PIN is checked against a slow hash (scrypt, ``kiosk.rules.pin_hash``). The kiosk
never stores that hash as it came: it keeps ``HMAC(pepper, scrypt(PIN))``,
where the pepper is a secret in the OS credential store. Whoever copies the
database file alone cannot search the PINs offline. Without the pepper (no
secure store) nobody signs in: staff mode fails closed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from kiosk.rules.pin_hash import PinHash, check_pin_format, hash_pin
from kiosk.rules.wire_time import parse_time, utc_iso
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import LocalStore

ROLES = ("assistant", "administrator")
PULLED_NAME = "staff"
NUMBER = re.compile(r"[0-9A-Za-z]{1,16}")
NAME_MAX = 40

Pepper = Callable[[], bytes]


class StaffError(ValueError):
    """A staff account that cannot be added or used; the message says why, plainly."""


#: how long a staff list pulled from the platform is trusted after the platform issued it
#: (its signed ``issued_at``; or when this kiosk received it, if that is earlier): a
#: deactivated account stops working at the latest this long after, even on a kiosk kept
#: offline, or one that an impostor answers "not modified" for ever. The platform issues
#: the list again every day, so a kiosk that reaches it never holds one older than a day
STAFF_LIST_MAX_AGE = timedelta(days=7)
#: a check stamped this far after the kiosk's clock means the clock was set back
CLOCK_SKEW = timedelta(minutes=5)


class StaffListStale(StaffError):
    """The platform's accounts cannot be trusted now: the pulled list was issued too long
    ago, or has no issue time (or the kiosk's clock was set back before its last check).
    Not a wrong PIN."""


class PepperChanged(StaffError):
    """The account's verifier was kept with another pepper: the credential store was reset.
    Nobody's PIN can be checked against it; that is not a wrong PIN."""


@dataclass(frozen=True, slots=True)
class StaffMember:
    number: str
    name: str
    role: str
    source: str  # "central" or "local"

    @property
    def is_administrator(self) -> bool:
        return self.role == "administrator"


@dataclass(frozen=True, slots=True)
class KeptPin:
    """A PIN verifier as the kiosk keeps it: the scrypt parameters and salt, and the
    scrypt result keyed with the pepper."""

    n: int
    r: int
    p: int
    salt: bytes
    keyed: bytes

    def to_json(self) -> dict[str, Any]:
        return {"alg": "scrypt-hmac", "n": self.n, "r": self.r, "p": self.p,
                "salt": base64.b64encode(self.salt).decode("ascii"),
                "keyed": base64.b64encode(self.keyed).decode("ascii")}

    @classmethod
    def from_json(cls, obj: Any) -> KeptPin:
        try:
            if obj["alg"] != "scrypt-hmac":
                raise ValueError(obj["alg"])
            return cls(int(obj["n"]), int(obj["r"]), int(obj["p"]),
                       base64.b64decode(obj["salt"], validate=True),
                       base64.b64decode(obj["keyed"], validate=True))
        except (KeyError, TypeError, ValueError) as exc:
            raise StaffError(f"a kept PIN verifier is unreadable: {exc!r}") from exc

    def matches(self, pin: str, pepper: bytes) -> bool:
        try:
            digest = hash_pin(pin, salt=self.salt, n=self.n, r=self.r, p=self.p).hash
        except ValueError:  # not 6 to 8 digits, or parameters out of bounds
            return False
        return hmac.compare_digest(keyed(pepper, digest), self.keyed)


def keyed(pepper: bytes, digest: bytes) -> bytes:
    return hmac.new(pepper, digest, hashlib.sha256).digest()


def pepper_id(pepper: bytes) -> str:
    """Which pepper a kept copy was made with (names it without giving it away): a copy
    made with another pepper (the credential store was reset) verifies nobody."""
    return hmac.new(pepper, b"service-hall-kiosk staff pepper id", hashlib.sha256).hexdigest()[:16]


def keep(pin_hash: PinHash, pepper: bytes) -> KeptPin:
    return KeptPin(pin_hash.n, pin_hash.r, pin_hash.p, pin_hash.salt, keyed(pepper, pin_hash.hash))


def check_member(number: Any, name: Any, role: Any) -> tuple[str, str, str]:
    if not isinstance(number, str) or not NUMBER.fullmatch(number):
        raise StaffError("a staff number is 1 to 16 letters or digits")
    if not isinstance(name, str) or not name.strip() or len(name) > NAME_MAX:
        raise StaffError(f"a staff name is 1 to {NAME_MAX} characters")
    if role not in ROLES:
        raise StaffError(f"a staff role is one of {', '.join(ROLES)}")
    return number, name.strip(), role


def roster_for_storage(body: Any, pepper: bytes) -> dict[str, Any]:
    """The central platform's ``GET /v1/staff`` answer as the kiosk keeps it: each
    PIN hash keyed with the pepper, and accounts that do not check out left out
    (counted in ``skipped``). Raises StaffError if the answer has no list at all."""
    if not isinstance(body, dict) or not isinstance(body.get("staff"), list):
        raise StaffError("the staff list from the server has no 'staff' list")
    kept, skipped = [], 0
    for entry in body["staff"]:
        try:
            number, name, role = check_member(entry.get("number"), entry.get("name"), entry.get("role"))
            pin = keep(PinHash.from_wire(entry.get("pin")), pepper)
        except (StaffError, ValueError, AttributeError, TypeError):
            skipped += 1
            continue
        kept.append({"number": number, "name": name, "role": role, "pin": pin.to_json()})
    return {"issued_at": body.get("issued_at"), "staff": kept, "skipped": skipped,
            "pepper_id": pepper_id(pepper)}


def _moment(text: Any) -> datetime | None:
    """An aware time from its wire form, None when it is not one."""
    try:
        moment = parse_time(str(text)) if text else None
    except ValueError:
        return None
    return moment if moment is not None and moment.tzinfo is not None else None


# a verifier for numbers nobody has: the check then costs as much as a real one
_NOBODY = KeptPin(2**14, 8, 1, b"\0" * 16, b"\0" * 32)


class StaffRoster:
    def __init__(self, store: LocalStore, pepper: Pepper) -> None:
        self._store = store
        self._pepper = pepper
        self._pulled = PulledCache(store)

    def _central(self) -> dict[str, tuple[StaffMember, dict[str, Any]]]:
        """The pulled accounts, each verifier marked with the pepper the copy was kept with."""
        copy = self._pulled.get(PULLED_NAME)
        found: dict[str, tuple[StaffMember, dict[str, Any]]] = {}
        if copy is None or not isinstance(copy.body, dict):
            return found
        for entry in copy.body.get("staff", []):
            try:
                member = StaffMember(entry["number"], entry["name"], entry["role"], "central")
                pin = {**entry["pin"], "pepper_id": copy.body.get("pepper_id")}
            except (KeyError, TypeError):
                continue
            found[member.number] = (member, pin)
        return found

    def _local(self) -> dict[str, tuple[StaffMember, dict[str, Any]]]:
        rows = self._store.read("SELECT * FROM staff_local ORDER BY number")
        return {r["number"]: (StaffMember(r["number"], r["name"], r["role"], "local"),
                              json.loads(r["pin"])) for r in rows}

    def _all(self) -> dict[str, tuple[StaffMember, dict[str, Any]]]:
        return {**self._local(), **self._central()}  # the central platform's account wins

    def knows(self, number: str) -> bool:
        """Whether ``number`` is a staff number here (what a failed attempt may name)."""
        return number in self._all()

    def members(self) -> list[StaffMember]:
        return [m for m, _ in sorted(self._all().values(), key=lambda pair: pair[0].number)]

    def synced_at(self) -> str | None:
        copy = self._pulled.get(PULLED_NAME)
        return copy.checked_at if copy else None

    def _check_fresh(self, now: datetime) -> None:
        """The pulled list's age counts from when the platform issued it (the signed
        ``issued_at``), not from its last check: a "not modified" answer, an impostor's
        too, does not make it younger. When this kiosk received the list before its issue
        time by the kiosk's clock (a clock behind the platform's), from then: the list is
        never trusted longer than ``STAFF_LIST_MAX_AGE`` on this kiosk's clock either."""
        copy = self._pulled.get(PULLED_NAME)
        body = copy.body if copy is not None and isinstance(copy.body, dict) else {}
        issued = _moment(body.get("issued_at"))
        received = _moment(copy.fetched_at) if copy is not None else None
        checked = _moment(copy.checked_at) if copy is not None else None
        if issued is None or received is None or checked is None:
            raise StaffListStale("the staff list on this kiosk has no issue time: connect the "
                                 "kiosk to the network")
        if now - min(issued, received) > STAFF_LIST_MAX_AGE:
            raise StaffListStale(
                f"the staff list was issued by the platform at {utc_iso(issued)} (received "
                f"{utc_iso(received)}), more than {STAFF_LIST_MAX_AGE.days} days before this "
                f"kiosk's clock ({utc_iso(now)}): connect the kiosk to the network")
        if checked - now > CLOCK_SKEW:
            raise StaffListStale(f"this kiosk's clock ({utc_iso(now)}) is before the staff "
                                 f"list's last check ({utc_iso(checked)}): it was set back")

    def add_local(self, number: str, name: str, role: str, pin: str, now: datetime) -> StaffMember:
        number, name, role = check_member(number, name, role)
        try:
            check_pin_format(pin)
        except ValueError as exc:
            raise StaffError(str(exc)) from exc
        pepper = self._pepper()
        kept = {**keep(hash_pin(pin), pepper).to_json(), "pepper_id": pepper_id(pepper)}
        with self._store.write() as db:
            if db.execute("SELECT 1 FROM staff_local WHERE number = ?", (number,)).fetchone():
                raise StaffError(f"staff number {number} is already on this kiosk")
            db.execute(
                "INSERT INTO staff_local (number, name, role, pin, added_at) VALUES (?, ?, ?, ?, ?)",
                (number, name, role, json.dumps(kept), utc_iso(now)),
            )
        return StaffMember(number, name, role, "local")

    def remove_local(self, number: str) -> bool:
        with self._store.write() as db:
            return db.execute("DELETE FROM staff_local WHERE number = ?", (number,)).rowcount == 1

    def verify(self, number: str, pin: str, now: datetime | None = None) -> StaffMember | None:
        """The member if the PIN is theirs, else None. Asks for the pepper first, so
        with no secure store it raises (``enrolment.NoSecureStore``). ``now``: a platform
        account of a list issued more than ``STAFF_LIST_MAX_AGE`` ago raises
        ``StaffListStale``."""
        pepper = self._pepper()
        member, wire = self._all().get(number, (None, None))
        if member is not None and member.source == "central" and now is not None:
            self._check_fresh(now)
        if isinstance(wire, dict) and wire.get("pepper_id") not in (None, pepper_id(pepper)):
            raise PepperChanged(f"the verifier of staff number {number} was kept with another "
                                "pepper: the credential store was reset")
        try:
            kept = KeptPin.from_json(wire) if wire is not None else _NOBODY
        except StaffError:
            kept, member = _NOBODY, None
        ok = kept.matches(pin, pepper)
        return member if ok and member is not None else None
