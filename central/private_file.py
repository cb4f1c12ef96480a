"""A secret kept in a file: read only from a regular file that its owner alone may read
(mode 600 or 400), so that a secret is never taken from a file others could see."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path


def read_private_file(path: Path, what: str, error: type[ValueError]) -> str:
    """The text of ``path`` (surrounding whitespace dropped); ``error`` naming ``what``
    and the path when it is not a regular file, its group or others may read it, or it
    cannot be read."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise error(f"cannot read {what} {path}: {exc.strerror}") from exc
    if not stat.S_ISREG(info.st_mode):
        raise error(f"{what} {path} is not a regular file")
    mode = stat.S_IMODE(info.st_mode)
    if sys.platform != "win32" and mode & 0o077:
        raise error(f"{what} {path} has mode {mode:o}: its group or others may read it; "
                    f"make it the service user's alone (chmod 600 {path})")
    try:
        return path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"cannot read {what} {path}: {exc}") from exc
