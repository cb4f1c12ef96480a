"""Where the kiosk keeps files of its own on each operating system, and how: its folders
and files are readable by its own user only (they hold residents' submissions and logs)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR = "service-hall-kiosk"


def cache_dir() -> Path:
    """The per-user cache folder: rebuilt if lost, never needed for correctness."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_DIR / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_DIR
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / APP_DIR


def data_dir() -> Path:
    """The per-user data folder: the outbox lives here and must never be lost."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_DIR / "data"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_DIR
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_DIR


def private_dir(path: Path) -> Path:
    """``path`` as a folder, the folders it needs made readable by this user only (0700).

    A folder that already exists is left as it is: the kiosk may be given one it does
    not own (``--data /srv/kiosk``), and must not change another's permissions."""
    path = Path(path)
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
    return path


def private_file(path: Path) -> Path:
    """``path`` as a file readable and writable by this user only (0600), created empty
    if missing; an existing file of the kiosk's is made private too."""
    path = Path(path)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o600))
    if sys.platform != "win32":
        os.chmod(path, 0o600)
    return path
