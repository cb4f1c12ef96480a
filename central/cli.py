"""kiosk-central: serve the reference central API, migrate its database, make enrolment codes, staff accounts, OpenAPI.

Settings come from the environment (KIOSK_CENTRAL_*), secret files (KIOSK_CENTRAL_*_FILE)
and an optional TOML file (--config or KIOSK_CENTRAL_CONFIG): docs/operations.md. ``--db``
works on every command for development; in production the database URL comes from
KIOSK_CENTRAL_DATABASE_URL or KIOSK_CENTRAL_DATABASE_URL_FILE (never the command line).

    kiosk-central serve [--config FILE] [--check-config] [--migrate] [--db URL] [--host H]
                        [--port P] [--seed demo] [--workers N] [--dev-token T [--dev-hall CODE]]
                        [--secret-file PATH]   (or KIOSK_CENTRAL_SECRET; docs/api.md, Secrets)
                        [--bookings-per-hour N] [--lookups-per-minute N] [--tickets-per-hour N]
                        [--help-requests-per-hour N] [--help-raise-after SECONDS]
    kiosk-central migrate [--check] [--config FILE] [--db URL]   (to this release's schema)
    kiosk-central check-config [--config FILE]   (the effective settings, secrets hidden)
    kiosk-central devices [--json] [--silent-after SECONDS]   (fleet health)
    kiosk-central enrolment-code --hall CODE [--role kiosk|window|display] [--expires 24h]
                                 (one-time; the device's role: docs/queue.md)
    kiosk-central device list
    kiosk-central device revoke --device ID
    kiosk-central operator add --name NAME [--hall CODE]   (prints the token once)
    kiosk-central operator list
    kiosk-central operator revoke --operator ID
    kiosk-central staff add --number N --name NAME --role assistant|administrator
                            --hall CODE [--pin-stdin]
    kiosk-central staff list
    kiosk-central staff move --number N --hall CODE
    kiosk-central staff deactivate --number N
    kiosk-central staff set-pin --number N [--pin-stdin]
    kiosk-central purge      (what is past its retention: docs/api.md, Retention)
    kiosk-central reference load FILE   (check, then publish a new reference data version)
    kiosk-central reference show        (the version served; calendars' valid_until)
    kiosk-central ratings list|export|cases|case ID --state S|due-days   (好差评: docs/queue.md)
    kiosk-central openapi            (also: python -m central openapi)
    kiosk-central mint --type eid|driving|business|social-security [--expired|--revoked|--abnormal] --out FILE.png
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from central import admin_cli, ratings_cli, reference_cli

if TYPE_CHECKING:
    from central.db import Database


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk-central", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser(
        "serve", help="serve the API with uvicorn (settings: docs/operations.md)",
        description="Every option is also a setting from the environment (KIOSK_CENTRAL_PORT…) "
                    "or the --config file; secrets (database URL with a password, server "
                    "secret) only from the environment or files (KIOSK_CENTRAL_DATABASE_URL, "
                    "KIOSK_CENTRAL_SECRET_FILE). Defaults: see check-config.")
    serve.add_argument("--db", dest="database_url", default=None, metavar="URL",
                       help="SQLAlchemy URL (sqlite:///… or postgresql+psycopg://…), for "
                            "development: in production set KIOSK_CENTRAL_DATABASE_URL or "
                            "KIOSK_CENTRAL_DATABASE_URL_FILE (a command line is seen in ps)")
    serve.add_argument("--config", default=None, metavar="FILE",
                       help="a TOML file of settings (else $KIOSK_CENTRAL_CONFIG)")
    serve.add_argument("--check-config", action="store_true",
                       help="print the effective settings (secrets hidden) and exit")
    serve.add_argument("--migrate", action="store_true",
                       help="migrate the database schema first (one instance; else run "
                            "kiosk-central migrate before starting the instances)")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    serve.add_argument("--seed", default=None, help='"demo" or a directory with catalogue.json, hall_calendars.json, issuers.json')
    serve.add_argument("--dev-token", default=None, help="a bearer token that acts as the enrolled device 'dev'")
    serve.add_argument("--dev-hall", default=None, metavar="CODE",
                       help="the hall the dev token acts in (default: the demo hall, city_centre)")
    for flag, default, what in (("--bookings-per-hour", 60, "holds, bookings and cancellations"),
                                ("--lookups-per-minute", 30, "booking reads and look-ups, "
                                                             "e-certificate verifications"),
                                ("--tickets-per-hour", 300, "walk-in queue numbers"),
                                ("--help-requests-per-hour", 60, "calls for staff")):
        serve.add_argument(flag, type=_quota, default=None, metavar="N",
                           help=f"per device: {what} (default {default}; 0: no limit)")
    serve.add_argument("--help-raise-after", type=_raise_after, default=None, metavar="SECONDS",
                       help="a call for staff nobody acknowledged is raised again after this, "
                            "and again after every further period (default 90; 10 to 3600)")
    serve.add_argument("--workers", type=int, default=None, help="server processes (share the database)")
    serve.add_argument("--secret-file", default=None, metavar="PATH",
                       help="the server secret (HMAC key of ID numbers), in a file only this user "
                            "can read (mode 600); else $KIOSK_CENTRAL_SECRET. Required unless "
                            "--seed demo on a loopback host")

    migrate = commands.add_parser(
        "migrate", help="bring the database schema to this release's revision (idempotent)")
    migrate.add_argument("--db", default=None, metavar="URL",
                         help="for development; else KIOSK_CENTRAL_DATABASE_URL(_FILE) or the "
                              "--config file")
    migrate.add_argument("--config", default=None, metavar="FILE")
    migrate.add_argument("--check", action="store_true",
                         help="change nothing: exit 0 when current, 3 when behind")

    check = commands.add_parser("check-config",
                                help="print the effective serve settings, secrets hidden")
    check.add_argument("--config", default=None, metavar="FILE")

    code = commands.add_parser("enrolment-code", help="print a new one-time enrolment code")
    code.add_argument("--db", default=None, help=admin_cli.DB_HELP)
    code.add_argument("--hall", required=True)
    code.add_argument("--role", default="kiosk", choices=["kiosk", "window", "display"],
                      help="what the device that enrols with it is: a resident's kiosk "
                           "(default), a window terminal (calls tickets) or a hall display "
                           "(shows the calls)")
    code.add_argument("--expires", default="24h", type=_lifetime, metavar="DURATION",
                      help="how long the code stays valid: 30m, 2h, 7d (default 24h, at most 30d)")

    admin_cli.add_parsers(commands)
    reference_cli.add_parser(commands)
    ratings_cli.add_parser(commands)

    purge = commands.add_parser(
        "purge", help="delete what is past its retention: idempotency records (7 days), "
                      "expired holds, help requests (30 days after they ended), bookings and "
                      "tickets (90 days after their day), submissions and audit events "
                      "(180 days); safe while serving, the server also does it itself "
                      "(docs/operations.md, Retention)")
    purge.add_argument("--db", default=None, help=admin_cli.DB_HELP)
    purge.add_argument("--now", default=None, help=argparse.SUPPRESS)  # tests: a UTC time

    commands.add_parser("openapi", help="print the OpenAPI document (JSON)")

    mint = commands.add_parser("mint", help="a sample e-certificate QR code, signed by a demo issuer")
    mint.add_argument("--type", required=True, choices=["eid", "driving", "business", "social-security"])
    state = mint.add_mutually_exclusive_group()
    state.add_argument("--expired", action="store_true", help="a code that has already expired")
    state.add_argument("--revoked", action="store_true", help="a revoked certificate")
    state.add_argument("--abnormal", action="store_true", help="status abnormal (e.g. a driving licence)")
    mint.add_argument("--out", required=True, help="the PNG file to write")
    mint.add_argument("--opaque-db", metavar="URL",
                      help="an opaque token stored in this server database (verified online)")
    return parser


def _quota(text: str) -> int:
    if not text.isdigit() or int(text) > 10**6:
        raise argparse.ArgumentTypeError(f"not a count from 0 to 1000000: {text!r}")
    return int(text)


def _raise_after(text: str) -> int:
    if not text.isdigit() or not 10 <= int(text) <= 3600:
        raise argparse.ArgumentTypeError(f"not a number of seconds from 10 to 3600: {text!r}")
    return int(text)


def _lifetime(text: str) -> timedelta:
    """``30m``, ``2h``, ``7d`` (or seconds): more than 0, at most 30 days."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    number, unit = (text[:-1], text[-1]) if text[-1:] in units else (text, "s")
    if not number.isdigit() or not 0 < int(number) * units[unit] <= 30 * 86400:
        raise argparse.ArgumentTypeError(f"not a duration from 1s to 30d: {text!r}")
    return timedelta(seconds=int(number) * units[unit])


_SERVE_SETTINGS = ("database_url", "host", "port", "seed", "dev_token", "dev_hall",
                   "bookings_per_hour", "lookups_per_minute", "tickets_per_hour",
                   "help_requests_per_hour", "help_raise_after", "workers", "secret_file")


def _serve(args: argparse.Namespace) -> int:
    from central.server import serve

    given = {name: getattr(args, name) for name in _SERVE_SETTINGS}
    if args.check_config:
        return _check_config(given, args.config)
    return serve(given, config_file=args.config, migrate=args.migrate)


def _check_config(given: dict[str, object], config_file: str | None) -> int:
    from central.settings import ConfigError, describe, load_settings

    try:
        settings = load_settings(given, config_file=config_file)
    except ConfigError as exc:
        print(f"kiosk-central: {exc}", file=sys.stderr)
        return 2
    rows = describe(settings)
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    for line in _calendar_check(settings):
        print(line)
    return 0


def _sqlite_file_exists(url: str) -> bool:
    from pathlib import Path

    from sqlalchemy.engine import make_url

    database = make_url(url).database
    return bool(database) and database != ":memory:" and Path(str(database)).is_file()


def _calendar_check(settings: object) -> list[str]:
    """The hall calendars' ``valid_until`` in the database the settings name, a line a
    hall (WARNING when it runs out within ``calendar_warn_days``); nothing when the
    database cannot be read (check-config checks settings, not the database)."""
    from sqlalchemy.exc import SQLAlchemyError

    from central import schema
    from central.clock import system_clock
    from central.db import Database, DatabaseUrlError
    from central.reference_cli import calendar_lines
    from central.settings import Settings

    assert isinstance(settings, Settings)
    url = settings.database_url.get_secret_value()
    if url.startswith("sqlite") and not _sqlite_file_exists(url):
        return []  # connecting would make an empty database file
    try:
        db = Database.connect(url)
    except DatabaseUrlError:
        return []
    try:
        if not schema.state(db).up_to_date:
            return []
        return calendar_lines(db, system_clock(), settings.calendar_warn_days)
    except SQLAlchemyError:
        return []
    finally:
        db.dispose()


def _migrate(args: argparse.Namespace) -> int:
    from central import schema

    db = admin_cli.open_database(args.db, args.config)
    if db is None:
        return 2
    try:
        before = schema.state(db)
        if args.check or before.up_to_date or not before.known:
            print(before.describe())
            return 0 if before.up_to_date else 3 if before.known else 2
        schema.upgrade(db)
    finally:
        db.dispose()
    where = ("an empty database" if before.empty else "a database made before migrations"
             if before.current is None else f"revision {before.current}")
    print(f"migrated the database schema from {where} to revision {before.head}")
    return 0


def _enrolment_code(args: argparse.Namespace) -> int:
    from central.app import create_app
    from central.auth import new_enrolment_code
    from central.schema import SchemaNotCurrent

    url = admin_cli.database_url(args.db)
    if url is None:
        return 2
    try:
        app = create_app(url, migrate=False)
    except SchemaNotCurrent as exc:
        print(f"kiosk-central: {exc}", file=sys.stderr)
        return 2
    ctx = app.state.context
    if ctx.reference.calendar(args.hall) is None:
        print(f"kiosk-central: there is no hall {args.hall!r} in this database", file=sys.stderr)
        return 2
    now = ctx.now()
    print(new_enrolment_code(ctx.db, args.hall, now, args.expires, args.role))
    print(f"a one-time code for a {args.role} device of hall {args.hall}, valid until "
          f"{(now + args.expires).replace(microsecond=0).isoformat()}", file=sys.stderr)
    ctx.db.dispose()
    return 0


def _purge(args: argparse.Namespace) -> int:
    from datetime import datetime

    from central.clock import system_clock
    from central.retention import purge

    def run(db: Database) -> int:
        now = datetime.fromisoformat(args.now) if args.now else system_clock()
        print(f"purged {purge(db, now).summary()}")
        return 0

    return admin_cli.on_database(args.db, run)


def openapi_json() -> str:
    from central.app import create_app

    app = create_app("sqlite://")
    return json.dumps(app.openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "serve":
        return _serve(args)
    if args.command == "enrolment-code":
        return _enrolment_code(args)
    if args.command == "migrate":
        return _migrate(args)
    if args.command == "check-config":
        return _check_config({}, args.config)
    done = admin_cli.run(args)
    if done is not None:
        return done
    if args.command == "purge":
        return _purge(args)
    if args.command == "reference":
        return reference_cli.run(args)
    if args.command == "ratings":
        return ratings_cli.run(args)
    if args.command == "mint":
        from pathlib import Path

        from central.mint import mint, write_png

        if args.opaque_db:
            from central.mint import mint_opaque

            text = mint_opaque(args.opaque_db, args.type, revoked=args.revoked)
        else:
            text = mint(args.type, expired=args.expired, revoked=args.revoked,
                        abnormal=args.abnormal)
        write_png(text, Path(args.out))
        print(text)
        return 0
    sys.stdout.write(openapi_json())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
