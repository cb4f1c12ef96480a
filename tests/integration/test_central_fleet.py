"""Fleet health (central/fleet.py): what each kiosk's last heartbeat said, a silent kiosk
flagged, in ``kiosk-central devices`` (table and ``--json``) and in the metrics."""

from __future__ import annotations

import json
import random
from datetime import timedelta

from central import cli
from central.fleet import fleet
from kiosk.sync.api_client import CentralClient
from kiosk.sync.engine import SyncEngine
from kiosk.sync.outbox import Identity, Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import LocalStore
from tests.helpers.central_fixtures import client_for, device_in
from tests.helpers.central_server import running_central
from tests.integration.test_central_observability import _samples, _value

BEAT = {"version": "0.4.2", "sent_at": "2026-11-23T00:00:00Z",
        "outbox": {"pending": 3, "dead": 1, "oldest_pending_seconds": 600}}


def _beat(client, headers=None, **outbox):
    body = {**BEAT, "outbox": {**BEAT["outbox"], **outbox}}
    r = client.post("/v1/devices/me/heartbeat", json=body, headers=headers or {})
    assert r.status_code == 200, r.text


def test_the_last_heartbeat_is_kept_and_a_quiet_kiosk_is_silent(db_url, clock):
    with client_for(db_url, clock) as client:
        quiet = device_in(client, "dongcheng", label="quiet kiosk")
        never = device_in(client, "dongcheng", label="never heard")  # noqa: F841 - enrolled only
        _beat(client, quiet, pending=0, dead=0, oldest_pending_seconds=None)
        clock.advance(minutes=10)
        _beat(client)  # the dev kiosk, ten minutes later
        ctx = client.app.state.context
        found = {d.label: d for d in fleet(ctx.db, ctx.now(), timedelta(minutes=5))}
    dev = next(d for d in found.values() if d.device_id == "dev")
    assert not dev.silent and dev.app_version == "0.4.2"
    assert (dev.outbox_pending, dev.outbox_dead) == (3, 1)
    assert dev.oldest_waiting(clock()) == timedelta(seconds=600)
    assert found["quiet kiosk"].silent and found["quiet kiosk"].oldest_waiting(clock()) is None
    assert found["never heard"].silent and found["never heard"].last_seen_at is None


def test_devices_prints_a_table_silent_first_and_json(db_url, clock, capsys):
    with client_for(db_url, clock) as client:
        quiet = device_in(client, "dongcheng", label="quiet kiosk")
        _beat(client, quiet, pending=0, dead=0, oldest_pending_seconds=None)
        clock.advance(minutes=10)
        _beat(client)
    now = clock().isoformat()
    assert cli.main(["devices", "--db", db_url, "--now", now]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["state", "device", "hall"]
    assert lines[1].split()[0] == "SILENT" and lines[1].endswith("quiet kiosk")
    dev = next(line for line in lines if " dev " in f" {line} ")
    assert dev.split()[:7] == ["ok", "dev", "dongcheng", "0s", "0.4.2", "3", "10m"]
    assert lines[-1] == "2 devices, 1 silent (no heartbeat for 5m)"

    assert cli.main(["devices", "--db", db_url, "--now", now, "--json",
                     "--silent-after", "900"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["silent_after_s"] == 900
    by_label = {d["label"]: d for d in doc["devices"]}
    assert by_label["quiet kiosk"]["silent"] is False  # 10 minutes < 15
    dev_json = next(d for d in doc["devices"] if d["device_id"] == "dev")
    assert dev_json == {**dev_json, "app_version": "0.4.2", "outbox_pending": 3,
                        "oldest_waiting_s": 600, "needs_staff": 1, "last_heartbeat_age_s": 0,
                        "hall": "dongcheng", "silent": False}


def test_the_silent_time_is_a_setting(db_url, clock, monkeypatch, capsys):
    with client_for(db_url, clock) as client:
        _beat(client)
    clock.advance(minutes=2)
    monkeypatch.setenv("KIOSK_CENTRAL_SILENT_AFTER", "60")
    assert cli.main(["devices", "--db", db_url, "--now", clock().isoformat()]) == 0
    assert "1 devices, 1 silent (no heartbeat for 1m)" in capsys.readouterr().out


def test_fleet_metrics(db_url, clock):
    with client_for(db_url, clock) as client:
        quiet = device_in(client, "dongcheng", label="quiet kiosk")
        _beat(client, quiet, pending=0, dead=0, oldest_pending_seconds=None)
        clock.advance(minutes=10)
        _beat(client)
        samples = _samples(client.app.state.metrics.exposition())
        quiet_id = next(d.device_id for d in fleet(client.app.state.context.db, clock())
                        if d.label == "quiet kiosk")
    assert _value(samples, "central_fleet_devices") == 2
    assert _value(samples, "central_fleet_silent", device=quiet_id, hall="dongcheng") == 1
    assert _value(samples, "central_fleet_silent", device="dev", hall="dongcheng") == 0
    assert _value(samples, "central_fleet_oldest_waiting_seconds", device="dev",
                  hall="dongcheng") == 600
    assert _value(samples, "central_fleet_needs_staff", device="dev", hall="dongcheng") == 1
    assert _value(samples, "central_fleet_last_heartbeat_age_seconds", device=quiet_id,
                  hall="dongcheng") == 600


def test_a_kiosk_reports_how_long_its_oldest_item_waits(db_url, clock, tmp_path):
    """The kiosk's sync engine sends the age of its oldest pending item; the platform
    keeps since when it waits, by its own clock."""
    with running_central(db_url, clock=clock, dev_hall="dongcheng") as base, \
            LocalStore(tmp_path / "kiosk.db") as store:
        engine = SyncEngine(CentralClient(base, "test-token", timeout=(2, 5), clock=clock),
                            Outbox(store), PulledCache(store), clock=clock, rng=random.Random(1),
                            pulls=(), heartbeat_body=lambda: {"version": "0.4.2"})
        engine.outbox.enqueue("rating", "POST", "/v1/submissions", {"n": 1}, Identity(), clock())
        clock.advance(minutes=7)
        engine.outbox.enqueue("rating", "POST", "/v1/submissions", {"n": 2}, Identity(), clock())
        engine.heartbeat(force=True)
        clock.advance(minutes=1)
        from central.db import Database

        db = Database.connect(db_url)
        try:
            [dev] = [d for d in fleet(db, clock()) if d.device_id == "dev"]
        finally:
            db.dispose()
    assert (dev.outbox_pending, dev.app_version) == (2, "0.4.2")
    assert dev.oldest_waiting(clock()) == timedelta(minutes=8)
