"""Reference data without restarts (issue 17): versions in the database, published by
``kiosk-central reference load``, served by every instance within the bound
(``reference_check_every``), one version per answer, ETags kept. On SQLite and
PostgreSQL (``db_url``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from central import cli, schema
from central.app import create_app
from central.context import Quotas
from central.db import Database
from central.reference import CATALOGUE
from central.seed import DEMO_DIR
from tests.helpers.central_fixtures import (  # noqa: F401 - db_url is a fixture
    AUTH,
    TOKEN,
    as_previous_release,
    booking_body,
    client_for,
    db_url_on_both_databases,
    key,
)

BOUND_S = 2.0
MATTER = "GA-0001"


def _app(db_url: str, clock: Any, check_every: float = BOUND_S) -> TestClient:
    app = create_app(db_url, clock=clock, dev_token=TOKEN, dev_hall="dongcheng", seed="demo",
                     secret="test-secret", quotas=Quotas.unlimited(),
                     reference_check_every=check_every)
    return TestClient(app, headers=AUTH)


def _renamed_catalogue(name: str) -> dict[str, Any]:
    doc = json.loads((DEMO_DIR / "catalogue.json").read_text(encoding="utf-8"))
    [matter] = [m for m in doc["matters"] if m["code"] == MATTER]
    matter["name"]["en"] = name
    return doc


def _write(path: Path, value: Any) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


def _name_served(client: TestClient) -> tuple[str, str]:
    """The matter's English name in the catalogue served, and the version it came from."""
    r = client.get("/v1/catalogue")
    assert r.status_code == 200, r.text
    [matter] = [m for m in r.json()["matters"] if m["code"] == MATTER]
    return matter["name"]["en"], r.headers["Reference-Version"]


def _load(db_url: str, path: Path, capsys: Any) -> tuple[int, str, str]:
    code = cli.main(["reference", "load", str(path), "--db", db_url])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_first_start_publishes_the_bundled_files_as_version_1(db_url, clock, capsys):
    with _app(db_url, clock) as first:
        assert first.get("/v1/catalogue").headers["Reference-Version"] == "1"
    with _app(db_url, clock) as again:  # the same seed: no new version
        assert again.get("/v1/halls").headers["Reference-Version"] == "1"
    assert cli.main(["reference", "show", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "reference data version 1," in out and "seed demo" in out


def test_a_published_version_reaches_every_instance_within_the_bound(db_url, clock, tmp_path,
                                                                     capsys):
    """Two apps on one database: each looks for a newer version at most every BOUND_S
    seconds, so one holds the old version until then, and both serve the new one after."""
    with _app(db_url, clock) as a, _app(db_url, clock) as b:
        before = _name_served(a)
        assert _name_served(b) == before and before[1] == "1"
        code, out, _err = _load(db_url, _write(tmp_path / "new.json",
                                               {"catalogue": _renamed_catalogue("Renamed")}), capsys)
        assert code == 0 and "published reference data version 2" in out
        clock.advance(BOUND_S / 2)  # inside the bound: still the version each holds
        assert _name_served(a) == before and _name_served(b) == before
        clock.advance(BOUND_S / 2)  # the bound has passed: both serve version 2
        assert _name_served(a) == ("Renamed", "2")
        assert _name_served(b) == ("Renamed", "2")


def test_a_bound_of_zero_serves_the_new_version_at_the_next_request(db_url, clock, tmp_path,
                                                                    capsys):
    with _app(db_url, clock, check_every=0) as a:
        assert _name_served(a)[1] == "1"
        _load(db_url, _write(tmp_path / "n.json", {"catalogue": _renamed_catalogue("Now")}), capsys)
        assert _name_served(a) == ("Now", "2")


def test_the_same_file_twice_adds_no_version(db_url, clock, tmp_path, capsys):
    with _app(db_url, clock):
        pass
    path = _write(tmp_path / "c.json", {"catalogue": _renamed_catalogue("Twice")})
    code, out, _ = _load(db_url, path, capsys)
    assert code == 0 and out.startswith(f"published reference data version 2 from {path}\n")
    code, out, _ = _load(db_url, path, capsys)
    assert code == 0 and out.startswith("reference data version 2 already holds this")
    # the seed's directory as a whole, as it was at version 1: a new version (3), since
    # the newest (2) differs
    code, out, _ = _load(db_url, DEMO_DIR, capsys)
    assert code == 0 and "published reference data version 3" in out


def test_an_invalid_file_is_refused_and_nothing_is_published(db_url, clock, tmp_path, capsys):
    with _app(db_url, clock, check_every=0) as a:
        served = a.get("/v1/catalogue").content
        bad_calendar = json.loads((DEMO_DIR / "hall_calendars.json").read_text(encoding="utf-8"))
        bad_calendar["halls"]["dongcheng"]["extra_closures"] = ["2026-13-01"]
        no_issuers = json.loads((DEMO_DIR / "issuers.json").read_text(encoding="utf-8"))
        no_issuers["issuers"][0]["jwk"]["x"] = "!!!"
        cases = {
            "calendars": ({"calendars": bad_calendar}, "extra_closures[0] must be a date"),
            "trust list": ({"trust_list": no_issuers}, "trust list: issuer"),
            "catalogue": ({"catalogue": {"matters": "none"}}, "catalogue:"),
            "unknown part": ({"catalog": {}}, "not a reference file"),
            "national source": ({"calendars": {**bad_calendar, "national": {"source": "x"}}},
                                "national must be"),
        }
        for what, (value, said) in cases.items():
            code, out, err = _load(db_url, _write(tmp_path / "bad.json", value), capsys)
            assert code == 2, what
            assert said in err and "nothing was published" in err, (what, err)
            assert out == "", what
        code, _, err = _load(db_url, tmp_path / "missing.json", capsys)
        assert code == 2 and "missing.json" in err
        assert a.get("/v1/catalogue").content == served
        assert a.get("/v1/catalogue").headers["Reference-Version"] == "1"


def test_an_answer_is_built_from_the_one_version_its_request_took(db_url, clock, tmp_path,
                                                                  capsys):
    """``context(request)`` takes a version once: whatever is published meanwhile, the
    rest of the request reads the same one (the catalogue it signs, the calendars it
    books by)."""
    with _app(db_url, clock, check_every=0) as a:
        app_context = a.app.state.context  # type: ignore[attr-defined]
        request_context = app_context.bound()
        first = request_context.served(CATALOGUE)
        assert request_context.reference.version == 1
        _load(db_url, _write(tmp_path / "n.json", {"catalogue": _renamed_catalogue("Mid")}), capsys)
        assert request_context.reference.version == 1
        assert request_context.served(CATALOGUE) == first
        assert request_context.reference.matter(MATTER).name.en != "Mid"
        assert app_context.bound().reference.version == 2  # the next request


def test_etags_stay_for_documents_a_new_version_leaves_alone(db_url, clock, tmp_path, capsys):
    calendars = json.loads((DEMO_DIR / "hall_calendars.json").read_text(encoding="utf-8"))
    calendars["halls"]["dongcheng"]["extra_closures"] = ["2026-11-27"]
    with _app(db_url, clock, check_every=0) as a:
        catalogue, halls = a.get("/v1/catalogue"), a.get("/v1/halls")
        _load(db_url, _write(tmp_path / "cal.json", {"calendars": calendars}), capsys)
        again = a.get("/v1/catalogue", headers={"If-None-Match": catalogue.headers["ETag"]})
        assert again.status_code == 304 and again.headers["Reference-Version"] == "2"
        changed = a.get("/v1/halls", headers={"If-None-Match": halls.headers["ETag"]})
        assert changed.status_code == 200 and changed.headers["ETag"] != halls.headers["ETag"]
        [dongcheng] = [h for h in changed.json()["halls"] if h["code"] == "dongcheng"]
        assert "2026-11-27" in dongcheng["calendar"]["closed"]
        # and the bookings follow the calendar of the new version at once
        friday = a.post("/v1/bookings", json=booking_body("2026-11-27T01:00:00Z", 1),
                        headers=key())
        assert friday.status_code == 422 and friday.json()["code"] == "hall_closed"


def test_a_seed_never_replaces_what_an_operator_published(db_url, clock, tmp_path, capsys):
    with _app(db_url, clock):
        pass
    _load(db_url, _write(tmp_path / "n.json", {"catalogue": _renamed_catalogue("Ours")}), capsys)
    with _app(db_url, clock) as restarted:  # started with --seed demo again
        assert _name_served(restarted) == ("Ours", "2")


def test_a_database_of_the_previous_release_serves_its_documents_as_version_1(db_url, clock,
                                                                              tmp_path, capsys):
    with client_for(db_url, clock) as client:
        before = client.get("/v1/catalogue").json()
    as_previous_release(db_url)  # its documents table, no reference_versions
    assert cli.main(["migrate", "--db", db_url]) == 0
    capsys.readouterr()
    assert cli.main(["reference", "show", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "reference data version 1," in out and "documents (before versions)" in out
    app = create_app(db_url, clock=clock, dev_token=TOKEN, secret="test-secret", migrate=False)
    with TestClient(app, headers=AUTH) as client:
        assert client.get("/v1/catalogue").json() == before
        assert client.get("/v1/halls").headers["Reference-Version"] == "1"


def test_the_previous_release_reads_what_was_published(db_url, clock, tmp_path, capsys):
    """``documents`` keeps the newest version's data: an instance of the previous release
    restarted during a rolling upgrade serves it too."""
    with _app(db_url, clock):
        pass
    _load(db_url, _write(tmp_path / "n.json", {"catalogue": _renamed_catalogue("Both")}), capsys)
    db = Database.connect(db_url)
    try:
        assert schema.current_revision(db) == schema.head()
        with db.reading() as session:
            from central.models import Document

            stored = json.loads(session.get(Document, CATALOGUE).body)
    finally:
        db.dispose()
    assert [m for m in stored["matters"] if m["code"] == MATTER][0]["name"]["en"] == "Both"


def test_show_on_an_empty_database_says_nothing_is_published(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    assert cli.main(["migrate", "--db", url]) == 0
    capsys.readouterr()
    assert cli.main(["reference", "show", "--db", url]) == 0
    assert "no reference data published yet" in capsys.readouterr().out


def test_when_the_versions_cannot_be_read_the_one_held_is_served_on(db_url, clock, caplog):
    """The database fails under the store (here: its table gone): the instance keeps
    answering with the version it holds, and says so in the log."""
    from sqlalchemy import create_engine, text

    with _app(db_url, clock, check_every=0) as a:
        before = a.get("/v1/catalogue")
        engine = create_engine(db_url)
        try:
            with engine.begin() as conn:
                conn.execute(text("DROP TABLE reference_versions"))
        finally:
            engine.dispose()
        after = a.get("/v1/catalogue")
        assert after.status_code == 200 and after.content == before.content
        assert after.headers["Reference-Version"] == "1"
        assert "cannot check for a newer version; serving version 1 on" in caplog.text
