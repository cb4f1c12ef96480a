"""The staff list pulled from the real reference server: kept keyed with the kiosk's
pepper, never as it came, and the demo accounts sign in at the kiosk from that copy."""

from __future__ import annotations

import base64
import random

import pytest
import requests

from central import cli
from central.staff import DEMO_ACCOUNTS
from kiosk.rules.signed_document import public_key_from_wire
from kiosk.staff.desk import StaffDesk
from kiosk.staff.roster import PULLED_NAME, PepperChanged, StaffMember, StaffRoster
from kiosk.sync.api_client import CentralClient
from kiosk.sync.engine import SyncEngine, staff_pull
from kiosk.sync.enrolment import CredentialStore, MemoryKeyring
from kiosk.sync.outbox import Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import LocalStore
from tests.helpers.central_server import running_central
from tests.helpers.utc_clock import FakeUtcClock

TOKEN = "test-token"


def platform_key(client: CentralClient) -> bytes:
    """The platform key as the platform gives it (the dev token has no enrolment)."""
    return public_key_from_wire(client.get("/v1/staff-list-key").body["key"])


def on_disk(store: LocalStore) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(store.path.parent.glob(store.path.name + "*")))


def test_the_demo_staff_sign_in_from_the_pulled_copy(tmp_path):
    assert {(n, pin) for n, _name, _role, pin in DEMO_ACCOUNTS} == {("0371", "246810"), ("0001", "135790")}
    clock = FakeUtcClock("2026-11-23T01:00:00Z")
    keys = CredentialStore(MemoryKeyring())
    db_url = f"sqlite:///{tmp_path / 'central.db'}"
    with running_central(db_url, clock=clock) as url, LocalStore(tmp_path / "kiosk.db") as store:
        engine = SyncEngine(CentralClient(url, TOKEN, timeout=(0.5, 5.0), clock=clock), Outbox(store),
                            PulledCache(store), clock=clock, rng=random.Random(2),
                            pulls=(staff_pull(keys.staff_pepper(), platform_key),))
        assert engine.refresh(force=True) == [PULLED_NAME]
        served = requests.get(f"{url}/v1/staff", headers={"Authorization": f"Bearer {TOKEN}"},
                              timeout=5).json()

        copy = PulledCache(store).get(PULLED_NAME)
        assert copy.etag and copy.body["skipped"] == 0
        assert [s["number"] for s in copy.body["staff"]] == ["0001", "0371"]
        for kept in copy.body["staff"]:
            assert set(kept["pin"]) == {"alg", "n", "r", "p", "salt", "keyed"}
        raw = on_disk(store)
        for member in served["staff"]:
            assert member["pin"]["hash"].encode() not in raw
            assert base64.b64decode(member["pin"]["hash"]) not in raw

        roster = StaffRoster(store, keys.staff_pepper)
        assert roster.verify("0371", "246810") == StaffMember("0371", "王芳", "assistant", "central")
        assert roster.verify("0001", "135790") == StaffMember("0001", "李强", "administrator", "central")
        assert roster.verify("0371", "135790") is None
        # another kiosk's pepper (or a copied database file) opens nothing
        with pytest.raises(PepperChanged):
            StaffRoster(store, CredentialStore(MemoryKeyring()).staff_pepper).verify("0371", "246810")

        # the sign-in desk on the same database, as the kiosk opens it
        desk = StaffDesk.open(store.path, keys, now=clock)
        try:
            assert desk.sign_in("0001", "135790").result == "signed_in"
        finally:
            desk.store.close()

        # nothing changed: a 304, and the copy still works
        clock.advance(600)
        assert engine.refresh(force=True) == []
        assert PulledCache(store).get(PULLED_NAME).checked_at == "2026-11-23T01:10:00Z"
        assert roster.verify("0371", "246810") is not None

        # the operator deactivates an account: the next pull takes it away from the kiosk
        assert cli.main(["staff", "deactivate", "--db", db_url, "--number", "0001"]) == 0
        assert engine.refresh(force=True) == [PULLED_NAME]
        assert [m.number for m in roster.members()] == ["0371"]
        assert roster.verify("0001", "135790") is None
