"""Finding 1: a device acts only in the hall it enrolled in; operators are a principal of
their own; a kiosk receives the staff of its own hall only.

Another hall's booking, hold, slots or staff look exactly like ones that do not exist
(404, or 422 ``unknown_hall`` in a body), so a kiosk cannot even probe them.
"""

from __future__ import annotations

import pytest

from central import cli
from central.seed import DEMO_HALL
from tests.helpers.central_fixtures import (
    AUTH,
    TEST_HALL,
    booking_body,
    client_for,
    device_in,
    key,
    operator_in,
    person_id,
)

SLOT = "2026-11-23T02:00:00Z"  # Monday 10:00 in Shanghai; the clock is 08:00
OTHER_HALL = DEMO_HALL  # city_centre; the client's token is a device of dongcheng
assert OTHER_HALL != TEST_HALL


@pytest.fixture
def elsewhere(client) -> dict[str, str]:
    """A device of the other hall."""
    return device_in(client, OTHER_HALL, "city kiosk")


@pytest.fixture
def booked(client) -> dict:
    r = client.post("/v1/bookings", json=booking_body(SLOT, 5), headers=key())
    assert r.status_code == 201, r.text
    return r.json()


def _problem(response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.json()["code"] == code


def test_another_halls_booking_is_not_found_by_id_reference_or_id_number(client, elsewhere, booked):
    booking_id, reference = booked["booking_id"], booked["reference"]
    _problem(client.get(f"/v1/bookings/{booking_id}", headers=elsewhere), 404, "booking_not_found")
    _problem(client.get(f"/v1/bookings/by-reference/{reference}", headers=elsewhere), 404,
             "booking_not_found")
    looked_up = client.post("/v1/booking-lookups", json={"id_number": person_id(5)}, headers=elsewhere)
    assert looked_up.status_code == 200 and looked_up.json() == {"bookings": []}
    # the same as a booking that does not exist at all: nothing to tell them apart
    missing = client.get("/v1/bookings/00000000-0000-0000-0000-000000000000", headers=elsewhere)
    assert missing.json()["detail"] == client.get(f"/v1/bookings/{booking_id}",
                                                  headers=elsewhere).json()["detail"]
    # its own hall's device still finds it
    assert client.get(f"/v1/bookings/{booking_id}").json()["reference"] == reference
    assert [b["booking_id"] for b in client.post(
        "/v1/booking-lookups", json={"id_number": person_id(5)}).json()["bookings"]] == [booking_id]


def test_another_halls_booking_cannot_be_cancelled_or_checked_in(client, elsewhere, booked, clock):
    booking_id = booked["booking_id"]
    _problem(client.post(f"/v1/bookings/{booking_id}/cancel", json={"phone": "13800138000"},
                         headers=key() | elsewhere), 404, "booking_not_found")
    clock.set("2026-11-23T01:45:00Z")  # inside the check-in window
    _problem(client.post(f"/v1/bookings/{booking_id}/check-in", headers=key() | elsewhere), 404,
             "booking_not_found")
    assert client.get(f"/v1/bookings/{booking_id}").json()["status"] == "confirmed"


def test_no_holds_bookings_tickets_or_slots_in_another_hall(client, elsewhere):
    for path, body in (
        ("/v1/holds", {"hall": TEST_HALL, "matter": "GA-0001", "start": SLOT}),
        ("/v1/bookings", booking_body(SLOT, 6)),
        ("/v1/tickets", {"hall": TEST_HALL, "matter": "GA-0001"}),
    ):
        refused = client.post(path, json=body, headers=key() | elsewhere)
        _problem(refused, 422, "unknown_hall")
        nowhere = client.post(path, json=body | {"hall": "atlantis"}, headers=key() | elsewhere)
        assert refused.json()["detail"].replace(TEST_HALL, "X") == \
            nowhere.json()["detail"].replace("atlantis", "X")
    for path in ("availability", "slots"):
        params = {"matter": "GA-0001", "date": "2026-11-23"}
        _problem(client.get(f"/v1/halls/{TEST_HALL}/{path}", params=params, headers=elsewhere),
                 404, "unknown_hall")
        assert client.get(f"/v1/halls/{OTHER_HALL}/{path}", params=params,
                          headers=elsewhere).status_code == 200


def test_another_halls_hold_is_not_released(client, elsewhere):
    hold = client.post("/v1/holds", json={"hall": TEST_HALL, "matter": "GA-0001", "start": SLOT},
                       headers=key())
    assert hold.status_code == 201
    hold_id = hold.json()["hold_id"]
    assert client.delete(f"/v1/holds/{hold_id}", headers=elsewhere).status_code == 204
    # still held: dongcheng has one place per slot, so another booking is refused
    _problem(client.post("/v1/bookings", json=booking_body(SLOT, 8), headers=key()), 409, "slot_full")
    assert client.delete(f"/v1/holds/{hold_id}").status_code == 204
    assert client.post("/v1/bookings", json=booking_body(SLOT, 8), headers=key()).status_code == 201


def test_a_kiosk_receives_its_own_halls_staff_only(client, elsewhere, db_url):
    assert client.get("/v1/staff").json()["staff"] == []  # the demo's staff work in city_centre
    assert [s["number"] for s in client.get("/v1/staff", headers=elsewhere).json()["staff"]] == [
        "0001", "0371"]
    op = operator_in(client, TEST_HALL)
    added = client.post("/v1/staff-accounts", headers=op, json={
        "number": "D01", "name": "赵敏", "role": "assistant", "hall": TEST_HALL, "pin": "24681357"})
    assert added.status_code == 201, added.text
    assert [s["number"] for s in client.get("/v1/staff").json()["staff"]] == ["D01"]
    assert "D01" not in [s["number"] for s in client.get("/v1/staff", headers=elsewhere).json()["staff"]]
    # moved to the other hall with the CLI: served there, and no longer here
    assert cli.main(["staff", "move", "--db", db_url, "--number", "D01", "--hall", OTHER_HALL]) == 0
    assert client.get("/v1/staff").json()["staff"] == []
    assert "D01" in [s["number"] for s in client.get("/v1/staff", headers=elsewhere).json()["staff"]]


def test_only_operators_read_the_audit_trail_each_of_their_own_halls(client, elsewhere):
    here = client.post("/v1/submissions", headers=key(), json={
        "kind": "audit", "created_at": "2026-11-23T00:00:00Z",
        "identity": {"resident": None, "staff": None}, "payload": {"action": "here"}})
    there = client.post("/v1/submissions", headers=key() | elsewhere, json={
        "kind": "audit", "created_at": "2026-11-23T00:00:00Z",
        "identity": {"resident": None, "staff": "0371"}, "payload": {"action": "there"}})
    assert here.status_code == there.status_code == 201
    for device in (AUTH, elsewhere):
        _problem(client.get("/v1/audit-events", headers=device), 401, "unauthorized")

    def actions(operator: dict[str, str]) -> list[str]:
        r = client.get("/v1/audit-events", headers=operator)
        assert r.status_code == 200, r.text
        return [e["payload"]["action"] for e in r.json()["events"]]

    assert sorted(actions(operator_in(client))) == ["here", "there"]  # every hall
    assert actions(operator_in(client, TEST_HALL)) == ["here"]
    assert actions(operator_in(client, OTHER_HALL)) == ["there"]


def test_operator_routes_refuse_device_tokens_and_other_halls(client, elsewhere):
    for path in ("/v1/staff-accounts", "/v1/devices"):
        _problem(client.get(path), 401, "unauthorized")
    _problem(client.post("/v1/enrolment-codes", json={"hall": TEST_HALL}), 401, "unauthorized")
    ours = operator_in(client, TEST_HALL)
    # the demo's staff are in the other hall: invisible, and "not found" when named
    assert client.get("/v1/staff-accounts", headers=ours).json() == {"accounts": []}
    _problem(client.post("/v1/staff-accounts/0371/deactivate", headers=ours), 404, "staff_not_found")
    _problem(client.put("/v1/staff-accounts/0371/pin", json={"pin": "97531864"}, headers=ours),
             404, "staff_not_found")
    _problem(client.post("/v1/staff-accounts", headers=ours, json={
        "number": "X1", "name": "x", "role": "assistant", "hall": OTHER_HALL, "pin": "24681357"}),
        422, "unknown_hall")
    _problem(client.post("/v1/enrolment-codes", json={"hall": OTHER_HALL}, headers=ours), 422,
             "unknown_hall")
    city_devices = [d for d in client.get("/v1/devices", headers=operator_in(client)).json()["devices"]
                    if d["hall"] == OTHER_HALL]
    assert len(city_devices) == 1
    assert OTHER_HALL not in {d["hall"] for d in client.get("/v1/devices", headers=ours).json()["devices"]}
    _problem(client.post(f"/v1/devices/{city_devices[0]['device_id']}/revoke", headers=ours), 404,
             "device_not_found")
    assert client.get("/v1/catalogue", headers=elsewhere).status_code == 200  # not revoked


def test_an_operator_manages_staff_and_devices_of_their_hall(client):
    ours = operator_in(client, OTHER_HALL)
    code = client.post("/v1/enrolment-codes", json={"hall": OTHER_HALL, "expires_in_hours": 2},
                       headers=ours)
    assert code.status_code == 201 and code.json()["expires_at"] == "2026-11-23T02:00:00Z"
    enrolled = client.post("/v1/enrolments", json={"enrolment_code": code.json()["code"],
                                                   "label": "window 3"}, headers={})
    assert enrolled.status_code == 201 and enrolled.json()["hall_code"] == OTHER_HALL
    device = {"Authorization": f"Bearer {enrolled.json()['token']}"}

    pin = client.put("/v1/staff-accounts/0371/pin", json={"pin": "97531864"}, headers=ours)
    assert pin.status_code == 200 and pin.json()["hall"] == OTHER_HALL
    off = client.post("/v1/staff-accounts/0371/deactivate", headers=ours)
    assert off.status_code == 200 and off.json()["active"] is False
    assert [s["number"] for s in client.get("/v1/staff", headers=device).json()["staff"]] == ["0001"]
    duplicate = client.post("/v1/staff-accounts", headers=ours, json={
        "number": "0371", "name": "王芳", "role": "assistant", "hall": OTHER_HALL, "pin": "24681357"})
    _problem(duplicate, 422, "staff_refused")
    assert "never reused" in duplicate.json()["detail"]

    revoked = client.post(f"/v1/devices/{enrolled.json()['device_id']}/revoke", headers=ours)
    assert revoked.status_code == 200 and revoked.json()["revoked_at"] == "2026-11-23T00:00:00Z"
    _problem(client.get("/v1/catalogue", headers=device), 401, "unauthorized")


def test_a_revoked_operator_is_refused_at_once(client, db_url, capsys):
    assert cli.main(["operator", "add", "--db", db_url, "--name", "hall IT", "--hall", TEST_HALL]) == 0
    out = capsys.readouterr().out.splitlines()
    token = out[-1]
    operator_id = out[0].split()[1]
    assert token.startswith("op_") and "hall dongcheng" in out[0]
    op = {"Authorization": f"Bearer {token}"}
    assert client.get("/v1/staff-accounts", headers=op).status_code == 200
    assert cli.main(["operator", "list", "--db", db_url]) == 0
    listed = capsys.readouterr().out
    assert operator_id in listed and "active" in listed and token not in listed
    assert cli.main(["operator", "revoke", "--db", db_url, "--operator", operator_id]) == 0
    _problem(client.get("/v1/staff-accounts", headers=op), 401, "unauthorized")
    # an operator's token is no device's either
    _problem(client.get("/v1/catalogue", headers=op), 401, "unauthorized")
    assert cli.main(["operator", "add", "--db", db_url, "--name", "x", "--hall", "atlantis"]) == 2
    assert "there is no hall 'atlantis'" in capsys.readouterr().err


def test_the_dev_token_acts_in_its_own_hall_only(db_url, clock):
    with client_for(db_url, clock, hall=OTHER_HALL) as city:
        _problem(city.post("/v1/bookings", json=booking_body(SLOT, 9), headers=key()), 422,
                 "unknown_hall")
        assert city.post("/v1/bookings", json=booking_body(SLOT, 9, hall=OTHER_HALL),
                         headers=key()).status_code == 201
