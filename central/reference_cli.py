"""``kiosk-central reference load FILE`` and ``reference show``: publish reference data
without restarting any server, and say which version is served.

``load`` checks everything first and publishes nothing when anything is wrong (exit 2,
the message naming the document and the place); the same data again adds no version.
Every server process serves a new version within its ``reference_check_every``
(``central.reference_store``).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from central.db import Database

    Commands = argparse._SubParsersAction[argparse.ArgumentParser]

DB_HELP = ("the server's SQLAlchemy URL, for development: else KIOSK_CENTRAL_DATABASE_URL "
           "or KIOSK_CENTRAL_DATABASE_URL_FILE (a command line is seen in ps)")


def add_parser(commands: Commands) -> None:
    reference = commands.add_parser(
        "reference", help="reference data (catalogue, hall calendars, trust list): load a new "
                          "version, show the one served")
    actions = reference.add_subparsers(dest="reference_command", required=True)
    load = actions.add_parser(
        "load", help="check FILE, then publish it as a new version (every server serves it "
                     "within reference_check_every seconds; nothing is published when it is "
                     "invalid, no version is added when it holds what the newest does)")
    load.add_argument("file", type=Path, metavar="FILE",
                      help="a directory with catalogue.json, hall_calendars.json, issuers.json; "
                           "or a JSON file holding any of catalogue, calendars, trust_list "
                           "(the others stay as they are)")
    load.add_argument("--db", default=None, help=DB_HELP)
    load.add_argument("--now", default=None, help=argparse.SUPPRESS)  # tests: a UTC time
    show = actions.add_parser("show", help="the version served, and until when each hall's "
                                           "calendar is right")
    show.add_argument("--db", default=None, help=DB_HELP)
    show.add_argument("--now", default=None, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    from central import admin_cli

    now = datetime.fromisoformat(args.now) if args.now else _now()
    if args.reference_command == "load":
        return admin_cli.on_database(args.db, lambda db: _load(args.file, db, now))
    return admin_cli.on_database(args.db, lambda db: _show(db, now))


def _now() -> datetime:
    from central.clock import system_clock

    return system_clock()


def _load(path: Path, db: Database, now: datetime) -> int:
    from central.reference_store import InvalidReference, publish, read_file

    try:
        done = publish(db, read_file(path), now, f"file {path.resolve()}")
    except InvalidReference as exc:
        print(f"kiosk-central: {exc}; nothing was published", file=sys.stderr)
        return 2
    assert done is not None
    if done.created:
        print(f"published reference data version {done.version} from {path}")
    else:
        print(f"reference data version {done.version} already holds this: nothing published")
    _say_calendars(db, now)
    return 0


def _show(db: Database, now: datetime) -> int:
    from central.clock import wire
    from central.reference_store import newest

    found = newest(db)
    if found is None:
        print("no reference data published yet (kiosk-central reference load FILE, or "
              "serve --seed DIR)")
        return 0
    print(f"reference data version {found.version}, published "
          f"{wire(found.published_at.replace(microsecond=0))} from {found.source}")
    print(f"sha256 {found.sha256}")
    _say_calendars(db, now)
    return 0


def calendar_lines(db: Database, now: datetime, warn_days: int | None = None) -> list[str]:
    """One line per hall: until when its calendar is right, and a warning when it runs
    out within ``warn_days`` (the setting ``calendar_warn_days``)."""
    from central import calendars
    from central.reference import load

    with db.reading() as session:
        reference = load(session)
    days = calendars.WARN_DAYS if warn_days is None else warn_days
    today = now.astimezone(calendars.BEIJING).date()
    warned = {w.hall: w for w in calendars.validity_warnings(reference.valid_until, today, days)}
    lines = []
    for hall, until in sorted(reference.valid_until.items()):
        if hall in warned:
            lines.append(f"WARNING {warned[hall].message()}")
        else:
            lines.append(f"hall {hall}: calendar valid until {until or '(not said)'}")
    return lines


def _say_calendars(db: Database, now: datetime) -> None:
    for line in calendar_lines(db, now):
        print(line)
