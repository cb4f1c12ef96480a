"""Calendars that cannot silently run out (issue 17): national holidays and 调休 from the
``chinese-calendar`` package plus each hall's closures, each calendar with ``valid_until``;
bookings and slots after it refused (``calendar_not_valid``); warned about weeks before
(log, ``/v1/ready``, metric, ``check-config``, ``reference show``)."""

from __future__ import annotations

import json
import logging
from datetime import date, timedelta

import pytest
from chinese_calendar import constants
from fastapi.testclient import TestClient

from central import calendars, cli
from central.app import create_app
from central.context import Quotas
from central.reference_store import InvalidReference, prepare, read_directory
from central.seed import DEMO_DIR
from kiosk.rules.calendar import CalendarError
from tests.helpers.central_fixtures import (  # noqa: F401 - db_url is a fixture
    AUTH,
    TOKEN,
    booking_body,
    client_for,
    db_url_on_both_databases,
    key,
    seed_with,
)

#: the last day the installed package knows (its newest year's 31 December)
PACKAGE_UNTIL = date(max(d.year for d in (*constants.holidays, *constants.workdays)), 12, 31)


def _package_only() -> dict:
    """The demo's calendars with the national days from the package alone (no typed days,
    no valid_until of their own)."""
    raw = json.loads((DEMO_DIR / "hall_calendars.json").read_text(encoding="utf-8"))
    for name in ("public_holidays", "working_days", "valid_until"):
        raw.pop(name, None)
    return raw


def _local_0900(day: date) -> str:
    """09:00 in Shanghai on ``day``, as the wire has it."""
    return f"{day}T01:00:00Z"


def test_the_package_gives_the_national_days_and_its_last_year_bounds_them():
    resolved = calendars.resolve(_package_only(), date(2026, 11, 23))
    assert resolved["valid_until"] == PACKAGE_UNTIL.isoformat()
    assert resolved["national"]["source"] == "chinese_calendar"
    assert resolved["national"]["package"].startswith("chinese_calendar ")
    # 2026: National Day week closed, the Saturday after it worked (调休)
    assert "2026-10-01" in resolved["public_holidays"]
    assert "2026-10-10" in resolved["working_days"]
    assert min(resolved["public_holidays"]) >= "2026-01-01"  # from the publishing year on


def test_typed_days_extend_the_package_to_their_own_valid_until():
    raw = {**_package_only(), "public_holidays": ["2027-01-01"], "valid_until": "2027-01-03"}
    resolved = calendars.resolve(raw, date(2026, 11, 23))
    assert resolved["valid_until"] == max(PACKAGE_UNTIL, date(2027, 1, 3)).isoformat()
    assert "2027-01-01" in resolved["public_holidays"]
    assert "2026-10-01" in resolved["public_holidays"]


def test_a_file_of_before_valid_until_is_right_up_to_the_last_day_it_lists():
    legacy = {"public_holidays": ["2026-10-01", "2027-02-11"], "working_days": ["2026-10-10"]}
    assert calendars.resolve(legacy, date(2026, 11, 23))["valid_until"] == "2027-02-11"
    with pytest.raises(CalendarError, match="names no national days"):
        calendars.resolve({"halls": {}}, date(2026, 11, 23))


def test_a_halls_own_valid_until_ends_its_calendar_sooner():
    raw = _package_only()
    raw["halls"]["dongcheng"]["valid_until"] = "2026-12-15"
    resolved = calendars.resolve(raw, date(2026, 11, 23))
    assert calendars.valid_until(resolved, "dongcheng") == date(2026, 12, 15)
    assert calendars.valid_until(resolved, "city_centre") == PACKAGE_UNTIL
    raw["halls"]["dongcheng"]["valid_until"] = "soon"
    with pytest.raises(CalendarError, match="halls.dongcheng.valid_until"):
        calendars.resolve(raw, date(2026, 11, 23))


def test_a_package_day_that_is_also_typed_the_other_way_is_refused():
    docs = read_directory(DEMO_DIR)
    docs["calendars"] = {**_package_only(), "working_days": ["2026-10-01"]}
    with pytest.raises(InvalidReference, match="2026-10-01 is both"):
        prepare(docs, date(2026, 11, 23))


@pytest.fixture
def near_the_end(tmp_path, db_url, clock):
    """A server whose calendars the package alone bounds, five days before they run out
    (its booking window of 7 days reaches past them)."""
    seed = seed_with(tmp_path, calendars=_package_only())
    clock.set(f"{PACKAGE_UNTIL - timedelta(days=5)}T00:00:00Z")
    with client_for(db_url, clock, seed=seed) as client:
        yield client


def _first_weekday_after(day: date) -> date:
    day += timedelta(days=1)
    while day.isoweekday() > 5 or day in constants.holidays:
        day += timedelta(days=1)
    return day


def _last_open_weekday_up_to(day: date) -> date:
    while day.isoweekday() > 5 or day in constants.holidays:
        day -= timedelta(days=1)
    return day


def test_bookings_after_valid_until_are_refused_with_calendar_not_valid(near_the_end):
    beyond = _first_weekday_after(PACKAGE_UNTIL)
    r = near_the_end.post("/v1/bookings", json=booking_body(_local_0900(beyond), 1), headers=key())
    assert r.status_code == 422 and r.json()["code"] == "calendar_not_valid", r.text
    assert r.json()["valid_until"] == PACKAGE_UNTIL.isoformat()
    hold = near_the_end.post("/v1/holds", json={"hall": "dongcheng", "matter": "GA-0001",
                                                "start": _local_0900(beyond)}, headers=key())
    assert hold.status_code == 422 and hold.json()["code"] == "calendar_not_valid"
    inside = _last_open_weekday_up_to(PACKAGE_UNTIL)
    ok = near_the_end.post("/v1/bookings", json=booking_body(_local_0900(inside), 2), headers=key())
    assert ok.status_code == 201, ok.text


def test_availability_after_valid_until_offers_nothing(near_the_end):
    beyond = _first_weekday_after(PACKAGE_UNTIL)
    slots = near_the_end.get("/v1/halls/dongcheng/slots",
                             params={"matter": "GA-0001", "date": beyond.isoformat()})
    assert slots.status_code == 422 and slots.json()["code"] == "calendar_not_valid"
    days = near_the_end.get("/v1/halls/dongcheng/availability",
                            params={"matter": "GA-0001"}).json()["days"]
    after = [d for d in days if d["date"] > PACKAGE_UNTIL.isoformat()]
    assert after and all(not d["open"] and d["capacity"] == 0 for d in after)
    assert any(d["open"] for d in days if d["date"] <= PACKAGE_UNTIL.isoformat())
    [hall] = [h for h in near_the_end.get("/v1/halls").json()["halls"] if h["code"] == "dongcheng"]
    assert hall["valid_until"] == PACKAGE_UNTIL.isoformat()  # the kiosk is told as well


def test_the_server_warns_weeks_before_in_ready_the_metric_and_the_log(tmp_path, db_url, clock,
                                                                        caplog):
    seed = seed_with(tmp_path, calendars=_package_only())
    clock.set(f"{PACKAGE_UNTIL - timedelta(days=40)}T00:00:00Z")
    for warn_days, warned in ((60, True), (30, False)):
        app = create_app(db_url, clock=clock, dev_token=TOKEN, seed=seed, secret="test-secret",
                         quotas=Quotas.unlimited(), calendar_warn_days=warn_days)
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="central.calendars"), \
                TestClient(app, headers=AUTH) as client:
            ready = client.get("/v1/ready").json()
            days_left = app.state.metrics.registry.get_sample_value(  # while it runs: the
                "central_calendar_valid_days", {"hall": "dongcheng"})  # pool is closed after
        said = [w for w in ready["calendar_warnings"] if "hall dongcheng" in w]
        assert bool(said) is warned, ready
        assert bool([r for r in caplog.records if "runs out on" in r.getMessage()]) is warned
        if warned:
            assert f"runs out on {PACKAGE_UNTIL}, in 40 days" in said[0]
        assert days_left == 40


def test_check_config_and_reference_show_say_it_too(tmp_path, db_url, clock, monkeypatch, capsys):
    seed = seed_with(tmp_path, calendars=_package_only())
    with client_for(db_url, clock, seed=seed):
        pass
    capsys.readouterr()
    monkeypatch.setenv("KIOSK_CENTRAL_DATABASE_URL", db_url)
    monkeypatch.setenv("KIOSK_CENTRAL_CALENDAR_WARN_DAYS", "366")
    assert cli.main(["check-config"]) == 0
    out = capsys.readouterr().out
    assert "calendar_warn_days" in out
    assert "WARNING hall dongcheng: its calendar r" in out and str(PACKAGE_UNTIL) in out
    now = f"{PACKAGE_UNTIL - timedelta(days=100)}T00:00:00+00:00"
    assert cli.main(["reference", "show", "--db", db_url, "--now", now]) == 0
    assert f"hall dongcheng: calendar valid until {PACKAGE_UNTIL}" in capsys.readouterr().out
