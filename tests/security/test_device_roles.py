"""Device roles (issue 18): a device is what its enrolment code made it — a resident's
kiosk, a window terminal or a hall display — and the queue's routes take only the roles
they are for. Staff numbers are not secret, so a resident-facing kiosk must never call,
recall, transfer, mark a no-show or finish a ticket. A wrong role is 403
``wrong_device_role`` naming the roles needed; on SQLite and PostgreSQL (``db_url``)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import create_engine, text

from central import cli, schema
from central.db import Database
from central.models import Device, EnrolmentCode, QueueCall
from central.seed import DEMO_HALL
from tests.helpers.central_fixtures import (  # noqa: F401 - db_url and client are fixtures
    HALL_OPEN,
    client_for,
    db_url_on_both_databases,
    device_in,
    key,
    open_hall_client,
    operator_in,
    rows,
    walk_in,
)

HALL = DEMO_HALL
STAFF = "0371"  # an active staff account of the demo hall




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
    # a display's other submissions are as before (only ratings are checked)
    note = {"kind": "message", "created_at": HALL_OPEN, "identity": {}, "payload": {"text": "x"}}
    assert client.post("/v1/submissions", json=note, headers={**key(), **display}).status_code == 201


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
