"""The app factory: ``create_app(database_url, clock=, dev_token=, dev_hall=, seed=, secret=,
quotas=, help_raise_after=)``.

Everything the handlers need (database, clock, reference data, secret) hangs off the
app it returns; nothing is global, so tests can run several apps side by side.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

from fastapi import FastAPI
from prometheus_client import start_http_server

from central import VERSION, calendars, openapi, problems, schema
from central.auth import settle_dev_device, token_digest
from central.calendars import CalendarWatch
from central.calling import QueueRules
from central.clock import Clock, checked, system_clock
from central.context import HELP_RAISE_AFTER, Context, Quotas
from central.db import Database
from central.fleet import SILENT_AFTER, FleetCollector
from central.limits import BODY_TIMEOUT_S, BodyLimits
from central.metrics import Metrics, PoolCollector
from central.ratings import CASE_DUE_WORKING_DAYS
from central.reference_store import CHECK_EVERY_S
from central.request_log import RequestLog
from central.routes import (
    bookings,
    credentials,
    devices,
    help_requests,
    operators,
    queue,
    reference_data,
    slots,
    staff,
    submissions,
)
from central.secret import drop_stored_secret
from central.seed import DEMO_HALL, apply_seed
from central.strict_json import StrictJson

DEFAULT_DATABASE_URL = "sqlite:///central.db"


def create_app(
    database_url: str = DEFAULT_DATABASE_URL,
    *,
    clock: Clock | None = None,
    dev_token: str | None = None,
    dev_hall: str | None = None,
    seed: str | Path | None = None,
    secret: str | None = None,
    body_timeout: float = BODY_TIMEOUT_S,
    quotas: Quotas | None = None,
    help_raise_after: timedelta | None = None,
    queue_rules: QueueRules | None = None,
    case_due_working_days: int = CASE_DUE_WORKING_DAYS,
    migrate: bool = True,
    metrics_address: tuple[str, int] | None = None,
    silent_after: timedelta = SILENT_AFTER,
    reference_check_every: float = CHECK_EVERY_S,
    calendar_warn_days: int = calendars.WARN_DAYS,
) -> FastAPI:
    """A ready app: schema migrated to head, ``seed`` ("demo" or a directory) applied.

    ``migrate``: False for a production start (``serve``), which never changes the schema
    by itself: the database must already be at head (``central.schema.SchemaNotCurrent``
    otherwise, naming the command to run).

    ``clock`` answers an aware UTC datetime (default: real time); every time rule uses it.
    ``body_timeout``: seconds a request body may take to arrive (``central.limits``).
    ``dev_token`` acts as the device "dev" in this app only (never stored), in the hall
    ``dev_hall`` (default: the demo hall).
    ``quotas``: the per-device limits (``central.quotas``; default ``Quotas()``).
    ``help_raise_after``: a help request nobody acknowledged is raised again after this
    (``central.help_requests``; default 90 s).
    ``metrics_address``: (host, port) of a listener of its own that serves the app's
    Prometheus metrics (``central.metrics``) while the app runs; None: none (the default).
    ``queue_rules``: the windows' calling rules (``central.calling``; default
    ``QueueRules()``: a no-show after 3 recalls). ``case_due_working_days``: a bad rating's
    follow-up case is due this many working days on, where the hall set none
    (``central.ratings``).
    ``silent_after``: a device without a heartbeat for this long counts as silent
    (``central.fleet``, in the metrics).
    ``reference_check_every``: seconds between two looks for a newer reference data
    version (``central.reference_store``): the bound on serving a new one after it is
    published. ``calendar_warn_days``: warn this long before a hall's calendar runs out
    (``central.calendars``).
    ``secret`` keys the HMAC of ID numbers (from outside the database: ``central.secret``);
    a key an older server kept in the database is then removed. Without one (``enrolment-code``, ``openapi``, ``mint``),
    a random key for this app alone, never stored: nothing it books is found after a restart.
    """
    now = checked(clock or system_clock)
    db = Database.connect(database_url)
    head = schema.head()
    try:
        if migrate:
            schema.upgrade(db)
        else:
            schema.require_current(db)
        if seed is not None:
            apply_seed(db, seed, now())
        dev_hall = (dev_hall or DEMO_HALL) if dev_token else None
        settle_dev_device(db, now(), dev_hall=dev_hall)  # the token is never stored
        hmac_secret = secret.encode() if secret else secrets.token_bytes(32)
        if secret:
            drop_stored_secret(db, hmac_secret)
    finally:
        db.dispose()  # connections are opened again on demand, in the serving process

    metrics = Metrics()
    metrics.add_collector(PoolCollector(db))
    metrics.add_collector(FleetCollector(db, now, silent_after))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        listener = None
        if metrics_address is not None:
            host, port = metrics_address
            listener, _thread = start_http_server(port, host, registry=metrics.registry)
        # said in the log at start; no reference data yet (the database unreachable): said
        # by the store
        with contextlib.suppress(problems.Problem):
            _app.state.calendar_watch.warnings()
        try:
            yield
        finally:
            if listener is not None:
                listener.shutdown()
                listener.server_close()
            db.dispose()

    app = FastAPI(
        title="Service Hall Kiosk central API",
        version=VERSION,
        lifespan=lifespan,
        docs_url="/v1/docs",
        redoc_url=None,
        openapi_url="/v1/openapi.json",
    )
    app.state.context = Context(db=db, clock=now, secret=hmac_secret,
                                quotas=quotas or Quotas(),
                                help_raise_after=help_raise_after or HELP_RAISE_AFTER,
                                queue_rules=queue_rules or QueueRules(),
                                case_due_working_days=case_due_working_days,
                                schema_revision=head,
                                reference_check_every=reference_check_every)
    calendar_watch = CalendarWatch(app.state.context, calendar_warn_days)
    metrics.add_collector(calendar_watch.collector())
    app.state.calendar_watch = calendar_watch
    for router in (devices.router, reference_data.router, slots.router, bookings.router,
                   submissions.router, credentials.router, staff.router, help_requests.router,
                   operators.router, queue.router):
        app.include_router(router, prefix="/v1")
    problems.install(app)
    app.add_middleware(StrictJson)
    app.add_middleware(BodyLimits, timeout=body_timeout)  # outside StrictJson: before any read
    app.add_middleware(RequestLog, metrics=metrics)  # outermost: times and ids every answer
    app.state.metrics = metrics
    app.state.body_timeout = body_timeout
    app.state.dev_token_sha256 = token_digest(dev_token) if dev_token else None  # this process only
    app.state.dev_hall = dev_hall
    openapi.install(app)
    return app
