"""Fleet health: each enrolled device as its last heartbeat left it (``POST
/v1/devices/me/heartbeat``: kiosks send one a minute) — when it was last heard from,
its app version, how many items wait in its outbox and since when the oldest, and how
many it gave up on (they need staff). A device not heard from for ``silent_after`` is
**silent**: switched off, off the network, or its app stuck.

Read by ``kiosk-central devices`` (a table, or ``--json``) and by the metrics
(``central_fleet_*``, ``central.metrics``). Revoked devices are left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import select

from central.clock import Clock, wire
from central.db import Database
from central.models import Device

#: a kiosk heartbeats every minute: five missed in a row is more than a blip
SILENT_AFTER = timedelta(minutes=5)


@dataclass(frozen=True)
class DeviceHealth:
    device_id: str
    hall: str | None
    label: str
    last_seen_at: datetime | None
    app_version: str | None
    outbox_pending: int | None
    outbox_dead: int | None
    oldest_pending_since: datetime | None
    silent: bool

    def seen_ago(self, now: datetime) -> timedelta | None:
        return None if self.last_seen_at is None else max(now - self.last_seen_at, timedelta())

    def oldest_waiting(self, now: datetime) -> timedelta | None:
        """How long its oldest pending item has waited, as of now."""
        if self.oldest_pending_since is None:
            return None
        return max(now - self.oldest_pending_since, timedelta())

    def as_json(self, now: datetime) -> dict[str, Any]:
        seen, waiting = self.seen_ago(now), self.oldest_waiting(now)
        return {
            "device_id": self.device_id, "hall": self.hall, "label": self.label,
            "last_heartbeat_at": wire(self.last_seen_at) if self.last_seen_at else None,
            "last_heartbeat_age_s": None if seen is None else int(seen.total_seconds()),
            "app_version": self.app_version, "outbox_pending": self.outbox_pending,
            "oldest_waiting_s": None if waiting is None else int(waiting.total_seconds()),
            "needs_staff": self.outbox_dead, "silent": self.silent,
        }


def fleet(db: Database, now: datetime, silent_after: timedelta = SILENT_AFTER) -> list[DeviceHealth]:
    """Every device not revoked, silent ones first, then by hall and label."""
    with db.reading() as session:
        devices = session.scalars(select(Device).where(Device.revoked_at.is_(None))).all()
    found = [DeviceHealth(
        d.device_id, d.hall_code, d.label, d.last_seen_at, d.app_version, d.outbox_pending,
        d.outbox_dead, d.oldest_pending_since,
        silent=d.last_seen_at is None or now - d.last_seen_at > silent_after)
        for d in devices]
    return sorted(found, key=lambda h: (not h.silent, h.hall or "", h.label, h.device_id))


class FleetCollector(Collector):
    """``central_fleet_*`` gauges, read from the database at each scrape (one query)."""

    def __init__(self, db: Database, clock: Clock, silent_after: timedelta) -> None:
        self._db, self._clock, self._silent_after = db, clock, silent_after

    def collect(self) -> Iterator[Metric]:
        now = self._clock()
        devices = fleet(self._db, now, self._silent_after)
        labels = ["device", "hall"]
        families = {
            "silent": GaugeMetricFamily("central_fleet_silent", "1: no heartbeat for "
                                        "silent_after (or never)", labels=labels),
            "age": GaugeMetricFamily("central_fleet_last_heartbeat_age_seconds",
                                     "seconds since the last heartbeat", labels=labels),
            "pending": GaugeMetricFamily("central_fleet_outbox_pending",
                                         "items waiting in the kiosk's outbox", labels=labels),
            "waiting": GaugeMetricFamily("central_fleet_oldest_waiting_seconds",
                                         "age of the oldest waiting item (0: none)",
                                         labels=labels),
            "dead": GaugeMetricFamily("central_fleet_needs_staff",
                                      "items the kiosk gave up sending: staff must look",
                                      labels=labels),
        }
        for d in devices:
            key = [d.device_id, d.hall or ""]
            families["silent"].add_metric(key, 1.0 if d.silent else 0.0)
            seen, waiting = d.seen_ago(now), d.oldest_waiting(now)
            if seen is not None:
                families["age"].add_metric(key, seen.total_seconds())
            if d.outbox_pending is not None:
                families["pending"].add_metric(key, d.outbox_pending)
                families["waiting"].add_metric(key, waiting.total_seconds() if waiting else 0.0)
            if d.outbox_dead is not None:
                families["dead"].add_metric(key, d.outbox_dead)
        yield GaugeMetricFamily("central_fleet_devices", "devices enrolled and not revoked",
                                value=len(devices))
        yield from families.values()
