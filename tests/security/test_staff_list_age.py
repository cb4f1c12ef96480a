"""Issue 12, finding 11 (the kiosk's part): a staff list pulled from the platform is
trusted for STAFF_LIST_MAX_AGE after the platform issued it (its signed ``issued_at``, or
when this kiosk received it if that is earlier), whatever answers came since: a "not
modified" (304) says nothing about the list's age, so an impostor that answers 304 for
ever does not keep a deactivated account alive. After it (or with the clock set back
before the list was last checked) the platform's accounts do not sign in, and the PIN pad
says why and asks for the network; accounts the installer added on the kiosk still work."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from central import staff
from central.db import Database
from kiosk.staff.desk import StaffDesk
from kiosk.staff.pin_guard import PinGuard
from kiosk.staff.roster import PULLED_NAME, STAFF_LIST_MAX_AGE, StaffRoster
from kiosk.sync.outbox import Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import LocalStore
from tests.helpers.central_server import running_central
from tests.helpers.fault_server import Fault, fault_server
from tests.security.test_staff_list_signature import SECRET, engine_for, enrol, sign_in
from tests.unit.test_staff import PEPPER, WANG, pull_into, staff_list

#: the platform's list is issued at the start of the UTC day (central/staff.py)
ISSUED = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)
assert staff_list(WANG)["issued_at"] == "2026-11-23T00:00:00Z"
#: and pulled an hour later
PULLED = ISSUED + timedelta(hours=1)


@pytest.fixture
def store(tmp_path):
    with LocalStore(tmp_path / "kiosk.db") as s:
        yield s


def desk_at(store, now: datetime) -> StaffDesk:
    wall = lambda: now.timestamp()  # noqa: E731
    return StaffDesk(store, StaffRoster(store, lambda: PEPPER), PinGuard(store, wall),
                     Outbox(store), wall, lambda: now)


def test_a_fresh_list_signs_in(store):
    pull_into(store, staff_list(WANG), PEPPER, PULLED)
    outcome = desk_at(store, ISSUED + STAFF_LIST_MAX_AGE - timedelta(minutes=1)).sign_in("0371", "246810")
    assert outcome.result == "signed_in"


def test_an_old_list_does_not_and_says_why(store):
    pull_into(store, staff_list(WANG), PEPPER, PULLED)
    desk = desk_at(store, ISSUED + STAFF_LIST_MAX_AGE + timedelta(minutes=1))
    outcome = desk.sign_in("0371", "246810")
    assert outcome.result == "stale_list"
    assert desk.guard.state().failures == 0  # not a wrong PIN
    events = [i.body["payload"] for i in desk.outbox.items("pending") if i.kind == "audit"]
    assert events[-1]["event"] == "staff_sign_in_unavailable"
    assert events[-1]["reason"] == "staff_list_stale"


def test_an_old_list_confirmed_by_not_modified_answers_is_still_old(store):
    """The age counts from the list's issue time, not from the last 304 that touched it."""
    pull_into(store, staff_list(WANG), PEPPER, PULLED)
    now = ISSUED + STAFF_LIST_MAX_AGE + timedelta(minutes=1)
    PulledCache(store).touch(PULLED_NAME, now - timedelta(minutes=1))
    assert desk_at(store, now).sign_in("0371", "246810").result == "stale_list"


def test_a_list_without_an_issue_time_is_not_trusted(store):
    body = staff_list(WANG)
    del body["issued_at"]
    pull_into(store, body, PEPPER, PULLED)
    assert desk_at(store, PULLED).sign_in("0371", "246810").result == "stale_list"


def test_a_clock_set_back_before_the_check_is_not_trusted_either(store):
    pull_into(store, staff_list(WANG), PEPPER, PULLED)
    outcome = desk_at(store, PULLED - timedelta(days=365)).sign_in("0371", "246810")
    assert outcome.result == "stale_list"


def test_a_kiosk_clock_behind_the_platforms_is_sane(store):
    """The kiosk's clock an hour behind the platform's: a list issued "in an hour" by this
    kiosk's clock signs in at once, and is trusted for STAFF_LIST_MAX_AGE after this kiosk
    received it (not after the platform's issue time plus the hour)."""
    body = {**staff_list(WANG), "issued_at": "2026-11-23T10:00:00Z"}
    received = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    pull_into(store, body, PEPPER, received)
    assert desk_at(store, received).sign_in("0371", "246810").result == "signed_in"
    late = received + STAFF_LIST_MAX_AGE + timedelta(minutes=1)
    PulledCache(store).touch(PULLED_NAME, late)
    assert desk_at(store, late).sign_in("0371", "246810").result == "stale_list"


def test_an_account_added_on_the_kiosk_still_signs_in(store):
    pull_into(store, staff_list(WANG), PEPPER, PULLED)
    later = PULLED + timedelta(days=60)
    StaffRoster(store, lambda: PEPPER).add_local("0900", "张工", "administrator", "97531086", later)
    assert desk_at(store, later).sign_in("0900", "97531086").result == "signed_in"


def test_an_impostor_answering_not_modified_for_ever_does_not_keep_a_deactivated_account(
        db_url, clock, tmp_path):
    """The kiosk pulls the real list with 0001 in it; the platform then deactivates 0001,
    but an impostor at the platform's address answers every staff pull with "not
    modified" (the kiosk's own ETag). 0001 signs in offline until STAFF_LIST_MAX_AGE after
    the list was issued, and then nobody of the platform's list does; the real platform's
    next list brings the kiosk back, without 0001."""
    with running_central(db_url, clock=clock, secret=SECRET) as url, \
            LocalStore(tmp_path / "kiosk.db") as store:
        keys, creds = enrol(url)
        assert engine_for(url, creds, keys, store, clock).refresh(force=True) == [PULLED_NAME]
        kept = PulledCache(store).get(PULLED_NAME)
        issued = datetime.fromisoformat(kept.body["issued_at"].replace("Z", "+00:00"))
        assert issued <= clock()
        db = Database.connect(db_url)
        try:  # as `kiosk-central staff deactivate` does, at the server's (test) time
            assert staff.deactivate(db, "0001", clock())
        finally:
            db.dispose()

    with fault_server() as (impostor, impostor_url), LocalStore(tmp_path / "kiosk.db") as store:
        impostor.answer(Fault(304, b"", {"ETag": kept.etag}))
        engine = engine_for(impostor_url, creds, keys, store, clock)
        while clock() < issued + STAFF_LIST_MAX_AGE - timedelta(hours=12):
            clock.advance(hours=12)
            assert engine.refresh(force=True) == [] and engine.status.problem is None
            assert PulledCache(store).get(PULLED_NAME).checked_at.startswith(
                clock().date().isoformat())  # counted as checked, each time
        assert sign_in(store, keys, clock, "0001", "135790") == "signed_in"  # within the age
        clock.set(issued + STAFF_LIST_MAX_AGE + timedelta(minutes=1))
        assert engine.refresh(force=True) == []
        assert impostor.requests[-1].headers["If-None-Match"] == kept.etag
        assert sign_in(store, keys, clock, "0001", "135790") == "stale_list"
        assert sign_in(store, keys, clock, "0371", "246810") == "stale_list"

    with running_central(db_url, clock=clock, secret=SECRET, seed=None) as url, \
            LocalStore(tmp_path / "kiosk.db") as store:
        assert engine_for(url, creds, keys, store, clock).refresh(force=True) == [PULLED_NAME]
        assert sign_in(store, keys, clock, "0371", "246810") == "signed_in"
        assert sign_in(store, keys, clock, "0001", "135790") == "wrong"
