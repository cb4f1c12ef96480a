"""Finding 7: verification answers are not kept whole, a used or expired code reveals
nobody, and idempotency records and expired holds are purged after their retention."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from central import cli
from central.mint import SAMPLES, mint_opaque
from central.models import IdempotencyRecord, Place
from kiosk.ecert.verify import Outcome, online_result

NOW = datetime(2026, 11, 23, tzinfo=UTC)
_, _, NAME, IDN, _ = SAMPLES["eid"]


def _verify(client, token: str, k: str | None = None):
    return client.post("/v1/credentials/verify", json={"token": token},
                       headers={"Idempotency-Key": k or str(uuid.uuid4())})


def _stored_bodies(db_url: str) -> list[str]:
    engine = create_engine(db_url)
    try:
        with Session(engine) as session:
            return [b or "" for b in session.scalars(select(IdempotencyRecord.response_body))]
    finally:
        engine.dispose()


def test_the_stored_answer_holds_no_name_or_id_number_and_a_replay_gives_the_verdict(client, db_url):
    token = mint_opaque(db_url, "eid", now=NOW)
    k = str(uuid.uuid4())
    first = _verify(client, token, k)
    assert first.status_code == 200
    assert first.json()["verdict"] == "valid"
    assert first.json()["certificate"]["idn"] == IDN  # the live answer names the holder
    for body in _stored_bodies(db_url):
        assert IDN not in body and NAME not in body
        assert IDN[-4:] + '"' not in body and json.dumps(NAME, ensure_ascii=True)[1:-1] not in body
    replay = _verify(client, token, k)
    assert replay.status_code == 200
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.json() == {"verdict": "valid", "checked_at": first.json()["checked_at"],
                             "certificate": None}
    # the kiosk shows the verdict, with nobody named, for both answers
    assert online_result(first.json(), None).outcome is Outcome.VERIFIED_ONLINE
    again = online_result(replay.json(), None)
    assert again.outcome is Outcome.VERIFIED_ONLINE and again.certificate is None


def test_a_used_code_reveals_nobody(client, db_url):
    token = mint_opaque(db_url, "eid", now=NOW)
    assert _verify(client, token).json()["verdict"] == "valid"
    used = _verify(client, token)  # another check, another key
    assert used.status_code == 200
    assert used.json()["verdict"] == "already_used"
    assert used.json()["certificate"] is None
    assert IDN not in used.text and NAME not in used.text
    assert online_result(used.json(), None).outcome is Outcome.ALREADY_USED


def test_an_expired_code_reveals_nobody(client, db_url):
    token = mint_opaque(db_url, "eid", now=NOW - timedelta(days=1), lifetime=timedelta(minutes=5))
    r = _verify(client, token)
    assert r.status_code == 200
    assert r.json()["verdict"] == "expired"
    assert r.json()["certificate"] is None
    assert IDN not in r.text and NAME not in r.text
    assert online_result(r.json(), None).outcome is Outcome.EXPIRED


def _counts(db_url: str) -> tuple[int, int]:
    engine = create_engine(db_url)
    try:
        with Session(engine) as session:
            keys = session.scalar(select(func.count()).select_from(IdempotencyRecord)) or 0
            holds = session.scalar(select(func.count()).select_from(Place)
                                   .where(Place.kind == "hold")) or 0
            return keys, holds
    finally:
        engine.dispose()


def _hold(client) -> None:
    slots = client.get("/v1/halls/dongcheng/slots",
                       params={"matter": "GA-0001", "date": "2026-11-24"}).json()["slots"]
    r = client.post("/v1/holds", headers={"Idempotency-Key": str(uuid.uuid4())},
                    json={"hall": "dongcheng", "matter": "GA-0001", "start": slots[0]["start"]})
    assert r.status_code == 201, r.text


def test_old_idempotency_records_and_expired_holds_are_purged(client, db_url, clock):
    from central.retention import purge

    _hold(client)
    assert _counts(db_url) == (1, 1)
    ctx = client.app.state.context
    purge(ctx.db, ctx.now())
    assert _counts(db_url) == (1, 1)  # nothing is old yet, the hold is live
    clock.advance(days=1)
    purge(ctx.db, ctx.now())
    assert _counts(db_url) == (1, 0)  # the hold expired: gone; the record is kept
    clock.advance(days=6, seconds=1)
    purge(ctx.db, ctx.now())
    assert _counts(db_url) == (0, 0)


def test_the_server_purges_on_its_own_as_it_writes(client, db_url, clock):
    _hold(client)
    clock.advance(days=8)
    # any later write of the server (here a ticket) runs the purge at most every so often
    r = client.post("/v1/tickets", json={"hall": "dongcheng", "matter": "GA-0001"},
                    headers={"Idempotency-Key": str(uuid.uuid4())})
    assert r.status_code in (201, 422)
    assert _counts(db_url) == (1, 0)


def test_the_purge_command(client, db_url, capsys):
    _hold(client)  # made at the test clock's time, 2026-11-23: older than 7 days by 2026-12-01
    assert cli.main(["purge", "--db", db_url, "--now", "2026-12-01T00:00:00Z"]) == 0
    out = capsys.readouterr().out
    assert "idempotency records" in out and "expired holds" in out
    assert _counts(db_url) == (0, 0)
