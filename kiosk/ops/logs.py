"""Log files without personal data: ID, mobile and landline numbers and names are masked
before they are written.

A resident's ID number or mobile number can reach a log line in many ways: a
message that formats a request, an exception raised by a check, a traceback.
``scrub`` masks them as slips do (110105********002X, 138****8000), and the
kiosk's log handlers scrub every record, its traceback included, before any of
it is formatted out. ``setup_file_logging`` adds the rotating log file.
"""

from __future__ import annotations

import logging
import re
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from kiosk.device.paths import private_dir, private_file
from kiosk.rules import idnumber, phone
from kiosk.rules.names import mask_name

LOG_NAME = "kiosk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5

# Resident ID numbers: 18 characters (17 digits and a digit or X, GB 11643), also
# written in groups with spaces or dashes (6-8-4, 4-4-4-4-2 …), and the old 15-digit ones.
# Never part of a longer number.
_ID = re.compile(r"(?<![\d-])(?:\d[ -]?){17}[\dXx](?![\d-])|(?<!\d)\d{15}(?!\d)")
# Mainland mobile numbers: 11 digits from 13 to 19, perhaps after +86 or 86, perhaps
# written 3-4-4 with spaces or dashes.
_MOBILE = re.compile(r"(?<!\d)((?:\+?86[ -]?)?)(1[3-9]\d[ -]?\d{4}[ -]?\d{4})(?!\d)")
# Landlines: an area code (perhaps in brackets: 010 and 02x are three digits, the others
# four), then 7 or 8 digits, perhaps split 3-4 or 4-4. The area code stays; the number
# keeps its last four.
_LANDLINE = re.compile(
    r"(?<![\d-])(\(?0(?:[12]\d|[3-9]\d{2})\)?)([ -]?)(\d{3,4}[ -]?\d{4})(?![\d-])")
# A name written after 姓名 (name), 名字 or 持证人 (holder): Chinese (2 to 6 characters,
# · for minority names) or Latin letters, perhaps quoted (JSON).
_NAME = re.compile(
    r"((?:姓名|名字|持证人)[\"']?\s*[:：=]\s*[\"']?)"
    r"([\u4e00-\u9fff·]{2,6}|[A-Za-z]+(?: [A-Za-z]+){0,3})")


def _mask_mobile(match: re.Match[str]) -> str:
    return match.group(1) + phone.mask(re.sub(r"\D", "", match.group(2)))


def _mask_landline(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group(3))
    return match.group(1) + match.group(2) + "*" * (len(digits) - 4) + digits[-4:]


def scrub(text: str) -> str:
    """The text with every ID number, mobile and landline number, and labelled name masked."""
    text = _ID.sub(lambda m: idnumber.mask(re.sub(r"[ -]", "", m.group())), text)
    text = _MOBILE.sub(_mask_mobile, text)
    text = _LANDLINE.sub(_mask_landline, text)
    return _NAME.sub(lambda m: m.group(1) + mask_name(m.group(2)), text)


class ScrubFilter(logging.Filter):
    """Replaces a record's message by its scrubbed, formatted text, and scrubs its traceback.

    On a handler, it scrubs every record that handler writes, whichever logger it
    came from; the record is changed in place, so the handlers after it get the
    scrubbed record too."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


class ScrubbingFormatter(logging.Formatter):
    """Scrubs what it formats: the whole line, the traceback included."""

    def formatException(  # noqa: N802
        self,
        ei: tuple[type[BaseException], BaseException, TracebackType | None]
        | tuple[None, None, None],
    ) -> str:
        return scrub(super().formatException(ei))

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


class KioskFileHandler(RotatingFileHandler):
    """The kiosk's log file: UTF-8, rotated at 1 MB, five old files kept, scrubbed."""

    def __init__(self, path: Path) -> None:
        private_dir(Path(path).parent)
        private_file(Path(path))
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
        self.addFilter(ScrubFilter())
        self.setFormatter(ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))

    def _open(self) -> TextIOWrapper:
        """Each new log file (after a rotation too) is the kiosk's alone (0600)."""
        private_file(Path(self.baseFilename))
        return super()._open()


def setup_file_logging(log_dir: Path) -> Path:
    """Log to ``log_dir/kiosk.log`` from now on, and scrub the console too; returns the file.

    The root logger's other handlers (the console, which systemd keeps in the
    journal) get the scrubbing filter as well. Idempotent: a second call adds nothing."""
    root = logging.getLogger()
    path = (Path(log_dir) / LOG_NAME).resolve()
    if not any(isinstance(h, KioskFileHandler) and Path(h.baseFilename) == path
               for h in root.handlers):
        root.addHandler(KioskFileHandler(path))
    for handler in root.handlers:
        if not any(isinstance(f, ScrubFilter) for f in handler.filters):
            handler.addFilter(ScrubFilter())
    if root.getEffectiveLevel() > logging.INFO:
        root.setLevel(logging.INFO)
    return path


def close_file_logging() -> None:
    """Undo ``setup_file_logging``: close the log file, take the filters off the others."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, KioskFileHandler):
            root.removeHandler(handler)
            handler.close()
        else:
            for f in [f for f in handler.filters if isinstance(f, ScrubFilter)]:
                handler.removeFilter(f)
