"""Frames of the SAM protocol: building, checksums, finding frames in a noisy stream."""

from __future__ import annotations

import pytest

from kiosk.idcard import sam_protocol as sam


def test_requests_are_the_bytes_the_published_protocol_shows():
    # the three requests of a reading, as the protocol's documents and drivers write them
    assert sam.build_request(sam.FIND_CARD) == bytes.fromhex("AAAAAA9669 0003 2001 22")
    assert sam.build_request(sam.SELECT_CARD) == bytes.fromhex("AAAAAA9669 0003 2002 21")
    assert sam.build_request(sam.READ_BASE) == bytes.fromhex("AAAAAA9669 0003 3001 32")


def test_answers_match_the_published_failure_frames():
    # "AA AA AA 96 69 00 04 00 00 41 45": reading the card failed
    assert sam.build_answer(0x41) == bytes.fromhex("AAAAAA9669 0004 000041 45")
    assert sam.build_answer(0x32) == bytes.fromhex("AAAAAA9669 0004 000032 36")


def test_checksum_is_the_xor_of_length_and_body():
    assert sam.checksum(b"") == 0
    assert sam.checksum(bytes([0x00, 0x03, 0x20, 0x01])) == 0x22
    frame = sam.build_answer(sam.OK, bytes(range(40)))
    assert sam.checksum(frame[5:-1]) == frame[-1]
    # the length counts the body and the checksum, big endian
    assert int.from_bytes(frame[5:7], "big") == 3 + 40 + 1


def test_a_frame_fed_byte_by_byte():
    frames = sam.FrameBuffer()
    frame = sam.build_answer(sam.CARD_FOUND, bytes(4))
    for i, byte in enumerate(frame):
        assert frames.next_frame() is None
        frames.feed(bytes([byte]))
        if i >= len(sam.PREAMBLE) - 1:
            assert frames.in_frame or i == len(frame) - 1
    body = frames.next_frame()
    assert body == bytes([0, 0, sam.CARD_FOUND]) + bytes(4)
    assert sam.Answer.from_body(body).sw3 == sam.CARD_FOUND
    assert frames.pending == 0 and not frames.in_frame


def test_noise_before_a_frame_is_skipped_and_counted():
    frames = sam.FrameBuffer()
    noise = b"\x00\xff\xaa\xaa\x96\x69\x13\xaa\xaa\xaa\x96"  # two broken preambles
    frames.feed(noise + sam.build_answer(sam.NO_CARD))
    assert sam.Answer.from_body(frames.next_frame() or b"").sw3 == sam.NO_CARD
    assert frames.skipped == len(noise)


def test_a_split_preamble_is_kept_until_the_rest_comes():
    frames = sam.FrameBuffer()
    frame = sam.build_answer(sam.OK)
    frames.feed(b"\x01\x02" + frame[:3])
    assert frames.next_frame() is None
    assert frames.skipped == 2 and frames.pending == 3
    frames.feed(frame[3:])
    assert frames.next_frame() == bytes([0, 0, sam.OK])


def test_two_frames_in_one_feed():
    frames = sam.FrameBuffer()
    frames.feed(sam.build_answer(sam.CARD_FOUND, bytes(4)) + sam.build_answer(sam.OK, bytes(8)))
    assert sam.Answer.from_body(frames.next_frame() or b"").sw3 == sam.CARD_FOUND
    assert sam.Answer.from_body(frames.next_frame() or b"").data == bytes(8)
    assert frames.next_frame() is None


def test_a_wrong_checksum_is_reported_and_the_next_frame_still_read():
    frames = sam.FrameBuffer()
    bad = bytearray(sam.build_answer(sam.OK, b"\x01\x02"))
    bad[-1] ^= 0x5A
    frames.feed(bytes(bad) + sam.build_answer(sam.NO_CARD))
    with pytest.raises(sam.FrameError) as caught:
        frames.next_frame()
    assert caught.value.problem is sam.FrameProblem.BAD_CHECKSUM
    assert sam.Answer.from_body(frames.next_frame() or b"").sw3 == sam.NO_CARD


@pytest.mark.parametrize("length", [0, 2, sam.MAX_LENGTH + 1, 0xFFFF])
def test_an_impossible_length_is_reported(length):
    frames = sam.FrameBuffer()
    frames.feed(sam.PREAMBLE + length.to_bytes(2, "big") + bytes(8))
    with pytest.raises(sam.FrameError) as caught:
        frames.next_frame()
    assert caught.value.problem is sam.FrameProblem.BAD_LENGTH


def test_an_unfinished_frame_says_how_long_it_should_be():
    frames = sam.FrameBuffer()
    frame = sam.build_answer(sam.OK, bytes(100))
    frames.feed(frame[:50])
    assert frames.next_frame() is None
    assert frames.in_frame
    assert frames.pending == 50
    assert frames.expected() == len(frame)


def test_bodies_too_short_for_a_request_or_an_answer():
    with pytest.raises(sam.FrameError):
        sam.Answer.from_body(b"\x00\x00")
    with pytest.raises(sam.FrameError):
        sam.Request.from_body(b"\x20")
    request = sam.Request.from_body(b"\x30\x01")
    assert (request.cmd, request.para, request.data) == (0x30, 0x01, b"")


def test_an_answers_repr_shows_no_data():
    answer = sam.Answer(0, 0, sam.OK, "王秀英".encode("utf-16-le"))
    assert "王" not in repr(answer)
    assert repr(answer) == "Answer(00 00 90, 6 data bytes)"


def test_the_base_message_gives_the_text_and_not_the_photo():
    text, photo = bytes(range(256)), b"\xee" * sam.PHOTO_SIZE
    data = sam.base_message(text, photo)
    assert data[:4] == bytes.fromhex("0100 0400")  # 256 and 1024, big endian
    assert sam.base_message_text(data) == text
    frame = sam.build_answer(sam.OK, data)
    assert len(frame) == sam.READ_BASE.answer_max == 1295


@pytest.mark.parametrize("data", [
    b"\x01\x00",                                          # no room for the lengths
    bytes.fromhex("0080 0400") + bytes(128 + 1024),       # a text shorter than 256
    bytes.fromhex("0100 0400") + bytes(256 + 1000),       # shorter than its lengths say
])
def test_a_base_message_that_does_not_add_up(data):
    with pytest.raises(sam.FrameError):
        sam.base_message_text(data)


def test_line_time_at_8n1():
    assert sam.wire_seconds(11520, 115200) == pytest.approx(1.0)
    assert sam.wire_seconds(1295, 115200) * 1000 == pytest.approx(112.4, abs=0.1)


def test_every_status_has_words():
    for sw3 in (sam.OK, sam.CARD_FOUND, sam.NO_CARD, sam.SELECT_FAILED, sam.READ_FAILED, 0x60):
        assert sam.status_text(sw3) != f"unknown status {sw3:02X}"
    assert sam.status_text(0xEE) == "unknown status EE"
