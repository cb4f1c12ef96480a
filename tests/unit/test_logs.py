"""Log files never hold a full ID number or mobile number: masking, the handlers, rotation."""

from __future__ import annotations

import logging

import pytest

from kiosk.ops import logs
from kiosk.ops.logs import scrub
from kiosk.rules import idnumber
from tests.helpers.log_files import kiosk_log, read_log

FULL_ID = "11010519491231002X"
MASKED_ID = "110105********002X"
MOBILE = "13800138000"
MASKED_MOBILE = "138****8000"


@pytest.fixture
def log_file(tmp_path):
    with kiosk_log(tmp_path / "logs") as path:
        yield path


@pytest.mark.parametrize(("text", "expected"), [
    (FULL_ID, MASKED_ID),
    ("11010519491231002x", "110105********002X"),
    ("110105194912310021", "110105********0021"),
    ("ID 110105 19491231 002X.", "ID 110105********002X."),
    ("old ID 110105491231002", "old ID 110105*****1002"),
    ("id=11010519491231002X&x=1", "id=110105********002X&x=1"),
    ("ID11010519491231002X", "ID110105********002X"),
    (MOBILE, MASKED_MOBILE),
    ("tel:+8613800138000", "tel:+86138****8000"),
    ("8613800138000", "86138****8000"),
    ("138 0013 8000 / 138-0013-8000", "138****8000 / 138****8000"),
    ('{"id_number": "11010519491231002X", "mobile": "15912345678"}',
     '{"id_number": "110105********002X", "mobile": "159****5678"}'),
])
def test_id_and_mobile_numbers_are_masked_as_slips_mask_them(text, expected):
    assert scrub(text) == expected


def test_the_id_mask_is_the_one_of_kiosk_idnumber():
    assert scrub(FULL_ID) == idnumber.mask(FULL_ID)


@pytest.mark.parametrize("text", [
    "seq 42, 3 waiting, HTTP 503",
    "1234567890123456789",            # 19 digits: not an ID
    "12345678901234567",              # 17 digits
    "12345678901",                    # 11 digits, not 13-19
    "1700000000123 ms",               # 13 digits starting 17
    "3f2b8c1e-0d4a-4b7e-9c55-1a2b3c4d5e6f",
    "2026-03-01T10:15:00Z",
    "示例市市民中心 · 办事指南",
])
def test_other_numbers_and_text_are_left_alone(text):
    assert scrub(text) == text


def test_scrubbing_twice_changes_nothing_more():
    once = scrub(f"{FULL_ID} {MOBILE}")
    assert scrub(once) == once


def test_a_logged_message_and_its_arguments_are_scrubbed(log_file):
    log = logging.getLogger("kiosk.booking.draft")
    log.warning("booking for %s, mobile %s refused", FULL_ID, MOBILE)
    log.info("预约 %s", "身份证 " + FULL_ID)
    text = read_log(log_file)
    assert FULL_ID not in text and MOBILE not in text
    assert f"booking for {MASKED_ID}, mobile {MASKED_MOBILE} refused" in text
    assert f"预约 身份证 {MASKED_ID}" in text  # UTF-8


def test_an_exception_message_and_traceback_are_scrubbed(log_file):
    log = logging.getLogger("kiosk.sync.engine")
    try:
        raise ValueError(f"no booking for {FULL_ID} / {MOBILE}")
    except ValueError:
        log.exception("send failed")
    log.info("where from %s", MOBILE, stack_info=True)
    text = read_log(log_file)
    assert "Traceback (most recent call last)" in text
    assert f"ValueError: no booking for {MASKED_ID} / {MASKED_MOBILE}" in text
    assert FULL_ID not in text and MOBILE not in text


def test_the_console_is_scrubbed_too(tmp_path, capsys):
    # as in the app: logging.basicConfig's console first, then the file
    console = logging.StreamHandler()
    root = logging.getLogger()
    root.addHandler(console)
    try:
        with kiosk_log(tmp_path):
            try:
                raise KeyError(FULL_ID)
            except KeyError:
                logging.getLogger("kiosk").exception("lookup of %s", MOBILE)
    finally:
        root.removeHandler(console)
    err = capsys.readouterr().err
    assert MASKED_ID in err and MASKED_MOBILE in err
    assert FULL_ID not in err and MOBILE not in err


def test_setting_up_twice_adds_one_file(log_file):
    assert logs.setup_file_logging(log_file.parent) == log_file
    files = [h for h in logging.getLogger().handlers if isinstance(h, logs.KioskFileHandler)]
    assert len(files) == 1
    logging.getLogger("kiosk").warning("once")
    assert read_log(log_file).count("once") == 1


def test_the_file_rotates_and_keeps_five(tmp_path, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    with kiosk_log(tmp_path) as path:
        for n in range(200):
            logging.getLogger("kiosk").warning("line %d for %s", n, FULL_ID)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["kiosk.log"] + [f"kiosk.log.{n}" for n in range(1, 6)]
    assert all(FULL_ID not in p.read_text(encoding="utf-8") for p in tmp_path.iterdir())
    assert path.stat().st_size <= 2_000


def test_closing_takes_everything_off(tmp_path):
    with kiosk_log(tmp_path):
        pass
    root = logging.getLogger()
    assert not any(isinstance(h, logs.KioskFileHandler) for h in root.handlers)
    assert not any(isinstance(f, logs.ScrubFilter) for h in root.handlers for f in h.filters)
