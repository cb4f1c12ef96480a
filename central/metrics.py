"""Prometheus metrics of one app: a registry of its own (never the library's global one),
so several apps in one process (the tests) count apart.

- ``central_http_requests_total`` and ``central_http_request_duration_seconds``: by
  method, route template (``/v1/bookings/{booking_id}``, never the ID itself) and status;
- ``central_idempotent_replays_total``: stored answers replayed, by route;
- ``central_holds_total`` and ``central_bookings_total``: by outcome (``created``,
  ``conflict``: the place or the person's day was taken, ``refused``: any other 4xx;
  ``cancelled`` for bookings); replays are not counted again;
- ``central_db_pool_*``: the connection pool (size, checked out, overflow);
- ``central_fleet_*``: the kiosks' health from their heartbeats (``central.fleet``).

They are served by ``serve`` on a listener of their own (``metrics_host``,
``metrics_port``, off by default: docs/operations.md, Monitoring), never on the API's port.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy.pool import QueuePool

from central.db import Database

#: request latency buckets, seconds: a booking is a few ms; a slow disk or lock, seconds
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
UNMATCHED = "(unmatched)"


class PoolCollector(Collector):
    """The database pool's state, read at each scrape."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def collect(self) -> Iterator[Metric]:
        pool = self._db.engine.pool
        if not isinstance(pool, QueuePool):
            return  # an in-memory SQLite database: one shared connection, nothing to see
        for name, what, value in (
                ("size", "connections the pool keeps", pool.size()),
                ("checked_out", "connections in use now", pool.checkedout()),
                ("checked_in", "idle connections in the pool", pool.checkedin()),
                ("overflow", "connections beyond the pool size now", max(pool.overflow(), 0))):
            yield GaugeMetricFamily(f"central_db_pool_{name}", what, value=value)


@dataclass
class Metrics:
    """The app's metrics; ``observe`` is called once per request (``central.request_log``)."""

    registry: CollectorRegistry = field(default_factory=CollectorRegistry)

    def __post_init__(self) -> None:
        r = self.registry
        self.requests = Counter("central_http_requests", "HTTP requests answered",
                                ["method", "route", "status"], registry=r)
        self.latency = Histogram("central_http_request_duration_seconds",
                                 "time from the request's start to its answer's start",
                                 ["method", "route", "status"], buckets=LATENCY_BUCKETS,
                                 registry=r)
        self.replays = Counter("central_idempotent_replays",
                               "stored answers replayed for a repeated Idempotency-Key",
                               ["route"], registry=r)
        self.holds = Counter("central_holds", "holds asked for, by outcome", ["outcome"],
                             registry=r)
        self.bookings = Counter("central_bookings", "bookings and cancellations, by outcome",
                                ["outcome"], registry=r)

    def add_collector(self, collector: Collector) -> None:
        self.registry.register(collector)

    def observe(self, method: str, route: str, status: int, seconds: float,
                replayed: bool) -> None:
        labels = (method, route, str(status))
        self.requests.labels(*labels).inc()
        self.latency.labels(*labels).observe(seconds)
        if replayed:
            self.replays.labels(route).inc()
            return
        if method != "POST":
            return
        if route == "/v1/holds":
            self.holds.labels(_outcome(status)).inc()
        elif route == "/v1/bookings":
            self.bookings.labels(_outcome(status)).inc()
        elif route == "/v1/bookings/{booking_id}/cancel" and status == 200:
            self.bookings.labels("cancelled").inc()

    def exposition(self) -> bytes:
        """The text format Prometheus scrapes."""
        return generate_latest(self.registry)


def _outcome(status: int) -> str:
    if status < 300:
        return "created"
    if status == 409:
        return "conflict"
    return "refused" if status < 500 else "failed"
