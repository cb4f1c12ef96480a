"""Staff mode's core: the roster and its PIN verifiers, the sign-in desk and its audit
trail, the pepper, the hall's defaults, the outbox's assisted and discard paths, schema 3
and the staff pull. No Qt.

scrypt costs ~50-70 ms a hash at the default cost: central accounts here are hashed
at the lowest cost ``kiosk.rules.pin_hash`` accepts (n = 2**12, ~20 ms), each once per run,
and wrong attempts that only need to count use malformed PINs (no hash at all).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
import logging
import random
import sqlite3

import keyring
import keyring.errors
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from keyring.backends import fail

from kiosk.device.settings import Settings
from kiosk.rules.pin_hash import PinHash, hash_pin
from kiosk.rules.signed_document import public_key_bytes, sign
from kiosk.staff import hall_defaults
from kiosk.staff.desk import StaffDesk
from kiosk.staff.pin_guard import FREE_FAILURES, HARD_LOCK_AT
from kiosk.staff.roster import (
    PULLED_NAME,
    KeptPin,
    PepperChanged,
    StaffError,
    StaffMember,
    StaffRoster,
    roster_for_storage,
)
from kiosk.sync.api_client import CentralClient
from kiosk.sync.engine import SyncEngine, staff_pull
from kiosk.sync.enrolment import (
    ACCOUNT,
    PEPPER_ACCOUNT,
    SERVICE,
    CredentialStore,
    MemoryKeyring,
    NoSecureStore,
)
from kiosk.sync.outbox import AUDIT_PATH, Identity, Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import MIGRATIONS, SCHEMA_VERSION, LocalStore
from tests.helpers.fault_server import Fault, fault_server
from tests.helpers.utc_clock import FakeUtcClock

PEPPER = bytes(range(32))
OTHER_PEPPER = bytes(range(1, 33))
CHEAP_N = 2**12
WANG, LI = ("0371", "王芳", "assistant", "246810"), ("0001", "李强", "administrator", "135790")
ID_NUMBER, MOBILE = "11010519491231002X", "13800138000"
#: the platform key in these tests (kiosk/rules/signed_document.py)
PLATFORM_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(100, 132)))


@functools.cache
def cheap_hash(pin: str) -> PinHash:
    """One cheap scrypt hash per PIN for the whole run (a fixed salt per PIN)."""
    return hash_pin(pin, salt=hashlib.sha256(pin.encode()).digest()[:16], n=CHEAP_N)


def entry(number: str, name: str, role: str, pin: str) -> dict:
    return {"number": number, "name": name, "role": role, "pin": cheap_hash(pin).to_wire()}


def staff_list(*accounts: tuple[str, str, str, str]) -> dict:
    """A ``GET /v1/staff`` answer."""
    return {"issued_at": "2026-11-23T00:00:00Z", "staff": [entry(*a) for a in accounts]}


@pytest.fixture
def clock() -> FakeUtcClock:
    return FakeUtcClock("2026-11-23T01:00:00Z")


@pytest.fixture
def store(tmp_path):
    with LocalStore(tmp_path / "kiosk.db") as s:
        yield s


def pull_into(store: LocalStore, body: dict, pepper: bytes, now) -> dict:
    kept = roster_for_storage(body, pepper)
    PulledCache(store).replace(PULLED_NAME, '"v1"', kept, now)
    return kept


def file_bytes(store: LocalStore) -> bytes:
    """Everything SQLite has on disk for this database: the file and its write-ahead log."""
    return b"".join(p.read_bytes() for p in sorted(store.path.parent.glob(store.path.name + "*")))


# --- KeptPin and roster_for_storage ---------------------------------------------------------


def test_a_kept_pin_is_the_scrypt_hash_keyed_with_the_pepper():
    wire = cheap_hash("246810")
    body = roster_for_storage(staff_list(WANG), PEPPER)
    assert body["skipped"] == 0 and body["issued_at"] == "2026-11-23T00:00:00Z"
    [kept] = body["staff"]
    assert {k: kept[k] for k in ("number", "name", "role")} == {
        "number": "0371", "name": "王芳", "role": "assistant"}
    assert set(kept["pin"]) == {"alg", "n", "r", "p", "salt", "keyed"}
    assert kept["pin"]["alg"] == "scrypt-hmac"
    pin = KeptPin.from_json(kept["pin"])
    assert (pin.n, pin.r, pin.p, pin.salt) == (wire.n, wire.r, wire.p, wire.salt)
    assert pin.keyed == hmac.new(PEPPER, wire.hash, hashlib.sha256).digest()
    assert pin.keyed != wire.hash
    assert KeptPin.from_json(pin.to_json()) == pin
    assert pin.matches("246810", PEPPER)
    assert not pin.matches("246811", PEPPER)
    assert not pin.matches("246810", OTHER_PEPPER)


@pytest.mark.parametrize("bad", [
    {"number": "03-71", "name": "王芳", "role": "assistant"},
    {"number": "0371", "name": "", "role": "assistant"},
    {"number": "0371", "name": "王芳", "role": "boss"},
    {"number": 371, "name": "王芳", "role": "assistant"},
    {"name": "王芳", "role": "assistant"},
])
def test_accounts_that_do_not_check_out_are_left_out_and_counted(bad):
    body = staff_list(LI)
    body["staff"].append({**bad, "pin": cheap_hash("246810").to_wire()})
    kept = roster_for_storage(body, PEPPER)
    assert [s["number"] for s in kept["staff"]] == ["0001"] and kept["skipped"] == 1


def test_entries_with_a_bad_pin_hash_or_no_object_are_left_out():
    wire = cheap_hash("246810").to_wire()
    body = staff_list(LI)
    body["staff"] += [
        {"number": "1", "name": "a", "role": "assistant", "pin": {**wire, "extra": 1}},
        {"number": "2", "name": "b", "role": "assistant", "pin": {**wire, "n": 3}},
        {"number": "3", "name": "c", "role": "assistant", "pin": {**wire, "hash": "!!"}},
        {"number": "4", "name": "d", "role": "assistant", "pin": None},
        {"number": "5", "name": "e", "role": "assistant"},
        "0371",
        None,
    ]
    kept = roster_for_storage(body, PEPPER)
    assert [s["number"] for s in kept["staff"]] == ["0001"] and kept["skipped"] == 7


@pytest.mark.parametrize("body", [None, [], "staff", {}, {"staff": None}, {"staff": {"0371": {}}}])
def test_an_answer_without_a_staff_list_is_refused(body):
    with pytest.raises(StaffError, match="no 'staff' list"):
        roster_for_storage(body, PEPPER)


@pytest.mark.parametrize("obj", [
    None, [], "scrypt-hmac", 5, {},
    {"alg": "scrypt", "n": 4096, "r": 8, "p": 1, "salt": "AAAA", "keyed": "AAAA"},
    {"alg": "scrypt-hmac", "n": 4096, "r": 8, "p": 1, "salt": "AAAA"},
    {"alg": "scrypt-hmac", "n": "many", "r": 8, "p": 1, "salt": "AAAA", "keyed": "AAAA"},
    {"alg": "scrypt-hmac", "n": 4096, "r": 8, "p": 1, "salt": "not base64!", "keyed": "AAAA"},
    {"alg": "scrypt-hmac", "n": 4096, "r": 8, "p": 1, "salt": "AAAA", "keyed": 12},
    {"alg": "scrypt-hmac", "n": None, "r": 8, "p": 1, "salt": "AAAA", "keyed": "AAAA"},
])
def test_an_unreadable_kept_pin_is_refused_with_a_staff_error(obj):
    with pytest.raises(StaffError, match="unreadable"):
        KeptPin.from_json(obj)


def test_a_kept_pin_with_parameters_out_of_bounds_never_matches_and_never_raises():
    wire = cheap_hash("246810")
    greedy = KeptPin(2**30, 8, 1, wire.salt, hmac.new(PEPPER, wire.hash, hashlib.sha256).digest())
    assert not greedy.matches("246810", PEPPER)
    assert not KeptPin(CHEAP_N, 8, 1, b"short", bytes(32)).matches("246810", PEPPER)


# --- the roster --------------------------------------------------------------------------


def test_a_central_account_verifies_its_pin_and_nothing_else(store, clock):
    pull_into(store, staff_list(WANG, LI), PEPPER, clock())
    roster = StaffRoster(store, lambda: PEPPER)
    wang = StaffMember("0371", "王芳", "assistant", "central")
    assert roster.members() == [StaffMember("0001", "李强", "administrator", "central"), wang]
    assert roster.verify("0371", "246810") == wang
    assert roster.verify("0001", "135790").is_administrator
    assert roster.verify("0371", "135790") is None  # someone else's PIN
    assert roster.verify("0372", "246810") is None  # a number nobody has
    assert roster.synced_at() == "2026-11-23T01:00:00Z"


@pytest.mark.parametrize("pin", ["", "24681", "246810123", "24681a", " 246810", "２４６８１０", None])
def test_a_malformed_pin_is_just_wrong(store, clock, pin):
    pull_into(store, staff_list(WANG), PEPPER, clock())
    assert StaffRoster(store, lambda: PEPPER).verify("0371", pin) is None


def test_a_different_pepper_is_not_a_wrong_pin(store, clock):
    """A copy kept with another pepper (the credential store was reset) checks nobody,
    and says why: that is not a wrong PIN."""
    pull_into(store, staff_list(WANG), PEPPER, clock())
    with pytest.raises(PepperChanged):
        StaffRoster(store, lambda: OTHER_PEPPER).verify("0371", "246810")
    assert StaffRoster(store, lambda: PEPPER).verify("0371", "246810") is not None
    local = StaffRoster(store, lambda: PEPPER)
    local.add_local("A1", "赵敏", "assistant", "975310", clock())
    with pytest.raises(PepperChanged):
        StaffRoster(store, lambda: OTHER_PEPPER).verify("A1", "975310")


def test_no_pepper_means_no_check(store, clock):
    pull_into(store, staff_list(WANG), PEPPER, clock())

    def no_store() -> bytes:
        raise NoSecureStore("no keyring")

    roster = StaffRoster(store, no_store)
    with pytest.raises(NoSecureStore):
        roster.verify("0371", "246810")
    with pytest.raises(NoSecureStore):  # asked first: an unknown number does not answer None
        roster.verify("9999", "246810")


def test_a_damaged_central_verifier_refuses_that_account_only(store, clock):
    kept = roster_for_storage(staff_list(WANG, LI), PEPPER)
    [wang] = [s for s in kept["staff"] if s["number"] == "0371"]
    wang["pin"] = {"alg": "scrypt-hmac", "n": 4096}
    PulledCache(store).replace(PULLED_NAME, None, kept, clock())
    roster = StaffRoster(store, lambda: PEPPER)
    assert roster.verify("0371", "246810") is None
    assert roster.verify("0001", "135790") is not None


def test_local_accounts_are_added_verified_listed_and_removed(store, clock):
    roster = StaffRoster(store, lambda: PEPPER)
    assert roster.members() == [] and roster.synced_at() is None
    added = roster.add_local("A7", "  张伟 ", "administrator", "97531246", clock())
    assert added == StaffMember("A7", "张伟", "administrator", "local")
    assert roster.members() == [added]
    assert roster.verify("A7", "97531246") == added
    assert roster.verify("A7", "97531247") is None
    with pytest.raises(StaffError, match="A7 is already on this kiosk"):
        roster.add_local("A7", "someone else", "assistant", "111111", clock())
    assert roster.remove_local("A7") is True
    assert roster.remove_local("A7") is False
    assert roster.members() == []


def test_the_central_account_wins_on_the_same_number(store, clock):
    roster = StaffRoster(store, lambda: PEPPER)
    roster.add_local("0371", "Local Wang", "administrator", "111111", clock())
    roster.add_local("0555", "Local Only", "assistant", "555555", clock())
    pull_into(store, staff_list(WANG), PEPPER, clock())
    members = {m.number: m for m in roster.members()}
    assert members["0371"] == StaffMember("0371", "王芳", "assistant", "central")
    assert members["0555"].source == "local"
    assert roster.verify("0371", "111111") is None  # the local PIN no longer opens 0371
    assert roster.verify("0371", "246810").role == "assistant"
    # the platform takes its account away: the local one is what is left
    pull_into(store, staff_list(LI), PEPPER, clock())
    assert {m.number: m.source for m in roster.members()} == {
        "0001": "central", "0371": "local", "0555": "local"}


@pytest.mark.parametrize(("number", "name", "role", "pin", "message"), [
    ("", "王芳", "assistant", "246810", "staff number is 1 to 16 letters or digits"),
    ("03-71", "王芳", "assistant", "246810", "staff number"),
    ("0371 ", "王芳", "assistant", "246810", "staff number"),
    ("x" * 17, "王芳", "assistant", "246810", "staff number"),
    ("王", "王芳", "assistant", "246810", "staff number"),
    (None, "王芳", "assistant", "246810", "staff number"),
    ("0371", "", "assistant", "246810", "staff name is 1 to 40 characters"),
    ("0371", "   ", "assistant", "246810", "staff name"),
    ("0371", "王" * 41, "assistant", "246810", "staff name"),
    ("0371", None, "assistant", "246810", "staff name"),
    ("0371", "王芳", "boss", "246810", "role is one of assistant, administrator"),
    ("0371", "王芳", "Assistant", "246810", "role"),
    ("0371", "王芳", "", "246810", "role"),
    ("0371", "王芳", "assistant", "12345", "PIN is 6 to 8 digits"),
    ("0371", "王芳", "assistant", "123456789", "PIN is 6 to 8 digits"),
    ("0371", "王芳", "assistant", "12345a", "PIN is 6 to 8 digits"),
    ("0371", "王芳", "assistant", "１２３４５６", "PIN is 6 to 8 digits"),
    ("0371", "王芳", "assistant", 123456, "PIN is 6 to 8 digits"),
])
def test_a_bad_local_account_is_refused_with_a_plain_reason(store, clock, number, name, role, pin, message):
    roster = StaffRoster(store, lambda: PEPPER)
    with pytest.raises(StaffError, match=message):
        roster.add_local(number, name, role, pin, clock())
    assert store.read("SELECT COUNT(*) FROM staff_local")[0][0] == 0


def test_the_database_never_holds_a_pin_hash_as_received(store, clock):
    wire = cheap_hash("246810")
    kept = pull_into(store, staff_list(WANG), PEPPER, clock())
    roster = StaffRoster(store, lambda: PEPPER)
    roster.add_local("A7", "张伟", "assistant", "97531246", clock())
    local = KeptPin.from_json(json.loads(store.read("SELECT pin FROM staff_local")[0]["pin"]))
    local_raw = hash_pin("97531246", salt=local.salt, n=local.n, r=local.r, p=local.p).hash
    on_disk = file_bytes(store)
    # the search can find things: the keyed verifiers are there
    assert kept["staff"][0]["pin"]["keyed"].encode() in on_disk
    assert base64.b64encode(local.keyed) in on_disk
    for raw in (wire.hash, local_raw):
        assert raw not in on_disk
        assert base64.b64encode(raw) not in on_disk
    assert b"246810" not in on_disk and b"97531246" not in on_disk


# --- the pepper --------------------------------------------------------------------------


def test_the_pepper_is_made_once_and_stays():
    backend = MemoryKeyring()
    first = CredentialStore(backend).staff_pepper()
    assert isinstance(first, bytes) and len(first) == 32
    assert CredentialStore(backend).staff_pepper() == first  # another instance, same store
    assert base64.b64decode(backend.get_password(SERVICE, PEPPER_ACCOUNT)) == first
    assert backend.get_password(SERVICE, ACCOUNT) is None  # the device token is untouched
    assert CredentialStore(MemoryKeyring()).staff_pepper() != first  # each kiosk its own


@pytest.mark.parametrize("stored", [
    "not base64!",
    base64.b64encode(bytes(16)).decode(),  # too short
    "密钥密钥",
])
def test_a_damaged_pepper_means_no_secure_store(stored):
    backend = MemoryKeyring()
    backend.set_password(SERVICE, PEPPER_ACCOUNT, stored)
    with pytest.raises(NoSecureStore):
        CredentialStore(backend).staff_pepper()
    assert backend.get_password(SERVICE, PEPPER_ACCOUNT) == stored  # not replaced silently


class BrokenKeyring(MemoryKeyring):
    """A keyring that is there but fails (locked, D-Bus gone): get and/or set raise."""

    priority = 1

    def __init__(self, get_fails: bool = True, set_fails: bool = True) -> None:
        super().__init__()
        self.get_fails, self.set_fails = get_fails, set_fails

    def get_password(self, service, username):
        if self.get_fails:
            raise keyring.errors.KeyringLocked("the keyring is locked")
        return super().get_password(service, username)

    def set_password(self, service, username, password):
        if self.set_fails:
            raise keyring.errors.PasswordSetError("cannot write to the keyring")
        super().set_password(service, username, password)


@pytest.mark.parametrize(("get_fails", "set_fails"), [(True, True), (True, False), (False, True)])
def test_a_failing_keyring_means_no_secure_store(get_fails, set_fails):
    with pytest.raises(NoSecureStore):
        CredentialStore(BrokenKeyring(get_fails, set_fails)).staff_pepper()


# --- the desk: sign-in, the guard and the audit trail ------------------------------------


@pytest.fixture
def wall() -> list[float]:
    return [1_800_000_000.0]


def open_desk(tmp_path, keys: CredentialStore, wall: list[float], clock: FakeUtcClock) -> StaffDesk:
    return StaffDesk.open(tmp_path / "desk.db", keys, wall=lambda: wall[0], now=clock)


@pytest.fixture
def desk(tmp_path, wall, clock):
    keys = CredentialStore(MemoryKeyring())
    desk = open_desk(tmp_path, keys, wall, clock)
    pull_into(desk.store, staff_list(WANG), keys.staff_pepper(), clock())
    yield desk
    desk.store.close()


def audits(desk: StaffDesk) -> list:
    return [i for i in desk.outbox.items("pending") if i.kind == "audit"]


def test_a_sign_in_is_audited(desk, clock):
    outcome = desk.sign_in("0371", "246810")
    assert outcome.result == "signed_in"
    assert outcome.member == StaffMember("0371", "王芳", "assistant", "central")
    [item] = desk.outbox.items("pending")
    assert (item.kind, item.method, item.path) == ("audit", "POST", AUDIT_PATH)
    assert item.identity == Identity(staff="0371")
    assert item.body == {
        "kind": "audit", "created_at": "2026-11-23T01:00:00Z",
        "identity": {"resident": None, "staff": "0371"},
        "payload": {"event": "staff_signed_in", "role": "assistant"},
    }


def test_a_wrong_pin_is_audited_with_the_number_typed_and_the_count(desk):
    outcome = desk.sign_in("0371", "135790")
    assert outcome.result == "wrong" and outcome.guard.failures == 1 and outcome.seconds == 0
    outcome = desk.sign_in("9" * 40, "12")  # a number nobody has, a malformed PIN
    assert outcome.result == "wrong" and outcome.guard.failures == 2
    first, second = audits(desk)
    assert first.body["identity"] == {"resident": None, "staff": "0371"}
    assert first.body["payload"] == {"event": "staff_sign_in_failed", "failures": 1,
                                     "known_number": True, "locked": False}
    # a number nobody has is not named (it may be a PIN typed at the number step)
    assert second.identity == Identity(staff=None)
    assert second.body["payload"]["failures"] == 2 and second.body["payload"]["known_number"] is False


def test_a_success_resets_the_guard(desk):
    for _ in range(FREE_FAILURES - 1):
        assert desk.sign_in("0371", "1").result == "wrong"
    assert desk.sign_in("0371", "246810").result == "signed_in"
    assert desk.guard.state().failures == 0
    assert desk.sign_in("0371", "1").guard.failures == 1


def test_after_five_failures_the_pad_waits_and_a_try_while_waiting_is_not_counted(desk, wall):
    for _ in range(FREE_FAILURES - 1):
        desk.sign_in("0371", "1")
    outcome = desk.sign_in("0371", "1")
    assert (outcome.result, outcome.seconds) == ("wrong", 30)
    wall[0] += 10
    waiting = desk.sign_in("0371", "246810")  # even the right PIN waits
    assert (waiting.result, waiting.seconds, waiting.member) == ("wait", 20, None)
    assert desk.before_attempt().result == "wait"
    assert desk.guard.state().failures == FREE_FAILURES
    assert len(audits(desk)) == FREE_FAILURES  # a refused try is not an attempt
    wall[0] += 20
    assert desk.before_attempt() is None
    assert desk.sign_in("0371", "246810").result == "signed_in"


def test_the_tenth_failure_locks_the_pad(desk, wall):
    outcomes = []
    for _ in range(HARD_LOCK_AT):
        outcomes.append(desk.sign_in("0371", "1"))
        if outcomes[-1].result == "wrong":
            wall[0] += outcomes[-1].seconds
    assert [o.result for o in outcomes] == ["wrong"] * (HARD_LOCK_AT - 1) + ["locked"]
    assert [o.seconds for o in outcomes[FREE_FAILURES - 1:-1]] == [30, 60, 120, 240, 480]
    assert outcomes[-1].seconds == 3600  # locked for an hour
    assert audits(desk)[-1].body["payload"] == {
        "event": "staff_sign_in_failed", "failures": HARD_LOCK_AT, "known_number": True, "locked": True}
    wall[0] += 3599
    assert desk.sign_in("0371", "246810").result == "locked"
    assert len(audits(desk)) == HARD_LOCK_AT
    wall[0] += 1  # the hour is over: one try, and a wrong one locks it for another hour
    assert desk.sign_in("0371", "1").result == "locked"
    assert len(audits(desk)) == HARD_LOCK_AT + 1
    desk.guard.unlock()
    assert desk.sign_in("0371", "246810").result == "signed_in"


def test_without_a_secure_store_nobody_signs_in(tmp_path, wall, clock, caplog):
    desk = open_desk(tmp_path, CredentialStore(BrokenKeyring()), wall, clock)
    try:
        pull_into(desk.store, staff_list(WANG), PEPPER, clock())
        with caplog.at_level(logging.ERROR, logger="kiosk.staff.desk"):
            outcome = desk.sign_in("0371", "246810")
        assert outcome.result == "unavailable" and outcome.member is None
        assert "staff sign-in unavailable" in caplog.text
        assert desk.outbox.items("pending") == []
        assert desk.guard.state().failures == 0  # not the person's fault
    finally:
        desk.store.close()


@pytest.fixture
def system_keyring():
    before = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(before)


def test_a_box_without_any_secure_backend_is_unavailable_too(tmp_path, wall, clock, system_keyring):
    system_keyring(fail.Keyring())
    desk = open_desk(tmp_path, CredentialStore(), wall, clock)  # opening needs no pepper yet
    try:
        assert desk.sign_in("0371", "246810").result == "unavailable"
    finally:
        desk.store.close()


def test_the_desk_records_what_staff_do_for_a_resident(desk, clock):
    member = desk.sign_in("0371", "246810").member
    desk.record("assist_started", member, resident="R-1A2B3C4D", consent=True)
    item = audits(desk)[-1]
    assert item.identity == Identity("R-1A2B3C4D", "0371")
    assert item.body["identity"] == {"resident": "R-1A2B3C4D", "staff": "0371"}
    assert item.body["payload"] == {"event": "assist_started", "consent": True}


# --- the hall's defaults -----------------------------------------------------------------


def test_hall_defaults_are_saved_loaded_and_applied(store, clock):
    assert hall_defaults.load(store) == {}
    assert hall_defaults.applied(Settings.defaults(), store) == Settings.defaults()
    hall_defaults.save(store, "default_language", "en", "0371", clock())
    hall_defaults.save(store, "default_elderly", True, "0371", clock())
    clock.advance(60)
    hall_defaults.save(store, "default_elderly", False, "0001", clock())  # changed again
    hall_defaults.save(store, "read_aloud_auto_elderly", True, "0001", clock())
    assert hall_defaults.load(store) == {
        "default_language": "en", "default_elderly": False, "read_aloud_auto_elderly": True}
    settings = hall_defaults.applied(Settings.defaults(), store)
    assert (settings.default_language, settings.default_elderly, settings.read_aloud_auto_elderly) == (
        "en", False, True)
    assert settings.idle_seconds == Settings.defaults().idle_seconds  # nothing else moves
    row = store.read("SELECT * FROM hall_defaults WHERE name = 'default_elderly'")[0]
    assert (row["changed_by"], row["changed_at"]) == ("0001", "2026-11-23T01:01:00Z")


@pytest.mark.parametrize(("name", "value"), [
    ("default_language", "fr"), ("default_language", None), ("default_elderly", "yes"),
    ("default_elderly", 1), ("read_aloud_auto_elderly", None),
])
def test_out_of_bounds_hall_defaults_are_refused(store, clock, name, value):
    with pytest.raises(ValueError, match=name):
        hall_defaults.save(store, name, value, "0371", clock())
    assert hall_defaults.load(store) == {}


@pytest.mark.parametrize("name", ["idle_seconds", "speech_volume", "nonsense", ""])
def test_only_the_hall_defaults_may_be_set(store, clock, name):
    with pytest.raises(ValueError, match="not a hall default"):
        hall_defaults.save(store, name, 5, "0371", clock())
    assert store.read("SELECT COUNT(*) FROM hall_defaults")[0][0] == 0


def test_a_bad_stored_hall_default_is_skipped_with_a_warning(store, clock, caplog):
    hall_defaults.save(store, "default_language", "en", "0371", clock())
    with store.write() as db:
        db.execute("INSERT INTO hall_defaults VALUES ('default_elderly', '\"sure\"', 'x', 'y')")
        db.execute("INSERT INTO hall_defaults VALUES ('idle_seconds', '5', 'x', 'y')")
    with caplog.at_level(logging.WARNING, logger="kiosk.staff.hall_defaults"):
        settings = hall_defaults.applied(Settings.defaults(), store)
    assert settings.default_language == "en" and settings.default_elderly is False
    assert settings.idle_seconds == Settings.defaults().idle_seconds  # not a hall default
    assert "default_elderly ignored" in caplog.text


# --- the outbox: assisted submissions, discards and redaction ----------------------------


def booking_body() -> dict:
    return {"hall": "city_centre", "matter": "m1", "start": "2026-11-24T01:00:00Z", "hold_id": None,
            "person": {"id_number": ID_NUMBER, "phone": MOBILE},
            "requested_at": "2026-11-23T01:00:00Z"}


def test_an_assisted_submission_names_staff_and_is_audited_with_it(store, clock):
    acting = [Identity(resident="R-1A2B3C4D", staff="0371")]
    outbox = Outbox(store, acting=lambda: acting[0])
    item = outbox.enqueue("rating", "POST", "/v1/submissions", {"stars": 5}, Identity(), clock())
    assert item.identity == Identity("R-1A2B3C4D", "0371")
    first, audit = outbox.items("pending")
    assert first.id == item.id and audit.seq == item.seq + 1
    assert (audit.kind, audit.method, audit.path) == ("audit", "POST", AUDIT_PATH)
    assert audit.identity == Identity("R-1A2B3C4D", "0371")
    assert audit.body == {
        "kind": "audit", "created_at": "2026-11-23T01:00:00Z",
        "identity": {"resident": "R-1A2B3C4D", "staff": "0371"},
        "payload": {"event": "assisted_submission", "submission": "rating", "item": item.id},
    }
    # an audit event is not audited again, and out of assisted mode nothing is added
    outbox.enqueue("audit", "POST", AUDIT_PATH, {"x": 1}, Identity(staff="0371"), clock())
    acting[0] = None
    plain = outbox.enqueue("rating", "POST", "/v1/submissions", {"stars": 4}, Identity(), clock())
    assert plain.identity == Identity()
    assert [i.kind for i in outbox.items("pending")] == ["rating", "audit", "audit", "rating"]


def test_an_assisted_booking_keeps_the_residents_masked_id_but_audits_only_the_reference(store, clock):
    outbox = Outbox(store, acting=lambda: Identity(resident="R-1A2B3C4D", staff="0371"))
    item = outbox.enqueue("booking", "POST", "/v1/bookings", booking_body(),
                          Identity(resident="110105********002X"), clock())
    assert item.identity == Identity("110105********002X", "0371")
    audit = outbox.items("pending")[1]
    assert audit.identity == Identity("R-1A2B3C4D", "0371")
    assert audit.body["identity"] == {"resident": "R-1A2B3C4D", "staff": "0371"}
    assert "002X" not in json.dumps(audit.body)


def test_the_assisted_audit_is_written_in_the_same_transaction(store, clock):
    with store.write() as db:  # real SQLite refusing the audit row
        db.execute("CREATE TRIGGER no_audit BEFORE INSERT ON outbox WHEN NEW.kind = 'audit'"
                   " BEGIN SELECT RAISE(ABORT, 'audit refused'); END")
    outbox = Outbox(store, acting=lambda: Identity(resident="R-1", staff="0371"))
    with pytest.raises(sqlite3.IntegrityError, match="audit refused"):
        outbox.enqueue("rating", "POST", "/v1/submissions", {"stars": 5}, Identity(), clock())
    assert store.read("SELECT COUNT(*) FROM outbox")[0][0] == 0  # the submission went too


def raw_row(store: LocalStore, item_id: str) -> str:
    return json.dumps([tuple(r) for r in store.read("SELECT * FROM outbox WHERE id = ?", (item_id,))],
                      ensure_ascii=False)


def test_a_sent_body_keeps_no_full_id_or_mobile_number(store, clock):
    outbox = Outbox(store)
    item = outbox.enqueue("booking", "POST", "/v1/bookings", booking_body(),
                          Identity(resident="110105********002X"), clock())
    assert ID_NUMBER in raw_row(store, item.id) and MOBILE in raw_row(store, item.id)
    outbox.mark_sent(item.id, 201, {"booking_id": "b1", "person": {"id_masked": "110105********002X"}},
                     clock())
    row = raw_row(store, item.id)
    assert ID_NUMBER not in row and MOBILE not in row
    sent = outbox.get(item.id)
    assert sent.state == "sent"
    assert sent.body["person"] == {"id_number": "110105********002X", "phone": "138****8000"}
    assert sent.body["matter"] == "m1"  # the rest of the body is kept


def test_refused_and_dead_bodies_are_kept_whole_for_the_residents_lookup(store, clock):
    outbox = Outbox(store)
    refused = outbox.enqueue("booking", "POST", "/v1/bookings", booking_body(), Identity(), clock())
    dead = outbox.enqueue("booking", "POST", "/v1/bookings", booking_body(), Identity(), clock())
    outbox.mark_refused(refused.id, 409, {"code": "slot_full"}, "slot_full", clock())
    outbox.mark_dead(dead.id, 422, {"code": "bad"}, "bad", clock())
    for item_id in (refused.id, dead.id):
        assert outbox.get(item_id).body["person"] == {"id_number": ID_NUMBER, "phone": MOBILE}


def test_a_dead_letter_is_discarded_only_with_a_reason_and_stays_redacted(store, clock):
    outbox = Outbox(store)
    item = outbox.enqueue("booking", "POST", "/v1/bookings", booking_body(), Identity(), clock())
    for reason in ("", "   "):
        with pytest.raises(ValueError, match="reason"):
            outbox.discard(item.id, reason, clock())
    assert outbox.discard(item.id, "resident booked at the counter", clock()) is False  # pending
    outbox.mark_dead(item.id, 422, {"code": "bad"}, "bad", clock())
    clock.advance(60)
    assert outbox.discard(item.id, "  resident booked at the counter ", clock()) is True
    kept = outbox.get(item.id)
    assert kept.state == "discarded"
    assert kept.last_error == "discarded: resident booked at the counter"
    row = raw_row(store, item.id)
    assert ID_NUMBER not in row and MOBILE not in row
    assert store.read("SELECT finished_at FROM outbox WHERE id = ?", (item.id,))[0][0] == (
        "2026-11-23T01:01:00Z")
    assert outbox.discard(item.id, "again", clock()) is False  # only dead letters
    assert outbox.requeue(item.id) is False  # a discarded item does not come back
    assert outbox.counts().discarded == 1 and outbox.counts().dead == 0


def test_sent_and_refused_items_cannot_be_discarded(store, clock):
    outbox = Outbox(store)
    sent = outbox.enqueue("rating", "POST", "/v1/submissions", {}, Identity(), clock())
    refused = outbox.enqueue("rating", "POST", "/v1/submissions", {}, Identity(), clock())
    outbox.mark_sent(sent.id, 201, {}, clock())
    outbox.mark_refused(refused.id, 409, {}, "slot_full", clock())
    assert not outbox.discard(sent.id, "x", clock()) and not outbox.discard(refused.id, "x", clock())
    assert not outbox.discard("no-such-id", "x", clock())
    assert (outbox.get(sent.id).state, outbox.get(refused.id).state) == ("sent", "refused")


# --- schema 3 ----------------------------------------------------------------------------


def test_a_schema_2_database_opens_at_the_current_schema_with_its_rows(tmp_path, clock):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for script in MIGRATIONS[:2]:
        db.executescript(script)
    rows = [(f"k{n}", state) for n, state in enumerate(("pending", "sent", "refused", "dead"), 1)]
    for item_id, state in rows:
        db.execute(
            "INSERT INTO outbox (id, kind, method, path, body, identity, created_at, state,"
            " attempts, last_error) VALUES (?, 'booking', 'POST', '/v1/bookings', ?, ?,"
            " '2026-11-23T01:00:00Z', ?, 2, 'why')",
            (item_id, json.dumps(booking_body()), json.dumps({"resident": "r", "staff": None}), state),
        )
    db.execute("INSERT INTO pulled VALUES ('catalogue', '\"e1\"', '{}', 'a', 'b')")
    db.execute("PRAGMA user_version = 2")
    db.commit()
    before = db.execute("SELECT * FROM outbox ORDER BY seq").fetchall()
    db.close()
    assert SCHEMA_VERSION == 5  # 4: used_codes, 5: outbox.redacted_at (issue 12)
    with LocalStore(path) as store:
        assert store.read("PRAGMA user_version")[0][0] == 5
        # every row as it was, with the new column (redacted_at) empty
        assert [tuple(r) for r in store.read("SELECT * FROM outbox ORDER BY seq")] == [
            (*row, None) for row in before]
        assert PulledCache(store).etag("catalogue") == '"e1"'
        tables = {r[0] for r in store.read("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"staff_local", "staff_guard", "hall_defaults", "outbox", "pulled"} <= tables
        assert tuple(store.read("SELECT * FROM staff_guard")[0]) == (1, 0, 0.0, 0)
        indexes = {r[0] for r in store.read("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "outbox_by_state" in indexes
        outbox = Outbox(store)
        assert outbox.counts().dead == 1 and outbox.head().id == "k1"
        assert outbox.discard("k4", "checked by phone", clock())  # 'discarded' is allowed now
        new = outbox.enqueue("rating", "POST", "/v1/submissions", {}, Identity(), clock())
        assert new.seq > max(r[0] for r in before)
        assert store.integrity_check() == "ok"


# --- the staff pull ----------------------------------------------------------------------


@pytest.fixture
def pull_rig(store, clock):
    with fault_server() as (server, url):
        engine = SyncEngine(CentralClient(url, "tok", timeout=(0.5, 0.5), clock=clock), Outbox(store),
                            PulledCache(store), clock=clock, rng=random.Random(1),
                            pulls=(staff_pull(PEPPER, lambda _client: public_key_bytes(PLATFORM_KEY)),))
        yield engine, server


def test_the_staff_pull_keeps_keyed_verifiers_that_the_roster_checks(store, clock, pull_rig):
    engine, server = pull_rig
    body = sign(staff_list(WANG, LI), PLATFORM_KEY)
    server.answer(Fault.json(200, body, ETag='"s1"'))
    assert engine.refresh(force=True) == [PULLED_NAME]
    assert server.requests[-1].path == "/v1/staff"
    copy = PulledCache(store).get(PULLED_NAME)
    assert copy.etag == '"s1"' and copy.body["skipped"] == 0
    for kept in copy.body["staff"]:
        assert kept["pin"]["alg"] == "scrypt-hmac" and "hash" not in kept["pin"]
    on_disk = file_bytes(store)
    for member in body["staff"]:
        assert member["pin"]["hash"].encode() not in on_disk
    roster = StaffRoster(store, lambda: PEPPER)
    assert roster.verify("0371", "246810").name == "王芳"
    assert roster.verify("0001", "246810") is None
    # unchanged on the server: a 304, the copy stays and counts as checked
    server.answer(Fault(304, b"", {"ETag": '"s1"'}))
    clock.advance(600)
    assert engine.refresh(force=True) == []
    assert server.requests[-1].headers["If-None-Match"] == '"s1"'
    assert roster.synced_at() == "2026-11-23T01:10:00Z"
    assert roster.verify("0371", "246810") is not None


@pytest.mark.parametrize("answer", [{"staff": "none"}, {"staff": None}, ["0371"]])
def test_a_bad_staff_list_leaves_the_old_copy(store, clock, pull_rig, answer):
    engine, server = pull_rig
    pull_into(store, staff_list(WANG), PEPPER, clock())
    server.answer(Fault.json(200, answer))
    assert engine.refresh(force=True) == []
    assert engine.status.problem == "bad_shape"
    assert StaffRoster(store, lambda: PEPPER).verify("0371", "246810") is not None


@pytest.mark.parametrize(("kept_at", "served_at", "taken"), [
    ("2026-11-23T00:00:00Z", "2026-11-22T00:00:00Z", False),  # an older list replayed
    ("2026-11-23T00:00:00Z", "2026-11-23T00:00:00Z", True),
    ("2026-11-23T00:00:00Z", "2026-11-24T00:00:00Z", True),
    ("2027-06-01T00:00:00Z", "2026-11-23T00:00:00Z", True),  # kept from a server clock set ahead
])
def test_a_signed_list_issued_before_the_kept_one_is_refused(store, clock, pull_rig, kept_at,
                                                            served_at, taken):
    engine, server = pull_rig
    pull_into(store, {**staff_list(WANG), "issued_at": kept_at}, PEPPER, clock())
    server.answer(Fault.json(200, sign({**staff_list(WANG, LI), "issued_at": served_at},
                                       PLATFORM_KEY)))
    assert engine.refresh(force=True) == ([PULLED_NAME] if taken else [])
    assert (engine.status.problem is None) == taken
    assert (StaffRoster(store, lambda: PEPPER).verify("0001", "135790") is not None) == taken


def test_a_signed_list_without_an_issue_time_is_refused(store, clock, pull_rig):
    engine, server = pull_rig
    server.answer(Fault.json(200, sign({"staff": [entry(*LI)]}, PLATFORM_KEY)))
    assert engine.refresh(force=True) == []
    assert engine.status.problem == "bad_staff_list"
