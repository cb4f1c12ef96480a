"""kiosk-central's commands for the people who run the platform: staff accounts, devices
and operators (``staff …``, ``device …``, ``operator …``), each on the database directly.

Whoever can run these holds the database URL, so needs no token; over the API the same
work needs an operator's token (``central/routes/operators.py``).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from central.db import Database
    from central.models import StaffAccount

if TYPE_CHECKING:
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]


DB_HELP = ("the server's SQLAlchemy URL, for development: else KIOSK_CENTRAL_DATABASE_URL "
           "or KIOSK_CENTRAL_DATABASE_URL_FILE (a command line is seen in ps)")


def add_parsers(commands: Commands) -> None:
    _staff_parser(commands)
    _device_parser(commands)
    _operator_parser(commands)
    _fleet_parser(commands)


def run(args: argparse.Namespace) -> int | None:
    """The command's exit status, or None when it is none of these. Each runs on the
    database ``--db`` or the settings name, at the current schema revision; a refusal is said on stderr (2)."""
    from central.operators import OperatorError
    from central.staff import StaffError

    handler = {"staff": _staff, "device": _device, "operator": _operator,
               "devices": _fleet}.get(args.command)
    if handler is None:
        return None
    return on_database(args.db, lambda db: handler(args, db), (StaffError, OperatorError))


def on_database(url: str | None, command: Callable[[Database], int],
                refusals: tuple[type[Exception], ...] = ()) -> int:
    """``command`` run on the database ``url`` (``--db``) or the settings name, once it is
    at the current schema revision; its exit status. A database that cannot be opened or
    is not migrated, or one of ``refusals`` raised, is said on stderr (2)."""
    from central import schema

    db = open_database(url)
    if db is None:
        return 2
    caught: tuple[type[Exception], ...] = (schema.SchemaNotCurrent, *refusals)
    try:
        schema.require_current(db)
        return command(db)
    except caught as exc:
        print(f"kiosk-central: {exc}", file=sys.stderr)
        return 2
    finally:
        db.dispose()


def _staff_parser(commands: Commands) -> None:
    staff = commands.add_parser("staff", help="staff accounts: add, list, move, deactivate, set-pin")
    actions = staff.add_subparsers(dest="staff_command", required=True)
    pin_help = "read the PIN from one line of standard input (for scripts), not twice from the terminal"

    add = actions.add_parser("add", help="add a staff account (asks for the PIN twice)")
    add.add_argument("--db", default=None, help=DB_HELP)
    add.add_argument("--number", required=True, help="the staff number: 1 to 16 letters and digits")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, metavar="assistant|administrator")
    add.add_argument("--hall", required=True, metavar="CODE",
                     help="the hall whose devices the account is served to")
    add.add_argument("--pin-stdin", action="store_true", help=pin_help)

    move = actions.add_parser("move", help="serve the account to another hall's devices")
    move.add_argument("--db", default=None, help=DB_HELP)
    move.add_argument("--number", required=True)
    move.add_argument("--hall", required=True, metavar="CODE")

    listing = actions.add_parser("list", help="every account, deactivated ones too")
    listing.add_argument("--db", default=None, help=DB_HELP)

    deactivate = actions.add_parser("deactivate", help="kiosks drop the account at their next pull")
    deactivate.add_argument("--db", default=None, help=DB_HELP)
    deactivate.add_argument("--number", required=True)

    set_pin = actions.add_parser("set-pin", help="a new PIN for an account (asks for it twice)")
    set_pin.add_argument("--db", default=None, help=DB_HELP)
    set_pin.add_argument("--number", required=True)
    set_pin.add_argument("--pin-stdin", action="store_true", help=pin_help)


def _device_parser(commands: Commands) -> None:
    device = commands.add_parser("device", help="enrolled devices: list, revoke")
    actions = device.add_subparsers(dest="device_command", required=True)
    listing = actions.add_parser("list", help="every enrolled device, revoked ones too")
    listing.add_argument("--db", default=None, help=DB_HELP)
    revoke = actions.add_parser("revoke", help="refuse the device's token from now on (401)")
    revoke.add_argument("--db", default=None, help=DB_HELP)
    revoke.add_argument("--device", required=True, help="the device ID (see: device list)")


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


def open_database(url: str | None, config_file: str | None = None) -> Database | None:
    """The database at ``url`` (``--db``), else the one the settings name
    (``KIOSK_CENTRAL_DATABASE_URL``, its ``_FILE``, the configuration file); None after
    saying why it cannot be used (never the URL itself: it may hold a password)."""
    from central.db import Database as Db
    from central.db import DatabaseUrlError

    found = database_url(url, config_file)
    if found is None:
        return None
    try:
        return Db.connect(found)
    except DatabaseUrlError as exc:
        print(f"kiosk-central: {exc}", file=sys.stderr)
        return None


def database_url(url: str | None, config_file: str | None = None) -> str | None:
    """``url``, else the settings' database URL; None after saying what is wrong."""
    from central.settings import ConfigError, load_settings

    try:
        settings = load_settings({"database_url": url}, config_file=config_file)
    except ConfigError as exc:
        print(f"kiosk-central: {exc}", file=sys.stderr)
        return None
    return settings.database_url.get_secret_value()


def _staff(args: argparse.Namespace, db: Database) -> int:
    from central import staff
    from central.clock import system_clock

    if args.staff_command == "add":
        number, name = staff.check_number(args.number), staff.check_name(args.name)
        role = staff.check_role(args.role)
        hall = _known_hall(db, args.hall)
        staff.check_free(db, number)  # before asking for a PIN
        staff.add(db, number=number, name=name, role=role, hall=hall,
                  pin=_read_pin(args.pin_stdin), now=system_clock())
        print(f"added staff account {number} {name} ({role}) in hall {hall}")
    elif args.staff_command == "move":
        hall = _known_hall(db, args.hall)
        moved = staff.move(db, args.number, hall, system_clock())
        print(f"staff account {args.number} is now served to the devices of hall {hall}"
              if moved else f"staff account {args.number} already was in hall {hall}")
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
    return 0


def _said_revoked(kind: str, ident: str, done: bool | None) -> int:
    """Say what ``revoke`` of a device or operator did: 2 when there is no such one."""
    if done is None:
        print(f"kiosk-central: there is no {kind} {ident!r}", file=sys.stderr)
        return 2
    print(f"revoked {kind} {ident}: its token is refused from now on" if done
          else f"{kind} {ident} was already revoked")
    return 0


def _device(args: argparse.Namespace, db: Database) -> int:
    from central import auth
    from central.clock import system_clock, wire

    if args.device_command == "revoke":
        return _said_revoked("device", args.device, auth.revoke(db, args.device, system_clock()))
    found = auth.devices(db)
    if not found:
        print("no devices")
    else:
        print(f"{'device':<36}  {'hall':<12}  {'role':<7}  {'state':<7}  "
              f"{'enrolled (UTC)':<20}  {'last seen (UTC)':<20}  label")
        for d in found:
            state = "revoked" if d.revoked_at is not None else "active"
            seen = wire(d.last_seen_at.replace(microsecond=0)) if d.last_seen_at else "-"
            print(f"{d.device_id:<36}  {d.hall_code or '-':<12}  {d.role:<7}  {state:<7}  "
                  f"{wire(d.enrolled_at.replace(microsecond=0)):<20}  {seen:<20}  {d.label}")
    return 0


def _fleet_parser(commands: Commands) -> None:
    devices = commands.add_parser(
        "devices", help="fleet health: each kiosk's last heartbeat, app version, outbox, "
                        "items needing staff; silent ones first and flagged")
    devices.add_argument("--db", default=None, help=DB_HELP)
    devices.add_argument("--json", action="store_true", help="one JSON document (for scripts)")
    devices.add_argument("--silent-after", type=int, default=None, metavar="SECONDS",
                         help="no heartbeat for this long: silent (default: the setting "
                              "silent_after, 300)")
    devices.add_argument("--now", default=None, help=argparse.SUPPRESS)  # tests: a UTC time


def _age(delta: timedelta | None) -> str:
    if delta is None:
        return "-"
    seconds = int(delta.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def _fleet(args: argparse.Namespace, db: Database) -> int:
    import json

    from central.clock import system_clock
    from central.fleet import fleet
    from central.settings import load_settings

    silent_after = args.silent_after or load_settings().silent_after
    now = datetime.fromisoformat(args.now) if args.now else system_clock()
    found = fleet(db, now, timedelta(seconds=silent_after))
    if args.json:
        print(json.dumps({"now": now.isoformat().replace("+00:00", "Z"),
                          "silent_after_s": silent_after,
                          "devices": [d.as_json(now) for d in found]}, ensure_ascii=False,
                         indent=2))
        return 0
    if not found:
        print("no devices")
        return 0
    print(f"{'state':<6}  {'device':<36}  {'hall':<12}  {'heard':>6}  {'version':<10}  "
          f"{'waiting':>7}  {'oldest':>6}  {'staff':>5}  label")
    for d in found:
        pending = "-" if d.outbox_pending is None else str(d.outbox_pending)
        dead = "-" if d.outbox_dead is None else str(d.outbox_dead)
        print(f"{'SILENT' if d.silent else 'ok':<6}  {d.device_id:<36}  {d.hall or '-':<12}  "
              f"{_age(d.seen_ago(now)):>6}  {d.app_version or '-':<10}  {pending:>7}  "
              f"{_age(d.oldest_waiting(now)):>6}  {dead:>5}  {d.label}")
    silent = sum(d.silent for d in found)
    print(f"{len(found)} devices, {silent} silent (no heartbeat for {_age(timedelta(seconds=silent_after))})")
    return 0


def _print_accounts(accounts: Sequence[StaffAccount]) -> None:
    from central.clock import wire

    if not accounts:
        print("no staff accounts")
        return
    print(f"{'number':<16}  {'role':<13}  {'hall':<12}  {'state':<11}  {'updated (UTC)':<20}  name")
    for a in accounts:
        state = "active" if a.active else "deactivated"
        updated = wire(a.updated_at.replace(microsecond=0))
        hall = a.hall_code or "(none)"
        print(f"{a.number:<16}  {a.role:<13}  {hall:<12}  {state:<11}  {updated:<20}  {a.name}")
    if any(a.hall_code is None for a in accounts):
        print("an account without a hall is served to no device: give it one with staff move")


def _known_hall(db: Database, hall: str) -> str:
    """``hall`` when the reference data has it, else ``StaffError``."""
    from central import reference, staff

    staff.check_hall_code(hall)
    with db.reading() as session:
        known = reference.load(session).calendar(hall) is not None
    if not known:
        raise staff.StaffError(f"there is no hall {hall!r} in this database")
    return hall


def _operator_parser(commands: Commands) -> None:
    operator = commands.add_parser("operator", help="operators' API tokens: add, list, revoke")
    actions = operator.add_subparsers(dest="operator_command", required=True)
    add = actions.add_parser("add", help="a new operator; prints the token once")
    add.add_argument("--db", default=None, help=DB_HELP)
    add.add_argument("--name", required=True, help="who holds the token")
    add.add_argument("--hall", default=None, metavar="CODE",
                     help="the one hall the operator may see and manage (default: every hall)")
    listing = actions.add_parser("list", help="every operator, revoked ones too")
    listing.add_argument("--db", default=None, help=DB_HELP)
    revoke = actions.add_parser("revoke", help="refuse the operator's token from now on")
    revoke.add_argument("--db", default=None, help=DB_HELP)
    revoke.add_argument("--operator", required=True, help="the operator ID (see: operator list)")


def _operator(args: argparse.Namespace, db: Database) -> int:
    from central import operators
    from central.clock import system_clock, wire

    if args.operator_command == "add":
        hall = None if args.hall is None else _known_hall(db, args.hall)
        operator_id, token = operators.add(db, args.name, hall, system_clock())
        print(f"operator {operator_id} ({args.name.strip()}, "
              f"{'hall ' + hall if hall else 'every hall'}); the token, shown once:")
        print(token)
    elif args.operator_command == "revoke":
        return _said_revoked("operator", args.operator,
                             operators.revoke(db, args.operator, system_clock()))
    else:
        found = operators.listing(db)
        if not found:
            print("no operators")
        for o in found:
            state = "revoked" if o.revoked_at is not None else "active"
            print(f"{o.operator_id:<36}  {o.hall_code or '(every hall)':<14}  {state:<7}  "
                  f"{wire(o.created_at.replace(microsecond=0)):<20}  {o.name}")
    return 0
