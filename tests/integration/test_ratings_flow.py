"""好差评 against the real server (SQLite and PostgreSQL): one rating per matter per visit,
the payload's rules, the hall boundary, a follow-up case for each bad rating with its due
day and its phone number's end, retention, and the ``kiosk-central ratings`` commands."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

import pytest

from central import cli
from central.models import Rating, RatingCase, Submission
from central.retention import RATING_RETENTION, purge
from central.seed import DEMO_HALL
from tests.helpers.central_fixtures import (  # noqa: F401 - db_url and client are fixtures
    HALL_OPEN,
    booking_body,
    client_for,
    db_url_on_both_databases,
    device_in,
    key,
    open_hall_client,
    rows,
)

HALL = DEMO_HALL
STAFF = "0371"



def served_ticket(client, window: str = "2", matter: str = "GA-0002") -> dict:
    t = client.post("/v1/tickets", json={"hall": HALL, "matter": matter, "priority": False},
                    headers=key()).json()
    base = f"/v1/halls/{HALL}/windows/{window}"
    called = client.post(base + "/call-next", json={"staff": STAFF}, headers=key())
    assert called.json()["ticket"]["ticket"]["ticket_id"] == t["ticket_id"], called.text
    done = client.post(f"{base}/tickets/{t['ticket_id']}/served", json={"staff": STAFF},
                       headers=key())
    assert done.status_code == 200, done.text
    return t


def rate(client, payload: dict, headers=None):
    return client.post("/v1/submissions", headers={**key(), **(headers or {})}, json={
        "kind": "rating", "created_at": HALL_OPEN, "identity": {"resident": None, "staff": None},
        "payload": payload})


def problem(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.json()["code"] == code, response.text
    return response.json()


def test_a_good_rating_is_kept_with_the_window_and_staff_of_the_ticket(client, db_url):
    t = served_ticket(client, window="2")
    r = rate(client, {"ticket_id": t["ticket_id"], "matter": "GA-0002", "level": "satisfied",
                      "window": "9"})
    assert r.status_code == 201, r.text
    assert r.json()["rating"]["level"] == "satisfied" and r.json()["rating"]["case_id"] is None
    (kept,) = rows(db_url, Rating)
    assert (kept.window, kept.staff, kept.visit) == ("2", STAFF, f"ticket:{t['ticket_id']}")
    assert rows(db_url, RatingCase) == []


def test_one_rating_per_matter_per_visit_and_a_replay_is_the_same_answer(client, db_url):
    t = served_ticket(client)
    payload = {"ticket_id": t["ticket_id"], "matter": "GA-0002", "level": "very_satisfied"}
    same = key()
    first = rate(client, payload, same)
    replay = rate(client, payload, same)
    assert first.status_code == replay.status_code == 201
    assert replay.json() == first.json() and replay.headers["Idempotent-Replayed"] == "true"
    second = rate(client, {**payload, "level": "dissatisfied", "reasons": ["long_wait"]})
    problem(second, 409, "already_rated")
    assert len(rows(db_url, Rating)) == 1 and rows(db_url, RatingCase) == []


def test_a_bad_rating_opens_a_case_due_in_three_working_days_with_the_phone_kept_apart(
        client, db_url, clock):
    t = served_ticket(client)
    r = rate(client, {"ticket_id": t["ticket_id"], "matter": "GA-0002",
                      "level": "very_dissatisfied", "reasons": ["long_wait", "attitude"],
                      "comment": "等了一个多小时", "phone": "138 0013 8000",
                      "follow_up_consent": True})
    assert r.status_code == 201, r.text
    case_id = r.json()["rating"]["case_id"]
    (case,) = rows(db_url, RatingCase)
    assert case.case_id == case_id and case.state == "open" and case.hall == HALL
    assert case.due_on == date(2026, 11, 26)  # Monday → Tue, Wed, Thu (working days)
    assert case.phone == "13800138000"
    assert case.phone_until == clock() + timedelta(days=90)
    (submission,) = [s for s in rows(db_url, Submission) if s.kind == "rating"]
    assert "phone" not in json.loads(submission.payload)  # only on the case
    assert "13800138000" not in submission.payload


def test_a_rating_of_a_booking_names_its_matter(client, clock):
    clock.set("2026-11-23T00:00:00Z")
    booked = client.post("/v1/bookings", json=booking_body("2026-11-23T02:00:00Z", 3, hall=HALL),
                         headers=key()).json()
    r = rate(client, {"booking_id": booked["booking_id"], "matter": "GA-0001",
                      "level": "basically_satisfied"})
    assert r.status_code == 201, r.text
    wrong = rate(client, {"booking_id": booked["booking_id"], "matter": "GA-0002",
                          "level": "satisfied"})
    problem(wrong, 422, "matter_not_of_visit")


@pytest.mark.parametrize("payload, why", [
    ({"level": "satisfied"}, "exactly one visit"),
    ({"level": "great"}, "level must be"),
    ({"level": "dissatisfied"}, "at least one reason"),
    ({"level": "satisfied", "reasons": ["long_wait"]}, "only for"),
    ({"level": "dissatisfied", "reasons": ["no_such_reason"]}, "unknown reasons"),
    ({"level": "satisfied", "comment": "长" * 201}, "at most 200"),
    ({"level": "dissatisfied", "reasons": ["fees"], "phone": "13800138000"},
     "asks to be called"),
    ({"level": "dissatisfied", "reasons": ["fees"], "phone": "12345", "follow_up_consent": True},
     "mobile number has 11 digits"),
    ({"level": "satisfied", "id_number": "110105199001010011"}, "unknown members"),
])
def test_a_rating_that_breaks_the_rules_is_refused_and_says_why(client, payload, why):
    t = served_ticket(client)
    visit = {} if why == "exactly one visit" else {"ticket_id": t["ticket_id"]}
    r = rate(client, {"matter": "GA-0002", **visit, **payload})
    assert why in problem(r, 422, "bad_rating")["detail"]


def test_another_halls_visit_cannot_be_rated(client):
    t = served_ticket(client)
    other = device_in(client, "dongcheng")
    r = rate(client, {"ticket_id": t["ticket_id"], "matter": "GA-0002", "level": "satisfied"},
             other)
    problem(r, 404, "unknown_visit")
    problem(rate(client, {"ticket_id": "nope", "matter": "GA-0002", "level": "satisfied"}),
            404, "unknown_visit")


def test_retention_clears_the_phone_after_the_case_closed_and_ratings_after_two_years(
        client, db_url, clock):
    t = served_ticket(client)
    r = rate(client, {"ticket_id": t["ticket_id"], "matter": "GA-0002", "level": "dissatisfied",
                      "reasons": ["not_done"], "phone": "13800138000", "follow_up_consent": True})
    case_id = r.json()["rating"]["case_id"]
    db = client.app.state.context.db
    from central import ratings

    ratings.move_case(db, case_id, "closed", clock() + timedelta(days=2))
    purge(db, clock() + timedelta(days=31))
    assert rows(db_url, RatingCase)[0].phone == "13800138000"  # 30 days after closing: kept
    assert purge(db, clock() + timedelta(days=33)).case_phones == 1
    assert rows(db_url, RatingCase)[0].phone is None
    gone = purge(db, clock() + RATING_RETENTION + timedelta(days=1))
    assert gone.ratings == 1 and rows(db_url, Rating) == [] and rows(db_url, RatingCase) == []


# --- kiosk-central ratings ---------------------------------------------------------------


def test_the_ratings_commands_count_export_and_move_cases(client, db_url, clock, capsys):
    levels = [("very_satisfied", []), ("satisfied", []), ("basically_satisfied", []),
              ("dissatisfied", ["long_wait"])]
    for n, (level, reasons) in enumerate(levels):
        clock.advance(minutes=5)  # the export is in the order they arrived
        t = served_ticket(client, window=str(n % 2 + 1))
        assert rate(client, {"ticket_id": t["ticket_id"], "matter": "GA-0002", "level": level,
                             "reasons": reasons, "comment": "=cmd()" if reasons else None}
                    ).status_code == 201
    capsys.readouterr()
    assert cli.main(["ratings", "list", "--db", db_url, "--hall", HALL, "--by", "window"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("all: 4 ratings  非常满意 1  满意 1  基本满意 1  不满意 1  非常不满意 0  "
                      "satisfaction 75.0%")
    assert out[1].startswith("window 1: 2 ratings") and out[1].endswith("satisfaction 100.0%")
    assert out[2].startswith("window 2: 2 ratings") and out[2].endswith("satisfaction 50.0%")
    assert cli.main(["ratings", "list", "--db", db_url, "--since", "2026-11-24"]) == 0
    assert capsys.readouterr().out.startswith("all: 0 ratings")
    assert cli.main(["ratings", "export", "--db", db_url, "--window", "2"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["level_zh"] for row in table] == ["满意", "不满意"]
    assert table[1]["reasons"] == "long_wait" and table[1]["comment"] == "'=cmd()"
    assert cli.main(["ratings", "cases", "--db", db_url, "--state", "open"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    case_id = line.split()[0]
    assert "due 2026-11-26" in line and "不满意" in line and "long_wait" in line
    assert cli.main(["ratings", "case", case_id, "--state", "contacted", "--db", db_url]) == 0
    assert capsys.readouterr().out.strip() == f"case {case_id} is contacted"
    assert cli.main(["ratings", "case", case_id, "--state", "closed", "--note", "已致歉并补办",
                     "--db", db_url]) == 0
    assert cli.main(["ratings", "case", case_id, "--state", "contacted", "--db", db_url]) == 2
    assert "cannot go back" in capsys.readouterr().err
    assert cli.main(["ratings", "case", "999", "--state", "closed", "--db", db_url]) == 2
    assert "no case 999" in capsys.readouterr().err


def test_a_hall_sets_its_own_due_days(client, db_url, capsys):
    assert cli.main(["ratings", "due-days", "--hall", HALL, "5", "--db", db_url]) == 0
    assert cli.main(["ratings", "due-days", "--hall", HALL, "0", "--db", db_url]) == 2
    capsys.readouterr()
    t = served_ticket(client)
    r = rate(client, {"ticket_id": t["ticket_id"], "matter": "GA-0002", "level": "dissatisfied",
                      "reasons": ["other"]})
    assert r.status_code == 201
    (case,) = rows(db_url, RatingCase)
    # five working days: Tue … Fri, then Monday (the hall is open on Saturday: no matter)
    assert case.due_on == date(2026, 11, 30)
