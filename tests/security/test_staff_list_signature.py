"""Issue 12, finding 11 (the staff list's signature): a server that answers at the
platform's address without the platform's secret (an https certificate the kiosk's
system trusts, a copy of the database) cannot add a staff account to a kiosk.

The platform signs the staff list with an Ed25519 key derived from its secret
(central/signing.py); a kiosk pins the public key at enrolment (or, enrolled before,
on first use) and takes only lists signed with it. A list with no signature, a bad one
or another key's is refused, said in the sync status and the log, and the last good
list stays: the impostor's administrator 6666 never signs in, the real staff still do.
"""

from __future__ import annotations

import io
import json
import logging
import random
from dataclasses import replace

import pytest
import requests

from central import cli, staff
from central.auth import new_enrolment_code
from central.db import Database
from central.seed import DEMO_ENROLMENT_CODE, DEMO_HALL
from central.signing import SigningKey
from kiosk.rules.signed_document import (
    KEY_ID,
    SIGNATURE,
    check_signed,
    key_id,
    public_key_from_wire,
)
from kiosk.staff.desk import StaffDesk
from kiosk.staff.roster import PULLED_NAME, StaffRoster, roster_for_storage
from kiosk.sync.api_client import CentralClient
from kiosk.sync.engine import BAD_STAFF_LIST_SIGNATURE, SyncEngine, staff_pull
from kiosk.sync.enrolment import ACCOUNT, SERVICE, CredentialStore, DeviceCredentials, MemoryKeyring
from kiosk.sync.outbox import Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import LocalStore
from tests.helpers.central_server import running_central
from tests.helpers.fault_server import Fault, fault_server

SECRET = "test-secret"
IMPOSTOR_SECRET = "an impostor's secret, not the platform's one"
IMPOSTOR = ("6666", "冒充者", "administrator", "666666")


def enrol(url: str) -> tuple[CredentialStore, DeviceCredentials]:
    keys = CredentialStore(MemoryKeyring())
    return keys, keys.enrol(CentralClient(url), DEMO_ENROLMENT_CODE, "kiosk under test")


def enrolled_before_signing(creds: DeviceCredentials) -> CredentialStore:
    """The credential store of the same enrolment, as a kiosk enrolled before the platform
    signed its documents kept it: no platform key."""
    backend = MemoryKeyring()
    backend.set_password(SERVICE, ACCOUNT, json.dumps(
        {"device_id": creds.device_id, "token": creds.token, "hall_code": creds.hall_code,
         "central_url": creds.central_url}))
    old = CredentialStore(backend)
    assert old.load() == replace(creds, platform_key=None)
    return old


def engine_for(url: str, creds: DeviceCredentials, keys: CredentialStore, store: LocalStore,
               clock) -> SyncEngine:
    return SyncEngine(CentralClient(url, creds.token, timeout=(0.5, 5.0), clock=clock),
                      Outbox(store), PulledCache(store), clock=clock, rng=random.Random(3),
                      pulls=(staff_pull(keys.staff_pepper(), keys.platform_key),))


def sign_in(store: LocalStore, keys: CredentialStore, clock, number: str, pin: str) -> str:
    desk = StaffDesk.open(store.path, keys, now=clock)
    try:
        return desk.sign_in(number, pin).result
    finally:
        desk.store.close()


def served_list(url: str, token: str) -> requests.Response:
    return requests.get(f"{url}/v1/staff", headers={"Authorization": f"Bearer {token}"},
                        timeout=5)


def add_account(db_url: str, number: str, name: str, role: str, pin: str) -> None:
    """``kiosk-central staff add`` on ``db_url``, for the demo hall."""
    old, cli.sys.stdin = cli.sys.stdin, io.StringIO(pin + "\n")
    try:
        assert cli.main(["staff", "add", "--db", db_url, "--number", number, "--name", name,
                         "--role", role, "--hall", DEMO_HALL, "--pin-stdin"]) == 0
    finally:
        cli.sys.stdin = old


def forgeries(tampered: dict, platform_key_id: str) -> dict[str, dict]:
    """What someone between the kiosk and the platform may send in place of a signed
    document it changed (``tampered``, still with the platform's signature), by name."""
    wrong_key = SigningKey.from_secret(IMPOSTOR_SECRET.encode())
    return {
        "tampered": tampered,
        "unsigned": {k: v for k, v in tampered.items() if k not in (KEY_ID, SIGNATURE)},
        "unsigned, claiming the key": {k: v for k, v in tampered.items() if k != SIGNATURE},
        "signed with another key": wrong_key.sign(tampered),
        "another key claiming the platform's": {**wrong_key.sign(tampered),
                                                KEY_ID: platform_key_id},
        "signature not base64url": {**tampered, SIGNATURE: "!!"},
    }


def refused(engine: SyncEngine, caplog) -> bool:
    """One pull that the kiosk refuses: nothing replaced, the problem said and logged."""
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        replaced = engine.refresh(force=True)
    return (replaced == [] and engine.status.problem == BAD_STAFF_LIST_SIGNATURE
            and "staff list refused" in caplog.text)


def test_the_served_list_is_signed_with_the_key_given_at_enrolment(db_url, clock):
    with running_central(db_url, clock=clock, secret=SECRET) as url:
        keys, creds = enrol(url)
        key = public_key_from_wire(creds.platform_key)
        first = served_list(url, creds.token)
        body = first.json()
        check_signed(body, key)
        assert body[KEY_ID] == key_id(key)
        assert {s["number"] for s in body["staff"]} >= {"0001", "0371"}
        # the same key for kiosks enrolled earlier, at the device route
        pinned = requests.get(f"{url}/v1/staff-list-key",
                              headers={"Authorization": f"Bearer {creds.token}"}, timeout=5)
        assert pinned.status_code == 200
        assert pinned.json() == {"key": creds.platform_key, "key_id": key_id(key)}
        assert requests.get(f"{url}/v1/staff-list-key", timeout=5).status_code == 401
        # Ed25519 signatures are deterministic: the ETag holds while nothing changes
        again = served_list(url, creds.token)
        assert again.headers["ETag"] == first.headers["ETag"] and again.json() == body
        not_modified = requests.get(f"{url}/v1/staff", timeout=5, headers={
            "Authorization": f"Bearer {creds.token}", "If-None-Match": first.headers["ETag"]})
        assert not_modified.status_code == 304


def test_the_key_comes_from_the_secret_not_the_database(db_url, clock):
    with running_central(db_url, clock=clock, secret=SECRET) as url:
        _keys, creds = enrol(url)
    with running_central(db_url, clock=clock, secret=SECRET, seed=None) as url:  # a restart
        again = requests.get(f"{url}/v1/staff-list-key", timeout=5,
                             headers={"Authorization": f"Bearer {creds.token}"}).json()
    assert again["key"] == creds.platform_key
    assert again["key_id"] == SigningKey.from_secret(SECRET.encode()).key_id
    with running_central(db_url, clock=clock, secret=IMPOSTOR_SECRET, seed=None) as url:
        other = requests.get(f"{url}/v1/staff-list-key", timeout=5,
                             headers={"Authorization": f"Bearer {creds.token}"}).json()
    assert other["key"] != creds.platform_key


def test_an_impostor_without_the_secret_cannot_add_an_administrator(db_url, clock, tmp_path,
                                                                     caplog):
    """The impostor serves the platform's own database (a copy will do) with another
    secret, and has added administrator 6666 to it."""
    with running_central(db_url, clock=clock, secret=SECRET) as url, \
            LocalStore(tmp_path / "kiosk.db") as store:
        keys, creds = enrol(url)
        assert engine_for(url, creds, keys, store, clock).refresh(force=True) == [PULLED_NAME]
        good = PulledCache(store).get(PULLED_NAME)
        assert sign_in(store, keys, clock, "0001", "135790") == "signed_in"

    add_account(db_url, *IMPOSTOR)
    clock.advance(600)
    with running_central(db_url, clock=clock, secret=IMPOSTOR_SECRET, seed=None) as impostor, \
            LocalStore(tmp_path / "kiosk.db") as store:
        served = served_list(impostor, creds.token).json()
        assert "6666" in {s["number"] for s in served["staff"]}  # it is on offer
        engine = engine_for(impostor, creds, keys, store, clock)
        assert refused(engine, caplog)
        assert "signed with key" in caplog.text
        assert PulledCache(store).get(PULLED_NAME) == good  # not even counted as checked
        assert sign_in(store, keys, clock, "6666", "666666") == "wrong"
        assert "6666" not in {m.number for m in StaffRoster(store, keys.staff_pepper).members()}
        assert sign_in(store, keys, clock, "0001", "135790") == "signed_in"


def test_a_tampered_list_is_refused_and_the_last_good_one_stays(db_url, clock, tmp_path, caplog):
    """Between the kiosk and the platform, someone adds 6666 to the real, signed list."""
    with running_central(db_url, clock=clock, secret=SECRET) as url, \
            LocalStore(tmp_path / "kiosk.db") as store:
        keys, creds = enrol(url)
        assert engine_for(url, creds, keys, store, clock).refresh(force=True) == [PULLED_NAME]
        good = PulledCache(store).get(PULLED_NAME)
        real = served_list(url, creds.token).json()
        assert real["staff"][0]["number"] == "0001"  # PIN 135790
        extra = json.loads(json.dumps(real["staff"][0]))
        extra.update(number="6666", name="冒充者", role="administrator")
        tampered = {**real, "staff": [*real["staff"], extra]}
        with fault_server() as (proxy, proxy_url):
            engine = engine_for(proxy_url, creds, keys, store, clock)
            for what, answer in forgeries(tampered, real[KEY_ID]).items():
                proxy.answer(Fault.json(200, answer, ETag=f'"{what}"'))
                assert refused(engine, caplog), what
                assert PulledCache(store).get(PULLED_NAME) == good, what
        assert sign_in(store, keys, clock, "6666", "135790") == "wrong"
        assert sign_in(store, keys, clock, "0001", "135790") == "signed_in"


def test_a_kiosk_enrolled_before_lists_were_signed_pins_the_key_on_first_use(db_url, clock,
                                                                              tmp_path, caplog):
    with running_central(db_url, clock=clock, secret=SECRET) as url, \
            LocalStore(tmp_path / "kiosk.db") as store:
        keys, creds = enrol(url)
        expected = creds.platform_key
        old = enrolled_before_signing(creds)
        # and the unsigned copy it pulled then, under the ETag the platform serves now
        etag = served_list(url, creds.token).headers["ETag"]
        unsigned = roster_for_storage({"staff": []}, old.staff_pepper())
        PulledCache(store).replace(PULLED_NAME, etag, unsigned, clock())

        caplog.clear()
        with caplog.at_level(logging.WARNING):
            assert engine_for(url, creds, old, store, clock).refresh(force=True) == [PULLED_NAME]
        assert old.load().platform_key == expected  # pinned with the enrolment
        assert "pinned the platform key" in caplog.text
        assert PulledCache(store).get(PULLED_NAME).body[KEY_ID] == key_id(
            public_key_from_wire(expected))
        assert sign_in(store, old, clock, "0001", "135790") == "signed_in"

    # from then on, the pinned key alone: another server's key is not taken in its place
    add_account(db_url, *IMPOSTOR)
    with running_central(db_url, clock=clock, secret=IMPOSTOR_SECRET, seed=None) as impostor, \
            LocalStore(tmp_path / "kiosk.db") as store:
        assert refused(engine_for(impostor, creds, old, store, clock), caplog)
        assert old.load().platform_key == expected
        assert sign_in(store, old, clock, "6666", "666666") == "wrong"


def test_after_the_secret_is_rotated_a_kiosk_takes_the_list_only_once_enrolled_again(
        db_url, clock, tmp_path, caplog):
    """The documented rotation: a new secret is a new key, which no kiosk takes on the
    new server's word; each kiosk is enrolled again (a new code), then syncs as before."""
    with running_central(db_url, clock=clock, secret=SECRET) as url, \
            LocalStore(tmp_path / "kiosk.db") as store:
        keys, creds = enrol(url)
        assert engine_for(url, creds, keys, store, clock).refresh(force=True) == [PULLED_NAME]
    rotated = "the platform's new secret, after a rotation"
    with running_central(db_url, clock=clock, secret=rotated, seed=None) as url, \
            LocalStore(tmp_path / "kiosk.db") as store:
        assert refused(engine_for(url, creds, keys, store, clock), caplog)
        db = Database.connect(db_url)
        try:
            code = new_enrolment_code(db, DEMO_HALL, clock())
        finally:
            db.dispose()
        again = keys.enrol(CentralClient(url), code, "kiosk under test")
        assert again.platform_key == SigningKey.from_secret(rotated.encode()).public_wire
        assert engine_for(url, again, keys, store, clock).refresh(force=True) == [PULLED_NAME]
        assert sign_in(store, keys, clock, "0001", "135790") == "signed_in"


@pytest.mark.parametrize("answer", [
    {"key": "!!!", "key_id": "0000000000000000"},
    {"key": "AAAA", "key_id": key_id(b"\0\0\0")},
    {"key": SigningKey.from_secret(b"x" * 32).public_wire, "key_id": "0000000000000000"},
])
def test_a_bad_key_on_first_use_is_not_pinned(tmp_path, clock, answer):
    backend = MemoryKeyring()
    keys = CredentialStore(backend)
    with fault_server() as (server, url):
        keys.save(DeviceCredentials("d-1", "t", DEMO_HALL, url))
        server.answer(Fault.json(200, {"issued_at": "2026-11-23T00:00:00Z", "staff": [],
                                       KEY_ID: "0000000000000000", SIGNATURE: "AAAA"}),
                      Fault.json(200, answer))
        with LocalStore(tmp_path / "kiosk.db") as store:
            engine = engine_for(url, keys.load(), keys, store, clock)
            assert engine.refresh(force=True) == []
            assert engine.status.problem == "bad_platform_key"
            assert [r.path for r in server.requests] == ["/v1/staff", "/v1/staff-list-key"]
    assert keys.load().platform_key is None


def test_an_old_signed_list_replayed_does_not_bring_back_a_deactivated_account(
        db_url, clock, tmp_path, caplog):
    with running_central(db_url, clock=clock, secret=SECRET) as url, \
            LocalStore(tmp_path / "kiosk.db") as store:
        keys, creds = enrol(url)
        engine = engine_for(url, creds, keys, store, clock)
        assert engine.refresh(force=True) == [PULLED_NAME]
        recorded = served_list(url, creds.token).json()  # genuine, signed, with 0001
        clock.advance(600)
        db = Database.connect(db_url)
        try:  # as `kiosk-central staff deactivate` does, at the server's (test) time
            assert staff.deactivate(db, "0001", clock())
        finally:
            db.dispose()
        assert engine.refresh(force=True) == [PULLED_NAME]
        good = PulledCache(store).get(PULLED_NAME)
        assert sign_in(store, keys, clock, "0001", "135790") == "wrong"
        with fault_server() as (replay, replay_url):
            replay.answer(Fault.json(200, recorded, ETag='"recorded"'))
            replayed = engine_for(replay_url, creds, keys, store, clock)
            caplog.clear()
            with caplog.at_level(logging.WARNING):
                assert replayed.refresh(force=True) == []
            assert replayed.status.problem == "older_staff_list"
            assert "before the list kept" in caplog.text
        assert PulledCache(store).get(PULLED_NAME) == good
        assert sign_in(store, keys, clock, "0001", "135790") == "wrong"
        assert sign_in(store, keys, clock, "0371", "246810") == "signed_in"
