"""Issue 12, finding 11 (the kiosk's part): a staff list pulled from the platform is
trusted offline for STAFF_LIST_MAX_AGE only. After it (or with the clock set back before
it was checked) the platform's accounts do not sign in, and the PIN pad says why and
asks for the network; accounts the installer added on the kiosk still work."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kiosk.staff.desk import StaffDesk
from kiosk.staff.pin_guard import PinGuard
from kiosk.staff.roster import STAFF_LIST_MAX_AGE, StaffRoster
from kiosk.sync.outbox import Outbox
from kiosk.sync.store import LocalStore
from tests.unit.test_staff import PEPPER, WANG, pull_into, staff_list

CHECKED = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path):
    with LocalStore(tmp_path / "kiosk.db") as s:
        yield s


def desk_at(store, now: datetime) -> StaffDesk:
    wall = lambda: now.timestamp()  # noqa: E731
    return StaffDesk(store, StaffRoster(store, lambda: PEPPER), PinGuard(store, wall),
                     Outbox(store), wall, lambda: now)


def test_a_fresh_list_signs_in(store):
    pull_into(store, staff_list(WANG), PEPPER, CHECKED)
    outcome = desk_at(store, CHECKED + STAFF_LIST_MAX_AGE - timedelta(minutes=1)).sign_in("0371", "246810")
    assert outcome.result == "signed_in"


def test_an_old_list_does_not_and_says_why(store):
    pull_into(store, staff_list(WANG), PEPPER, CHECKED)
    desk = desk_at(store, CHECKED + STAFF_LIST_MAX_AGE + timedelta(minutes=1))
    outcome = desk.sign_in("0371", "246810")
    assert outcome.result == "stale_list"
    assert desk.guard.state().failures == 0  # not a wrong PIN
    events = [i.body["payload"] for i in desk.outbox.items("pending") if i.kind == "audit"]
    assert events[-1]["event"] == "staff_sign_in_unavailable"
    assert events[-1]["reason"] == "staff_list_stale"


def test_a_clock_set_back_before_the_check_is_not_trusted_either(store):
    pull_into(store, staff_list(WANG), PEPPER, CHECKED)
    outcome = desk_at(store, CHECKED - timedelta(days=365)).sign_in("0371", "246810")
    assert outcome.result == "stale_list"


def test_an_account_added_on_the_kiosk_still_signs_in(store):
    pull_into(store, staff_list(WANG), PEPPER, CHECKED)
    later = CHECKED + timedelta(days=60)
    StaffRoster(store, lambda: PEPPER).add_local("0900", "张工", "administrator", "97531086", later)
    assert desk_at(store, later).sign_in("0900", "97531086").result == "signed_in"
