"""Finding 2: demo credentials do not outlive the demo.

A dev token works only in the process given it (never stored); enrolment codes are
one-time and expire (seeded ones too, and a restart without ``--seed`` revives none);
operators list devices and revoke one, which gets 401 at once.
"""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from central import cli
from central.app import create_app
from central.auth import new_enrolment_code, token_digest
from central.clock import system_clock
from central.models import Device, EnrolmentCode
from central.seed import DEMO_ENROLMENT_CODE
from tests.helpers.central_fixtures import rows

DEV = "dev-only-token"


def _app(db_url, clock, **options):  # type: ignore[no-untyped-def]
    return create_app(db_url, clock=clock, secret="test-secret", **options)


def _enrol(client: TestClient, code: str) -> int:
    return client.post("/v1/enrolments", json={"enrolment_code": code, "label": "k"}).status_code


def _halls(client: TestClient, token: str) -> int:
    return client.get("/v1/halls", headers={"Authorization": f"Bearer {token}"}).status_code


def test_a_dev_token_works_only_in_the_process_given_it(db_url, clock):
    with TestClient(_app(db_url, clock, dev_token=DEV, seed="demo")) as given:
        assert _halls(given, DEV) == 200
    assert token_digest(DEV) not in {d.token_sha256 for d in rows(db_url, Device)}
    with TestClient(_app(db_url, clock)) as restarted:  # no --dev-token, no --seed
        assert _halls(restarted, DEV) == 401
    with TestClient(_app(db_url, clock, dev_token="another")) as other:
        assert _halls(other, DEV) == 401 and _halls(other, "another") == 200


def test_a_dev_token_an_older_server_stored_stops_working(db_url, clock):
    with TestClient(_app(db_url, clock, seed="demo")):
        pass
    engine = create_engine(db_url)
    with Session(engine) as session, session.begin():  # what the old code kept
        session.add(Device(device_id="dev", token_sha256=token_digest(DEV), hall_code=None,
                           label="development token", enrolled_at=clock()))
    engine.dispose()
    with TestClient(_app(db_url, clock)) as restarted:
        assert _halls(restarted, DEV) == 401


def test_the_demo_code_is_one_time_and_a_restart_without_seed_does_not_revive_it(db_url, clock):
    with TestClient(_app(db_url, clock, seed="demo")) as demo:
        assert _enrol(demo, DEMO_ENROLMENT_CODE) == 201
        assert _enrol(demo, DEMO_ENROLMENT_CODE) == 403
    with TestClient(_app(db_url, clock)) as restarted:
        assert _enrol(restarted, DEMO_ENROLMENT_CODE) == 403
    with TestClient(_app(db_url, clock, seed="demo")) as demo_again:  # kiosk --demo: a fresh demo
        assert _enrol(demo_again, DEMO_ENROLMENT_CODE) == 201


def test_the_demo_code_expires(db_url, clock):
    with TestClient(_app(db_url, clock, seed="demo")):
        pass
    clock.advance(hours=24, seconds=1)
    with TestClient(_app(db_url, clock)) as restarted:
        assert _enrol(restarted, DEMO_ENROLMENT_CODE) == 403


def test_an_enrolment_code_expires_after_24_hours_by_default(db_url, clock):
    with TestClient(_app(db_url, clock, seed="demo")) as client:
        ctx = client.app.state.context  # type: ignore[attr-defined]
        late, early = (new_enrolment_code(ctx.db, "dongcheng", clock()) for _ in range(2))
        clock.advance(hours=23, minutes=59)
        assert _enrol(client, early) == 201
        clock.advance(minutes=2)
        assert _enrol(client, late) == 403


def test_the_enrolment_code_command_takes_a_lifetime(db_url, capsys):
    with TestClient(_app(db_url, system_clock, seed="demo")) as client:
        assert cli.main(["enrolment-code", "--db", db_url, "--hall", "dongcheng", "--expires", "2h"]) == 0
        code = capsys.readouterr().out.strip()
        row = next(r for r in rows(db_url, EnrolmentCode) if r.code == code)
        lifetime = row.expires_at - row.created_at
        assert timedelta(hours=2) - timedelta(seconds=5) <= lifetime <= timedelta(hours=2)
        assert _enrol(client, code) == 201
        assert _enrol(client, code) == 403


def test_a_revoked_device_gets_401_at_once(db_url, clock, capsys):
    with TestClient(_app(db_url, clock, seed="demo")) as client:
        ctx = client.app.state.context  # type: ignore[attr-defined]
        code = new_enrolment_code(ctx.db, "dongcheng", clock())
        enrolled = client.post("/v1/enrolments", json={"enrolment_code": code, "label": "hall A kiosk 3"})
        device, token = enrolled.json()["device_id"], enrolled.json()["token"]
        assert _halls(client, token) == 200
        assert cli.main(["device", "list", "--db", db_url]) == 0
        listing = capsys.readouterr().out
        assert device in listing and "hall A kiosk 3" in listing and token not in listing
        assert cli.main(["device", "revoke", "--db", db_url, "--device", device]) == 0
        capsys.readouterr()
        assert _halls(client, token) == 401  # the same running server, at once
        heartbeat = {"version": "1", "sent_at": "2026-11-23T00:00:00Z", "outbox": {"pending": 0, "dead": 0}}
        r = client.post("/v1/devices/me/heartbeat", json=heartbeat,
                        headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 401
        assert cli.main(["device", "list", "--db", db_url]) == 0
        assert "revoked" in next(line for line in capsys.readouterr().out.splitlines() if device in line)
        assert cli.main(["device", "revoke", "--db", db_url, "--device", "no-such-device"]) == 2


def test_revoking_the_dev_device_refuses_the_dev_token(db_url, clock, capsys):
    with TestClient(_app(db_url, clock, dev_token=DEV, seed="demo")) as given:
        assert _halls(given, DEV) == 200
        assert cli.main(["device", "revoke", "--db", db_url, "--device", "dev"]) == 0
        assert _halls(given, DEV) == 401
    # a new process given a dev token makes the dev device anew (an operator's choice)
    with TestClient(_app(db_url, clock, dev_token=DEV)) as again:
        assert _halls(again, DEV) == 200
