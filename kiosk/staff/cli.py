"""``kiosk staff …``: staff accounts on this kiosk, for the installer.

    kiosk staff add --number 0371 --name 王芳 --role assistant [--pin-stdin]
    kiosk staff list
    kiosk staff remove --number 0371
    kiosk staff unlock          # after too many wrong PINs

Accounts from the central platform need nothing here: they arrive with the
sync. The PIN is asked twice on the terminal (never on the command line, where
the shell's history would keep it) or read from standard input for scripts.
Needs the OS credential store (the PIN pepper lives there).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime
from pathlib import Path

from kiosk.device.paths import data_dir
from kiosk.staff import audit
from kiosk.staff.desk import StaffDesk
from kiosk.staff.roster import ROLES, StaffError
from kiosk.sync.enrolment import CredentialStore, NoSecureStore
from kiosk.sync.outbox import Identity
from kiosk.sync.store import StoreError


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kiosk staff", description="staff accounts on this kiosk")
    parser.add_argument("--data", type=Path, help="the kiosk's data folder (default: the usual one)")
    sub = parser.add_subparsers(dest="action", required=True)
    add = sub.add_parser("add", help="add a staff account on this kiosk")
    add.add_argument("--number", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--pin-stdin", action="store_true", help="read the PIN from standard input")
    sub.add_parser("list", help="the accounts this kiosk knows (local and from the platform)")
    remove = sub.add_parser("remove", help="remove an account added on this kiosk")
    remove.add_argument("--number", required=True)
    sub.add_parser("unlock", help="unlock the PIN pad after too many wrong PINs")
    return parser.parse_args(argv)


def read_pin(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().strip()
    first = getpass.getpass("PIN (6 to 8 digits): ")
    if getpass.getpass("The same PIN again: ") != first:
        raise StaffError("the two PINs differ")
    return first


def main(argv: list[str], keys: CredentialStore | None = None) -> int:
    args = parse(argv)
    path = (args.data or data_dir()) / "kiosk.db"
    keys = keys if keys is not None else CredentialStore()
    try:
        desk = StaffDesk.open(path, keys)
        if args.action == "add":
            keys.staff_pepper()  # no secure store: said before the PIN is typed
            member = desk.roster.add_local(args.number, args.name, args.role,
                                           read_pin(args.pin_stdin), datetime.now(UTC))
            desk.record("staff_account_added", member)
            print(f"added {member.number} {member.name} ({member.role}) on this kiosk")
        elif args.action == "list":
            members = desk.roster.members()
            for m in members:
                print(f"{m.number}\t{m.name}\t{m.role}\t{m.source}")
            if not members:
                print("no staff accounts yet: add one with  kiosk staff add …  or sync with the platform")
        elif args.action == "remove":
            if not desk.roster.remove_local(args.number):
                print(f"kiosk staff: no account {args.number} was added on this kiosk", file=sys.stderr)
                return 1
            audit.record(desk.outbox, "staff_account_removed", Identity(staff=args.number), desk.now())
            print(f"removed {args.number}")
        elif args.action == "unlock":
            desk.guard.unlock()
            audit.record(desk.outbox, "staff_pin_pad_unlocked", Identity(), desk.now(), by="command_line")
            print("the staff PIN pad is unlocked")
    except NoSecureStore as exc:
        print(f"kiosk staff: {exc}", file=sys.stderr)
        return 3
    except (StaffError, StoreError) as exc:
        print(f"kiosk staff: {exc}", file=sys.stderr)
        return 2
    return 0
