"""Issue 12, finding 16: the log scrubber also masks ID numbers written with dashes or
spaces, landline numbers, and names written next to 姓名 (kiosk.ops.logs.scrub)."""

from __future__ import annotations

import logging

import pytest

from kiosk.ops.logs import scrub
from tests.helpers.log_files import kiosk_log, read_log


@pytest.mark.parametrize(("text", "expected"), [
    # ID numbers grouped with dashes or spaces, as people and forms write them
    ("110105-19491231-002X", "110105********002X"),
    ("110105 1949 1231 002X", "110105********002X"),
    ("ID: 1101-0519-4912-3100-2X.", "ID: 110105********002X."),
    ("身份证号：110105-1949-1231-002x", "身份证号：110105********002X"),
    # landlines, with the area code kept
    ("tel 010-62345678", "tel 010-****5678"),
    ("(0371) 6123 4567", "(0371) ****4567"),
    ("0371-61234567 ext", "0371-****4567 ext"),
    ("02161234567", "021****4567"),
    # names next to 姓名 (and the like), masked as on screen
    ("姓名：张小三，电话", "姓名：张*三，电话"),
    ("姓名:王五 预约", "姓名:王* 预约"),
    ("持证人 = 欧阳娜娜", "持证人 = 欧**娜"),
    ('{"姓名": "张小三"}', '{"姓名": "张*三"}'),
])
def test_more_personal_data_is_masked(text, expected):
    assert scrub(text) == expected


@pytest.mark.parametrize("text", [
    "2026-12-07 10:27:00,123 INFO kiosk: ready",  # a time stamp is no phone number
    "outbox item 42 of 100, seq 12345",
    "matter GA-0001 at hall city_centre",
    "姓名字段缺失",  # the word 姓名 with no name after it
])
def test_ordinary_lines_stay_readable(text):
    assert scrub(text) == text


def test_the_log_file_gets_them_masked(tmp_path):
    with kiosk_log(tmp_path / "logs") as path:
        logging.getLogger("kiosk.probe").warning("姓名：张小三 身份证 110105-19491231-002X 座机 010-62345678")
        text = read_log(path)
    assert "张小三" not in text and "19491231" not in text and "62345678" not in text
    assert "张*三" in text and "110105********002X" in text and "010-****5678" in text
