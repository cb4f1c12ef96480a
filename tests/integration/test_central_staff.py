"""Staff accounts on the central server: GET /v1/staff (ETag/304), the demo accounts,
``kiosk-central staff …``, and the audit trail read back (GET /v1/audit-events)."""

from __future__ import annotations

import io

import pytest
import requests
from sqlalchemy import create_engine, text

from central import admin_cli, cli, schema
from central.seed import DEMO_DIR, DEMO_HALL, apply_seed
from central.staff import DEMO_ACCOUNTS
from kiosk.rules.pin_hash import PinHash
from tests.helpers.central_fixtures import (
    AUTH,
    as_previous_release,
    client_for,
    fresh_pg,
    key,
    operator_in,
    pg_url_or_skip,
)
from tests.helpers.central_server import running_central

DEMO_PINS = {number: pin for number, _name, _role, pin in DEMO_ACCOUNTS}


@pytest.fixture
def client(db_url, clock):
    """A device of the hall the demo's staff work in."""
    with client_for(db_url, clock, hall=DEMO_HALL) as c:
        yield c


def staff_cli(db_url: str, *args: str, pin: str | None = None) -> int:
    """``kiosk-central staff …`` as the operator runs it; ``pin`` goes to standard input;
    ``add`` is in the demo hall unless ``--hall`` is given."""
    argv = ["staff", args[0], "--db", db_url, *args[1:]]
    if args[0] == "add" and "--hall" not in args:
        argv += ["--hall", DEMO_HALL]
    if pin is not None:
        argv.append("--pin-stdin")
        old, admin_cli.sys.stdin = admin_cli.sys.stdin, io.StringIO(pin + "\n")
        try:
            return cli.main(argv)
        finally:
            admin_cli.sys.stdin = old
    return cli.main(argv)


def by_number(body: dict) -> dict[str, dict]:
    return {s["number"]: s for s in body["staff"]}


# --- GET /v1/staff ------------------------------------------------------------------------


def test_the_demo_accounts_are_served_with_their_pin_hashes(client):
    r = client.get("/v1/staff")
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    body = r.json()
    assert body["issued_at"] == "2026-11-23T00:00:00Z"
    assert [s["number"] for s in body["staff"]] == ["0001", "0371"]  # sorted by number
    staff = by_number(body)
    assert (staff["0371"]["name"], staff["0371"]["role"]) == ("王芳", "assistant")
    assert (staff["0001"]["name"], staff["0001"]["role"]) == ("李强", "administrator")
    for number, member in staff.items():
        assert set(member) == {"number", "name", "role", "pin"}
        wire = member["pin"]
        assert set(wire) == {"alg", "n", "r", "p", "salt", "hash"}
        assert (wire["alg"], wire["n"], wire["r"], wire["p"]) == ("scrypt", 16384, 8, 1)
        pin = PinHash.from_wire(wire)
        assert len(pin.salt) == 16
        assert pin.matches(DEMO_PINS[number]) and not pin.matches("000000")


def test_the_staff_list_has_a_strong_etag_and_answers_304(client):
    r = client.get("/v1/staff")
    etag = r.headers["etag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert r.headers["cache-control"] == "no-cache"
    same = client.get("/v1/staff", headers={"If-None-Match": etag})
    assert same.status_code == 304 and same.content == b"" and same.headers["etag"] == etag
    assert client.get("/v1/staff", headers={"If-None-Match": f"W/{etag}"}).status_code == 304
    assert client.get("/v1/staff", headers={"If-None-Match": '"other"'}).status_code == 200


def test_the_staff_list_needs_a_device_token(client):
    r = client.get("/v1/staff", headers={"Authorization": ""})
    assert r.status_code == 401 and r.json()["code"] == "unauthorized"


def test_the_list_is_reissued_daily_and_the_etag_holds_within_a_day(client, clock):
    first = client.get("/v1/staff")
    clock.advance(hours=23)
    assert client.get("/v1/staff", headers={"If-None-Match": first.headers["etag"]}).status_code == 304
    clock.advance(hours=2)  # the next UTC day
    next_day = client.get("/v1/staff", headers={"If-None-Match": first.headers["etag"]})
    assert next_day.status_code == 200 and next_day.json()["issued_at"] == "2026-11-24T00:00:00Z"
    assert next_day.json()["staff"] == first.json()["staff"]


def test_a_restart_with_the_demo_seed_changes_nothing(db_url, clock):
    with client_for(db_url, clock, hall=DEMO_HALL) as c:
        before = c.get("/v1/staff")
    clock.advance(minutes=5)
    with client_for(db_url, clock, hall=DEMO_HALL) as c:
        after = c.get("/v1/staff", headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 304


def test_without_accounts_the_list_is_empty_not_an_error(tmp_path, clock):
    with client_for(f"sqlite:///{tmp_path / 'c.db'}", clock, seed=None, hall=DEMO_HALL) as c:
        r = c.get("/v1/staff")
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"issued_at", "staff", "key_id", "signature"}  # signed, empty or not
    assert (body["issued_at"], body["staff"]) == ("2026-11-23T00:00:00Z", [])


def test_a_database_from_before_staff_accounts_gets_the_table(db_url, clock):
    """The baseline migration adopts a database made before migrations and adds the
    tables it lacks."""
    with client_for(db_url, clock, seed=None, hall=DEMO_HALL) as c:
        assert c.get("/v1/health").status_code == 200
    engine = create_engine(db_url)
    as_previous_release(db_url)  # made with create_all, unversioned
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE staff_accounts"))  # as a database of issue 5 was
    engine.dispose()
    with client_for(db_url, clock, hall=DEMO_HALL) as c:
        assert [s["number"] for s in c.get("/v1/staff").json()["staff"]] == ["0001", "0371"]
        assert c.get("/v1/catalogue").status_code == 200


# --- changes through the CLI while a real server serves the list --------------------------


def test_every_change_changes_the_etag_and_a_deactivated_account_disappears(tmp_path, clock):
    db_url = f"sqlite:///{tmp_path / 'central.db'}"
    with running_central(db_url, clock=clock) as base:
        def pull(etag: str | None = None) -> requests.Response:
            headers = {**AUTH, **({"If-None-Match": etag} if etag else {})}
            return requests.get(base + "/v1/staff", headers=headers, timeout=10)

        first = pull()
        etags = {first.headers["etag"]}

        assert staff_cli(db_url, "deactivate", "--number", "0001") == 0
        after_deactivation = pull(first.headers["etag"])
        assert after_deactivation.status_code == 200
        assert list(by_number(after_deactivation.json())) == ["0371"]  # kiosks drop 0001
        etags.add(after_deactivation.headers["etag"])

        assert staff_cli(db_url, "add", "--number", "A12", "--name", "赵敏", "--role", "assistant",
                         pin="11223344") == 0
        after_add = pull(after_deactivation.headers["etag"])
        assert list(by_number(after_add.json())) == ["0371", "A12"]
        assert PinHash.from_wire(by_number(after_add.json())["A12"]["pin"]).matches("11223344")
        etags.add(after_add.headers["etag"])

        assert staff_cli(db_url, "set-pin", "--number", "0371", pin="97531000") == 0
        after_pin = pull(after_add.headers["etag"])
        new_pin = PinHash.from_wire(by_number(after_pin.json())["0371"]["pin"])
        assert new_pin.matches("97531000") and not new_pin.matches(DEMO_PINS["0371"])
        etags.add(after_pin.headers["etag"])

        assert len(etags) == 4
        assert pull(after_pin.headers["etag"]).status_code == 304


# --- kiosk-central staff … ------------------------------------------------------------------


@pytest.fixture
def cli_db(tmp_path, clock) -> str:
    """A database with the demo's halls (so staff can be added to one) and no accounts."""
    from central.db import Database

    url = f"sqlite:///{tmp_path / 'staff.db'}"
    db = Database.connect(url)
    schema.upgrade(db)
    apply_seed(db, DEMO_DIR, clock())
    db.dispose()
    return url


def test_cli_add_then_list(cli_db, capsys):
    assert staff_cli(cli_db, "list") == 0
    assert "no staff accounts" in capsys.readouterr().out
    assert staff_cli(cli_db, "add", "--number", "0371", "--name", " 王芳 ", "--role", "assistant",
                     pin="246810") == 0
    assert staff_cli(cli_db, "add", "--number", "0001", "--name", "李强",
                     "--role", "administrator", pin="13579024") == 0
    out = capsys.readouterr().out
    assert "added staff account 0371 王芳 (assistant) in hall city_centre" in out
    assert "246810" not in out
    assert staff_cli(cli_db, "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["number", "role", "hall", "state", "updated", "(UTC)", "name"]
    assert [line.split()[:4] for line in lines[1:]] == [
        ["0001", "administrator", "city_centre", "active"],
        ["0371", "assistant", "city_centre", "active"]]
    assert lines[2].endswith("王芳")


def test_cli_reads_the_pin_twice_from_the_terminal(cli_db, capsys, monkeypatch):
    typed = iter(["24681357", "24681357"])
    prompts: list[str] = []
    monkeypatch.setattr(admin_cli.getpass, "getpass", lambda prompt="": prompts.append(prompt) or next(typed))
    assert cli.main(["staff", "add", "--db", cli_db, "--number", "0371", "--name", "王芳",
                     "--role", "assistant", "--hall", DEMO_HALL]) == 0
    assert len(prompts) == 2
    with client_for(cli_db, None, seed=None, hall=DEMO_HALL) as c:
        [member] = c.get("/v1/staff").json()["staff"]
    assert PinHash.from_wire(member["pin"]).matches("24681357")


def test_cli_refuses_two_different_pins(cli_db, capsys, monkeypatch):
    typed = iter(["24681357", "24681358"])
    monkeypatch.setattr(admin_cli.getpass, "getpass", lambda prompt="": next(typed))
    assert cli.main(["staff", "add", "--db", cli_db, "--number", "0371", "--name", "王芳",
                     "--role", "assistant", "--hall", DEMO_HALL]) == 2
    assert "the two PINs differ" in capsys.readouterr().err
    staff_cli(cli_db, "list")
    assert "no staff accounts" in capsys.readouterr().out


def test_cli_refuses_a_malformed_pin_at_the_first_prompt(cli_db, capsys, monkeypatch):
    typed = iter(["1234"])
    monkeypatch.setattr(admin_cli.getpass, "getpass", lambda prompt="": next(typed))
    assert cli.main(["staff", "add", "--db", cli_db, "--number", "0371", "--name", "王芳",
                     "--role", "assistant", "--hall", DEMO_HALL]) == 2
    assert "a PIN is 6 to 8 digits" in capsys.readouterr().err


@pytest.mark.parametrize("args, pin, message", [
    (["--number", "03-71", "--name", "王芳", "--role", "assistant"], "246810",
     "a staff number is 1 to 16 letters"),
    (["--number", "12345678901234567", "--name", "王芳", "--role", "assistant"], "246810",
     "a staff number is 1 to 16 letters"),
    (["--number", "0371", "--name", "王芳", "--role", "boss"], "246810",
     "a role is assistant or administrator, not 'boss'"),
    (["--number", "0371", "--name", "   ", "--role", "assistant"], "246810", "a name is needed"),
    (["--number", "0371", "--name", "x" * 41, "--role", "assistant"], "246810",
     "a name is at most 40 characters"),
    (["--number", "0371", "--name", "王\x00芳", "--role", "assistant"], "246810",
     "control"),
    (["--number", "0371", "--name", "王芳", "--role", "assistant"], "24681", "a PIN is 6 to 8 digits"),
    (["--number", "0371", "--name", "王芳", "--role", "assistant"], "123456789",
     "a PIN is 6 to 8 digits"),
    (["--number", "0371", "--name", "王芳", "--role", "assistant"], "12345a", "a PIN is 6 to 8 digits"),
    (["--number", "0371", "--name", "王芳", "--role", "assistant"], "", "a PIN is 6 to 8 digits"),
])
def test_cli_add_refuses_bad_input_clearly(cli_db, capsys, args, pin, message):
    assert staff_cli(cli_db, "add", *args, pin=pin) == 2
    err = capsys.readouterr().err
    assert err.startswith("kiosk-central: ") and message in err
    staff_cli(cli_db, "list")
    assert "no staff accounts" in capsys.readouterr().out


def test_cli_refuses_a_duplicate_number_even_of_a_deactivated_account(cli_db, capsys):
    add = ["--number", "0371", "--name", "王芳", "--role", "assistant"]
    assert staff_cli(cli_db, "add", *add, pin="246810") == 0
    assert staff_cli(cli_db, "add", *add, pin="246810") == 2
    assert "there is already a staff account 0371" in capsys.readouterr().err
    assert staff_cli(cli_db, "deactivate", "--number", "0371") == 0
    assert staff_cli(cli_db, "add", *add, pin="246810") == 2
    assert "deactivated" in capsys.readouterr().err


def test_cli_deactivate_and_set_pin(cli_db, capsys, clock):
    assert staff_cli(cli_db, "add", "--number", "0371", "--name", "王芳", "--role", "assistant",
                     pin="246810") == 0
    assert staff_cli(cli_db, "set-pin", "--number", "0371", pin="86420864") == 0
    assert "new PIN set for staff account 0371" in capsys.readouterr().out
    with client_for(cli_db, clock, seed=None, hall=DEMO_HALL) as c:
        [member] = c.get("/v1/staff").json()["staff"]
        assert PinHash.from_wire(member["pin"]).matches("86420864")
        assert staff_cli(cli_db, "deactivate", "--number", "0371") == 0
        assert "deactivated staff account 0371" in capsys.readouterr().out
        assert c.get("/v1/staff").json()["staff"] == []
    assert staff_cli(cli_db, "deactivate", "--number", "0371") == 0
    assert "already deactivated" in capsys.readouterr().out
    staff_cli(cli_db, "list")
    assert capsys.readouterr().out.splitlines()[1].split()[:4] == [
        "0371", "assistant", "city_centre", "deactivated"]


def test_cli_refuses_an_unknown_number_and_a_bad_pin(cli_db, capsys):
    assert staff_cli(cli_db, "deactivate", "--number", "9999") == 2
    assert "there is no staff account 9999" in capsys.readouterr().err
    assert staff_cli(cli_db, "set-pin", "--number", "9999", pin="246810") == 2
    assert "there is no staff account 9999" in capsys.readouterr().err
    assert staff_cli(cli_db, "add", "--number", "0371", "--name", "王芳", "--role", "assistant",
                     pin="246810") == 0
    assert staff_cli(cli_db, "set-pin", "--number", "0371", pin="24 68 10") == 2
    assert "a PIN is 6 to 8 digits" in capsys.readouterr().err
    assert staff_cli(cli_db, "deactivate", "--number", "no/such") == 2
    assert "a staff number is" in capsys.readouterr().err


def test_cli_refuses_an_unsupported_database(capsys):
    assert staff_cli("mysql://host/db", "list") == 2
    assert "unsupported database" in capsys.readouterr().err


# --- the audit trail ------------------------------------------------------------------------


def submit(client, kind: str, staff: str | None, payload: dict, created_at: str) -> str:
    r = client.post("/v1/submissions", headers=key(), json={
        "kind": kind, "created_at": created_at,
        "identity": {"resident": None, "staff": staff}, "payload": payload})
    assert r.status_code == 201, r.text
    return r.json()["submission_id"]


def test_audit_events_are_read_back_oldest_first(client, clock):
    op = operator_in(client)
    first = submit(client, "audit", "0371", {"event": "assisted_mode_on"}, "2026-11-22T23:59:00Z")
    submit(client, "message", None, {"text": "谢谢"}, "2026-11-23T00:00:00Z")  # not an audit event
    clock.advance(minutes=1)
    # made earlier offline, received later: ordered by when the server received it
    second = submit(client, "audit", "0001", {"event": "settings_opened", "screen": "staff_panel"},
                    "2026-11-22T20:00:00Z")
    clock.advance(minutes=1)
    third = submit(client, "audit", "0371", {"event": "assisted_mode_off"}, "2026-11-23T00:02:00Z")

    r = client.get("/v1/audit-events", headers=op)
    assert r.status_code == 200
    events = r.json()["events"]
    assert [e["submission_id"] for e in events] == [first, second, third]
    assert events[0] == {
        "submission_id": first, "device_id": "dev", "created_at": "2026-11-22T23:59:00Z",
        "received_at": "2026-11-23T00:00:00Z", "staff": "0371", "resident": None,
        "payload": {"event": "assisted_mode_on"},
    }
    assert events[1]["payload"] == {"event": "settings_opened", "screen": "staff_panel"}

    mine = client.get("/v1/audit-events", headers=op, params={"staff": "0371"}).json()["events"]
    assert [e["submission_id"] for e in mine] == [first, third]
    since = client.get("/v1/audit-events", headers=op,
                       params={"since": "2026-11-23T00:01:00Z"}).json()["events"]
    assert [e["submission_id"] for e in since] == [second, third]  # received at or after
    both = client.get("/v1/audit-events", headers=op,
                      params={"since": "2026-11-23T08:01:00+08:00", "staff": "0371"}).json()["events"]
    assert [e["submission_id"] for e in both] == [third]
    assert client.get("/v1/audit-events", headers=op, params={"staff": "9999"}).json() == {"events": []}


def test_audit_events_are_limited(client):
    op = operator_in(client)
    ids = [submit(client, "audit", "0371", {"i": i}, "2026-11-23T00:00:00Z") for i in range(5)]
    r = client.get("/v1/audit-events", headers=op, params={"limit": 3})
    assert {e["submission_id"] for e in r.json()["events"]} <= set(ids)
    assert len(r.json()["events"]) == 3
    assert client.get("/v1/audit-events", headers=op, params={"limit": 501}).status_code == 422
    assert client.get("/v1/audit-events", headers=op, params={"limit": 0}).status_code == 422


def test_audit_events_refuse_bad_queries_and_need_a_token(client):
    op = operator_in(client)
    naive = client.get("/v1/audit-events", headers=op, params={"since": "2026-11-23T00:00:00"})
    assert naive.status_code == 422 and naive.json()["code"] == "validation_failed"
    assert client.get("/v1/audit-events", headers=op, params={"since": "yesterday"}).status_code == 422
    assert client.get("/v1/audit-events", headers=op, params={"staff": "a\x00b"}).status_code == 422
    assert client.get("/v1/audit-events", headers=op, params={"staff": "x" * 201}).status_code == 422
    anonymous = client.get("/v1/audit-events", headers={"Authorization": ""})
    a_device = client.get("/v1/audit-events")  # the client's own token is a device's
    assert a_device.status_code == 401 and a_device.json()["code"] == "unauthorized"
    assert anonymous.status_code == 401 and anonymous.json()["code"] == "unauthorized"


# --- PostgreSQL -----------------------------------------------------------------------------


def test_staff_and_audit_events_on_postgresql(clock, capsys):
    url = fresh_pg(pg_url_or_skip())
    with client_for(url, clock, hall=DEMO_HALL) as c:
        first = c.get("/v1/staff")
        assert [s["number"] for s in first.json()["staff"]] == ["0001", "0371"]
        assert PinHash.from_wire(by_number(first.json())["0001"]["pin"]).matches(DEMO_PINS["0001"])
        assert staff_cli(url, "deactivate", "--number", "0001") == 0
        after = c.get("/v1/staff", headers={"If-None-Match": first.headers["etag"]})
        assert after.status_code == 200 and list(by_number(after.json())) == ["0371"]
        assert staff_cli(url, "add", "--number", "0001", "--name", "x", "--role", "assistant",
                         pin="246810") == 2
        event = submit(c, "audit", "0371", {"event": "assisted_mode_on"}, "2026-11-23T00:00:00Z")
        op = operator_in(c)
        events = c.get("/v1/audit-events", headers=op,
                       params={"staff": "0371", "since": "2026-11-23T00:00:00Z"})
        assert [e["submission_id"] for e in events.json()["events"]] == [event]
        assert c.get("/v1/audit-events", headers=op, params={"staff": "a\x00b"}).status_code == 422
