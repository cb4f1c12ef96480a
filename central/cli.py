"""kiosk-central: serve the reference central API, make enrolment codes, staff accounts, OpenAPI.

    kiosk-central serve [--db URL] [--host H] [--port P] [--seed demo] [--workers N]
                        [--dev-token T [--dev-hall CODE]]
                        [--secret-file PATH]   (or KIOSK_CENTRAL_SECRET; docs/api.md, Secrets)
                        [--bookings-per-hour N] [--lookups-per-minute N] [--tickets-per-hour N]
                        [--help-requests-per-hour N] [--help-raise-after SECONDS]
    kiosk-central enrolment-code --db URL --hall CODE [--expires 24h]   (one-time)
    kiosk-central device list --db URL
    kiosk-central device revoke --db URL --device ID
    kiosk-central operator add --db URL --name NAME [--hall CODE]   (prints the token once)
    kiosk-central operator list --db URL
    kiosk-central operator revoke --db URL --operator ID
    kiosk-central staff add --db URL --number N --name NAME --role assistant|administrator
                            --hall CODE [--pin-stdin]
    kiosk-central staff list --db URL
    kiosk-central staff move --db URL --number N --hall CODE
    kiosk-central staff deactivate --db URL --number N
    kiosk-central staff set-pin --db URL --number N [--pin-stdin]
    kiosk-central purge --db URL     (idempotency records after 7 days, expired holds,
                                      ended help requests after 30 days)
    kiosk-central openapi            (also: python -m central openapi)
    kiosk-central mint --type eid|driving|business|social-security [--expired|--revoked|--abnormal] --out FILE.png
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from central import admin_cli
from central.app import DEFAULT_DATABASE_URL

if TYPE_CHECKING:
    from fastapi import FastAPI

    from central.context import Quotas

_ENV_PREFIX = "KIOSK_CENTRAL_"
#: seconds an idle keep-alive connection stays open (request bodies: central.limits)
KEEP_ALIVE_S = 5
_DEV_SECRET_ENV = _ENV_PREFIX + "DEV_SECRET"  # serve --workers: the workers may use DEV_SECRET


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk-central", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the API with uvicorn")
    serve.add_argument("--db", default=DEFAULT_DATABASE_URL, help="SQLAlchemy URL (sqlite:///… or postgresql+psycopg://…)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--seed", default=None, help='"demo" or a directory with catalogue.json, hall_calendars.json, issuers.json')
    serve.add_argument("--dev-token", default=None, help="a bearer token that acts as the enrolled device 'dev'")
    serve.add_argument("--dev-hall", default=None, metavar="CODE",
                       help="the hall the dev token acts in (default: the demo hall, city_centre)")
    for flag, default, what in (("--bookings-per-hour", 60, "holds, bookings and cancellations"),
                                ("--lookups-per-minute", 30, "booking reads and look-ups, "
                                                             "e-certificate verifications"),
                                ("--tickets-per-hour", 300, "walk-in queue numbers"),
                                ("--help-requests-per-hour", 60, "calls for staff")):
        serve.add_argument(flag, type=_quota, default=default, metavar="N",
                           help=f"per device: {what} (default {default}; 0: no limit)")
    serve.add_argument("--help-raise-after", type=_raise_after, default=90, metavar="SECONDS",
                       help="a call for staff nobody acknowledged is raised again after this, "
                            "and again after every further period (default 90; 10 to 3600)")
    serve.add_argument("--workers", type=int, default=1, help="server processes (share the database)")
    serve.add_argument("--secret-file", default=None, metavar="PATH",
                       help="the server secret (HMAC key of ID numbers), in a file only this user "
                            "can read (mode 600); else $KIOSK_CENTRAL_SECRET. Required unless "
                            "--seed demo on a loopback host")

    code = commands.add_parser("enrolment-code", help="print a new one-time enrolment code")
    code.add_argument("--db", required=True)
    code.add_argument("--hall", required=True)
    code.add_argument("--expires", default="24h", type=_lifetime, metavar="DURATION",
                      help="how long the code stays valid: 30m, 2h, 7d (default 24h, at most 30d)")

    admin_cli.add_parsers(commands)

    purge = commands.add_parser(
        "purge", help="delete idempotency records older than 7 days, expired holds and help "
                      "requests ended 30 days ago (the server also does this by itself as it "
                      "runs)")
    purge.add_argument("--db", required=True, help="the server's SQLAlchemy URL")
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


def _quotas(args: argparse.Namespace) -> Quotas:
    from central.context import Quotas

    return Quotas(args.bookings_per_hour or None, args.lookups_per_minute or None,
                  args.tickets_per_hour or None, args.help_requests_per_hour or None)


def _lifetime(text: str) -> timedelta:
    """``30m``, ``2h``, ``7d`` (or seconds): more than 0, at most 30 days."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    number, unit = (text[:-1], text[-1]) if text[-1:] in units else (text, "s")
    if not number.isdigit() or not 0 < int(number) * units[unit] <= 30 * 86400:
        raise argparse.ArgumentTypeError(f"not a duration from 1s to 30d: {text!r}")
    return timedelta(seconds=int(number) * units[unit])


def make_app_from_environment() -> FastAPI:
    """The app for uvicorn's workers (``--workers`` > 1 needs an import string)."""
    from central.app import create_app
    from central.context import Quotas
    from central.secret import SECRET_FILE_ENV, load_secret

    secret = load_secret(os.environ.get(SECRET_FILE_ENV) or None, os.environ,
                         development=os.environ.get(_DEV_SECRET_ENV) == "1")
    return create_app(
        os.environ[_ENV_PREFIX + "DB"],
        seed=os.environ.get(_ENV_PREFIX + "SEED") or None,
        dev_token=os.environ.get(_ENV_PREFIX + "DEV_TOKEN") or None,
        dev_hall=os.environ.get(_ENV_PREFIX + "DEV_HALL") or None,
        secret=secret,
        quotas=Quotas(*(int(n) or None for n in os.environ[_ENV_PREFIX + "QUOTAS"].split(","))),
        help_raise_after=timedelta(
            seconds=int(os.environ.get(_ENV_PREFIX + "HELP_RAISE_AFTER") or 90)),
    )


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from central.app import create_app
    from central.secret import SECRET_FILE_ENV, SecretError, development_run, load_secret

    development = development_run(args.seed, args.host)
    try:
        secret = load_secret(args.secret_file, os.environ, development=development)
    except SecretError as exc:
        print(f"kiosk-central: {exc}", file=sys.stderr)
        return 2
    quotas = _quotas(args)
    if args.workers > 1:
        # seed once here, then every worker makes its app from the environment
        create_app(args.db, seed=args.seed, dev_token=args.dev_token, dev_hall=args.dev_hall,
                   secret=secret)
        os.environ[_ENV_PREFIX + "DB"] = args.db
        os.environ[_ENV_PREFIX + "DEV_TOKEN"] = args.dev_token or ""
        os.environ[_ENV_PREFIX + "DEV_HALL"] = args.dev_hall or ""
        os.environ[_ENV_PREFIX + "QUOTAS"] = ",".join(
            str(n or 0) for n in (args.bookings_per_hour, args.lookups_per_minute,
                                  args.tickets_per_hour, args.help_requests_per_hour))
        os.environ[_ENV_PREFIX + "HELP_RAISE_AFTER"] = str(args.help_raise_after)
        os.environ[SECRET_FILE_ENV] = os.path.abspath(args.secret_file) if args.secret_file else ""
        os.environ[_DEV_SECRET_ENV] = "1" if development else ""
        uvicorn.run("central.cli:make_app_from_environment", factory=True, host=args.host,
                    port=args.port, workers=args.workers, timeout_keep_alive=KEEP_ALIVE_S)
    else:
        app = create_app(args.db, seed=args.seed, dev_token=args.dev_token,
                         dev_hall=args.dev_hall, secret=secret, quotas=quotas,
                         help_raise_after=timedelta(seconds=args.help_raise_after))
        uvicorn.run(app, host=args.host, port=args.port, timeout_keep_alive=KEEP_ALIVE_S)
    return 0


def _enrolment_code(args: argparse.Namespace) -> int:
    from central.app import create_app
    from central.auth import new_enrolment_code

    app = create_app(args.db)
    ctx = app.state.context
    if ctx.reference.calendar(args.hall) is None:
        print(f"kiosk-central: there is no hall {args.hall!r} in {args.db}", file=sys.stderr)
        return 2
    print(new_enrolment_code(ctx.db, args.hall, ctx.now(), args.expires))
    ctx.db.dispose()
    return 0


def _purge(args: argparse.Namespace) -> int:
    from datetime import datetime

    from central.clock import system_clock
    from central.retention import purge

    db = admin_cli.open_database(args.db)
    if db is None:
        return 2
    try:
        db.create_schema()
        now = datetime.fromisoformat(args.now) if args.now else system_clock()
        done = purge(db, now)
    finally:
        db.dispose()
    print(f"purged {done.idempotency_records} idempotency records, "
          f"{done.expired_holds} expired holds and {done.help_requests} help requests")
    return 0


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
    done = admin_cli.run(args)
    if done is not None:
        return done
    if args.command == "purge":
        return _purge(args)
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
