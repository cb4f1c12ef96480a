"""kiosk-central: serve the reference central API, make enrolment codes, staff accounts, OpenAPI.

    kiosk-central serve [--db URL] [--host H] [--port P] [--seed demo] [--dev-token T] [--workers N]
                        [--secret-file PATH]   (or KIOSK_CENTRAL_SECRET; docs/api.md, Secrets)
    kiosk-central enrolment-code --db URL --hall CODE [--expires 24h]   (one-time)
    kiosk-central device list --db URL
    kiosk-central device revoke --db URL --device ID
    kiosk-central staff add --db URL --number N --name NAME --role assistant|administrator [--pin-stdin]
    kiosk-central staff list --db URL
    kiosk-central staff deactivate --db URL --number N
    kiosk-central staff set-pin --db URL --number N [--pin-stdin]
    kiosk-central purge --db URL     (idempotency records after 7 days, expired holds)
    kiosk-central openapi            (also: python -m central openapi)
    kiosk-central mint --type eid|driving|business|social-security [--expired|--revoked|--abnormal] --out FILE.png
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from central.app import DEFAULT_DATABASE_URL

if TYPE_CHECKING:
    from fastapi import FastAPI

    from central.db import Database
    from central.models import StaffAccount

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

    _staff_parser(commands)
    _device_parser(commands)

    purge = commands.add_parser(
        "purge", help="delete idempotency records older than 7 days and expired holds "
                      "(the server also does this by itself as it runs)")
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


def _staff_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    staff = commands.add_parser("staff", help="staff accounts: add, list, deactivate, set-pin")
    actions = staff.add_subparsers(dest="staff_command", required=True)
    pin_help = "read the PIN from one line of standard input (for scripts), not twice from the terminal"

    add = actions.add_parser("add", help="add a staff account (asks for the PIN twice)")
    add.add_argument("--db", required=True, help="the server's SQLAlchemy URL")
    add.add_argument("--number", required=True, help="the staff number: 1 to 16 letters and digits")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, metavar="assistant|administrator")
    add.add_argument("--pin-stdin", action="store_true", help=pin_help)

    listing = actions.add_parser("list", help="every account, deactivated ones too")
    listing.add_argument("--db", required=True)

    deactivate = actions.add_parser("deactivate", help="kiosks drop the account at their next pull")
    deactivate.add_argument("--db", required=True)
    deactivate.add_argument("--number", required=True)

    set_pin = actions.add_parser("set-pin", help="a new PIN for an account (asks for it twice)")
    set_pin.add_argument("--db", required=True)
    set_pin.add_argument("--number", required=True)
    set_pin.add_argument("--pin-stdin", action="store_true", help=pin_help)


def _device_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    device = commands.add_parser("device", help="enrolled devices: list, revoke")
    actions = device.add_subparsers(dest="device_command", required=True)
    listing = actions.add_parser("list", help="every enrolled device, revoked ones too")
    listing.add_argument("--db", required=True, help="the server's SQLAlchemy URL")
    revoke = actions.add_parser("revoke", help="refuse the device's token from now on (401)")
    revoke.add_argument("--db", required=True, help="the server's SQLAlchemy URL")
    revoke.add_argument("--device", required=True, help="the device ID (see: device list)")


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
    from central.secret import SECRET_FILE_ENV, load_secret

    secret = load_secret(os.environ.get(SECRET_FILE_ENV) or None, os.environ,
                         development=os.environ.get(_DEV_SECRET_ENV) == "1")
    return create_app(
        os.environ[_ENV_PREFIX + "DB"],
        seed=os.environ.get(_ENV_PREFIX + "SEED") or None,
        dev_token=os.environ.get(_ENV_PREFIX + "DEV_TOKEN") or None,
        secret=secret,
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
    if args.workers > 1:
        # seed once here, then every worker makes its app from the environment
        create_app(args.db, seed=args.seed, dev_token=args.dev_token, secret=secret)
        os.environ[_ENV_PREFIX + "DB"] = args.db
        os.environ[_ENV_PREFIX + "DEV_TOKEN"] = args.dev_token or ""
        os.environ[SECRET_FILE_ENV] = os.path.abspath(args.secret_file) if args.secret_file else ""
        os.environ[_DEV_SECRET_ENV] = "1" if development else ""
        uvicorn.run("central.cli:make_app_from_environment", factory=True, host=args.host,
                    port=args.port, workers=args.workers, timeout_keep_alive=KEEP_ALIVE_S)
    else:
        uvicorn.run(create_app(args.db, seed=args.seed, dev_token=args.dev_token, secret=secret),
                    host=args.host, port=args.port, timeout_keep_alive=KEEP_ALIVE_S)
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


def _read_pin(from_stdin: bool) -> str:
    """One line of standard input, or the PIN typed twice at the terminal (not echoed)."""
    from central.staff import StaffError, check_pin

    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("PIN (6 to 8 digits): ")
    check_pin(first)
    if getpass.getpass("The same PIN again: ") != first:
        raise StaffError("the two PINs differ; nothing was changed")
    return first


def _open_database(url: str) -> Database | None:
    """The database at ``url``, or None after saying why it cannot be used."""
    from central.db import Database as Db
    from central.db import DatabaseUrlError

    try:
        return Db.connect(url)
    except DatabaseUrlError as exc:
        print(f"kiosk-central: {exc}", file=sys.stderr)
        return None


def _staff(args: argparse.Namespace) -> int:
    from central import staff
    from central.clock import system_clock

    db = _open_database(args.db)
    if db is None:
        return 2
    try:
        db.create_schema()
        if args.staff_command == "add":
            number, name = staff.check_number(args.number), staff.check_name(args.name)
            role = staff.check_role(args.role)
            staff.check_free(db, number)  # before asking for a PIN
            staff.add(db, number=number, name=name, role=role, pin=_read_pin(args.pin_stdin),
                      now=system_clock())
            print(f"added staff account {number} {name} ({role})")
        elif args.staff_command == "list":
            _print_accounts(staff.accounts(db))
        elif args.staff_command == "deactivate":
            if staff.deactivate(db, args.number, system_clock()):
                print(f"deactivated staff account {args.number}: kiosks drop it at their next pull")
            else:
                print(f"staff account {args.number} was already deactivated")
        else:  # set-pin
            staff.check_exists(db, args.number)  # before asking for a PIN
            account = staff.set_pin(db, args.number, _read_pin(args.pin_stdin), system_clock())
            note = "" if account.active else " (the account stays deactivated)"
            print(f"new PIN set for staff account {account.number}{note}")
    except staff.StaffError as exc:
        print(f"kiosk-central: {exc}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    return 0


def _device(args: argparse.Namespace) -> int:
    from central import auth
    from central.clock import system_clock, wire

    db = _open_database(args.db)
    if db is None:
        return 2
    try:
        db.create_schema()
        if args.device_command == "revoke":
            done = auth.revoke(db, args.device, system_clock())
            if done is None:
                print(f"kiosk-central: there is no device {args.device!r}", file=sys.stderr)
                return 2
            print(f"revoked device {args.device}: its token is refused from now on" if done
                  else f"device {args.device} was already revoked")
            return 0
        found = auth.devices(db)
    finally:
        db.dispose()
    if not found:
        print("no devices")
    else:
        print(f"{'device':<36}  {'hall':<12}  {'state':<7}  {'enrolled (UTC)':<20}  "
              f"{'last seen (UTC)':<20}  label")
        for d in found:
            state = "revoked" if d.revoked_at is not None else "active"
            seen = wire(d.last_seen_at.replace(microsecond=0)) if d.last_seen_at else "-"
            print(f"{d.device_id:<36}  {d.hall_code or '-':<12}  {state:<7}  "
                  f"{wire(d.enrolled_at.replace(microsecond=0)):<20}  {seen:<20}  {d.label}")
    return 0


def _purge(args: argparse.Namespace) -> int:
    from datetime import datetime

    from central.clock import system_clock
    from central.retention import purge

    db = _open_database(args.db)
    if db is None:
        return 2
    try:
        db.create_schema()
        now = datetime.fromisoformat(args.now) if args.now else system_clock()
        done = purge(db, now)
    finally:
        db.dispose()
    print(f"purged {done.idempotency_records} idempotency records and "
          f"{done.expired_holds} expired holds")
    return 0


def _print_accounts(accounts: Sequence[StaffAccount]) -> None:
    from central.clock import wire

    if not accounts:
        print("no staff accounts")
        return
    print(f"{'number':<16}  {'role':<13}  {'state':<11}  {'updated (UTC)':<20}  name")
    for a in accounts:
        state = "active" if a.active else "deactivated"
        updated = wire(a.updated_at.replace(microsecond=0))
        print(f"{a.number:<16}  {a.role:<13}  {state:<11}  {updated:<20}  {a.name}")


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
    if args.command == "device":
        return _device(args)
    if args.command == "staff":
        return _staff(args)
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
