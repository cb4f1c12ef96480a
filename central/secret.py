"""The server secret: the key of the HMAC of ID numbers (``person_hmac`` of bookings, the
per-person limit, look-ups) and of idempotency fingerprints. It never lives in the database:
whoever copies the database must not be able to enumerate the 8 birth-date digits an ID
mask hides and compare HMACs.

It comes from ``serve --secret-file PATH`` (a regular file only the service's user may
read: mode 0600 or 0400) or the environment variable ``KIOSK_CENTRAL_SECRET``; at least
``MIN_LENGTH`` characters. Without one, only a development run (``--seed demo`` on a
loopback address) starts, on the fixed ``DEV_SECRET``, which is never written anywhere.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Mapping
from pathlib import Path

from central.db import Database
from central.models import Setting
from central.private_file import read_private_file

SECRET_ENV = "KIOSK_CENTRAL_SECRET"
#: set by ``serve --workers N`` for its workers: the path of ``--secret-file``
SECRET_FILE_ENV = "KIOSK_CENTRAL_SECRET_FILE"
MIN_LENGTH = 32
#: the demo's and the tests' key: public, so anything keyed with it is as good as plain
DEV_SECRET = "kiosk-central development key: the demo on loopback only, never production"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})
#: where servers before finding 6 kept the key (``settings``), removed on start
LEGACY_SETTING = "hmac_secret"

log = logging.getLogger(__name__)


class SecretError(ValueError):
    """No usable server secret: the server must not start."""


def development_run(seed: str | None, host: str) -> bool:
    """The demo data served on loopback alone: the one run that may use ``DEV_SECRET``."""
    return seed == "demo" and host in LOOPBACK_HOSTS


def read_secret_file(path: Path) -> str:
    """The secret in ``path`` (trailing whitespace dropped), refused when the file is not a
    regular file or its group or others may read or write it."""
    return _checked(read_private_file(path, "the secret file", SecretError),
                    f"the secret file {path}")


def _checked(value: str, where: str) -> str:
    if len(value) < MIN_LENGTH:
        raise SecretError(f"{where} holds {len(value)} characters; the server secret needs at "
                          f"least {MIN_LENGTH} (e.g. `openssl rand -hex 32`)")
    return value


def load_secret(secret_file: str | Path | None, environ: Mapping[str, str], *,
                development: bool) -> str:
    """The server secret: from ``secret_file``, else ``KIOSK_CENTRAL_SECRET``, else (a
    development run only) ``DEV_SECRET``; ``SecretError`` when there is none."""
    if secret_file:
        return read_secret_file(Path(secret_file))
    value = environ.get(SECRET_ENV, "").strip()
    if value:
        return _checked(value, SECRET_ENV)
    if development:
        return DEV_SECRET
    raise SecretError(
        f"no server secret: set {SECRET_ENV} or give --secret-file PATH (a file only this "
        f"service's user can read, mode 600) holding at least {MIN_LENGTH} random characters. "
        f"It keys the HMAC of ID numbers and must stay the same across restarts; only "
        f"`serve --seed demo` on a loopback address runs without one (docs/api.md, Secrets)")


def drop_stored_secret(db: Database, secret: bytes) -> None:
    """Remove the key an older server kept in the database, saying so on stderr."""
    with db.writing() as session:
        db.take_setup_lock(session)
        row = session.get(Setting, LEGACY_SETTING)
        if row is None:
            return
        same = row.value.encode() == secret
        session.delete(row)
    note = ("it is the key given now" if same else
            "it differs from the key given now: bookings made under it are no longer found by "
            "ID number (docs/api.md, Secrets: migrating)")
    log.warning("removed the HMAC key stored in the database (settings.%s); %s",
                LEGACY_SETTING, note)
    print(f"kiosk-central: removed the HMAC key stored in the database (settings.{LEGACY_SETTING}); "
          f"{note}", file=sys.stderr)
