"""Frames of the SAM protocol (GA 467) that ID-card readers speak over a serial line.

A frame is the preamble ``AA AA AA 96 69``, a length (2 bytes, big endian) counting
every byte after it up to and including the checksum, a body, and the checksum: the
XOR of the length bytes and the body. A request's body is ``cmd para data``; an
answer's is ``sw1 sw2 sw3 data``, where SW3 is the reader's own status and SW1, SW2
pass on the card's. The line runs at 115200 baud by default (8 data bits, no
parity, 1 stop bit), settable to 57600, 38400, 19200 or 9600.

One reading of a card is three requests: find card (20 01: SW3 9F found, 80 none),
select card (20 02: 90 selected, 81 failed), read base message (30 01: 90 and the
data: text length and photo length, 2 bytes big endian each, then the 256-byte text
block and the 1024-byte photo, which is vendor-coded ("WLT") and never decoded here).

``FrameBuffer`` finds frames in a stream that may hold noise before them (the
preamble's three AA bytes are there to resynchronise), and says when a frame's
checksum or length is wrong; whether a frame stopped short is a matter of time,
which the driver judges.

Sources (public; the standard GA 467-2013 《居民身份证验证安全控制模块接口技术规范》
itself is not freely published):
- 公安部身份证阅读器模块SAM通讯协议 (UART settings, frame formats, length and checksum,
  commands): https://e-com-net.com/article/1743571842846703616.htm, a copy of
  https://blog.csdn.net/zhangbijun1230/article/details/85242964
- 身份证阅读器通信协议 (command and status tables, SW3 codes):
  https://softs.im/身份证阅读器通信协议 and its example failure frames
  (``AA AA AA 96 69 00 04 00 00 41 45``) at https://softs.im/nfc读取身份证/
- 东信身份证读卡SAM安全控制模块协议解析说明 (a read base message answer taken apart:
  1290 data bytes, the text block field by field): http://www.chinasem.cn/article/392748
- the IDM20 module's driver in github.com/Yangyuanxin/BearPi,
  10.ZKT_BearPi/ZKT_SDK/IDReader.{h,c} (the same preamble, commands and checksum)
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import reduce
from operator import xor
from typing import NamedTuple

PREAMBLE = b"\xaa\xaa\xaa\x96\x69"
HEADER = len(PREAMBLE) + 2
#: no answer of the protocol is longer (base message with fingerprints: ~2.3 kB); a
#: longer length is a corrupted one
MAX_LENGTH = 4096
BAUD_RATES = (115200, 57600, 38400, 19200, 9600)
#: the text block and photo a base message carries
TEXT_SIZE = 256
PHOTO_SIZE = 1024


class Command(NamedTuple):
    cmd: int
    para: int
    name: str
    #: the longest answer frame it gets, in bytes (for timeouts at low speeds)
    answer_max: int


RESET_SAM = Command(0x10, 0xFF, "reset SAM", 12)
SAM_STATUS = Command(0x11, 0xFF, "SAM status", 12)
SAM_ID = Command(0x12, 0xFF, "SAM ID", 28)
FIND_CARD = Command(0x20, 0x01, "find card", 16)
SELECT_CARD = Command(0x20, 0x02, "select card", 20)
READ_BASE = Command(0x30, 0x01, "read base message", HEADER + 3 + 4 + TEXT_SIZE + PHOTO_SIZE + 1)
COMMANDS = {(c.cmd, c.para): c for c in (RESET_SAM, SAM_STATUS, SAM_ID, FIND_CARD, SELECT_CARD,
                                         READ_BASE)}

# SW3, the reader's status
OK = 0x90
CARD_FOUND = 0x9F
NO_CARD = 0x80
SELECT_FAILED = 0x81
REQUEST_CHECKSUM_WRONG = 0x10
REQUEST_LENGTH_WRONG = 0x11
READ_FAILED = 0x41

#: what each SW3 means, in words for the staff panel and the log
STATUS_TEXT = {
    0x90: "success",
    0x9F: "card found",
    0x10: "the reader received a request whose checksum was wrong",
    0x11: "the reader received a request whose length was wrong",
    0x21: "the reader does not know the command or its parameters",
    0x23: "operation not allowed",
    0x24: "unrecognised error",
    0x31: "the card did not authenticate the reader",
    0x32: "the reader did not authenticate the card",
    0x33: "the card's information failed verification",
    0x40: "not an ID card",
    0x41: "reading the card failed",
    0x47: "the card gave no random number",
    0x60: "the reader's self-test failed; it takes no commands",
    0x66: "the reader is not authorised",
    0x80: "no card found",
    0x81: "selecting the card failed",
    0x91: "the card holds no such item",
}


def status_text(sw3: int) -> str:
    return STATUS_TEXT.get(sw3, f"unknown status {sw3:02X}")


class FrameProblem(StrEnum):
    BAD_CHECKSUM = "bad_checksum"
    BAD_LENGTH = "bad_length"


class FrameError(ValueError):
    def __init__(self, problem: FrameProblem, message: str) -> None:
        super().__init__(message)
        self.problem = problem


def checksum(data: bytes) -> int:
    """XOR of every byte (the protocol's check over length and body)."""
    return reduce(xor, data, 0)


def _frame(body: bytes) -> bytes:
    length = (len(body) + 1).to_bytes(2, "big")
    return PREAMBLE + length + body + bytes([checksum(length + body)])


def build_request(command: Command, data: bytes = b"") -> bytes:
    return _frame(bytes([command.cmd, command.para]) + data)


def build_answer(sw3: int, data: bytes = b"", sw1: int = 0, sw2: int = 0) -> bytes:
    return _frame(bytes([sw1, sw2, sw3]) + data)


@dataclass(frozen=True, slots=True)
class Request:
    cmd: int
    para: int
    data: bytes

    @classmethod
    def from_body(cls, body: bytes) -> Request:
        if len(body) < 2:
            raise FrameError(FrameProblem.BAD_LENGTH, f"a request body has {len(body)} bytes")
        return cls(body[0], body[1], bytes(body[2:]))


@dataclass(frozen=True, slots=True, repr=False)
class Answer:
    sw1: int
    sw2: int
    sw3: int
    #: personal data for a base message: never in ``repr``
    data: bytes

    @classmethod
    def from_body(cls, body: bytes) -> Answer:
        if len(body) < 3:
            raise FrameError(FrameProblem.BAD_LENGTH, f"an answer body has {len(body)} bytes")
        return cls(body[0], body[1], body[2], bytes(body[3:]))

    def __repr__(self) -> str:
        return f"Answer({self.sw1:02X} {self.sw2:02X} {self.sw3:02X}, {len(self.data)} data bytes)"


class FrameBuffer:
    """Bytes in, whole frames' bodies out; noise before a preamble is skipped and counted."""

    def __init__(self) -> None:
        self._buf = bytearray()
        #: noise bytes dropped while looking for a preamble
        self.skipped = 0

    def feed(self, data: bytes) -> None:
        self._buf += data

    @property
    def in_frame(self) -> bool:
        """A preamble has been seen and its frame is not complete yet."""
        return self._buf.startswith(PREAMBLE)

    @property
    def pending(self) -> int:
        """Bytes held (of a frame begun, or possibly the start of a preamble)."""
        return len(self._buf)

    def expected(self) -> int | None:
        """The whole length of the frame begun, once its length bytes are in."""
        if not self.in_frame or len(self._buf) < HEADER:
            return None
        return HEADER + int.from_bytes(self._buf[5:7], "big")

    def _resync(self) -> None:
        at = self._buf.find(PREAMBLE)
        if at < 0:
            # keep a tail that may be the start of a preamble
            keep = next((n for n in range(min(len(PREAMBLE) - 1, len(self._buf)), 0, -1)
                         if PREAMBLE.startswith(self._buf[-n:])), 0)
            at = len(self._buf) - keep
        if at:
            self.skipped += at
            del self._buf[:at]

    def next_frame(self) -> bytes | None:
        """The body of the next whole frame (request or answer alike), None if none yet;
        FrameError for a frame whose length is impossible or whose checksum is wrong
        (the bytes of that frame are dropped)."""
        self._resync()
        if len(self._buf) < HEADER:
            return None
        length = int.from_bytes(self._buf[5:7], "big")
        if not 3 <= length <= MAX_LENGTH:
            del self._buf[:len(PREAMBLE)]
            raise FrameError(FrameProblem.BAD_LENGTH, f"a frame claims {length} bytes")
        if len(self._buf) < HEADER + length:
            return None
        frame = bytes(self._buf[:HEADER + length])
        del self._buf[:HEADER + length]
        if checksum(frame[5:-1]) != frame[-1]:
            raise FrameError(FrameProblem.BAD_CHECKSUM, "a frame's checksum is wrong")
        return frame[HEADER:-1]

    def clear(self) -> None:
        self._buf.clear()


def base_message_text(data: bytes) -> bytes:
    """The 256-byte text block of a read-base-message answer's data. The photo that
    follows is not looked at: not copied, not decoded."""
    if len(data) < 4:
        raise FrameError(FrameProblem.BAD_LENGTH, "a base message without its lengths")
    text_len = int.from_bytes(data[0:2], "big")
    photo_len = int.from_bytes(data[2:4], "big")
    if text_len < TEXT_SIZE:
        raise FrameError(FrameProblem.BAD_LENGTH, f"a base message's text has {text_len} bytes")
    if len(data) < 4 + text_len + photo_len:
        raise FrameError(FrameProblem.BAD_LENGTH,
                         "a base message is shorter than its text and photo lengths say")
    return bytes(data[4:4 + TEXT_SIZE])


def base_message(text: bytes, photo: bytes) -> bytes:
    """A read-base-message answer's data (for the simulator)."""
    return len(text).to_bytes(2, "big") + len(photo).to_bytes(2, "big") + text + photo


def wire_seconds(byte_count: int, baud: int) -> float:
    """How long ``byte_count`` bytes take on the line: 10 bits each (8N1)."""
    return byte_count * 10 / baud
