"""The driver for ID-card readers that speak the SAM protocol of GA 467 on a serial port.

The frames, commands and sources are in ``sam_protocol``; this module is the line
discipline around them, one poll at a time:

=====================================  ================================================
what happens                            what the driver does
=====================================  ================================================
port not open (first poll, unplugged)   open it (8N1, exclusive), ask the SAM's status;
                                        tried again at most every ``reopen_interval`` s
no answer within the command's time     TIMEOUT, at once (the time was spent already)
noise before an answer                  skipped (``FrameBuffer``)
answer stops short (a gap longer than   resend, ``retries`` times, then SHORT_FRAME
``frame_gap`` inside a frame, or the
time is up)
checksum wrong; impossible length       resend, ``retries`` times, then BAD_CHECKSUM
                                        or BAD_FRAME
the reader found our request garbled    resend, ``retries`` times, then BAD_CHECKSUM
(SW3 10, 11)                            or BAD_FRAME
select or read fails after a find       find again: no card there is CARD_REMOVED; a
                                        card still there is CARD_UNREADABLE
the reader reports a fault (60, 66 …)   READER_FAULT
serial error, port vanished             READER_GONE; the port is closed and re-opened
                                        when it can be (a USB adapter plugged back)
=====================================  ================================================

A command's time is ``answer_timeout`` plus twice the line time of its longest
answer at the port's speed. Each request is preceded by discarding what is waiting
on the line, so a late answer to an earlier request is never taken for this one.
The photo in the base message is dropped undecoded with the frame.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

import serial

from kiosk.idcard import sam_protocol as sam
from kiosk.idcard import text_block
from kiosk.idcard.reader import (
    NO_CARD,
    CardRead,
    FailureReason,
    ReaderHealth,
    ReaderState,
    ReadFailure,
    ReadResult,
    wait_for_card,
)

log = logging.getLogger(__name__)
T = TypeVar("T")

#: how long one pyserial read waits before the driver looks at its clocks again
READ_SLICE = 0.02

_RETRIED = {FailureReason.SHORT_FRAME, FailureReason.BAD_CHECKSUM, FailureReason.BAD_FRAME}
#: failures that say the reader, not the card, is in trouble
_READER_TROUBLE = _RETRIED | {FailureReason.TIMEOUT, FailureReason.READER_FAULT}
#: statuses that say the card could not be read while the reader works
_CARD_STATUSES = {0x31, 0x32, 0x33, 0x40, 0x41, 0x47, 0x80, 0x81, 0x91}


class _Failed(Exception):
    def __init__(self, reason: FailureReason, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


class _Gone(Exception):
    pass


def _utc_now() -> datetime:
    return datetime.now(UTC)


class SamSerialReader:
    """One reader on one serial port (``/dev/ttyUSB0``, ``COM3``, a /dev/serial/by-id link)."""

    def __init__(self, port: str, baud: int = 115200, *, answer_timeout: float = 1.0,
                 frame_gap: float = 0.1, retries: int = 2, reopen_interval: float = 1.0,
                 poll_interval: float = 0.1,
                 now: Callable[[], datetime] = _utc_now,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        if baud not in sam.BAUD_RATES:
            raise ValueError(f"a SAM reader runs at {sam.BAUD_RATES}, not {baud}")
        self.port, self.baud = port, baud
        self.answer_timeout, self.frame_gap, self.retries = answer_timeout, frame_gap, retries
        self.reopen_interval, self.poll_interval = reopen_interval, poll_interval
        self._now, self._monotonic = now, monotonic
        self._serial: serial.Serial | None = None
        self._last_open_try: float | None = None
        self._state = ReaderState.UNKNOWN
        self._last_error: str | None = None
        self._last_error_at: datetime | None = None
        self._last_reason: FailureReason | None = None
        self._cards_read = 0

    # --- the interface -----------------------------------------------------------

    def poll(self) -> ReadResult:
        try:
            if self._serial is None:
                self._open()
            result = self._read_card()
        except _Gone as gone:
            self._drop_port()
            self._note(ReaderState.NOT_FOUND, FailureReason.READER_GONE, str(gone))
            return ReadFailure(FailureReason.READER_GONE, str(gone))
        except _Failed as failed:
            if failed.reason in _READER_TROUBLE:
                self._note(ReaderState.FAILING, failed.reason, failed.detail)
            else:  # the reader works; the card was the trouble
                self._state = ReaderState.CONNECTED
                log.info("ID-card reader on %s: %s (%s)", self.port, failed.reason, failed.detail)
            return ReadFailure(failed.reason, failed.detail)
        self._state = ReaderState.CONNECTED
        if isinstance(result, CardRead):
            self._cards_read += 1
        return result

    def read(self, timeout: float) -> ReadResult:
        return wait_for_card(self.poll, timeout, self.poll_interval, clock=self._monotonic)

    def health(self) -> ReaderHealth:
        return ReaderHealth(self._state, self.port, self._last_error, self._last_error_at,
                            self._cards_read, self._last_reason)

    def close(self) -> None:
        self._drop_port()

    def __enter__(self) -> SamSerialReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- one reading -------------------------------------------------------------

    def _read_card(self) -> ReadResult:
        found = self._exchange(sam.FIND_CARD)
        if found.sw3 == sam.NO_CARD:
            return NO_CARD
        if found.sw3 != sam.CARD_FOUND:
            raise self._status_failure(sam.FIND_CARD, found.sw3)
        selected = self._exchange(sam.SELECT_CARD)
        if selected.sw3 != sam.OK:
            raise self._card_failure(sam.SELECT_CARD, selected.sw3)
        message = self._exchange(sam.READ_BASE)
        if message.sw3 != sam.OK:
            raise self._card_failure(sam.READ_BASE, message.sw3)
        try:
            block = sam.base_message_text(message.data)
        except sam.FrameError as exc:
            raise _Failed(FailureReason.BAD_FRAME, f"{sam.READ_BASE.name}: {exc}") from None
        try:
            return CardRead(text_block.decode(block))
        except text_block.OtherCardError as exc:
            raise _Failed(FailureReason.OTHER_CARD, str(exc)) from None
        except text_block.CardDataError as exc:
            raise _Failed(FailureReason.BAD_CARD_DATA, str(exc)) from None

    def _card_failure(self, command: sam.Command, sw3: int) -> _Failed:
        """Select or read failed: find again to tell a card taken away from one that
        stayed and could not be read."""
        if sw3 not in _CARD_STATUSES:
            return self._status_failure(command, sw3)
        again = self._exchange(sam.FIND_CARD)
        if again.sw3 == sam.NO_CARD:
            return _Failed(FailureReason.CARD_REMOVED,
                           f"the card was taken away during {command.name}")
        return _Failed(FailureReason.CARD_UNREADABLE, f"{command.name}: {sam.status_text(sw3)}")

    def _status_failure(self, command: sam.Command, sw3: int) -> _Failed:
        reason = (FailureReason.CARD_UNREADABLE if sw3 in _CARD_STATUSES
                  else FailureReason.READER_FAULT)
        return _Failed(reason, f"{command.name}: {sam.status_text(sw3)}")

    # --- the line ----------------------------------------------------------------

    def _open(self) -> None:
        t = self._monotonic()
        if self._last_open_try is not None and t - self._last_open_try < self.reopen_interval:
            raise _Gone(self._last_error or f"{self.port} is not open")
        self._last_open_try = t
        try:
            self._serial = serial.Serial(
                self.port, self.baud, bytesize=serial.EIGHTBITS, parity=serial.PARITY_NONE,
                stopbits=serial.STOPBITS_ONE, timeout=READ_SLICE,
                write_timeout=self.answer_timeout, exclusive=True,
            )
        except (serial.SerialException, OSError, ValueError) as exc:
            raise _Gone(f"cannot open {self.port}: {_why(exc)}") from None
        log.info("ID-card reader port %s opened at %d baud", self.port, self.baud)
        status = self._exchange(sam.SAM_STATUS)
        if status.sw3 != sam.OK:
            raise self._status_failure(sam.SAM_STATUS, status.sw3)

    def _drop_port(self) -> None:
        port, self._serial = self._serial, None
        if port is not None:
            # a vanished device may fail to close
            with contextlib.suppress(*_GONE_ERRORS):
                port.close()

    def _io(self, call: Callable[[], T]) -> T:
        try:
            return call()
        except serial.SerialTimeoutException:
            raise _Failed(FailureReason.TIMEOUT, "writing to the reader timed out") from None
        except _GONE_ERRORS as exc:
            raise _Gone(f"the reader on {self.port} went away: {_why(exc)}") from None

    def _exchange(self, command: sam.Command) -> sam.Answer:
        """One request and its answer, resent while the answer comes garbled or the
        reader says ours did."""
        tries = self.retries + 1
        for attempt in range(1, tries + 1):
            try:
                answer = self._once(command)
                if answer.sw3 == sam.REQUEST_CHECKSUM_WRONG:
                    raise _Failed(FailureReason.BAD_CHECKSUM,
                                  f"{command.name}: {sam.status_text(answer.sw3)}")
                if answer.sw3 == sam.REQUEST_LENGTH_WRONG:
                    raise _Failed(FailureReason.BAD_FRAME,
                                  f"{command.name}: {sam.status_text(answer.sw3)}")
                return answer
            except _Failed as failed:
                if failed.reason not in _RETRIED:
                    raise
                if attempt == tries:
                    raise _Failed(failed.reason, f"{failed.detail} ({tries} tries)") from None
                log.debug("ID-card reader: %s; sending %s again", failed.detail, command.name)
        raise AssertionError("unreachable")

    def _once(self, command: sam.Command) -> sam.Answer:
        port = self._serial
        if port is None:
            raise _Gone(f"{self.port} is not open")
        self._io(port.reset_input_buffer)
        self._io(lambda: port.write(sam.build_request(command)))
        deadline = (self._monotonic() + self.answer_timeout
                    + 2 * sam.wire_seconds(command.answer_max, self.baud))
        frames = sam.FrameBuffer()
        last_byte: float | None = None
        while True:
            try:
                body = frames.next_frame()
                if body is not None:
                    return sam.Answer.from_body(body)
            except sam.FrameError as exc:
                reason = (FailureReason.BAD_CHECKSUM if exc.problem is sam.FrameProblem.BAD_CHECKSUM
                          else FailureReason.BAD_FRAME)
                raise _Failed(reason, f"{command.name}: {exc}") from None
            chunk = self._io(lambda: port.read(max(1, port.in_waiting)))
            t = self._monotonic()
            if chunk:
                frames.feed(chunk)
                last_byte = t
                continue
            # a read that waited READ_SLICE and got nothing: the line is quiet (a busy
            # machine that was slow to read finds the bytes waiting, and no gap)
            gap = last_byte is not None and t - last_byte > self.frame_gap
            if frames.in_frame and (gap or t >= deadline):
                expected = frames.expected()
                of = f" of {expected}" if expected is not None else ""
                raise _Failed(FailureReason.SHORT_FRAME,
                              f"{command.name}: the answer stopped after {frames.pending}{of} bytes")
            if t >= deadline:
                noise = f" ({frames.skipped} bytes of noise)" if frames.skipped else ""
                raise _Failed(FailureReason.TIMEOUT, f"{command.name}: no answer within "
                              f"{self.answer_timeout:.1f} s{noise}")

    # --- health ------------------------------------------------------------------

    def _note(self, state: ReaderState, reason: FailureReason, error: str) -> None:
        """A reader in trouble; logged when the trouble changes, not at every poll."""
        if (state, error) != (self._state, self._last_error):
            log.warning("ID-card reader on %s: %s (%s)", self.port, state, error)
        self._state = state
        self._last_error, self._last_error_at = error, self._now()
        self._last_reason = reason


#: what an errno on opening a port means for whoever reads the staff panel
_OPEN_HINTS = {
    errno.EAGAIN: "in use by another program",
    errno.EBUSY: "in use by another program",
    errno.EACCES: "on Linux, the kiosk's user must be in the dialout group",
}


# pyserial lets termios.error through from tcflush and friends: an unplugged USB
# adapter, or a pseudo-terminal whose other end closed, answers EIO there
_LINE_ERRORS: tuple[type[Exception], ...] = ()
if sys.platform != "win32":
    import termios
    _LINE_ERRORS = (termios.error,)
#: what a vanished line raises
_GONE_ERRORS: tuple[type[Exception], ...] = (serial.SerialException, OSError, *_LINE_ERRORS)


def _why(exc: BaseException) -> str:
    """The system's reason ("No such file or directory"), not pyserial's wrapping of it,
    with a hint where one helps."""
    for error in (exc.__context__, exc):
        if (isinstance(error, OSError) and not isinstance(error, serial.SerialException)
                and error.strerror):
            hint = _OPEN_HINTS.get(error.errno or 0)
            return f"{error.strerror} ({hint})" if hint else error.strerror
    if isinstance(exc, _LINE_ERRORS) and len(exc.args) == 2 and isinstance(exc.args[1], str):
        return exc.args[1]  # termios.error(errno, text)
    return str(exc) or type(exc).__name__
