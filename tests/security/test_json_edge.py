"""Finding 4: audit trail poisoning.

Invalid Unicode (lone surrogates) and non-finite numbers are refused at the edge, for
every route that takes JSON; a submission may only name an active staff account; rows
stored before the fix can never make the audit query fail.
"""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from central import staff
from central.clock import system_clock
from central.db import Database
from central.models import Submission
from central.seed import DEMO_HALL
from tests.helpers.central_fixtures import client_for, device_in, key, operator_in

PROBLEM = "application/problem+json"


@pytest.fixture
def client(db_url, clock):
    """A device of the hall the demo's staff 0371 and 0001 work in."""
    with client_for(db_url, clock, hall=DEMO_HALL) as c:
        yield c


@pytest.fixture
def op(client) -> dict[str, str]:
    """An operator's Authorization header: only operators read the audit trail."""
    return operator_in(client)


def _raw(client, path: str, text: str, *, idempotent: bool = True):
    headers = {"Content-Type": "application/json", **(key() if idempotent else {})}
    return client.post(path, content=text.encode("ascii"), headers=headers)


def _audit(payload_json: str, staff_number: str | None = "0371") -> str:
    who = "null" if staff_number is None else json.dumps(staff_number)
    return ('{"kind": "audit", "created_at": "2026-11-23T00:00:00Z", '
            f'"identity": {{"resident": null, "staff": {who}}}, "payload": {payload_json}}}')


def _refused(response) -> None:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.json()["code"] == "validation_failed"


@pytest.mark.parametrize("payload", [
    '{"note": "\\ud800"}',            # a lone high surrogate, as in the review
    '{"note": "a\\udfffb"}',          # a lone low surrogate
    '{"\\ud800": 1}',                 # in a key
    '{"deep": [{"x": ["\\udc00"]}]}',  # nested
    '{"n": NaN}',
    '{"n": Infinity}',
    '{"n": -Infinity}',
    '{"n": 1e400}',                   # overflows to infinity
])
def test_a_poisoned_audit_payload_is_refused_and_the_trail_stays_readable(client, op, payload):
    _refused(_raw(client, "/v1/submissions", _audit(payload)))
    assert client.get("/v1/audit-events", headers=op).status_code == 200
    assert client.get("/v1/audit-events", headers=op, params={"staff": "0371"}).json() == {"events": []}


def test_a_well_formed_surrogate_pair_is_still_taken(client, op):
    r = _raw(client, "/v1/submissions", _audit('{"note": "\\ud83d\\ude00"}'))
    assert r.status_code == 201, r.text
    [event] = client.get("/v1/audit-events", headers=op).json()["events"]
    assert event["payload"] == {"note": "😀"}


@pytest.mark.parametrize(("path", "body", "idempotent"), [
    ("/v1/devices/me/heartbeat",
     '{"version": "1", "sent_at": "2026-11-23T00:00:00Z", "outbox": {"pending": 0, "dead": 0},'
     ' "camera": "\\ud800", "printer": "ok"}', False),
    ("/v1/devices/me/heartbeat",
     '{"version": "1", "sent_at": "2026-11-23T00:00:00Z", "outbox": {"pending": 0, "dead": 0},'
     ' "camera": {"fps": NaN}, "printer": "ok"}', False),
    ("/v1/tickets", '{"hall": "dongcheng", "matter": "GA-0001", "ignored": "\\udfff"}', True),
    ("/v1/tickets", '{"hall": "dongcheng", "matter": "GA-0001", "ignored": Infinity}', True),
    ("/v1/enrolments", '{"enrolment_code": "x", "label": "y", "extra": NaN}', False),
    ("/v1/booking-lookups", '{"id_number": "11010519900101001X", "x": "\\ud800"}', False),
])
def test_every_json_route_refuses_invalid_unicode_and_non_finite_numbers(client, path, body,
                                                                          idempotent):
    _refused(_raw(client, path, body, idempotent=idempotent))


def _submit(client, staff_number: str | None, kind: str = "audit"):
    return client.post("/v1/submissions", headers=key(), json={
        "kind": kind, "created_at": "2026-11-23T00:00:00Z",
        "identity": {"resident": None, "staff": staff_number}, "payload": {"action": "x"}})


def test_a_submission_may_only_name_an_active_staff_account(client, db_url, op):
    assert _submit(client, "0371").status_code == 201
    other_hall = device_in(client, "dongcheng")
    elsewhere = client.post("/v1/submissions", headers=key() | other_hall, json={
        "kind": "audit", "created_at": "2026-11-23T00:00:00Z",
        "identity": {"resident": None, "staff": "0371"}, "payload": {"action": "x"}})
    assert elsewhere.status_code == 422 and elsewhere.json()["code"] == "unknown_staff"
    assert _submit(client, None).status_code == 201
    for kind in ("audit", "rating", "message"):
        r = _submit(client, "9999", kind)  # nobody's number
        assert r.status_code == 422, r.text
        assert r.headers["content-type"].startswith(PROBLEM)
        assert r.json()["code"] == "unknown_staff"
    db = Database.connect(db_url)
    try:
        staff.deactivate(db, "0371", system_clock())
    finally:
        db.dispose()
    r = _submit(client, "0371")
    assert r.status_code == 422 and r.json()["code"] == "unknown_staff"
    assert _submit(client, "0001").status_code == 201
    staffs = [e["staff"] for e in client.get("/v1/audit-events", headers=op).json()["events"]]
    assert "9999" not in staffs and staffs.count("0371") == 1


def test_rows_stored_before_the_fix_never_make_the_audit_query_fail(client, db_url, op):
    poisoned = ['{"note": "\\ud800"}', '{"n": NaN, "m": Infinity}', '{"\\udc00": [-Infinity]}',
                'not json at all', '[1, 2]']
    engine = create_engine(db_url)
    try:
        with Session(engine) as session, session.begin():
            for i, text in enumerate(poisoned):
                session.add(Submission(
                    submission_id=str(uuid.uuid4()), device_id="dev", kind="audit",
                    created_at=system_clock(), received_at=system_clock(),
                    resident=None, staff=f"p{i}", payload=text))
    finally:
        engine.dispose()
    r = client.get("/v1/audit-events", headers=op)
    assert r.status_code == 200, r.text
    events = r.json()["events"]
    assert len(events) == len(poisoned)
    by_staff = {e["staff"]: e["payload"] for e in events}
    assert by_staff["p0"] == {"note": "\ufffd"}
    assert by_staff["p1"] == {"n": None, "m": None}
    assert by_staff["p2"] == {"\ufffd": [None]}
    assert client.get("/v1/audit-events", headers=op, params={"staff": "p3"}).status_code == 200
