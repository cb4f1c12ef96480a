"""``kiosk-central serve``: settings, secret and schema checked, then uvicorn.

In order, each refusal said on stderr with exit status 2 and nothing served:

1. the settings (``central.settings``: command line, environment, secret files, TOML);
2. the server secret (``central.secret``);
3. the schema: a database not at head is refused with the command to run
   (``kiosk-central migrate``), unless ``--migrate`` or a development run (the demo on
   loopback, as ``kiosk --demo`` starts it), which migrate first;
4. metrics on a listener of their own need one process (``workers = 1``): several
   processes would each count apart behind one port.

With ``workers`` > 1 each worker process makes its app from the environment
(``app_for_workers``): the settings are handed over as ``KIOSK_CENTRAL_*`` variables of
this process, which its workers inherit; secrets stay where they were given.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from central.settings import ENV_PREFIX, ConfigError, Settings, load_settings

if TYPE_CHECKING:
    from fastapi import FastAPI

    from central.context import Quotas

#: seconds an idle keep-alive connection stays open (request bodies: central.limits)
KEEP_ALIVE_S = 5
#: set for the workers of a development run: they may use the development secret
DEV_RUN_ENV = ENV_PREFIX + "DEV_RUN"


def quotas(settings: Settings) -> Quotas:
    from central.context import Quotas

    return Quotas(settings.bookings_per_hour or None, settings.lookups_per_minute or None,
                  settings.tickets_per_hour or None, settings.help_requests_per_hour or None)


def _secret(settings: Settings, development: bool) -> str:
    from central.secret import SECRET_ENV, load_secret

    given = settings.secret.get_secret_value() if settings.secret else ""
    return load_secret(settings.secret_file, {SECRET_ENV: given}, development=development)


def _app(settings: Settings, secret: str, *, seed: bool) -> FastAPI:
    from central.app import create_app
    from central.calling import QueueRules

    metrics = (settings.metrics_host, settings.metrics_port) if settings.metrics else None
    return create_app(
        settings.database_url.get_secret_value(),
        seed=settings.seed if seed else None,
        dev_token=settings.dev_token.get_secret_value() if settings.dev_token else None,
        dev_hall=settings.dev_hall, secret=secret, quotas=quotas(settings),
        help_raise_after=timedelta(seconds=settings.help_raise_after), migrate=False,
        metrics_address=metrics, silent_after=timedelta(seconds=settings.silent_after),
        reference_check_every=settings.reference_check_every,
        calendar_warn_days=settings.calendar_warn_days,
        queue_rules=QueueRules(no_show_after_recalls=settings.no_show_after_recalls),
        case_due_working_days=settings.rating_case_due_days)


def serve(given: Mapping[str, Any], *, config_file: str | None, migrate: bool) -> int:
    import uvicorn

    from central import schema
    from central.db import Database, DatabaseUrlError
    from central.log_format import logging_config
    from central.secret import SecretError, development_run

    try:
        settings = load_settings(given, config_file=config_file)
        development = development_run(settings.seed, settings.host)
        secret = _secret(settings, development)
        if settings.metrics and settings.workers > 1:
            raise ConfigError("metrics need workers = 1: run one process per instance (several "
                              "instances behind the proxy), each with its own metrics port")
        if settings.metrics and settings.metrics_port == settings.port:
            raise ConfigError("metrics_port must differ from port: metrics stay off the API")
        db = Database.connect(settings.database_url.get_secret_value())
    except (ConfigError, SecretError, DatabaseUrlError) as exc:
        print(f"kiosk-central: {exc}", file=sys.stderr)
        return 2
    try:
        found = schema.state(db)
        if not found.up_to_date:
            if not (migrate or development) or not found.known:
                print(f"kiosk-central: {found.describe()}", file=sys.stderr)
                return 2
            schema.upgrade(db)
            print(f"kiosk-central: migrated the database schema to revision {found.head}",
                  file=sys.stderr)
    finally:
        db.dispose()
    log_config = logging_config(settings.log_format, settings.log_level)  # uvicorn applies it
    options: dict[str, Any] = {"host": settings.host, "port": settings.port,
                               "timeout_keep_alive": KEEP_ALIVE_S, "log_config": log_config,
                               "access_log": False}
    if settings.workers > 1:
        _app(settings, secret, seed=True)  # seed once here, then every worker makes its app
        _hand_over(given, config_file, development)
        uvicorn.run("central.server:app_for_workers", factory=True, workers=settings.workers,
                    **options)
    else:
        uvicorn.run(_app(settings, secret, seed=True), **options)
    return 0


def _hand_over(given: Mapping[str, Any], config_file: str | None, development: bool) -> None:
    """The command line's settings as environment variables the workers inherit."""
    for name, value in given.items():
        if value is not None:
            os.environ[ENV_PREFIX + name.upper()] = str(value)
    if config_file:
        os.environ[ENV_PREFIX + "CONFIG"] = os.path.abspath(config_file)
    if given.get("secret_file"):
        os.environ[ENV_PREFIX + "SECRET_FILE"] = os.path.abspath(str(given["secret_file"]))
    os.environ[DEV_RUN_ENV] = "1" if development else ""


def app_for_workers() -> FastAPI:
    """The app of one ``serve --workers N`` worker (uvicorn needs an import string)."""
    settings = load_settings()
    secret = _secret(settings, development=os.environ.get(DEV_RUN_ENV) == "1")
    return _app(settings, secret, seed=False)
