"""Local copies of what the kiosk pulls: catalogue, hall calendars, trust list.

A copy is replaced in one transaction, and only with a complete, checked
answer: until then the old copy stays in use. ``checked_at`` moves on every
successful conditional pull (a 304 too), so "how fresh is this" has an answer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.rules.wire_time import utc_iso
from kiosk.sync.store import LocalStore


@dataclass(frozen=True, slots=True)
class Pulled:
    name: str
    etag: str | None
    body: Any
    fetched_at: str
    checked_at: str


class PulledCache:
    def __init__(self, store: LocalStore) -> None:
        self._store = store

    def get(self, name: str) -> Pulled | None:
        rows = self._store.read("SELECT * FROM pulled WHERE name = ?", (name,))
        if not rows:
            return None
        r = rows[0]
        return Pulled(r["name"], r["etag"], json.loads(r["body"]), r["fetched_at"], r["checked_at"])

    def etag(self, name: str) -> str | None:
        rows = self._store.read("SELECT etag FROM pulled WHERE name = ?", (name,))
        return rows[0]["etag"] if rows else None

    def replace(self, name: str, etag: str | None, body: Any, now: datetime) -> None:
        text = json.dumps(body, ensure_ascii=False)
        stamp = utc_iso(now)
        with self._store.write() as db:
            db.execute(
                "INSERT INTO pulled (name, etag, body, fetched_at, checked_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (name) DO UPDATE SET etag = excluded.etag, body = excluded.body,"
                " fetched_at = excluded.fetched_at, checked_at = excluded.checked_at",
                (name, etag, text, stamp, stamp),
            )

    def touch(self, name: str, now: datetime) -> None:
        with self._store.write() as db:
            db.execute("UPDATE pulled SET checked_at = ? WHERE name = ?", (utc_iso(now), name))
