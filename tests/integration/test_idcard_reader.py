"""The serial driver against the simulated reader on a pseudo-terminal: real pyserial, real
frames, paced at 115200 baud; faults injected on the line."""

from __future__ import annotations

import sys
import threading
import time
from datetime import date

import pytest
import serial

from kiosk.idcard import sam_protocol as sam
from kiosk.idcard import text_block
from kiosk.idcard.reader import NO_CARD, CardRead, FailureReason, ReaderState, ReadFailure
from kiosk.idcard.samples import EXPIRED, LONG_TERM, SAMPLES, VALID
from kiosk.idcard.serial_reader import SamSerialReader
from kiosk.idcard.simulator import Fault, SimulatedReader

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the simulator needs a pty")

#: one reading's requests after the port is opened
READING = ["find card", "select card", "read base message"]


@pytest.fixture
def sim():
    with SimulatedReader() as s:
        yield s


@pytest.fixture
def reader(sim):
    with SamSerialReader(sim.port, answer_timeout=0.5, reopen_interval=0,
                         poll_interval=0.02) as r:
        yield r


def _later(seconds, action):
    thread = threading.Thread(target=lambda: (time.sleep(seconds), action()))
    thread.start()
    return thread


@pytest.mark.parametrize("name", list(SAMPLES))
def test_a_card_is_read(sim, reader, name):
    sim.put_card(SAMPLES[name])
    assert reader.poll() == CardRead(SAMPLES[name])
    assert sim.requests == ["SAM status", *READING]
    health = reader.health()
    assert health.state is ReaderState.CONNECTED and health.cards_read == 1
    assert health.last_error is None and health.last_reason is None and health.port == sim.port


def test_expired_and_long_term_cards_as_read(sim, reader):
    sim.put_card(EXPIRED)
    card = reader.poll().card
    assert card.expired(date.today())
    sim.put_card(LONG_TERM)
    card = reader.poll().card
    assert card.valid_to is None and not card.expired(date.today())


def test_no_card(sim, reader):
    assert reader.poll() == NO_CARD
    assert sim.requests == ["SAM status", "find card"]
    assert reader.health().state is ReaderState.CONNECTED


def test_read_waits_for_its_timeout_then_says_no_card(reader):
    t = time.monotonic()
    assert reader.read(timeout=0.3) == NO_CARD
    assert 0.3 <= time.monotonic() - t < 1.5


def test_read_returns_once_a_card_is_put_on(sim, reader):
    thread = _later(0.15, lambda: sim.put_card(VALID))
    t = time.monotonic()
    assert reader.read(timeout=5) == CardRead(VALID)
    assert time.monotonic() - t < 2
    thread.join()


def test_noise_before_an_answer_is_skipped(sim, reader):
    sim.put_card(VALID)
    sim.inject(Fault.GARBAGE, command=sam.READ_BASE)
    sim.inject(Fault.GARBAGE, command=sam.FIND_CARD, noise=b"\xaa\xaa\xaa\x96" * 3)
    assert reader.poll() == CardRead(VALID)
    assert sim.requests.count("read base message") == 1  # nothing had to be asked again


def test_noise_between_readings_is_discarded(sim, reader):
    assert reader.poll() == NO_CARD
    sim.send_noise(b"\x55" * 40 + sam.build_answer(sam.CARD_FOUND, bytes(4)))
    time.sleep(0.05)
    assert reader.poll() == NO_CARD  # a stale frame on the line is not taken as an answer


def test_a_short_frame_is_asked_again(sim, reader):
    sim.put_card(VALID)
    sim.inject(Fault.SHORT_FRAME, command=sam.READ_BASE)
    assert reader.poll() == CardRead(VALID)
    assert sim.requests[-2:] == ["read base message", "read base message"]
    assert reader.health().state is ReaderState.CONNECTED


def test_short_frames_every_time_are_reported(sim, reader):
    sim.put_card(VALID)
    sim.inject(Fault.SHORT_FRAME, command=sam.READ_BASE, times=3)
    t = time.monotonic()
    result = reader.poll()
    assert isinstance(result, ReadFailure) and result.reason is FailureReason.SHORT_FRAME
    assert "stopped after 647 of 1295 bytes (3 tries)" in result.detail
    assert time.monotonic() - t < 1.5  # a gap ends a cut frame, not the whole timeout
    health = reader.health()
    assert health.state is ReaderState.FAILING and health.last_error == result.detail
    assert health.last_error_at is not None
    assert health.last_reason is FailureReason.SHORT_FRAME  # for words in the staff's language
    assert reader.poll() == CardRead(VALID)  # the line is fine again
    assert reader.health().state is ReaderState.CONNECTED


def test_a_bad_checksum_is_asked_again(sim, reader):
    sim.put_card(VALID)
    sim.inject(Fault.BAD_CHECKSUM, command=sam.SELECT_CARD)
    sim.inject(Fault.BAD_CHECKSUM, command=sam.READ_BASE, times=2)
    assert reader.poll() == CardRead(VALID)
    assert sim.requests[-5:] == ["select card", "select card", "read base message",
                                 "read base message", "read base message"]


def test_bad_checksums_every_time_are_reported(sim, reader):
    sim.put_card(VALID)
    sim.inject(Fault.BAD_CHECKSUM, command=sam.READ_BASE, times=3)
    result = reader.poll()
    assert result == ReadFailure(FailureReason.BAD_CHECKSUM,
                                 "read base message: a frame's checksum is wrong (3 tries)")
    assert reader.health().state is ReaderState.FAILING


def test_no_answer_is_a_timeout(sim, reader):
    reader.poll()
    sim.inject(Fault.SILENCE, command=sam.FIND_CARD)
    t = time.monotonic()
    result = reader.poll()
    elapsed = time.monotonic() - t
    assert result.reason is FailureReason.TIMEOUT
    assert result.detail == "find card: no answer within 0.5 s"
    assert 0.5 <= elapsed < 1.5
    assert reader.health().state is ReaderState.FAILING


def test_a_late_answer_within_the_time_is_taken(sim, reader):
    sim.put_card(VALID)
    sim.inject(Fault.DELAY, command=sam.SELECT_CARD, seconds=0.2)
    assert reader.poll() == CardRead(VALID)


def test_a_late_answer_is_not_taken_for_the_next_one(sim, reader):
    sim.put_card(VALID)
    sim.inject(Fault.DELAY, command=sam.FIND_CARD, seconds=0.8)
    assert reader.poll().reason is FailureReason.TIMEOUT
    time.sleep(0.5)  # the late "card found" arrives while nobody asks
    assert reader.poll() == CardRead(VALID)


@pytest.mark.parametrize("command", [sam.SELECT_CARD, sam.READ_BASE], ids=["select", "read"])
def test_a_card_taken_away_mid_read(sim, reader, command):
    sim.put_card(VALID)
    sim.inject(Fault.CARD_LIFTED, command=command)
    result = reader.poll()
    assert result == ReadFailure(FailureReason.CARD_REMOVED,
                                 f"the card was taken away during {command.name}")
    assert sim.requests[-1] == "find card"  # looked again before saying so
    assert reader.health().state is ReaderState.CONNECTED  # the reader is fine
    assert reader.poll() == NO_CARD


def test_a_block_that_is_not_a_card(sim, reader):
    block = bytearray(text_block.encode(VALID))
    block[122 + 34:122 + 36] = "5".encode("utf-16-le")  # the check digit, wrong
    sim.put_card(bytes(block))
    result = reader.poll()
    assert result.reason is FailureReason.BAD_CARD_DATA
    assert "check" in result.detail and "41010519880316" not in result.detail


def test_a_residence_permit_is_named(sim, reader):
    sim.put_card(text_block.encode(VALID, reserved=" " * 14 + "J"))
    result = reader.poll()
    assert result.reason is FailureReason.OTHER_CARD
    assert "Hong Kong, Macao or Taiwan" in result.detail


def test_the_reader_vanishes_and_comes_back(sim, reader):
    sim.put_card(VALID)
    assert reader.poll() == CardRead(VALID)
    sim.unplug()
    gone = reader.poll()
    assert gone.reason is FailureReason.READER_GONE
    assert "went away" in gone.detail
    again = reader.poll()  # the port is tried again, and is not there
    assert again.reason is FailureReason.READER_GONE
    assert again.detail == f"cannot open {sim.port}: No such file or directory"
    health = reader.health()
    assert health.state is ReaderState.NOT_FOUND and health.last_error == again.detail
    assert health.last_reason is FailureReason.READER_GONE
    sim.plug()
    assert reader.poll() == CardRead(VALID)
    assert sim.requests[-4:] == ["SAM status", *READING]
    health = reader.health()
    assert health.state is ReaderState.CONNECTED and health.cards_read == 2


def test_the_reader_vanishes_during_an_answer(sim, reader):
    sim.put_card(VALID)
    reader.poll()
    sim.inject(Fault.DELAY, command=sam.READ_BASE, seconds=0.2)
    thread = _later(0.1, sim.unplug)
    result = reader.poll()
    thread.join()
    assert result.reason is FailureReason.READER_GONE
    assert reader.health().state is ReaderState.NOT_FOUND


def test_a_line_that_fails_below_pyserial_is_a_reader_gone(sim, reader, monkeypatch):
    """pyserial lets termios.error through from tcflush: seen when the other end of the
    line hung up (an unplugged adapter, a closed pseudo-terminal)."""
    import termios

    sim.put_card(VALID)
    assert reader.poll() == CardRead(VALID)

    def hung_up(_port):
        raise termios.error(5, "Input/output error")

    monkeypatch.setattr(serial.Serial, "reset_input_buffer", hung_up)
    gone = reader.poll()
    assert gone.reason is FailureReason.READER_GONE
    assert gone.detail == f"the reader on {sim.port} went away: Input/output error"
    assert reader.health().state is ReaderState.NOT_FOUND
    monkeypatch.undo()
    assert reader.poll() == CardRead(VALID)  # opened again, reads again


def test_reopening_waits_its_interval(sim):
    with SamSerialReader(sim.port, answer_timeout=0.5, reopen_interval=30) as reader:
        reader.poll()
        sim.unplug()
        assert reader.poll().reason is FailureReason.READER_GONE
        sim.plug()
        seen = len(sim.requests)
        assert reader.poll().reason is FailureReason.READER_GONE  # not tried again so soon
        time.sleep(0.05)
        assert len(sim.requests) == seen


def test_a_port_that_does_not_exist(tmp_path):
    with SamSerialReader(str(tmp_path / "ttyNONE"), reopen_interval=0) as reader:
        result = reader.poll()
        assert result.reason is FailureReason.READER_GONE
        assert result.detail.endswith("No such file or directory")
        assert reader.health().state is ReaderState.NOT_FOUND


def test_a_port_in_use_by_another_reader(sim, reader):
    reader.poll()
    with SamSerialReader(sim.port, reopen_interval=0) as second:
        result = second.poll()
        assert result.reason is FailureReason.READER_GONE
        assert result.detail.endswith("(in use by another program)")
    assert reader.poll() == NO_CARD


# --- the simulator on its own: what it puts on the line ---------------------------------


def _exchange(port: serial.Serial, request: bytes, size: int) -> bytes:
    port.write(request)
    return port.read(size)


def test_the_simulator_answers_in_protocol_bytes(sim):
    with serial.Serial(sim.port, 115200, timeout=1) as port:
        assert _exchange(port, sam.build_request(sam.FIND_CARD), 11) == \
            bytes.fromhex("AAAAAA9669 0004 000080 84")
        sim.put_card(VALID)
        assert _exchange(port, sam.build_request(sam.SELECT_CARD), 11) == sam.build_answer(0x81)
        assert _exchange(port, sam.build_request(sam.FIND_CARD), 15) == \
            sam.build_answer(sam.CARD_FOUND, bytes(4))
        assert _exchange(port, sam.build_request(sam.SELECT_CARD), 19) == \
            sam.build_answer(sam.OK, bytes(8))
        answer = _exchange(port, sam.build_request(sam.READ_BASE), 1295)
        frames = sam.FrameBuffer()
        frames.feed(answer)
        data = sam.Answer.from_body(frames.next_frame() or b"").data
        assert text_block.decode(sam.base_message_text(data)) == VALID
        broken = bytearray(sam.build_request(sam.FIND_CARD))
        broken[-1] ^= 1
        assert _exchange(port, bytes(broken), 11) == sam.build_answer(sam.REQUEST_CHECKSUM_WRONG)
        assert _exchange(port, sam.build_request(sam.Command(0x55, 0x01, "?", 0)), 11) == \
            sam.build_answer(0x21)


def test_the_simulator_paces_its_answers_at_the_baud_rate(sim):
    sim.put_card(VALID)
    with serial.Serial(sim.port, 115200, timeout=1) as port:
        _exchange(port, sam.build_request(sam.FIND_CARD), 15)
        _exchange(port, sam.build_request(sam.SELECT_CARD), 19)
        t = time.perf_counter()
        answer = _exchange(port, sam.build_request(sam.READ_BASE), 1295)
        elapsed = time.perf_counter() - t
    assert len(answer) == 1295
    assert elapsed >= sam.wire_seconds(10 + 1295, 115200) * 0.98  # 113 ms on the line


def test_the_simulator_unpaced_is_quicker():
    with SimulatedReader(pace=False) as fast, serial.Serial(fast.port, 115200, timeout=1) as port:
        fast.put_card(VALID)
        _exchange(port, sam.build_request(sam.FIND_CARD), 15)
        _exchange(port, sam.build_request(sam.SELECT_CARD), 19)
        t = time.perf_counter()
        assert len(_exchange(port, sam.build_request(sam.READ_BASE), 1295)) == 1295
        assert time.perf_counter() - t < sam.wire_seconds(1295, 115200)
