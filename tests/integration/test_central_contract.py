"""The central API contract (docs/api.md), endpoint by endpoint, on a fake clock."""

from __future__ import annotations

import json

from central.auth import new_enrolment_code
from central.models import Device, Submission
from central.seed import DEMO_ENROLMENT_CODE, DEMO_ENROLMENT_CODES
from kiosk.rules.calendar import load_calendars
from kiosk.rules.catalogue import load_catalogue
from kiosk.rules.signed_document import KEY_ID, SIGNATURE, check_signed
from tests.helpers.central_fixtures import (
    PHONE,
    booking_body,
    client_for,
    device_in,
    key,
    person_id,
    rows,
    seed_with,
)

PROBLEM = "application/problem+json"
SLOT_0900 = "2026-11-23T01:00:00Z"  # Monday 09:00 in Shanghai
SLOT_0930 = "2026-11-23T01:30:00Z"


# --- health, auth, enrolment -------------------------------------------------------


def test_health_needs_no_token_and_tells_the_server_time(client, clock):
    r = client.get("/v1/health", headers={"Authorization": ""})
    assert r.status_code == 200
    assert r.json()["status"] == "ok" and r.json()["time"] == "2026-11-23T00:00:00Z"


def test_a_missing_or_unknown_token_is_401_problem(client):
    for headers in ({"Authorization": ""}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic eA=="}):
        r = client.get("/v1/catalogue", headers=headers)
        assert r.status_code == 401, headers
        assert r.headers["content-type"] == PROBLEM
        assert r.json()["code"] == "unauthorized"
        assert r.headers["www-authenticate"].startswith("Bearer")


def test_enrolment_with_the_demo_code_gives_a_working_token(client):
    r = client.post("/v1/enrolments", json={"enrolment_code": DEMO_ENROLMENT_CODE, "label": "kiosk 1"},
                    headers={"Authorization": ""})
    assert r.status_code == 201
    body = r.json()
    assert body["hall_code"] == "city_centre" and body["device_id"] and body["token"]
    own = {"Authorization": f"Bearer {body['token']}"}
    assert client.get("/v1/halls", headers=own).status_code == 200
    again = client.post("/v1/enrolments", json={"enrolment_code": DEMO_ENROLMENT_CODE, "label": "kiosk 2"})
    assert again.status_code == 403  # the demo code is one-time too (security finding 2)
    assert again.json()["code"] == "enrolment_code_invalid"


def test_the_demo_has_a_code_for_each_device_role(client):
    """``kiosk window --demo`` and ``kiosk display --demo`` enrol as what they are: with
    the kiosk's code they were refused every queue step (403 wrong_device_role)."""
    from ui.central_link import DEMO_ENROLMENT_CODES as KIOSK_SIDE

    assert KIOSK_SIDE == DEMO_ENROLMENT_CODES  # the two sides name the same codes
    for role, code in DEMO_ENROLMENT_CODES.items():
        r = client.post("/v1/enrolments", json={"enrolment_code": code, "label": f"demo {role}"},
                        headers={"Authorization": ""})
        assert r.status_code == 201 and r.json()["role"] == role


def test_a_one_time_code_is_used_up_and_tokens_are_stored_hashed(client, db_url):
    ctx = client.app.state.context
    code = new_enrolment_code(ctx.db, "dongcheng", ctx.now())
    first = client.post("/v1/enrolments", json={"enrolment_code": code, "label": "a"})
    assert first.status_code == 201 and first.json()["hall_code"] == "dongcheng"
    second = client.post("/v1/enrolments", json={"enrolment_code": code, "label": "b"})
    assert second.status_code == 403 and second.json()["code"] == "enrolment_code_invalid"
    unknown = client.post("/v1/enrolments", json={"enrolment_code": "NO-SUCH-CODE", "label": "c"})
    assert unknown.json()["code"] == "enrolment_code_invalid"
    stored = {d.token_sha256 for d in rows(db_url, Device)}
    assert first.json()["token"] not in stored and len(stored) == 2  # "dev" and this one


# --- reference data: ETags -----------------------------------------------------------


def test_catalogue_is_the_demo_document_with_a_strong_etag_and_304(client):
    r = client.get("/v1/catalogue")
    assert r.status_code == 200
    platform_key = client.app.state.context.platform_key
    check_signed(r.json(), platform_key.public)  # the demo document, signed
    unsigned = {k: v for k, v in r.json().items() if k not in (KEY_ID, SIGNATURE)}
    assert unsigned == json.loads(load_catalogue.__defaults__[0].read_text(encoding="utf-8"))
    etag = r.headers["etag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    not_modified = client.get("/v1/catalogue", headers={"If-None-Match": etag})
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified.headers["etag"] == etag
    assert client.get("/v1/catalogue", headers={"If-None-Match": f'"x", W/{etag}'}).status_code == 304
    assert client.get("/v1/catalogue", headers={"If-None-Match": '"other"'}).status_code == 200


def test_halls_carry_calendars_with_holidays_and_make_up_days(client):
    r = client.get("/v1/halls")
    assert r.status_code == 200
    halls = {h["code"]: h for h in r.json()["halls"]}
    assert set(halls) == {"city_centre", "dongcheng"}
    centre = halls["city_centre"]
    assert centre["timezone"] == "Asia/Shanghai"
    assert "2026-10-01" in centre["calendar"]["closed"]  # National Day
    assert "2026-12-31" in centre["calendar"]["closed"]  # the hall's own closure
    assert "2027-01-31" in centre["calendar"]["working_days"]  # a Sunday worked (调休)
    assert "2026-12-31" not in halls["dongcheng"]["calendar"]["closed"]
    expected = load_calendars(load_catalogue().halls)["city_centre"].rules.as_json()
    assert centre["rules"] == expected
    assert client.get("/v1/halls", headers={"If-None-Match": r.headers["etag"]}).status_code == 304


def test_trust_list_serves_public_keys_only(client):
    r = client.get("/v1/trust-list")
    assert r.status_code == 200
    body = r.json()
    assert body["issued_at"].endswith("Z")
    types = {t for issuer in body["issuers"] for t in issuer["cert_types"]}
    assert types == {"e_id", "e_driving_licence", "e_business_licence", "e_social_security"}
    for issuer in body["issuers"]:
        assert set(issuer["jwk"]) == {"kty", "crv", "x", "kid"}
        assert issuer["name"]["zh"] and issuer["name"]["en"]
    assert client.get("/v1/trust-list", headers={"If-None-Match": r.headers["etag"]}).status_code == 304


# --- availability and slots -------------------------------------------------------------


def test_availability_lists_the_window_with_closed_days_and_counts(client):
    r = client.get("/v1/halls/dongcheng/availability", params={"matter": "GA-0001"})
    assert r.status_code == 200
    days = {d["date"]: d for d in r.json()["days"]}
    assert min(days) == "2026-11-23" and max(days) == "2026-11-30"  # today + 7 days
    assert days["2026-11-28"]["open"] is False and days["2026-11-28"]["capacity"] == 0  # Saturday
    assert days["2026-11-24"] == {"date": "2026-11-24", "open": True, "capacity": 13, "remaining": 13}
    assert client.post("/v1/bookings", json=booking_body(SLOT_0900), headers=key()).status_code == 201
    after = {d["date"]: d for d in client.get("/v1/halls/dongcheng/availability",
                                              params={"matter": "GA-0001"}).json()["days"]}
    assert after["2026-11-23"]["remaining"] == days["2026-11-23"]["remaining"] - 1


def test_slots_leave_out_those_inside_minimum_notice(client, clock):
    clock.set("2026-11-23T01:10:00Z")  # 09:10: 09:30 is inside the 30-minute notice
    r = client.get("/v1/halls/dongcheng/slots", params={"matter": "GA-0001", "date": "2026-11-23"})
    assert r.status_code == 200
    starts = [s["start"] for s in r.json()["slots"]]
    assert starts[0] == "2026-11-23T02:00:00Z"  # 10:00 local
    assert "2026-11-23T04:00:00Z" not in starts  # 12:00 is the lunch break
    assert r.json()["timezone"] == "Asia/Shanghai" and r.json()["open"] is True


def test_slots_on_a_make_up_sunday_and_on_a_holiday(db_url, clock):
    clock.set("2027-01-28T00:00:00Z")
    with client_for(db_url, clock) as client:
        sunday = client.get("/v1/halls/dongcheng/slots", params={"matter": "GA-0001", "date": "2027-01-31"})
        assert sunday.json()["open"] is True  # 调休: worked with Monday's hours
        assert sunday.json()["slots"][0]["start"] == "2027-01-31T01:00:00Z"
        assert len(sunday.json()["slots"]) == 13
        holiday = client.get("/v1/halls/dongcheng/slots", params={"matter": "GA-0001", "date": "2027-02-05"})
        assert holiday.json() | {"slots": None} == holiday.json() | {"slots": None}
        assert holiday.json()["open"] is False and holiday.json()["slots"] == []
        booked = client.post("/v1/bookings", json=booking_body("2027-01-31T01:00:00Z"), headers=key())
        assert booked.status_code == 201
        closed = client.post("/v1/bookings", json=booking_body("2027-02-05T01:00:00Z", 2), headers=key())
        assert closed.status_code == 422 and closed.json()["code"] == "hall_closed"


def test_unknown_hall_and_matter(client):
    r = client.get("/v1/halls/atlantis/slots", params={"matter": "GA-0001", "date": "2026-11-23"})
    assert r.status_code == 404 and r.json()["code"] == "unknown_hall"
    r = client.get("/v1/halls/dongcheng/availability", params={"matter": "GA-0003"})  # not bookable
    assert r.status_code == 422 and r.json()["code"] == "matter_not_bookable"
    r = client.get("/v1/halls/dongcheng/availability", params={"matter": "CRJ-0001"})  # other hall
    assert r.json()["code"] == "matter_not_bookable"


# --- holds, bookings, cancel ------------------------------------------------------------


def test_hold_then_confirm_turns_the_hold_into_the_booking(client):
    hold = client.post("/v1/holds", json={"hall": "dongcheng", "matter": "GA-0001", "start": SLOT_0900},
                       headers=key())
    assert hold.status_code == 201
    h = hold.json()
    assert h["expires_at"] == "2026-11-23T00:05:00Z" and h["end"] == SLOT_0930
    other = client.post("/v1/bookings", json=booking_body(SLOT_0900, 2), headers=key())
    assert other.status_code == 409 and other.json()["code"] == "slot_full"  # capacity 1, held
    assert other.json()["alternatives"][0]["start"] == SLOT_0930
    booked = client.post("/v1/bookings", json=booking_body(SLOT_0900, 1, hold_id=h["hold_id"]),
                         headers=key())
    assert booked.status_code == 201
    b = booked.json()
    assert b["status"] == "confirmed" and b["start"] == SLOT_0900 and b["ticket"] is None
    assert len(b["reference"]) == 8 and not set(b["reference"]) & set("0O1I")
    assert b["person"]["id_masked"].startswith("110105") and "*" in b["person"]["id_masked"]
    assert b["person"]["phone_masked"] == "138****8000"
    assert client.get(f"/v1/bookings/{b['booking_id']}").json() == b
    # the hold is gone: releasing it again is still 204
    assert client.delete(f"/v1/holds/{h['hold_id']}").status_code == 204


def test_an_expired_hold_frees_its_place_and_confirming_it_claims_directly(client, clock):
    hold = client.post("/v1/holds", json={"hall": "dongcheng", "matter": "GA-0001", "start": SLOT_0900},
                       headers=key()).json()
    clock.advance(301)
    other = client.post("/v1/holds", json={"hall": "dongcheng", "matter": "GA-0001", "start": SLOT_0900},
                        headers=key())
    assert other.status_code == 201  # the first hold expired
    late = client.post("/v1/bookings", json=booking_body(SLOT_0900, 1, hold_id=hold["hold_id"]),
                       headers=key())
    assert late.status_code == 409 and late.json()["code"] == "slot_full"
    released = client.delete(f"/v1/holds/{other.json()['hold_id']}")
    assert released.status_code == 204
    again = client.post("/v1/bookings", json=booking_body(SLOT_0900, 1, hold_id=hold["hold_id"]),
                        headers=key())
    assert again.status_code == 201  # expired hold: a free place claimed directly


def test_cancelling_frees_the_place(client):
    first = client.post("/v1/bookings", json=booking_body(SLOT_0900, 1), headers=key()).json()
    assert client.post("/v1/bookings", json=booking_body(SLOT_0900, 2), headers=key()).status_code == 409
    cancelled = client.post(f"/v1/bookings/{first['booking_id']}/cancel", json=PHONE, headers=key())
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert client.post("/v1/bookings", json=booking_body(SLOT_0900, 2), headers=key()).status_code == 201
    # cancelling twice is harmless; the same person may book that matter that day again
    assert client.post(f"/v1/bookings/{first['booking_id']}/cancel", json=PHONE, headers=key()).status_code == 200
    assert client.post("/v1/bookings", json=booking_body(SLOT_0930, 1), headers=key()).status_code == 201


def test_lookup_by_id_number_newest_first(client, clock):
    a = client.post("/v1/bookings", json=booking_body(SLOT_0900, 7), headers=key()).json()
    clock.advance(60)
    b = client.post("/v1/bookings", json=booking_body(SLOT_0930, 7, matter="GA-0002"), headers=key()).json()
    found = client.post("/v1/booking-lookups", json={"id_number": booking_body(SLOT_0900, 7)["person"]["id_number"]})
    assert found.status_code == 200
    assert [x["booking_id"] for x in found.json()["bookings"]] == [b["booking_id"], a["booking_id"]]
    nobody = client.post("/v1/booking-lookups", json={"id_number": booking_body(SLOT_0900, 8)["person"]["id_number"]})
    assert nobody.json() == {"bookings": []}
    valid = person_id(9)
    wrong_check_digit = valid[:-1] + ("0" if valid[-1] != "0" else "1")
    bad = client.post("/v1/booking-lookups", json={"id_number": wrong_check_digit})
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_id_number"


def test_unknown_booking_is_404_problem(client):
    r = client.get("/v1/bookings/no-such-booking")
    assert r.status_code == 404 and r.json()["code"] == "booking_not_found"
    r = client.post("/v1/bookings/no-such-booking/cancel", json=PHONE, headers=key())
    assert r.status_code == 404 and r.headers["content-type"] == PROBLEM


# --- check-in and tickets ---------------------------------------------------------------


def test_check_in_window_edges_and_ticket_numbers(client, clock):
    a = client.post("/v1/bookings", json=booking_body(SLOT_0900, 1), headers=key()).json()
    b = client.post("/v1/bookings", json=booking_body(SLOT_0900, 2, matter="GA-0002"), headers=key()).json()
    clock.set("2026-11-23T00:29:59Z")  # 08:29:59, the window opens 30 minutes before 09:00
    early = client.post(f"/v1/bookings/{a['booking_id']}/check-in", headers=key())
    assert early.status_code == 422 and early.json()["code"] == "outside_checkin_window"
    assert early.json()["window_opens"] == "2026-11-23T00:30:00Z"
    assert early.json()["window_closes"] == "2026-11-23T01:10:00Z"
    clock.set("2026-11-23T00:30:00Z")
    on_time = client.post(f"/v1/bookings/{a['booking_id']}/check-in", headers=key())
    assert on_time.status_code == 200
    assert on_time.json()["booking"]["status"] == "checked_in"
    ticket = on_time.json()["ticket"]
    assert ticket["number"] == "GA001" and ticket["priority"] is False and ticket["category"] == "GA"
    assert on_time.json()["booking"]["ticket"] == ticket
    clock.set("2026-11-23T01:10:00Z")  # the last moment
    last = client.post(f"/v1/bookings/{b['booking_id']}/check-in", headers=key())
    assert last.status_code == 200 and last.json()["ticket"]["number"] == "GA002"
    again = client.post(f"/v1/bookings/{a['booking_id']}/check-in", headers=key())
    assert again.status_code == 200 and again.json()["ticket"] == ticket  # no second ticket
    cancel = client.post(f"/v1/bookings/{a['booking_id']}/cancel", json=PHONE, headers=key())
    assert cancel.status_code == 409 and cancel.json()["code"] == "booking_checked_in"


def test_check_in_too_late_and_after_cancelling(client, clock):
    a = client.post("/v1/bookings", json=booking_body(SLOT_0900, 1), headers=key()).json()
    b = client.post("/v1/bookings", json=booking_body(SLOT_0930, 2), headers=key()).json()
    clock.set("2026-11-23T01:10:01Z")
    late = client.post(f"/v1/bookings/{a['booking_id']}/check-in", headers=key())
    assert late.status_code == 422 and late.json()["code"] == "outside_checkin_window"
    client.post(f"/v1/bookings/{b['booking_id']}/cancel", json=PHONE, headers=key())
    gone = client.post(f"/v1/bookings/{b['booking_id']}/check-in", headers=key())
    assert gone.status_code == 409 and gone.json()["code"] == "booking_cancelled"


def test_residents_aged_60_on_the_day_get_priority_numbers(client, clock):
    # born 24 November 1966: 59 on Monday 23rd, 60 on Tuesday 24th
    born = "19661124"
    monday = client.post("/v1/bookings", json=booking_body(SLOT_0900, 1, born=born), headers=key()).json()
    tuesday = client.post("/v1/bookings", json=booking_body("2026-11-24T01:00:00Z", 1, born=born,
                                                            matter="GA-0002"), headers=key()).json()
    clock.set("2026-11-23T00:45:00Z")
    t1 = client.post(f"/v1/bookings/{monday['booking_id']}/check-in", headers=key()).json()["ticket"]
    assert t1["priority"] is False and t1["number"] == "GA001"
    clock.set("2026-11-24T00:45:00Z")
    t2 = client.post(f"/v1/bookings/{tuesday['booking_id']}/check-in", headers=key()).json()["ticket"]
    assert t2["priority"] is True and t2["number"] == "PGA001"


def test_walk_in_tickets_count_per_category_and_priority(client, clock):
    clock.set("2026-11-23T01:00:00Z")  # 09:00: tickets only while the hall is open
    city_kiosk = device_in(client, "city_centre")

    def ticket(matter: str, priority: bool = False) -> str:
        r = client.post("/v1/tickets", json={"hall": "city_centre", "matter": matter, "priority": priority},
                        headers=key() | city_kiosk)
        assert r.status_code == 201, r.text
        return r.json()["number"]

    assert [ticket("GA-0001"), ticket("GA-0003"), ticket("RS-0001"), ticket("GA-0001", True)] == [
        "GA001", "GA002", "RS001", "PGA001"]
    r = client.post("/v1/tickets", json={"hall": "dongcheng", "matter": "CRJ-0001"}, headers=key())
    assert r.status_code == 422 and r.json()["code"] == "unknown_matter"
    r = client.post("/v1/tickets", json={"hall": "atlantis", "matter": "GA-0001"}, headers=key())
    assert r.status_code == 422 and r.json()["code"] == "unknown_hall"


def test_tickets_start_again_each_local_day(tmp_path, db_url, clock):
    """A hall open 07:00-17:00: its Tuesday opens on Monday in UTC."""
    early = [{"weekday": d, "opens": "07:00", "closes": "17:00"} for d in range(1, 6)]
    body = {"hall": "dongcheng", "matter": "GA-0001"}
    with client_for(db_url, clock, seed=seed_with(tmp_path, opening_hours={"dongcheng": early})) as client:
        clock.set("2026-11-23T08:59:00Z")  # Monday 16:59 local
        assert client.post("/v1/tickets", json=body, headers=key()).json()["number"] == "GA001"
        assert client.post("/v1/tickets", json=body, headers=key()).json()["number"] == "GA002"
        clock.set("2026-11-23T23:00:00Z")  # Tuesday 07:00 local, still the 23rd in UTC
        assert client.post("/v1/tickets", json=body, headers=key()).json()["number"] == "GA001"


# --- submissions and heartbeat ----------------------------------------------------------


def test_submissions_are_stored_with_their_identity(client, db_url):
    city_kiosk = device_in(client, "city_centre")  # where the demo's staff 0371 works
    r = client.post("/v1/submissions", headers=key() | city_kiosk, json={
        "kind": "audit", "created_at": "2026-11-23T00:01:00+00:00",
        "identity": {"resident": None, "staff": "0371"},
        "payload": {"action": "assisted_mode_on", "details": {"screen": "home"}},
    })
    assert r.status_code == 201
    assert r.json()["received_at"] == "2026-11-23T00:00:00Z"
    [stored] = rows(db_url, Submission)
    assert stored.submission_id == r.json()["submission_id"]
    [city_device] = [d for d in rows(db_url, Device) if d.hall_code == "city_centre"]
    assert (stored.kind, stored.staff, stored.resident) == ("audit", "0371", None)
    assert stored.device_id == city_device.device_id
    assert json.loads(stored.payload) == {"action": "assisted_mode_on", "details": {"screen": "home"}}
    bad = client.post("/v1/submissions", headers=key(), json={
        "kind": "gossip", "created_at": "2026-11-23T00:01:00Z", "identity": {}, "payload": {}})
    assert bad.status_code == 422 and bad.json()["code"] == "validation_failed"


def test_heartbeat_stores_the_last_status(client, db_url, clock):
    r = client.post("/v1/devices/me/heartbeat", json={
        "version": "0.1.0", "sent_at": "2026-11-23T00:00:00Z", "outbox": {"pending": 3, "dead": 1},
        "camera": "ok", "printer": {"state": "paper_low"}})
    assert r.status_code == 200 and r.json() == {"server_time": "2026-11-23T00:00:00Z"}
    dev = next(d for d in rows(db_url, Device) if d.device_id == "dev")
    assert dev.last_seen_at is not None
    status = json.loads(dev.last_status)
    assert status["outbox"] == {"pending": 3, "dead": 1} and status["printer"] == {"state": "paper_low"}
