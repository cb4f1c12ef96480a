"""The app factory: ``create_app(database_url, clock=, dev_token=, seed=, secret=)``.

Everything the handlers need (database, clock, reference data, secret) hangs off the
app it returns; nothing is global, so tests can run several apps side by side.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from central import VERSION, openapi, problems, reference
from central.auth import ensure_dev_device
from central.clock import Clock, checked, system_clock
from central.context import Context
from central.db import Database
from central.routes import (
    bookings,
    credentials,
    devices,
    reference_data,
    slots,
    staff,
    submissions,
)
from central.seed import apply_seed, shared_secret
from central.strict_json import StrictJson

DEFAULT_DATABASE_URL = "sqlite:///central.db"


def create_app(
    database_url: str = DEFAULT_DATABASE_URL,
    *,
    clock: Clock | None = None,
    dev_token: str | None = None,
    seed: str | Path | None = None,
    secret: str | None = None,
) -> FastAPI:
    """A ready app: schema created, ``seed`` ("demo" or a directory) applied.

    ``clock`` answers an aware UTC datetime (default: real time); every time rule uses it.
    ``dev_token`` acts as the enrolled device "dev". ``secret`` keys the HMAC of ID
    numbers; without one, the secret shared by all servers on the database is used.
    """
    now = checked(clock or system_clock)
    db = Database.connect(database_url)
    try:
        db.create_schema()
        if seed is not None:
            apply_seed(db, seed, now())
        if dev_token:
            ensure_dev_device(db, dev_token, now())
        hmac_secret = shared_secret(db, secret)
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
    openapi.install(app)
    return app
