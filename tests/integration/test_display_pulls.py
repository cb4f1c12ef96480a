"""A hall display pulls the reference data alone, never the staff list: nobody signs in
at a display, and the platform refuses it the list (403 ``wrong_device_role``: the list
carries scrypt PIN hashes), which its sync would show as "unauthorized". A kiosk and a
window terminal pull the staff list as before (``ui.central_link._pulls``, chosen by
``ui.app.SyncHookup`` from the command it runs)."""

from __future__ import annotations

import argparse
import random
from types import SimpleNamespace

import pytest

from kiosk.staff.roster import PULLED_NAME
from kiosk.sync.api_client import CentralClient
from kiosk.sync.engine import WRONG_ROLE, SyncEngine
from kiosk.sync.enrolment import CredentialStore, MemoryKeyring
from kiosk.sync.outbox import Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import LocalStore
from tests.helpers.central_server import enrolled_credentials, running_central
from tests.helpers.utc_clock import FakeUtcClock
from ui.central_link import _pulls

REFERENCE = ["catalogue", "halls", "trust_list"]


def _sync_once(url: str, db: str, tmp_path, clock, role: str, staff_list: bool):
    """One round of pulls of a device newly enrolled as ``role``: the engine, and the
    names of the documents it took."""
    keys = CredentialStore(MemoryKeyring())
    creds = enrolled_credentials(url, db, clock(), role)
    keys.save(creds)
    store = LocalStore(tmp_path / f"{role}-{staff_list}.db")
    engine = SyncEngine(CentralClient(url, creds.token, timeout=(0.5, 5.0), clock=clock),
                        Outbox(store), PulledCache(store), clock=clock, rng=random.Random(5),
                        pulls=_pulls(keys, staff_list))
    return engine, engine.refresh(force=True), store


def test_a_display_syncs_the_reference_data_and_no_staff_list(tmp_path):
    clock = FakeUtcClock("2026-11-23T01:00:00Z")
    db = f"sqlite:///{tmp_path / 'central.db'}"
    with running_central(db, clock=clock) as url:
        display, took, store = _sync_once(url, db, tmp_path, clock, "display", staff_list=False)
        assert took == REFERENCE
        assert display.status.online and display.status.problem is None
        assert PulledCache(store).get(PULLED_NAME) is None
        # asked for it anyway, it is refused for its role (not its token), and says so:
        # not "unauthorized", which tells staff to enrol again
        refused, took, _ = _sync_once(url, db, tmp_path, clock, "display", staff_list=True)
        assert took == REFERENCE and refused.status.problem == WRONG_ROLE
        # a window terminal and a kiosk pull it, as before
        for role in ("window", "kiosk"):
            _engine, took, store = _sync_once(url, db, tmp_path, clock, role, staff_list=True)
            assert took == [*REFERENCE, PULLED_NAME], role
            assert PulledCache(store).get(PULLED_NAME) is not None


@pytest.mark.parametrize(("command", "staff_list"),
                         [(None, True), ("window", True), ("display", False)])
def test_only_the_display_command_leaves_the_staff_list_out(monkeypatch, tmp_path, command,
                                                            staff_list):
    """What ``kiosk``, ``kiosk window`` and ``kiosk display`` ask their sync to pull."""
    import ui.central_link
    from ui.app import SyncHookup

    asked: list[bool] = []

    def enrolled_worker(url, store_path, keys=None, *, staff_list=True):
        asked.append(staff_list)
        return None  # as for a device not enrolled: nothing more is started

    monkeypatch.setattr(ui.central_link, "enrolled_worker", enrolled_worker)
    args = argparse.Namespace(command=command, demo=False, central="https://central.example",
                              data=tmp_path)
    SyncHookup(args, SimpleNamespace(central_url=None), window=None, app=None).connect()
    assert asked == [staff_list]
