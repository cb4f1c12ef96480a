"""``kiosk-central ratings …``: a hall's 好差评 — counts per level and the satisfaction
rate, the ratings as CSV, the follow-up cases of bad ones and their states.

    kiosk-central ratings list [--hall H] [--window W] [--matter M] [--since DAY] [--until DAY]
                               [--by hall|window|matter]
    kiosk-central ratings export [the same filters] [--out FILE]      (CSV; stdout without --out)
    kiosk-central ratings cases [--hall H] [--state open|contacted|corrected|closed]
    kiosk-central ratings case ID --state contacted|corrected|closed [--note TEXT]
    kiosk-central ratings due-days --hall H DAYS    (working days to follow a bad rating up)

Days are local days in Asia/Shanghai, both ends included. The satisfaction rate is
(非常满意 + 满意 + 基本满意) / all (docs/queue.md says why).
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from central.db import Database
    from central.ratings import RatingQuery, Summary

    Commands = argparse._SubParsersAction[argparse.ArgumentParser]

DB_HELP = ("the server's SQLAlchemy URL, for development: else KIOSK_CENTRAL_DATABASE_URL "
           "or KIOSK_CENTRAL_DATABASE_URL_FILE (a command line is seen in ps)")
ZONE = ZoneInfo("Asia/Shanghai")


def add_parser(commands: Commands) -> None:
    ratings = commands.add_parser(
        "ratings", help="好差评: counts per level and satisfaction rate, CSV export, "
                        "follow-up cases of bad ratings")
    actions = ratings.add_subparsers(dest="ratings_command", required=True)
    listing = actions.add_parser("list", help="counts per level and the satisfaction rate")
    export = actions.add_parser("export", help="the ratings as CSV (no phone numbers)")
    for sub in (listing, export):
        sub.add_argument("--hall", default=None)
        sub.add_argument("--window", default=None)
        sub.add_argument("--matter", default=None)
        sub.add_argument("--since", type=_day, default=None, metavar="YYYY-MM-DD",
                         help="from this local day (Asia/Shanghai)")
        sub.add_argument("--until", type=_day, default=None, metavar="YYYY-MM-DD",
                         help="to this local day, included")
        sub.add_argument("--db", default=None, help=DB_HELP)
    listing.add_argument("--by", choices=["hall", "window", "matter"], default=None,
                         help="a line per hall, window or matter too")
    export.add_argument("--out", type=Path, default=None, help="the CSV file (else stdout)")
    cases = actions.add_parser("cases", help="follow-up cases of bad ratings, oldest first")
    cases.add_argument("--hall", default=None)
    cases.add_argument("--state", choices=["open", "contacted", "corrected", "closed"],
                       default=None)
    cases.add_argument("--db", default=None, help=DB_HELP)
    case = actions.add_parser("case", help="move a case forward: open → contacted → "
                                           "corrected → closed")
    case.add_argument("case_id", type=int, metavar="ID")
    case.add_argument("--state", required=True, choices=["contacted", "corrected", "closed"])
    case.add_argument("--note", default=None, help="what was done (kept with the case)")
    case.add_argument("--db", default=None, help=DB_HELP)
    case.add_argument("--now", default=None, help=argparse.SUPPRESS)  # tests: a UTC time
    due = actions.add_parser("due-days", help="the hall's working days to follow a bad "
                                              "rating up (new cases)")
    due.add_argument("--hall", required=True)
    due.add_argument("days", type=int)
    due.add_argument("--db", default=None, help=DB_HELP)


def run(args: argparse.Namespace) -> int:
    from central import admin_cli
    from central.ratings import CaseError

    command = _COMMANDS[args.ratings_command]
    return admin_cli.on_database(args.db, lambda db: command(args, db), (CaseError,))


def _query(args: argparse.Namespace) -> RatingQuery:
    from central.ratings import RatingQuery

    since = _start_of(args.since) if args.since else None
    until = _start_of(args.until + timedelta(days=1)) if args.until else None
    return RatingQuery(hall=args.hall, window=args.window, matter=args.matter, since=since,
                       until=until)


def _list(args: argparse.Namespace, db: Database) -> int:
    from central import ratings

    found = ratings.find(db, _query(args))
    print(_line("all", ratings.summary(found)))
    if args.by:
        for name, summary in ratings.grouped(found, args.by).items():
            print(_line(f"{args.by} {name}", summary))
    return 0


def _line(name: str, summary: Summary) -> str:
    counts = "  ".join(f"{level.words.zh} {n}" for level, n in summary.counts.items())
    rate = "-" if summary.rate is None else f"{summary.rate:.1%}"
    return f"{name}: {summary.total} ratings  {counts}  satisfaction {rate}"


def _export(args: argparse.Namespace, db: Database) -> int:
    from central import ratings

    text = ratings.to_csv(ratings.find(db, _query(args)))
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8-sig")  # with a BOM: Excel reads it as UTF-8
        print(f"wrote {text.count(chr(10)) - 1} ratings to {args.out}")
    return 0


def _cases(args: argparse.Namespace, db: Database) -> int:
    import json

    from central import ratings
    from kiosk.rules import phone
    from kiosk.rules.ratings import Level

    today = datetime.now(ZONE).date()
    for case, rating in ratings.cases(db, args.hall, args.state):
        late = " OVERDUE" if case.state != "closed" and case.due_on < today else ""
        reasons = ",".join(json.loads(rating.reasons))
        call = phone.mask(case.phone) if case.phone else "-"
        print(f"{case.case_id}  {case.hall}  {case.state}  due {case.due_on}{late}  "
              f"{Level(rating.level).words.zh}  {reasons}  window {rating.window or '-'}  "
              f"matter {rating.matter}  phone {call}  {case.note or ''}".rstrip())
    return 0


def _case(args: argparse.Namespace, db: Database) -> int:
    from central import ratings

    now = datetime.fromisoformat(args.now) if args.now else datetime.now(UTC)
    case = ratings.move_case(db, args.case_id, args.state, now, args.note)
    print(f"case {case.case_id} is {case.state}")
    return 0


def _due_days(args: argparse.Namespace, db: Database) -> int:
    from central import ratings

    ratings.set_due_days(db, args.hall, args.days)
    print(f"new cases of hall {args.hall} are due {args.days} working days after the rating")
    return 0


_COMMANDS = {"list": _list, "export": _export, "cases": _cases, "case": _case,
             "due-days": _due_days}


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a day YYYY-MM-DD: {text!r}") from None


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time(), ZONE).astimezone(UTC)
