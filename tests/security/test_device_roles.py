"""Device roles (issue 18): a device is what its enrolment code made it — a resident's
kiosk, a window terminal or a hall display — and the queue's routes take only the roles
they are for. Staff numbers are not secret, so a resident-facing kiosk must never call,
recall, transfer, mark a no-show or finish a ticket. A wrong role is 403
``wrong_device_role`` naming the roles needed; on SQLite and PostgreSQL (``db_url``).

Every other device route names its roles too: a hall display (its cable in the hall) or a
window terminal that is compromised reaches no resident's personal data (bookings,
look-ups by ID number, e-certificates, help requests) and a display not the staff list
(scrypt PIN hashes) nor the submissions."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import timedelta

import pytest
from fastapi.routing import APIRoute
from sqlalchemy import create_engine, text

import central.routes
from central import cli, schema
from central.auth import ROLES, ROUTE_ROLES, current_device
from central.db import Database
from central.models import Device, EnrolmentCode, QueueCall
from central.seed import DEMO_HALL
from tests.helpers.central_fixtures import (  # noqa: F401 - db_url and client are fixtures
    HALL_OPEN,
    booking_body,
    client_for,
    db_url_on_both_databases,
    device_in,
    key,
    open_hall_client,
    operator_in,
    person_id,
    rows,
    walk_in,
)

HALL = DEMO_HALL
STAFF = "0371"  # an active staff account of the demo hall
SLOT = "2026-11-23T03:00:00Z"  # Monday 11:00 in Shanghai; the clock is 09:00


def wrong_role(response, *needed: str) -> None:
    assert response.status_code == 403, response.text
    body = response.json()
    assert body["code"] == "wrong_device_role", body
    assert body["needed"] == list(needed)
    assert all(role in body["detail"] for role in needed)


def window_steps(client, headers: dict[str, str], ticket_id: str) -> list:
    base = f"/v1/halls/{HALL}/windows/1"
    return [
        client.post(f"{base}/call-next", json={"staff": STAFF}, headers={**key(), **headers}),
        client.post(f"{base}/tickets/{ticket_id}/recall", json={"staff": STAFF},
                    headers={**key(), **headers}),
        client.post(f"{base}/tickets/{ticket_id}/transfer", json={"staff": STAFF, "to_window": "2"},
                    headers={**key(), **headers}),
        client.post(f"{base}/tickets/{ticket_id}/no-show", json={"staff": STAFF},
                    headers={**key(), **headers}),
        client.post(f"{base}/tickets/{ticket_id}/served", json={"staff": STAFF},
                    headers={**key(), **headers}),
        client.get(f"{base}/current", params={"staff": STAFF}, headers=headers),
    ]


def rating(ticket_id: str) -> dict:
    return {"kind": "rating", "created_at": HALL_OPEN, "identity": {},
            "payload": {"ticket_id": ticket_id, "matter": "GA-0002", "level": "satisfied"}}


@pytest.mark.parametrize("role", ["kiosk", "display"])
def test_only_a_window_terminal_may_call_recall_transfer_no_show_serve_or_read_its_ticket(
        client, db_url, role):
    t = walk_in(client)
    other = device_in(client, HALL, f"a {role}", role=role)
    for answer in window_steps(client, other, t["ticket_id"]):
        wrong_role(answer, "window")
    assert rows(db_url, QueueCall) == []  # nothing was called
    window = device_in(client, HALL, "window 1", role="window")
    called = client.post(f"/v1/halls/{HALL}/windows/1/call-next", json={"staff": STAFF},
                         headers={**key(), **window})
    assert called.status_code == 200, called.text
    assert called.json()["ticket"]["ticket"]["ticket_id"] == t["ticket_id"]
    current = client.get(f"/v1/halls/{HALL}/windows/1/current", params={"staff": STAFF},
                         headers=window)
    assert current.json()["ticket"]["ticket"]["ticket_id"] == t["ticket_id"]
    served = client.post(f"/v1/halls/{HALL}/windows/1/tickets/{t['ticket_id']}/served",
                         json={"staff": STAFF}, headers={**key(), **window})
    assert served.status_code == 200 and served.json()["state"] == "served"


def test_the_board_is_for_a_display_or_a_window_terminal(client):
    kiosk = device_in(client, HALL, "kiosk", role="kiosk")
    wrong_role(client.get(f"/v1/halls/{HALL}/board", headers=kiosk), "display", "window")
    wrong_role(client.get(f"/v1/halls/{HALL}/board", params={"since": 0, "wait": 1},
                          headers=kiosk), "display", "window")
    for role in ("display", "window"):
        device = device_in(client, HALL, role, role=role)
        r = client.get(f"/v1/halls/{HALL}/board", headers=device)
        assert r.status_code == 200 and r.json()["hall"] == HALL, r.text


def test_how_many_are_ahead_is_for_a_kiosk_or_a_window_terminal(client):
    t = walk_in(client)
    display = device_in(client, HALL, "display", role="display")
    wrong_role(client.get(f"/v1/tickets/{t['ticket_id']}/queue", headers=display),
               "kiosk", "window")
    for role in ("kiosk", "window"):
        device = device_in(client, HALL, role, role=role)
        r = client.get(f"/v1/tickets/{t['ticket_id']}/queue", headers=device)
        assert r.status_code == 200 and r.json()["ahead"] == 0, r.text


def test_a_rating_is_sent_by_a_kiosk_or_a_window_terminal_never_a_display(client):
    first, second = walk_in(client), walk_in(client)
    display = device_in(client, HALL, "display", role="display")
    wrong_role(client.post("/v1/submissions", json=rating(first["ticket_id"]),
                           headers={**key(), **display}), "kiosk", "window")
    for role, visit in (("kiosk", first), ("window", second)):
        device = device_in(client, HALL, role, role=role)
        r = client.post("/v1/submissions", json=rating(visit["ticket_id"]),
                        headers={**key(), **device})
        assert r.status_code == 201, r.text
    # nor any other kind: a display sends no submissions at all
    for kind in ("message", "audit"):
        note = {"kind": kind, "created_at": HALL_OPEN, "identity": {}, "payload": {"text": "x"}}
        wrong_role(client.post("/v1/submissions", json=note, headers={**key(), **display}),
                   "kiosk", "window")


def test_the_dev_device_has_every_role(client):
    """The demo's one device (the loopback dev token) is kiosk, window terminal and display."""
    t = walk_in(client)
    assert client.get(f"/v1/halls/{HALL}/board").status_code == 200
    assert client.get(f"/v1/tickets/{t['ticket_id']}/queue").status_code == 200
    called = client.post(f"/v1/halls/{HALL}/windows/1/call-next", json={"staff": STAFF},
                         headers=key())
    assert called.status_code == 200 and called.json()["ticket"] is not None


def test_a_device_is_enrolled_in_its_codes_role_and_listed_with_it(client, db_url, capsys):
    ops = operator_in(client, HALL)
    made = client.post("/v1/enrolment-codes", json={"hall": HALL, "role": "window"}, headers=ops)
    assert made.status_code == 201 and made.json()["role"] == "window", made.text
    default = client.post("/v1/enrolment-codes", json={"hall": HALL}, headers=ops)
    assert default.json()["role"] == "kiosk"
    bad = client.post("/v1/enrolment-codes", json={"hall": HALL, "role": "admin"}, headers=ops)
    assert bad.status_code == 422
    enrolled = client.post("/v1/enrolments", json={"enrolment_code": made.json()["code"],
                                                   "label": "window 3"})
    assert enrolled.status_code == 201 and enrolled.json()["role"] == "window"
    listed = {d["label"]: d["role"] for d in client.get("/v1/devices", headers=ops).json()["devices"]}
    assert listed["window 3"] == "window"
    assert cli.main(["device", "list", "--db", db_url]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.endswith("window 3"))
    assert " window " in line


def test_the_enrolment_code_command_takes_a_role(client, db_url, capsys):
    assert cli.main(["enrolment-code", "--db", db_url, "--hall", HALL, "--role", "display"]) == 0
    out, err = capsys.readouterr()
    code = out.strip()
    assert "display device of hall" in err
    assert next(r for r in rows(db_url, EnrolmentCode) if r.code == code).role == "display"
    assert cli.main(["enrolment-code", "--db", db_url, "--hall", HALL]) == 0
    plain = capsys.readouterr().out.strip()
    assert next(r for r in rows(db_url, EnrolmentCode) if r.code == plain).role == "kiosk"
    with pytest.raises(SystemExit):
        cli.main(["enrolment-code", "--db", db_url, "--hall", HALL, "--role", "operator"])
    enrolled = client.post("/v1/enrolments", json={"enrolment_code": code, "label": "hall screen"})
    assert enrolled.json()["role"] == "display"
    assert next(d for d in rows(db_url, Device) if d.label == "hall screen").role == "display"


def test_devices_and_codes_made_before_roles_become_kiosks(db_url, clock):
    """Revision 0004 adds the role with a server default: every device enrolled and every
    code made before it is a kiosk (taken back down, the column goes: the migrations'
    tests take every revision down to the baseline)."""
    now = clock().replace(tzinfo=None)  # as stored: UTC, naive
    db = Database.connect(db_url)
    try:
        schema.upgrade(db, to="0003")
    finally:
        db.dispose()
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO devices (device_id, token_sha256, hall_code, label, enrolled_at) "
                "VALUES ('old', 'digest', :hall, 'an old kiosk', :now)"), {"hall": HALL, "now": now})
            conn.execute(text(
                "INSERT INTO enrolment_codes (code, hall_code, reusable, created_at, expires_at) "
                "VALUES ('OLD-CODE', :hall, false, :now, :later)"),
                {"hall": HALL, "now": now, "later": now + timedelta(hours=1)})
        db = Database.connect(db_url)
        try:
            schema.upgrade(db)
        finally:
            db.dispose()
        with engine.connect() as conn:
            assert conn.execute(text("SELECT role FROM devices")).scalars().all() == ["kiosk"]
            assert conn.execute(text("SELECT role FROM enrolment_codes")).scalars().all() == ["kiosk"]
    finally:
        engine.dispose()


# -- every other device route names the roles that may call it ---------------------------

KIOSK_ONLY, KIOSK_OR_WINDOW = ("kiosk",), ("kiosk", "window")
#: the roles of every device route but the queue's (tested above, with their own checks)
MATRIX = {
    ("POST", "/v1/bookings"): KIOSK_ONLY,
    ("GET", "/v1/bookings/by-reference/{reference}"): KIOSK_ONLY,
    ("GET", "/v1/bookings/{booking_id}"): KIOSK_ONLY,
    ("POST", "/v1/booking-lookups"): KIOSK_ONLY,
    ("POST", "/v1/bookings/{booking_id}/cancel"): KIOSK_ONLY,
    ("POST", "/v1/bookings/{booking_id}/check-in"): KIOSK_ONLY,
    ("POST", "/v1/holds"): KIOSK_ONLY,
    ("DELETE", "/v1/holds/{hold_id}"): KIOSK_ONLY,
    ("POST", "/v1/tickets"): KIOSK_ONLY,
    ("POST", "/v1/help-requests"): KIOSK_ONLY,
    ("GET", "/v1/help-requests"): KIOSK_ONLY,
    ("GET", "/v1/help-requests/{help_id}"): KIOSK_ONLY,
    ("POST", "/v1/help-requests/{help_id}/acknowledge"): KIOSK_ONLY,
    ("POST", "/v1/help-requests/{help_id}/close"): KIOSK_ONLY,
    ("POST", "/v1/help-requests/{help_id}/cancel"): KIOSK_ONLY,
    ("POST", "/v1/credentials/verify"): KIOSK_ONLY,
    ("POST", "/v1/submissions"): KIOSK_OR_WINDOW,
    ("GET", "/v1/staff"): KIOSK_OR_WINDOW,
    ("GET", "/v1/staff-list-key"): ROLES,
    ("GET", "/v1/catalogue"): ROLES,
    ("GET", "/v1/halls"): ROLES,
    ("GET", "/v1/trust-list"): ROLES,
    ("GET", "/v1/halls/{hall}/availability"): ROLES,
    ("GET", "/v1/halls/{hall}/slots"): ROLES,
    ("POST", "/v1/devices/me/heartbeat"): ROLES,
}


def _calls(dependant) -> set:
    found = set()
    for dep in dependant.dependencies:
        found |= {dep.call} | _calls(dep)
    return found


def test_every_device_route_names_the_roles_that_may_call_it():
    """No device route takes just any device by accident: a new one fails here until it
    names its roles (``central.auth.device_in_role``)."""
    named = {}
    for module in pkgutil.iter_modules(central.routes.__path__):
        if module.name == "queue":
            continue  # the queue's routes check their roles inline (tested above)
        for route in importlib.import_module(f"central.routes.{module.name}").router.routes:
            assert isinstance(route, APIRoute)
            calls = _calls(route.dependant)
            if current_device in calls:  # not an operator's route, nor anyone's
                for method in route.methods:
                    named[(method, "/v1" + route.path)] = [ROUTE_ROLES[c] for c in calls
                                                           if c in ROUTE_ROLES]
    assert named == {route: [roles] for route, roles in MATRIX.items()}


@pytest.fixture
def kiosk_made(client) -> dict:
    """A kiosk of the hall and what it made: a hold, a booking and a call for staff."""
    kiosk = device_in(client, HALL, "kiosk", role="kiosk")

    def made(path: str, body: dict) -> dict:
        r = client.post(path, json=body, headers={**key(), **kiosk})
        assert r.status_code == 201, r.text
        return r.json()

    booking = made("/v1/bookings", booking_body(SLOT, 7, hall=HALL))
    return {"kiosk": kiosk, "booking_id": booking["booking_id"],
            "reference": booking["reference"],
            "hold_id": made("/v1/holds", {"hall": HALL, "matter": "GA-0001",
                                          "start": SLOT})["hold_id"],
            "help_id": made("/v1/help-requests", {"screen": "matter",
                                                  "requested_at": HALL_OPEN})["help_id"]}


NOTE = {"kind": "message", "created_at": HALL_OPEN, "identity": {}, "payload": {"text": "x"}}


@pytest.mark.parametrize(("allowed", "method", "path", "body", "ok"), [
    (KIOSK_ONLY, "POST", "/v1/holds", {"hall": HALL, "matter": "GA-0001", "start": SLOT}, 201),
    (KIOSK_ONLY, "DELETE", "/v1/holds/{hold_id}", None, 204),
    (KIOSK_ONLY, "POST", "/v1/bookings", booking_body(SLOT, 8, hall=HALL), 201),
    (KIOSK_ONLY, "GET", "/v1/bookings/by-reference/{reference}", None, 200),
    (KIOSK_ONLY, "GET", "/v1/bookings/{booking_id}", None, 200),
    (KIOSK_ONLY, "POST", "/v1/booking-lookups", {"id_number": person_id(7)}, 200),
    (KIOSK_ONLY, "POST", "/v1/bookings/{booking_id}/cancel", {"phone": "13800138000"}, 200),
    (KIOSK_ONLY, "POST", "/v1/bookings/{booking_id}/check-in", None, 200),
    (KIOSK_ONLY, "POST", "/v1/tickets", {"hall": HALL, "matter": "GA-0002"}, 201),
    (KIOSK_ONLY, "POST", "/v1/help-requests", {"screen": "home", "requested_at": HALL_OPEN}, 201),
    (KIOSK_ONLY, "GET", "/v1/help-requests", None, 200),
    (KIOSK_ONLY, "GET", "/v1/help-requests/{help_id}", None, 200),
    (KIOSK_ONLY, "POST", "/v1/help-requests/{help_id}/acknowledge", {"staff": STAFF}, 200),
    (KIOSK_ONLY, "POST", "/v1/help-requests/{help_id}/close", {"staff": STAFF}, 200),
    (KIOSK_ONLY, "POST", "/v1/help-requests/{help_id}/cancel", None, 200),
    (KIOSK_ONLY, "POST", "/v1/credentials/verify", {"token": "ECTOKEN:nobody-has-this"}, 200),
    (KIOSK_OR_WINDOW, "POST", "/v1/submissions", NOTE, 201),
    (KIOSK_OR_WINDOW, "GET", "/v1/staff", None, 200),
], ids=lambda v: v if isinstance(v, str) and v.startswith("/") else None)
def test_a_route_refuses_the_roles_it_is_not_for(client, clock, kiosk_made, allowed, method,
                                                 path, body, ok):
    """Personal data, holds, tickets and help requests are a kiosk's; the staff list and
    submissions a kiosk's or a window terminal's; nothing of it a hall display's."""
    url = path.format(**kiosk_made)
    if url.endswith("/check-in"):
        clock.set("2026-11-23T02:45:00Z")  # inside the booking's check-in window
    for role in ROLES:
        if role not in allowed:
            other = device_in(client, HALL, f"a {role}", role=role)
            wrong_role(client.request(method, url, json=body, headers={**key(), **other}),
                       *allowed)
    for role in allowed:  # the kiosk that made the booking and the call, a new window
        device = kiosk_made["kiosk"] if role == "kiosk" else device_in(client, HALL, role,
                                                                       role=role)
        answer = client.request(method, url, json=body, headers={**key(), **device})
        assert answer.status_code == ok, answer.text


@pytest.mark.parametrize("role", ROLES)
def test_reference_data_slots_the_platform_key_and_the_heartbeat_take_every_role(client, role):
    device = device_in(client, HALL, role, role=role)
    for path in ("/v1/catalogue", "/v1/halls", "/v1/trust-list", "/v1/staff-list-key",
                 f"/v1/halls/{HALL}/availability?matter=GA-0001",
                 f"/v1/halls/{HALL}/slots?matter=GA-0001&date=2026-11-23"):
        answer = client.get(path, headers=device)
        assert answer.status_code == 200, (path, answer.text)
    beat = client.post("/v1/devices/me/heartbeat", headers=device, json={
        "version": "test", "sent_at": HALL_OPEN, "outbox": {"pending": 0, "dead": 0}})
    assert beat.status_code == 200, beat.text


def test_the_dev_device_reaches_every_kiosk_route(client, kiosk_made):
    """The demo's one device is a kiosk too (its window and display are the same device)."""
    assert client.get(f"/v1/bookings/{kiosk_made['booking_id']}").status_code == 200
    assert client.get("/v1/staff").status_code == 200
    assert client.post("/v1/submissions", json=NOTE, headers=key()).status_code == 201
