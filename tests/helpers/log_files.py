"""The kiosk's log file in a test: set up in a temporary folder, read back, taken off."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.ops import logs


@contextmanager
def kiosk_log(folder: Path) -> Iterator[Path]:
    """``setup_file_logging(folder)`` for the duration; the root logger's level is put back."""
    root = logging.getLogger()
    level = root.level
    path = logs.setup_file_logging(folder)
    try:
        yield path
    finally:
        logs.close_file_logging()
        root.setLevel(level)


def read_log(path: Path) -> str:
    """What the log file holds now (the handlers flushed first)."""
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")
