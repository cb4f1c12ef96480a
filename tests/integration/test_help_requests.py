"""Help requests against the real server, on SQLite and PostgreSQL: a resident's call, the
hall's list for the staff panels (with its ETag), acknowledging, closing, cancelling, the
hall boundary, raising again by the clock, the quota and retention."""

from __future__ import annotations

from datetime import timedelta

import pytest

from central.context import Quotas
from central.models import HelpRequest
from central.retention import HELP_RETENTION, purge
from central.seed import DEMO_HALL
from tests.helpers.central_fixtures import (  # noqa: F401 - db_url is a fixture
    client_for,
    db_url_on_both_databases,
    device_in,
    key,
)

HALL = DEMO_HALL  # the demo's staff (0371 王芳, 0001 李强) belong to it
OTHER_HALL = "dongcheng"
CALL = {"screen": "matter", "location": "一楼大厅 3号机", "requested_at": "2026-11-23T00:00:00Z"}


@pytest.fixture
def client(db_url, clock):
    with client_for(db_url, clock, hall=HALL) as c:
        yield c


def _call(client, body=CALL, headers=None) -> dict:
    r = client.post("/v1/help-requests", json=body, headers={**key(), **(headers or {})})
    assert r.status_code == 201, r.text
    return r.json()


def _problem(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == code
    return response.json()


def test_a_call_is_stored_and_answered_with_its_state(client, clock):
    idempotency = key()
    r = client.post("/v1/help-requests", json=CALL, headers=idempotency)
    assert r.status_code == 201, r.text
    call = r.json()
    assert call["hall"] == HALL and call["device_id"] == "dev"
    assert call["screen"] == "matter" and call["location"] == "一楼大厅 3号机"
    assert call["state"] == "open"
    assert call["received_at"] == "2026-11-23T00:00:00Z"
    assert call["acknowledged_by"] is None and call["closed_by"] is None
    assert call["raised_count"] == 0 and call["raised_at"] is None
    # a retry of the same call creates nothing new
    again = client.post("/v1/help-requests", json=CALL, headers=idempotency)
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert again.json()["help_id"] == call["help_id"]
    assert [c["help_id"] for c in client.get("/v1/help-requests").json()["requests"]] == [
        call["help_id"]]
    assert client.get(f"/v1/help-requests/{call['help_id']}").json()["state"] == "open"


def test_without_a_location_staff_are_told_the_devices_label(client):
    kiosk = device_in(client, HALL, "大厅东侧 5号机")
    call = _call(client, {"screen": "home", "requested_at": "2026-11-23T00:00:00Z"}, kiosk)
    assert call["location"] == "大厅东侧 5号机"


@pytest.mark.parametrize("extra", [
    {"id_number": "11010519491231002X"}, {"name": "张三"}, {"phone": "13800138000"},
    {"resident": "R-1234"},
])
def test_a_call_carries_nothing_personal_not_even_ignored(client, extra):
    r = client.post("/v1/help-requests", json={**CALL, **extra}, headers=key())
    problem = _problem(r, 422, "validation_failed")
    assert problem["errors"][0]["type"] == "extra_forbidden"
    assert list(extra.values())[0] not in r.text  # the input is never echoed
    assert _all(client.app.state.context.db) == []


@pytest.mark.parametrize("body", [
    {**CALL, "screen": "Home screen"}, {**CALL, "screen": ""}, {**CALL, "screen": "x" * 41},
    {**CALL, "requested_at": "2026-11-23T08:00:00"}, {"screen": "home"},
])
def test_a_call_names_a_screen_and_an_aware_time(client, body):
    _problem(client.post("/v1/help-requests", json=body, headers=key()), 422, "validation_failed")


def test_every_change_needs_an_idempotency_key(client):
    help_id = _call(client)["help_id"]
    for path, body in (("/v1/help-requests", CALL),
                       (f"/v1/help-requests/{help_id}/acknowledge", {"staff": "0371"}),
                       (f"/v1/help-requests/{help_id}/close", {"staff": "0371"}),
                       (f"/v1/help-requests/{help_id}/cancel", None)):
        _problem(client.post(path, json=body), 400, "idempotency_key_missing")


def test_staff_acknowledge_then_close(client, clock):
    help_id = _call(client)["help_id"]
    panel = device_in(client, HALL, "service desk")  # another kiosk of the hall
    clock.advance(40)
    r = client.post(f"/v1/help-requests/{help_id}/acknowledge", json={"staff": "0371"},
                    headers={**key(), **panel})
    assert r.status_code == 200, r.text
    ack = r.json()
    assert ack["state"] == "acknowledged"
    assert ack["acknowledged_by"] == {"number": "0371", "name": "王芳"}
    assert ack["acknowledged_at"] == "2026-11-23T00:00:40Z"
    # the resident's kiosk reads who is coming
    assert client.get(f"/v1/help-requests/{help_id}").json()["acknowledged_by"]["name"] == "王芳"
    # a second member of staff: whoever came first is on the way
    second = client.post(f"/v1/help-requests/{help_id}/acknowledge", json={"staff": "0001"},
                         headers={**key(), **panel})
    assert second.status_code == 200 and second.json()["acknowledged_by"]["number"] == "0371"
    closed = client.post(f"/v1/help-requests/{help_id}/close", json={"staff": "0001"},
                         headers={**key(), **panel}).json()
    assert closed["state"] == "closed" and closed["closed_by"] == {"number": "0001", "name": "李强"}
    assert closed["ended_at"] == "2026-11-23T00:00:40Z"
    assert client.get("/v1/help-requests").json()["requests"] == []
    # closing again answers it as it is; acknowledging an ended call is refused
    again = client.post(f"/v1/help-requests/{help_id}/close", json={"staff": "0371"},
                        headers=key())
    assert again.status_code == 200 and again.json()["closed_by"]["number"] == "0001"
    _problem(client.post(f"/v1/help-requests/{help_id}/acknowledge", json={"staff": "0371"},
                         headers=key()), 409, "help_request_ended")


def test_only_the_halls_active_staff_answer(client):
    help_id = _call(client)["help_id"]
    ctx = client.app.state.context
    from central import staff

    staff.add(ctx.db, number="9001", name="赵六", role="assistant", hall=OTHER_HALL,
              pin="135246", now=ctx.now())
    for number in ("9001", "9999"):  # another hall's account, and none
        _problem(client.post(f"/v1/help-requests/{help_id}/acknowledge", json={"staff": number},
                             headers=key()), 422, "unknown_staff")
        _problem(client.post(f"/v1/help-requests/{help_id}/close", json={"staff": number},
                             headers=key()), 422, "unknown_staff")
    staff.deactivate(ctx.db, "0371", ctx.now())
    _problem(client.post(f"/v1/help-requests/{help_id}/acknowledge", json={"staff": "0371"},
                         headers=key()), 422, "unknown_staff")
    assert client.get(f"/v1/help-requests/{help_id}").json()["state"] == "open"


def test_the_resident_cancels_at_the_kiosk_that_called(client):
    help_id = _call(client)["help_id"]
    other_kiosk = device_in(client, HALL, "next kiosk")
    _problem(client.post(f"/v1/help-requests/{help_id}/cancel", headers={**key(), **other_kiosk}),
             409, "not_requesting_device")
    r = client.post(f"/v1/help-requests/{help_id}/cancel", headers=key())
    assert r.status_code == 200 and r.json()["state"] == "cancelled"
    assert r.json()["ended_at"] is not None and r.json()["closed_by"] is None
    assert client.get("/v1/help-requests").json()["requests"] == []
    # an acknowledged call can be taken back too; a closed one stays closed
    help_id = _call(client)["help_id"]
    client.post(f"/v1/help-requests/{help_id}/acknowledge", json={"staff": "0371"}, headers=key())
    assert client.post(f"/v1/help-requests/{help_id}/cancel",
                       headers=key()).json()["state"] == "cancelled"
    help_id = _call(client)["help_id"]
    client.post(f"/v1/help-requests/{help_id}/close", json={"staff": "0371"}, headers=key())
    assert client.post(f"/v1/help-requests/{help_id}/cancel",
                       headers=key()).json()["state"] == "closed"


def test_another_halls_calls_look_like_none_at_all(client):
    help_id = _call(client)["help_id"]
    elsewhere = device_in(client, OTHER_HALL, "other hall")
    assert client.get("/v1/help-requests", headers=elsewhere).json()["requests"] == []
    missing = "00000000-0000-0000-0000-000000000000"
    for target in (help_id, missing):
        _problem(client.get(f"/v1/help-requests/{target}", headers=elsewhere), 404,
                 "help_request_not_found")
        for action, body in (("acknowledge", {"staff": "0371"}), ("close", {"staff": "0371"}),
                             ("cancel", None)):
            _problem(client.post(f"/v1/help-requests/{target}/{action}", json=body,
                                 headers={**key(), **elsewhere}), 404, "help_request_not_found")
    assert (client.get(f"/v1/help-requests/{help_id}", headers=elsewhere).json()["detail"]
            == client.get(f"/v1/help-requests/{missing}", headers=elsewhere).json()["detail"])
    assert client.get(f"/v1/help-requests/{help_id}").json()["state"] == "open"


def test_a_call_nobody_answers_is_raised_again_by_the_clock(client, clock):
    help_id = _call(client)["help_id"]
    first = client.get("/v1/help-requests")
    etag = first.headers["ETag"]
    assert first.json()["raise_after_s"] == 90
    clock.advance(89)
    unchanged = client.get("/v1/help-requests", headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    clock.advance(1)
    raised = client.get("/v1/help-requests", headers={"If-None-Match": etag})
    assert raised.status_code == 200 and raised.headers["ETag"] != etag
    call = raised.json()["requests"][0]
    assert call["raised_count"] == 1 and call["raised_at"] == "2026-11-23T00:01:30Z"
    clock.advance(100)  # 190 s: twice
    call = client.get(f"/v1/help-requests/{help_id}").json()
    assert call["raised_count"] == 2 and call["raised_at"] == "2026-11-23T00:03:00Z"
    client.post(f"/v1/help-requests/{help_id}/acknowledge", json={"staff": "0371"}, headers=key())
    clock.advance(600)  # acknowledged: the count stays where it was
    call = client.get(f"/v1/help-requests/{help_id}").json()
    assert call["raised_count"] == 2 and call["raised_at"] == "2026-11-23T00:03:00Z"


def test_the_list_shows_open_calls_first_oldest_first(client, clock):
    first = _call(client)["help_id"]
    clock.advance(10)
    second = _call(client)["help_id"]
    clock.advance(10)
    third = _call(client)["help_id"]
    client.post(f"/v1/help-requests/{first}/acknowledge", json={"staff": "0371"}, headers=key())
    listed = client.get("/v1/help-requests?state=open").json()["requests"]
    assert [c["help_id"] for c in listed] == [second, third, first]
    _problem(client.get("/v1/help-requests?state=closed"), 422, "validation_failed")


def test_the_raise_time_is_the_servers_option(db_url, clock):
    from fastapi.testclient import TestClient

    from central.app import create_app
    from tests.helpers.central_fixtures import AUTH, TOKEN

    app = create_app(db_url, clock=clock, dev_token=TOKEN, dev_hall=HALL, seed="demo",
                     secret="test-secret", quotas=Quotas.unlimited(),
                     help_raise_after=timedelta(seconds=30))
    with TestClient(app, headers=AUTH) as c:
        help_id = _call(c)["help_id"]
        clock.advance(61)
        call = c.get(f"/v1/help-requests/{help_id}").json()
        assert call["raised_count"] == 2
        assert c.get("/v1/help-requests").json()["raise_after_s"] == 30


def test_a_runaway_device_is_held_by_the_help_quota(db_url, clock):
    with client_for(db_url, clock, hall=HALL, quotas=Quotas(help_requests_per_hour=2)) as c:
        ids = [_call(c)["help_id"] for _ in range(2)]
        r = c.post("/v1/help-requests", json=CALL, headers=key())
        problem = _problem(r, 429, "quota_exceeded")
        assert int(r.headers["Retry-After"]) == problem["retry_after"] > 0
        # staff answering the calls spend nothing of it
        for help_id in ids:
            for action in ("acknowledge", "close"):
                assert c.post(f"/v1/help-requests/{help_id}/{action}", json={"staff": "0371"},
                              headers=key()).status_code == 200
        # another device of the hall has a quota of its own
        assert c.post("/v1/help-requests", json=CALL,
                      headers={**key(), **device_in(c, HALL)}).status_code == 201
        clock.advance(3600)
        assert c.post("/v1/help-requests", json=CALL, headers=key()).status_code == 201


def test_ended_calls_are_purged_after_their_retention(client, clock):
    db = client.app.state.context.db
    ended = _call(client)["help_id"]
    client.post(f"/v1/help-requests/{ended}/close", json={"staff": "0371"}, headers=key())
    forgotten = _call(client)["help_id"]  # nobody ever closed it
    clock.advance(days=20)
    recent = _call(client)["help_id"]
    client.post(f"/v1/help-requests/{recent}/cancel", headers=key())
    assert purge(db, clock()).help_requests == 0
    clock.set(clock() + HELP_RETENTION - timedelta(days=20) + timedelta(seconds=1))
    assert purge(db, clock()).help_requests == 2
    left = {row.help_id for row in _all(db)}
    assert left == {recent} and ended not in left and forgotten not in left


def _all(db) -> list[HelpRequest]:
    from sqlalchemy import select

    with db.reading() as session:
        return list(session.scalars(select(HelpRequest)))


def test_the_kiosk_knows_its_calls_id_before_any_answer(client):
    from sqlalchemy import delete

    from central.models import IdempotencyRecord
    from kiosk.rules.help_id import help_id

    idempotency = key()
    call = client.post("/v1/help-requests", json=CALL, headers=idempotency).json()
    assert call["help_id"] == help_id("dev", idempotency["Idempotency-Key"])
    # the same call again after its idempotency record was purged finds the same request
    with client.app.state.context.db.writing() as session:
        session.execute(delete(IdempotencyRecord))
    again = client.post("/v1/help-requests", json=CALL, headers=idempotency)
    assert again.status_code == 201 and again.json()["help_id"] == call["help_id"]
    assert len(_all(client.app.state.context.db)) == 1
