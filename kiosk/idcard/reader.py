"""An ID-card reader, behind one small interface: what a screen and the staff panel need.

``poll()`` asks once: no card, a card read, or a failure with its reason. ``read(timeout)``
polls until a card is read, something fails, or ``timeout`` seconds pass (then: no
card). ``health()`` is the staff panel's line. Nothing waits for ever: every answer
from a device has its own timeout, and ``read`` its overall one. A reader is used
from one thread at a time (the UI's reader worker); it holds no personal data between
calls: the card read is handed over and not kept.

Implementations: ``SamSerialReader`` (serial_reader.py: readers speaking the SAM
protocol of GA 467 over a serial or USB-serial port, through pyserial). A vendor
SDK (a DLL or shared library behind the reader) fits behind the same four methods:
it maps its own results onto ``ReadResult`` and its own errors onto
``FailureReason``, and reports its state through ``ReaderHealth``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from kiosk.idcard.card import IdCard


class FailureReason(StrEnum):
    #: the reader did not answer in time
    TIMEOUT = "timeout"
    #: the reader's answers kept failing their checksum (or it found ours wrong)
    BAD_CHECKSUM = "bad_checksum"
    #: the reader's answers kept stopping short
    SHORT_FRAME = "short_frame"
    #: an answer with an impossible length, or content not as the protocol has it
    BAD_FRAME = "bad_frame"
    #: the card left the reader before it was read: put it back
    CARD_REMOVED = "card_removed"
    #: the card stayed, and the reader could not read it (authentication, a damaged card)
    CARD_UNREADABLE = "card_unreadable"
    #: the card was read and does not hold a valid resident ID card (ID number, dates)
    BAD_CARD_DATA = "bad_card_data"
    #: another card the reader reads (permanent residence card, residence permit)
    OTHER_CARD = "other_card"
    #: the reader says it is at fault (self-test failed, not authorised, …)
    READER_FAULT = "reader_fault"
    #: the port cannot be opened or went away (unplugged); it is tried again
    READER_GONE = "reader_gone"


@dataclass(frozen=True, slots=True)
class NoCard:
    pass


@dataclass(frozen=True, slots=True)
class CardRead:
    card: IdCard


@dataclass(frozen=True, slots=True)
class ReadFailure:
    reason: FailureReason
    #: plain words for logs and the staff panel; never personal data
    detail: str


ReadResult = NoCard | CardRead | ReadFailure
NO_CARD = NoCard()


class ReaderState(StrEnum):
    #: not tried yet
    UNKNOWN = "unknown"
    #: answering
    CONNECTED = "connected"
    #: the port cannot be opened (unplugged, wrong name, in use)
    NOT_FOUND = "not_found"
    #: the port is open and the reader does not answer, or answers garbled
    FAILING = "failing"


@dataclass(frozen=True, slots=True)
class ReaderHealth:
    state: ReaderState
    #: where it is (a serial port's name, or what a vendor SDK calls it)
    port: str
    #: the last failure in plain words (for the log) and when (aware), None if none yet
    last_error: str | None
    last_error_at: datetime | None
    #: cards read since the kiosk started
    cards_read: int
    #: what the last failure was, for words in the staff's language (``last_error`` is
    #: English detail for the log and the diagnostics)
    last_reason: FailureReason | None = None


class IdCardReader(Protocol):
    def poll(self) -> ReadResult: ...

    def read(self, timeout: float) -> ReadResult: ...

    def health(self) -> ReaderHealth: ...

    def close(self) -> None: ...


def wait_for_card(poll: Callable[[], ReadResult], timeout: float, interval: float, *,
                  clock: Callable[[], float] = time.monotonic,
                  sleep: Callable[[float], None] = time.sleep) -> ReadResult:
    """``poll`` every ``interval`` seconds until it gives anything but no card, or
    ``timeout`` seconds have passed (then: no card). Polled at least once."""
    deadline = clock() + timeout
    while True:
        result = poll()
        left = deadline - clock()
        if not isinstance(result, NoCard) or left <= 0:
            return result
        sleep(min(interval, left))


class ReaderUnavailable(RuntimeError):
    """A reader cannot be made at all here (its library is missing)."""


def open_reader(port: str, baud: int = 115200) -> IdCardReader | None:
    """The reader of the ``idcard_port`` and ``idcard_baud`` settings; None when no port
    is set (the screens then offer the keypad only). The port is opened at the first
    poll, so a reader plugged in later is found then."""
    if not port:
        return None
    try:
        from kiosk.idcard.serial_reader import SamSerialReader
    except ImportError as exc:  # pragma: no cover - pyserial is a dependency
        raise ReaderUnavailable(f"the ID-card reader needs pyserial ({exc})") from exc
    return SamSerialReader(port, baud)
