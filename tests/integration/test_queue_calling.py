"""Calling queue numbers against the real server (SQLite and PostgreSQL): the order "next"
calls in, recall / transfer / no-show / served, idempotent steps, the window that is busy,
staff and hall boundaries, "前面还有 N 人" and the hall display's board."""

from __future__ import annotations

import threading
import time

from fastapi.testclient import TestClient

from central.app import create_app
from central.calling import QueueRules
from central.context import Quotas
from central.models import QueueCall, Ticket
from central.seed import DEMO_HALL
from tests.helpers.central_fixtures import (  # noqa: F401 - db_url and client are fixtures
    AUTH,
    HALL_OPEN,
    booking_body,
    client_for,
    db_url_on_both_databases,
    device_in,
    key,
    open_hall_client,
    rows,
    walk_in,
)

HALL = DEMO_HALL  # the demo's staff 0371 and 0001 belong to it
OTHER_HALL = "dongcheng"
STAFF = "0371"




def step(client, window: str, what: str, ticket_id: str | None = None, *, staff: str = STAFF,
         headers=None, **body):
    path = (f"/v1/halls/{HALL}/windows/{window}/call-next" if what == "call-next" else
            f"/v1/halls/{HALL}/windows/{window}/tickets/{ticket_id}/{what}")
    return client.post(path, json={"staff": staff, **body}, headers={**key(), **(headers or {})})


def call_next(client, window: str = "1", areas=()) -> dict | None:
    r = step(client, window, "call-next", areas=list(areas))
    assert r.status_code == 200, r.text
    found = r.json()["ticket"]
    return None if found is None else found["ticket"]


def problem(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.json()["code"] == code, response.text
    return response.json()


def ahead(client, ticket_id: str, headers=None) -> int:
    r = client.get(f"/v1/tickets/{ticket_id}/queue", headers=headers)
    assert r.status_code == 200, r.text
    return r.json()["ahead"]


# --- the order -------------------------------------------------------------------------


def test_green_channel_then_appointments_whose_time_has_come_then_walk_ins(client, clock):
    clock.set("2026-11-23T00:00:00Z")  # 08:00: book the 10:00 slot
    booked = client.post("/v1/bookings", json=booking_body("2026-11-23T02:00:00Z", 7, hall=HALL),
                         headers=key())
    assert booked.status_code == 201, booked.text
    clock.set(HALL_OPEN)
    w0 = walk_in(client)
    clock.advance(minutes=1)
    w1 = walk_in(client)
    clock.set("2026-11-23T01:40:00Z")  # 09:40: checked in 20 minutes early
    checked = client.post(f"/v1/bookings/{booked.json()['booking_id']}/check-in", headers=key())
    assert checked.status_code == 200, checked.text
    appointment = checked.json()["ticket"]
    clock.set("2026-11-23T01:50:00Z")  # 09:50: not yet its time, so it waits as a walk-in
    assert ahead(client, appointment["ticket_id"]) == 2
    first = call_next(client)
    assert first is not None and first["ticket_id"] == w0["ticket_id"]
    assert first["state"] == "called" and first["window"] == "1" and first["appointment"] is False
    assert step(client, "1", "served", w0["ticket_id"]).status_code == 200
    clock.set("2026-11-23T01:55:00Z")
    green = walk_in(client, priority=True)
    assert green["number"].startswith("P")
    assert ahead(client, green["ticket_id"]) == 0
    assert ahead(client, w1["ticket_id"]) == 1  # the green channel first
    assert ahead(client, appointment["ticket_id"]) == 2
    clock.set("2026-11-23T02:00:00Z")  # 10:00: the appointment's time has come
    assert ahead(client, appointment["ticket_id"]) == 1 and ahead(client, w1["ticket_id"]) == 2
    order = []
    for _ in range(3):
        called = call_next(client)
        assert called is not None
        order.append(called["ticket_id"])
        assert step(client, "1", "served", called["ticket_id"]).status_code == 200
    assert order == [green["ticket_id"], appointment["ticket_id"], w1["ticket_id"]]
    assert call_next(client) is None  # nobody waits


def test_a_window_calls_only_its_areas_and_tickets_transferred_to_it_first(client):
    passport = walk_in(client, matter="CRJ-0001")
    household = walk_in(client, matter="GA-0002")
    later = walk_in(client, matter="GA-0002")
    called = call_next(client, "1", areas=["CRJ"])
    assert called is not None and called["ticket_id"] == passport["ticket_id"]
    assert call_next(client, "2", areas=["CRJ"]) is None  # nothing else in CRJ
    sent = step(client, "1", "transfer", passport["ticket_id"], to_window="2")
    assert sent.status_code == 200 and sent.json()["state"] == "waiting"
    assert sent.json()["window"] == "2"
    # window 3 serves GA but never takes a ticket held for window 2
    got = call_next(client, "3", areas=["GA"])
    assert got is not None and got["ticket_id"] == household["ticket_id"]
    got2 = call_next(client, "2", areas=["GA"])
    assert got2 is not None and got2["ticket_id"] == passport["ticket_id"]  # transferred first
    moved = step(client, "2", "transfer", passport["ticket_id"], to_area="GA")
    assert moved.json()["area"] == "GA" and moved.json()["window"] is None
    assert step(client, "3", "served", household["ticket_id"]).status_code == 200
    # issued before `later`, it keeps its place in the GA queue
    nxt = call_next(client, "3", areas=["GA"])
    assert nxt is not None and nxt["ticket_id"] == passport["ticket_id"]
    assert ahead(client, later["ticket_id"]) == 0


def test_transfer_names_one_known_target(client):
    t = walk_in(client)
    call_next(client)
    problem(step(client, "1", "transfer", t["ticket_id"]), 422, "transfer_target")
    problem(step(client, "1", "transfer", t["ticket_id"], to_window="1"), 422, "transfer_target")
    problem(step(client, "1", "transfer", t["ticket_id"], to_window="2", to_area="GA"), 422,
            "transfer_target")
    problem(step(client, "1", "transfer", t["ticket_id"], to_area="NOPE"), 422, "unknown_area")


# --- the steps ---------------------------------------------------------------------------


def test_recall_then_no_show_only_after_the_recalls_the_hall_set(client):
    t = walk_in(client)
    called = call_next(client)
    assert called is not None and called["recalls"] == 0
    early = problem(step(client, "1", "no-show", t["ticket_id"]), 409, "too_few_recalls")
    assert early["needed"] == 3 and early["recalls"] == 0
    for n in (1, 2, 3):
        r = step(client, "1", "recall", t["ticket_id"])
        assert r.status_code == 200 and r.json()["ticket"]["recalls"] == n
        assert r.json()["no_show_after"] == 3
    gone = step(client, "1", "no-show", t["ticket_id"])
    assert gone.status_code == 200 and gone.json()["state"] == "no_show"
    assert gone.json()["finished_at"] is not None
    again = step(client, "1", "no-show", t["ticket_id"])  # a new key: answered as it is
    assert again.status_code == 200 and again.json()["state"] == "no_show"
    problem(step(client, "1", "recall", t["ticket_id"]), 409, "ticket_not_called")
    events = [c.event for c in sorted(rows_of(client, QueueCall), key=lambda c: c.call_id)]
    assert events == ["called", "recalled", "recalled", "recalled", "no_show"]


def test_no_show_after_recalls_is_a_setting(db_url, clock):
    clock.set(HALL_OPEN)
    app = create_app(db_url, clock=clock, dev_token="test-token", dev_hall=HALL, seed="demo",
                     secret="test-secret", quotas=Quotas.unlimited(),
                     queue_rules=QueueRules(no_show_after_recalls=1))
    with TestClient(app, headers=AUTH) as c:
        t = walk_in(c)
        called = c.post(f"/v1/halls/{HALL}/windows/1/call-next", json={"staff": STAFF},
                        headers=key()).json()["ticket"]
        assert called["no_show_after"] == 1
        problem(step(c, "1", "no-show", t["ticket_id"]), 409, "too_few_recalls")
        step(c, "1", "recall", t["ticket_id"])
        assert step(c, "1", "no-show", t["ticket_id"]).json()["state"] == "no_show"


def test_a_busy_window_calls_nobody_else_and_served_frees_it(client):
    a, b = walk_in(client), walk_in(client)
    assert call_next(client)["ticket_id"] == a["ticket_id"]  # type: ignore[index]
    busy = problem(step(client, "1", "call-next"), 409, "window_busy")
    assert busy["ticket_id"] == a["ticket_id"]
    current = client.get(f"/v1/halls/{HALL}/windows/1/current", params={"staff": STAFF})
    assert current.json()["ticket"]["ticket"]["ticket_id"] == a["ticket_id"]
    done = step(client, "1", "served", a["ticket_id"])
    assert done.json()["state"] == "served"
    assert client.get(f"/v1/halls/{HALL}/windows/1/current",
                      params={"staff": STAFF}).json()["ticket"] is None
    assert call_next(client)["ticket_id"] == b["ticket_id"]  # type: ignore[index]


def test_steps_are_replayed_with_their_key_and_a_ticket_belongs_to_its_window(client):
    walk_in(client)
    same = key()
    first = step(client, "1", "call-next", headers=same)
    replay = step(client, "1", "call-next", headers=same)
    assert first.status_code == replay.status_code == 200
    assert replay.headers.get("Idempotent-Replayed") == "true"
    assert replay.json() == first.json()
    ticket_id = first.json()["ticket"]["ticket"]["ticket_id"]
    problem(step(client, "2", "served", ticket_id), 409, "not_at_this_window")
    problem(step(client, "2", "recall", ticket_id), 409, "not_at_this_window")
    problem(step(client, "1", "served", "no-such-ticket"), 404, "unknown_ticket")
    assert len([t for t in rows_of(client, Ticket) if t.state == "called"]) == 1


def test_the_window_ticket_has_the_checklist_and_nothing_about_the_person(client):
    walk_in(client, matter="GA-0002")
    r = step(client, "1", "call-next")
    view = r.json()["ticket"]
    assert view["matter_name"]["zh"] and view["checklist"]
    assert {"name", "form", "copies", "required", "note"} <= set(view["checklist"][0])
    text = r.text
    for personal in ("id_number", "id_masked", "name_masked", "phone", "person"):
        assert personal not in text


# --- who may ------------------------------------------------------------------------------


def test_staff_must_be_an_active_account_of_the_hall(client):
    walk_in(client)
    problem(step(client, "1", "call-next", staff="9999"), 422, "unknown_staff")
    r = client.get(f"/v1/halls/{HALL}/windows/1/current", params={"staff": "9999"})
    problem(r, 422, "unknown_staff")
    r = client.get(f"/v1/halls/{HALL}/windows/1/current")
    assert r.status_code == 422  # the staff number is required


def test_a_device_of_another_hall_can_neither_call_nor_read_nor_rate_this_hall(client):
    t = walk_in(client)
    other = device_in(client, OTHER_HALL)  # a kiosk: it asks how many are ahead, rates
    window = device_in(client, OTHER_HALL, "window 1", role="window")
    display = device_in(client, OTHER_HALL, "display", role="display")
    problem(step(client, "1", "call-next", headers=window), 404, "unknown_hall")
    r = client.get(f"/v1/halls/{HALL}/windows/1/current", params={"staff": STAFF}, headers=window)
    problem(r, 404, "unknown_hall")
    problem(client.get(f"/v1/halls/{HALL}/board", headers=display), 404, "unknown_hall")
    problem(client.get(f"/v1/tickets/{t['ticket_id']}/queue", headers=other), 404,
            "unknown_ticket")
    rating = {"kind": "rating", "created_at": HALL_OPEN, "identity": {},
              "payload": {"ticket_id": t["ticket_id"], "matter": "GA-0002",
                          "level": "satisfied"}}
    r = client.post("/v1/submissions", json=rating, headers={**key(), **other})
    problem(r, 404, "unknown_visit")
    # and this hall's own device still can
    called = call_next(client)
    assert called is not None and called["ticket_id"] == t["ticket_id"]
    problem(step(client, "1", "served", t["ticket_id"], headers=window), 404, "unknown_hall")


def test_without_a_token_nothing_is_answered(client):
    r = client.get(f"/v1/halls/{HALL}/board", headers={"Authorization": ""})
    assert r.status_code == 401


# --- the board ------------------------------------------------------------------------------


def test_the_board_shows_calls_after_its_cursor_and_the_waiting_counts(client):
    a = walk_in(client, matter="GA-0002")
    walk_in(client, matter="GA-0002")
    walk_in(client, matter="CRJ-0001")
    first = client.get(f"/v1/halls/{HALL}/board").json()
    assert first["calls"] == [] and first["cursor"] == 0
    assert {w["area"]: w["waiting"] for w in first["waiting"]} == {"GA": 2, "CRJ": 1}
    assert all(w["name"]["zh"] for w in first["waiting"])
    call_next(client, "3", areas=["GA"])
    step(client, "3", "recall", a["ticket_id"])
    board = client.get(f"/v1/halls/{HALL}/board", params={"since": first["cursor"]}).json()
    assert [(c["number"], c["window"], c["event"]) for c in board["calls"]] == [
        (a["number"], "3", "recalled"), (a["number"], "3", "called")]
    assert {w["area"]: w["waiting"] for w in board["waiting"]} == {"GA": 1, "CRJ": 1}
    quiet = client.get(f"/v1/halls/{HALL}/board", params={"since": board["cursor"]}).json()
    assert quiet["calls"] == [] and quiet["cursor"] == board["cursor"]


def test_a_held_board_request_answers_as_soon_as_a_window_calls(client):
    walk_in(client)
    cursor = client.get(f"/v1/halls/{HALL}/board").json()["cursor"]
    got: dict = {}

    def display() -> None:
        started = time.monotonic()
        r = client.get(f"/v1/halls/{HALL}/board", params={"since": cursor, "wait": 10})
        got["answer"], got["after"] = r.json(), time.monotonic() - started

    thread = threading.Thread(target=display)
    thread.start()
    time.sleep(0.3)  # the display's request is held
    called_at = time.monotonic()
    call_next(client)
    thread.join(timeout=10)
    assert [c["event"] for c in got["answer"]["calls"]] == ["called"]
    assert got["after"] < 5  # not the 10 s wait
    assert time.monotonic() - called_at < 2


def test_a_held_board_request_ends_after_its_wait_without_calls(client):
    cursor = client.get(f"/v1/halls/{HALL}/board").json()["cursor"]
    started = time.monotonic()
    r = client.get(f"/v1/halls/{HALL}/board", params={"since": cursor, "wait": 0.5})
    assert r.status_code == 200 and r.json()["calls"] == []
    assert 0.45 <= time.monotonic() - started < 3


def rows_of(client, model):
    return rows(client.app.state.context.db.engine.url.render_as_string(hide_password=False), model)
