"""Every error is problem+json and no input makes a 500."""

from __future__ import annotations

import json

import pytest

from tests.helpers.central_fixtures import booking_body, key

PROBLEM = "application/problem+json"
SLOT = "2026-11-23T01:00:00Z"


def assert_problem(r, status: int, code: str) -> dict:  # type: ignore[no-untyped-def]
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == PROBLEM
    body = r.json()
    assert body["status"] == status and body["code"] == code
    assert body["type"] == f"urn:kiosk:problem:{code}" and body["title"] and body["detail"]
    return body


def test_unknown_path_and_method(client):
    assert_problem(client.get("/v1/no-such-thing"), 404, "not_found")
    assert_problem(client.get("/"), 404, "not_found")
    assert_problem(client.put("/v1/catalogue"), 405, "method_not_allowed")


@pytest.mark.parametrize("content", [
    b"{not json", b"", b"[]", b"null", b"42", b'"text"', b"\xff\xfe\x00", b"[" * 5000 + b"]" * 5000,
])
def test_malformed_bodies(client, content):
    r = client.post("/v1/bookings", content=content,
                    headers={**key(), "Content-Type": "application/json"})
    assert r.status_code in (400, 422)
    assert r.headers["content-type"] == PROBLEM


@pytest.mark.parametrize(("field", "value"), [
    ("start", "2026-11-23T09:00:00"),  # naive: refused
    ("start", "tomorrow"),
    ("start", "9999-12-31T23:59:59+14:00"),
    ("start", "0001-01-01T00:00:00-12:00"),
    ("start", 10**30),
    ("start", None),
    ("hall", 12),
    ("hall", "x" * 10_000),
    ("hall", "dong\u0000cheng"),
    ("matter", ["GA-0001"]),
    ("requested_at", "2026-11-23"),
    ("person", "someone"),
    ("hold_id", {"a": 1}),
])
def test_wrong_types_and_values_are_422_validation_failed(client, field, value):
    r = client.post("/v1/bookings", json=booking_body(SLOT) | {field: value}, headers=key())
    body = assert_problem(r, 422, "validation_failed")
    assert body["errors"] and all("loc" in e and "msg" in e for e in body["errors"])


def post_json(client, path: str, body: dict):  # type: ignore[no-untyped-def]
    """JSON with \\u escapes, so lone surrogates can travel as JSON allows."""
    return client.post(path, content=json.dumps(body),
                       headers={**key(), "Content-Type": "application/json"})


def test_strings_the_database_cannot_store_are_refused(client):
    for name in ("\u0000", "\ud800"):
        body = booking_body(SLOT) | {"person": {"id_number": "1", "phone": "1", "name": name}}
        assert_problem(post_json(client, "/v1/bookings", body), 422, "validation_failed")
    sub = {"kind": "message", "created_at": "2026-11-23T00:00:00Z",
           "identity": {"resident": "\ud800", "staff": None}, "payload": {}}
    assert_problem(post_json(client, "/v1/submissions", sub), 422, "validation_failed")
    # inside the free-form payload a NUL is kept, escaped; a lone surrogate is no Unicode
    # text and is refused like anywhere else in a JSON body (it used to be kept)
    sub = sub | {"identity": {}, "payload": {"text": "a\u0000b"}}
    assert post_json(client, "/v1/submissions", sub).status_code == 201
    sub = sub | {"payload": {"text": "a\u0000b\ud800"}}
    assert_problem(post_json(client, "/v1/submissions", sub), 422, "validation_failed")


@pytest.mark.parametrize("params", [
    {"matter": "GA-0001", "date": "2026-13-40"},
    {"matter": "GA-0001", "date": "99999-01-01"},
    {"matter": "GA-0001", "date": "0001-01-01"},
    {"matter": "GA-0001"},
    {"date": "2026-11-23"},
    {"matter": "", "date": "2026-11-23"},
])
def test_bad_query_parameters(client, params):
    assert_problem(client.get("/v1/halls/dongcheng/slots", params=params), 422, "validation_failed")


def test_far_dates_are_empty_not_errors(client):
    r = client.get("/v1/halls/dongcheng/slots", params={"matter": "GA-0001", "date": "2100-12-31"})
    assert r.status_code == 200 and r.json()["slots"] == []


def test_huge_numbers_in_the_heartbeat(client):
    body = {"version": "1", "sent_at": "2026-11-23T00:00:00Z", "outbox": {"pending": 10**40, "dead": -1}}
    assert_problem(client.post("/v1/devices/me/heartbeat", json=body), 422, "validation_failed")


def test_an_oversized_submission_payload(client):
    body = {"kind": "message", "created_at": "2026-11-23T00:00:00Z", "identity": {},
            "payload": {"text": "x" * 100_000}}
    assert_problem(client.post("/v1/submissions", json=body, headers=key()), 422, "validation_failed")


def test_the_payload_limit_counts_utf8_bytes_not_ascii_escapes(client):
    """12,000 Chinese characters are 36 KB of UTF-8 (under 64 KiB), 72 KB as \\uXXXX escapes."""
    body = {"kind": "message", "created_at": "2026-11-23T00:00:00Z", "identity": {},
            "payload": {"text": "办" * 12_000}}
    assert client.post("/v1/submissions", json=body, headers=key()).status_code == 201
    body["payload"] = {"text": "办" * 23_000}  # 69 KB of UTF-8
    assert_problem(client.post("/v1/submissions", json=body, headers=key()), 422, "validation_failed")
