"""A SAM ID-card reader on a pseudo-terminal, for the tests and the demo (Linux, macOS).

The driver opens ``port`` as it would ``/dev/ttyUSB0``. ``port`` is a symbolic link
to the pty's device, as ``/dev/serial/by-id/…`` links are to a USB adapter's, so the
reader can be unplugged (the pty closed: reads and writes on the driver's side fail;
the link removed: opening fails) and plugged back (a new pty behind the same link).

The reader answers as the protocol says (``sam_protocol``): SAM status and reset 90;
find card 9F with a card on it, 80 without; select 90 after a find, 81 otherwise;
read base message 90 with the card's text block and a 1024-byte stand-in for the
photo after a select, 41 otherwise; a request with a wrong checksum 10; an unknown
command 21.

Faults are queued with ``inject`` and used by the next answers to the command named
(any command when none is): noise before the answer, an answer cut short, a wrong
checksum, no answer, a late answer, the card lifted during the command.

Line speed: with ``pace`` (the default), the request's own line time at ``baud`` is
waited before answering, and the answer goes out in small chunks, each when its last
byte would have arrived over a real line (8N1: 10 bits a byte); the pty itself is
instantaneous. What a real reader adds — its radio exchange with the card, a few
hundred ms for a base message — is not modelled unless ``processing_delay`` is set.
"""

from __future__ import annotations

import os
import select
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kiosk.idcard import sam_protocol as sam
from kiosk.idcard import text_block
from kiosk.idcard.card import IdCard

#: bytes per paced write (at 115200 baud: 1.4 ms of line time)
CHUNK = 16
#: noise a GARBAGE fault sends before the answer: a broken preamble among it
NOISE = b"\x00\xff\x13\xaa\xaa\x96\x55\xaa\x0d\x0a\xaa\xaa"
#: what the simulator sends where a real reader sends the card's photo (vendor-coded):
#: a fixed pattern, no image
PHOTO = bytes((i * 37 + 11) % 256 for i in range(sam.PHOTO_SIZE))


class SimulatorUnavailable(RuntimeError):
    pass


class Fault(StrEnum):
    #: noise before the answer
    GARBAGE = "garbage"
    #: the answer stops halfway, then silence
    SHORT_FRAME = "short_frame"
    #: the answer's checksum byte is wrong
    BAD_CHECKSUM = "bad_checksum"
    #: no answer at all
    SILENCE = "silence"
    #: the answer ``seconds`` late
    DELAY = "delay"
    #: the card leaves the reader during this command (select answers 81, read 41)
    CARD_LIFTED = "card_lifted"


@dataclass
class _Pending:
    fault: Fault
    command: sam.Command | None
    times: int
    seconds: float
    noise: bytes


class SimulatedReader:
    def __init__(self, baud: int = 115200, *, pace: bool = True,
                 processing_delay: float = 0.0) -> None:
        if sys.platform == "win32":
            raise SimulatorUnavailable("the ID-card reader simulator needs a pseudo-terminal "
                                       "(Linux or macOS)")
        self.baud, self.pace, self.processing_delay = baud, pace, processing_delay
        self._dir = Path(tempfile.mkdtemp(prefix="kiosk-idcard-"))
        self.port = str(self._dir / "ttyIDCARD")
        self._lock = threading.Lock()
        self._master = self._slave = -1
        #: moves on at every unplug and plug: bytes meant for an old pty never reach a new one
        self._generation = 0
        #: the text block of the card on the reader, None when there is none
        self._block: bytes | None = None
        self._found = self._selected = False
        self._faults: list[_Pending] = []
        #: the name of every request received, in order (the tests read it)
        self.requests: list[str] = []
        self._stop = threading.Event()
        self.plug()
        self._thread = threading.Thread(target=self._serve, name="idcard-simulator", daemon=True)
        self._thread.start()

    # --- what a test or the demo does --------------------------------------------

    def put_card(self, card: IdCard | bytes) -> None:
        """A card on the reader: a sample, or a raw 256-byte text block (another kind of
        card, a damaged one)."""
        block = text_block.encode(card) if isinstance(card, IdCard) else bytes(card)
        if len(block) != text_block.SIZE:
            raise ValueError(f"a text block has {text_block.SIZE} bytes, not {len(block)}")
        with self._lock:
            self._block, self._found, self._selected = block, False, False

    def take_card(self) -> None:
        with self._lock:
            self._block, self._found, self._selected = None, False, False

    @property
    def has_card(self) -> bool:
        return self._block is not None

    def inject(self, fault: Fault, *, command: sam.Command | None = None, times: int = 1,
               seconds: float = 0.0, noise: bytes = NOISE) -> None:
        """The next ``times`` answers to ``command`` (to any command when None) get ``fault``."""
        with self._lock:
            self._faults.append(_Pending(fault, command, times, seconds, noise))

    def send_noise(self, data: bytes) -> None:
        """Bytes on the line now, unasked for (interference, a reader booting)."""
        with self._lock:
            _write_all(self._master, data)

    def unplug(self) -> None:
        """The cable pulled: the driver's reads and writes fail, the port is gone."""
        with self._lock:
            for fd in (self._master, self._slave):
                if fd >= 0:
                    os.close(fd)
            self._master = self._slave = -1
            self._generation += 1
            Path(self.port).unlink(missing_ok=True)

    def plug(self) -> None:
        """Plugged (back) in: a new pty behind the same port name."""
        import tty

        with self._lock:
            if self._master >= 0:
                return
            master, slave = os.openpty()
            tty.setraw(slave)
            os.set_blocking(master, False)
            link = Path(self.port)
            link.unlink(missing_ok=True)
            link.symlink_to(os.ttyname(slave))
            self._master, self._slave = master, slave
            self._generation += 1
            self._found = self._selected = False

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.unplug()
        shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> SimulatedReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- the reader --------------------------------------------------------------

    def _serve(self) -> None:
        frames = sam.FrameBuffer()
        while not self._stop.is_set():
            with self._lock:
                fd, generation = self._master, self._generation
            if fd < 0:
                frames.clear()
                time.sleep(0.005)
                continue
            try:
                ready, _, _ = select.select([fd], [], [], 0.02)
            except (OSError, ValueError):  # closed by unplug() meanwhile
                continue
            if not ready:
                continue
            with self._lock:
                if generation != self._generation:
                    frames.clear()
                    continue
                try:
                    data = os.read(fd, 4096)
                except BlockingIOError:
                    continue
                except OSError:  # EIO: no one holds the port (not while we hold our end)
                    data = b""
            if not data:
                time.sleep(0.005)
                continue
            arrived = time.perf_counter()
            frames.feed(data)
            while True:
                try:
                    body = frames.next_frame()
                    if body is None:
                        break
                    request = sam.Request.from_body(body)
                except sam.FrameError as exc:
                    status = (sam.REQUEST_CHECKSUM_WRONG
                              if exc.problem is sam.FrameProblem.BAD_CHECKSUM
                              else sam.REQUEST_LENGTH_WRONG)
                    self._send(generation, sam.build_answer(status), arrived)
                    continue
                self._answer(generation, request, arrived, sam.HEADER + len(body) + 1)

    def _answer(self, generation: int, request: sam.Request, arrived: float, size: int) -> None:
        command = sam.COMMANDS.get((request.cmd, request.para))
        with self._lock:
            self.requests.append(command.name if command else
                                 f"{request.cmd:02X} {request.para:02X}")
            pending = self._take_fault(command)
            fault = pending.fault if pending else None
            frame = self._respond(command, fault is Fault.CARD_LIFTED)
        start = arrived + self.processing_delay
        if self.pace:
            start += sam.wire_seconds(size, self.baud)
        if pending is None or fault is Fault.CARD_LIFTED:
            pass
        elif fault is Fault.SILENCE:
            return
        elif fault is Fault.DELAY:
            start += pending.seconds
        elif fault is Fault.GARBAGE:
            frame = pending.noise + frame
        elif fault is Fault.BAD_CHECKSUM:
            frame = frame[:-1] + bytes([frame[-1] ^ 0xFF])
        elif fault is Fault.SHORT_FRAME:
            frame = frame[:max(sam.HEADER + 1, len(frame) // 2)]
        self._send(generation, frame, start)

    def _take_fault(self, command: sam.Command | None) -> _Pending | None:
        for pending in self._faults:
            if pending.command is None or pending.command == command:
                pending.times -= 1
                if pending.times <= 0:
                    self._faults.remove(pending)
                return pending
        return None

    def _respond(self, command: sam.Command | None, lifted: bool) -> bytes:
        """The answer, the card's state moved on (under the lock)."""
        if lifted:
            self._block = None
        if command is None:
            return sam.build_answer(0x21)
        if command in (sam.RESET_SAM, sam.SAM_STATUS):
            return sam.build_answer(sam.OK)
        if command is sam.SAM_ID:
            return sam.build_answer(sam.OK, bytes(16))
        if self._block is None:
            self._found = self._selected = False
            return sam.build_answer({sam.FIND_CARD: sam.NO_CARD,
                                     sam.SELECT_CARD: sam.SELECT_FAILED}.get(command,
                                                                             sam.READ_FAILED))
        if command is sam.FIND_CARD:
            self._found, self._selected = True, False
            return sam.build_answer(sam.CARD_FOUND, bytes(4))
        if command is sam.SELECT_CARD:
            if not self._found:
                return sam.build_answer(sam.SELECT_FAILED)
            self._selected = True
            return sam.build_answer(sam.OK, bytes(8))
        if not self._selected:
            return sam.build_answer(sam.READ_FAILED)
        return sam.build_answer(sam.OK, sam.base_message(self._block, PHOTO))

    def _send(self, generation: int, frame: bytes, start: float) -> None:
        """``frame`` on the line from ``start`` (perf_counter), paced at the baud rate."""
        step = CHUNK if self.pace else len(frame)
        for at in range(0, len(frame), step):
            chunk = frame[at:at + step]
            due = start + (sam.wire_seconds(at + len(chunk), self.baud) if self.pace else 0)
            wait = due - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            if self._stop.is_set():
                return
            with self._lock:
                if generation != self._generation or not _write_all(self._master, chunk):
                    return  # unplugged meanwhile, or no one reads: the bytes are lost


def _write_all(fd: int, data: bytes) -> bool:
    """Write everything, or give up (False) when the pty is full or gone."""
    while data:
        try:
            done = os.write(fd, data)
        except OSError:  # BlockingIOError (full: no one reads), EIO, EBADF
            return False
        data = data[done:]
    return True
