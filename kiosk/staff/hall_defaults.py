"""The hall's defaults as staff set them in the staff panel, over kiosk.toml.

Language, 长辈版 and automatic read-aloud: what every session starts with and
returns to at the wipe. Kept in the local database with who changed them and
when; each value is checked by its option in ``kiosk.device.settings``.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import Any

from kiosk.device.settings import Settings
from kiosk.rules.wire_time import utc_iso
from kiosk.sync.store import LocalStore

log = logging.getLogger(__name__)

NAMES = ("default_language", "default_elderly", "read_aloud_auto_elderly")


def load(store: LocalStore) -> dict[str, Any]:
    return {r["name"]: json.loads(r["value"])
            for r in store.read("SELECT name, value FROM hall_defaults") if r["name"] in NAMES}


def applied(settings: Settings, store: LocalStore) -> Settings:
    """``settings`` with the staff's choices over them (a bad stored value is skipped)."""
    for name, value in load(store).items():
        try:
            settings = settings.with_values(**{name: value})
        except ValueError as exc:
            log.warning("hall default %s ignored: %s", name, exc)
    return settings


def save(store: LocalStore, name: str, value: Any, by: str, now: datetime) -> None:
    if name not in NAMES:
        raise ValueError(f"{name} is not a hall default staff can set")
    Settings.defaults().with_values(**{name: value})  # raises if out of bounds
    with store.write() as db:
        db.execute(
            "INSERT INTO hall_defaults (name, value, changed_at, changed_by) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (name) DO UPDATE SET value = excluded.value,"
            " changed_at = excluded.changed_at, changed_by = excluded.changed_by",
            (name, json.dumps(value), utc_iso(now), by),
        )
