"""The app factory: ``create_app(database_url, clock=, dev_token=, seed=, secret=)``.

Everything the handlers need (database, clock, reference data, secret) hangs off the
app it returns; nothing is global, so tests can run several apps side by side.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from central import VERSION, openapi, problems, reference
from central.auth import settle_dev_device, token_digest
from central.clock import Clock, checked, system_clock
from central.context import Context
from central.db import Database
from central.limits import BODY_TIMEOUT_S, BodyLimits
from central.routes import (
    bookings,
    credentials,
    devices,
    reference_data,
    slots,
    staff,
    submissions,
)
from central.secret import drop_stored_secret
from central.seed import apply_seed
from central.strict_json import StrictJson

DEFAULT_DATABASE_URL = "sqlite:///central.db"


def create_app(
    database_url: str = DEFAULT_DATABASE_URL,
    *,
    clock: Clock | None = None,
    dev_token: str | None = None,
    seed: str | Path | None = None,
    secret: str | None = None,
    body_timeout: float = BODY_TIMEOUT_S,
) -> FastAPI:
    """A ready app: schema created, ``seed`` ("demo" or a directory) applied.

    ``clock`` answers an aware UTC datetime (default: real time); every time rule uses it.
    ``body_timeout``: seconds a request body may take to arrive (``central.limits``).
    ``dev_token`` acts as the device "dev" in this app only (never stored).
    ``secret`` keys the HMAC of ID numbers (from outside the database: ``central.secret``);
    a key an older server kept in the database is then removed. Without one (``enrolment-code``, ``openapi``, ``mint``),
    a random key for this app alone, never stored: nothing it books is found after a restart.
    """
    now = checked(clock or system_clock)
    db = Database.connect(database_url)
    try:
        db.create_schema()
        if seed is not None:
            apply_seed(db, seed, now())
        settle_dev_device(db, now(), dev_token_given=bool(dev_token))  # never stored
        hmac_secret = secret.encode() if secret else secrets.token_bytes(32)
        if secret:
            drop_stored_secret(db, hmac_secret)
        with db.reading() as session:
            ref = reference.load(session)
    finally:
        db.dispose()  # connections are opened again on demand, in the serving process

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        db.dispose()

    app = FastAPI(
        title="Service Hall Kiosk central API",
        version=VERSION,
        lifespan=lifespan,
        docs_url="/v1/docs",
        redoc_url=None,
        openapi_url="/v1/openapi.json",
    )
    app.state.context = Context(db=db, clock=now, reference=ref, secret=hmac_secret)
    for router in (devices.router, reference_data.router, slots.router, bookings.router,
                   submissions.router, credentials.router, staff.router):
        app.include_router(router, prefix="/v1")
    problems.install(app)
    app.add_middleware(StrictJson)
    app.add_middleware(BodyLimits, timeout=body_timeout)  # outside StrictJson: before any read
    app.state.body_timeout = body_timeout
    app.state.dev_token_sha256 = token_digest(dev_token) if dev_token else None  # this process only
    openapi.install(app)
    return app
