"""The diagnostics bundle staff export from the staff panel: one zip for the maintainers.

    kiosk-diagnostics-20260301T101500Z.zip
        logs/kiosk.log, logs/kiosk.log.1 …, logs/fatal.log   scrubbed again on the way out
        settings.json      the effective settings
        outbox.json        counts by state; dead letters' kind, time, error, HTTP status
        pulled.json        the local copies' names and when they were fetched and checked
        about.json         versions, platform, when the bundle was made

What residents submitted never goes in: no outbox body, no answer body, no pulled
copy's body. Every member passes through ``scrub`` all the same, so an ID or
mobile number in an error message is masked too.
"""

from __future__ import annotations

import dataclasses
import json
import os
import platform
import sqlite3
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.device.paths import private_dir, private_file
from kiosk.ops.logs import scrub
from kiosk.sync.outbox import DEAD, Outbox
from kiosk.sync.store import LocalStore, StoreError

#: dead letters listed in the bundle at most (the oldest first)
DEAD_LETTERS = 200


def bundle_name(now: datetime) -> str:
    return f"kiosk-diagnostics-{now.astimezone(UTC):%Y%m%dT%H%M%SZ}.zip"


def export_bundle(dest_dir: Path, *, log_dir: Path, store_path: Path | None, settings: Any,
                  versions: dict[str, str], now: datetime) -> Path:
    """Write the bundle into ``dest_dir`` and return its path.

    ``store_path`` is the kiosk's SQLite file; when it does not exist (a kiosk that
    never synced) the bundle says so, and no database is created."""
    dest_dir = Path(dest_dir)
    private_dir(dest_dir)
    target = dest_dir / bundle_name(now)
    members: list[tuple[str, str]] = [
        (f"logs/{path.name}", path.read_text(encoding="utf-8", errors="replace"))
        for path in _log_files(Path(log_dir))
    ]
    outbox, pulled = _store_summary(store_path)
    members += [
        ("settings.json", _json(settings._asdict())),
        ("outbox.json", _json(outbox)),
        ("pulled.json", _json(pulled)),
        ("about.json", _json({
            "created_at": now.astimezone(UTC).isoformat().replace("+00:00", "Z"),
            "versions": versions,
            "platform": {
                "system": platform.platform(),
                "machine": platform.machine(),
                "python": sys.version.split()[0],
            },
        })),
    ]
    stamp = now.astimezone(UTC).timetuple()[:6]
    partial = private_file(target.with_suffix(".zip.partial"))  # the bundle: 0600
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, text in members:
            zf.writestr(zipfile.ZipInfo(name, date_time=stamp), scrub(text).encode("utf-8"),
                        compress_type=zipfile.ZIP_DEFLATED)
    os.replace(partial, target)
    return target


def _log_files(log_dir: Path) -> list[Path]:
    if not log_dir.is_dir():
        return []
    return sorted(p for p in log_dir.iterdir() if p.is_file() and not p.name.startswith("."))


def _store_summary(store_path: Path | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """What the outbox and the pulled copies hold, without a single body."""
    if store_path is None or not Path(store_path).is_file():
        none = {"database": "none: this kiosk has not synced"}
        return none, none
    try:
        with LocalStore(store_path) as store:
            box = Outbox(store)
            dead = [
                {"kind": item.kind, "created_at": item.created_at,
                 "last_error": item.last_error, "response_status": item.response_status}
                for item in box.items(DEAD, limit=DEAD_LETTERS)
            ]
            outbox = {
                "counts": dataclasses.asdict(box.counts()),
                "oldest_pending_created_at": box.oldest_pending_created_at(),
                "dead_letters": dead,
            }
            rows = store.read("SELECT name, fetched_at, checked_at FROM pulled ORDER BY name")
            pulled = {"copies": [dict(row) for row in rows]}
    except (StoreError, sqlite3.DatabaseError) as exc:
        problem = {"database": f"unreadable: {exc}"}
        return problem, problem
    return outbox, pulled


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
