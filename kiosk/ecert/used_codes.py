"""The nonces (``jti``) of e-certificate codes already accepted: a code is accepted once.

Each nonce is kept until its code has expired (``exp`` plus the clock skew allowed),
then forgotten: it names no one, and an expired code is refused anyway. The kiosk
keeps them in its database, so a restart does not let a code be shown again; the
memory version serves tests and a kiosk without a database.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from kiosk.rules.wire_time import utc_iso
from kiosk.sync.store import LocalStore


class UsedCodes(Protocol):
    def used(self, nonce: str) -> bool: ...

    def remember(self, nonce: str, until: datetime) -> None: ...

    def forget_expired(self, now: datetime) -> None: ...


class MemoryUsedCodes:
    def __init__(self) -> None:
        self._until: dict[str, datetime] = {}

    def used(self, nonce: str) -> bool:
        return nonce in self._until

    def remember(self, nonce: str, until: datetime) -> None:
        self._until[nonce] = until

    def forget_expired(self, now: datetime) -> None:
        for nonce in [n for n, until in self._until.items() if until < now]:
            del self._until[nonce]


class StoredUsedCodes:
    """In the kiosk's database (table ``used_codes``)."""

    def __init__(self, store: LocalStore) -> None:
        self._store = store

    def used(self, nonce: str) -> bool:
        return bool(self._store.read("SELECT 1 FROM used_codes WHERE nonce = ?", (nonce,)))

    def remember(self, nonce: str, until: datetime) -> None:
        with self._store.write() as db:
            db.execute("INSERT OR REPLACE INTO used_codes (nonce, until) VALUES (?, ?)",
                       (nonce, utc_iso(until)))

    def forget_expired(self, now: datetime) -> None:
        with self._store.write() as db:
            db.execute("DELETE FROM used_codes WHERE until < ?", (utc_iso(now),))
