"""Chinese typography of the zh_CN catalogue (translations/kiosk_zh_CN.ts), and the words
the code puts around catalogue text (dates, labels, the staff panel's outbox rows).

Every zh_CN translation is Chinese text, so these rules hold in each one, after
placeholders (%1, %n, {name}) and HTML tags are set aside:

1. Punctuation is full-width: ：？！，；（）, not ASCII : ? ! , ; ( ). ASCII stays only
   inside numbers (10:42, 1,000, 3.5). A full stop after Chinese is 。, never ".".
2. The ellipsis is …… (two U+2026) and the dash —— (two U+2014): no lone … or —, no
   "...", no en dash –, no "--" or " - ".
3. No other ASCII punctuation between two Chinese characters (use “” for quotes).
   The one exception is " / ", the separator mark (GB/T 15834 分隔号) between two
   labels of one button, e.g. "我的预约 / 签到取号".
4. No space inside Chinese text: none between two Chinese characters (but a date and
   its weekday are two units: "12月7日 星期一"), none before or after Chinese
   punctuation (catches "请另选时间。 其他").
5. Mixed text, one rule: a single space between a Chinese character and a Latin word,
   a number or a placeholder ("还剩 %1 个名额", "PIN 码", "60 岁"), except in a date,
   which is one unit ("2026年12月7日"). Icons (⚠ ✓ ● ①) are not letters and may be
   followed by a space.
6. Dates have no leading zero: "12月7日", never "12月07日".
7. Nothing untranslated or internal: a translation of an English sentence has Chinese
   in it, no snake_case key (unknown_matter), and a Latin word only when it is an
   acronym (QR, PDF, ID, PIN) or appears in the English source too (what to type:
   "sfz", a command: "kiosk staff unlock", a name: "Python").

A failure lists each offending message with its context, source and translation.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.ui.typography_rules import HAN, problems_of

ROOT = Path(__file__).resolve().parents[2]


def zh_messages(path: Path = ROOT / "translations" / "kiosk_zh_CN.ts"):
    """(context, source, translation) for every zh_CN translation and plural form."""
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for m in context.iter("message"):
            source = m.findtext("source") or ""
            tr = m.find("translation")
            assert tr is not None
            forms = [f.text or "" for f in tr.findall("numerusform")] if m.get("numerus") else [tr.text or ""]
            for form in forms:
                yield name, source, form


def catalogue_findings(path: Path = ROOT / "translations" / "kiosk_zh_CN.ts") -> list[str]:
    return [f"{context}: {source!r} -> {translation!r}: {problem}"
            for context, source, translation in zh_messages(path)
            for problem in problems_of(source, translation)]


def test_the_zh_catalogue_follows_chinese_typography():
    findings = catalogue_findings()
    assert not findings, f"{len(findings)} typography problems in kiosk_zh_CN.ts:\n" + "\n".join(findings)


@pytest.mark.parametrize(("translation", "rule"), [
    ("我要办什么?", "rule 1"),
    ("预约号: %1", "rule 1"),
    ("20 元 (现场缴费)", "rule 1"),
    ("请稍等.", "rule 1"),
    ("作废…", "rule 2"),
    ("异常—请到窗口", "rule 2"),
    ("正在连接...", "rule 2"),
    ("请点\"修改\"", "rule 3"),
    ("请另选时间。 其他", "rule 4"),
    ("政务服务 自助办理", "rule 4"),
    ("60岁以上", "rule 5"),
    ("已于%1过期", "rule 5"),
    ("12月07日", "rule 6"),
    ("的 ticket —— unknown_matter", "rule 7"),
    ("Done", "rule 7"),
])
def test_the_rules_catch_what_they_are_for(translation, rule):
    assert any(p.startswith(rule) for p in problems_of("Some English text", translation)), translation


@pytest.mark.parametrize("translation", [
    "版本：%1（Python %2）",
    "还剩 %1 个名额",
    "请输入 PIN 码（6 至 8 位数字），然后点“登录”。",
    "⚠ 状态：异常——请到窗口咨询。",
    "正在打印……请取走凭条。",
    "我的预约 / 签到取号",
    "2026年12月7日 星期一 09:30",
    "可输入拼音首字母（sfz = 身份证）、全拼、中文或英文。",
    "音量 %1%",
    "<b>%1</b> 项服务",
    "%3 呼叫 · %1 · 页面：%2",
])
def test_the_rules_leave_good_text_alone(translation):
    source = "Version: %1 (Python %2), type sfz"
    assert problems_of(source, translation) == []


def test_the_test_can_fail_on_a_catalogue(tmp_path):
    ts = tmp_path / "kiosk_zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="zh_CN">'
        "<context><name>Home</name><message><source>What would you like to do?</source>"
        "<translation>我要办什么?</translation></message></context></TS>", encoding="utf-8")
    assert catalogue_findings(ts) == [
        "Home: 'What would you like to do?' -> '我要办什么?': rule 1: ASCII '?' (use '？')"]


# -- the text the code composes around catalogue text ---------------------------------


def test_chinese_dates_have_no_leading_zeros():
    from kiosk.booking.slips import local_when
    from kiosk.rules.typography import chinese_date

    assert chinese_date(date(2026, 12, 7)) == "2026年12月7日"
    assert chinese_date(date(2026, 3, 1), year=False, weekday=True) == "3月1日 星期日"
    when = local_when(datetime.fromisoformat("2026-03-02T01:05:00+00:00"), "Asia/Shanghai", "zh")
    assert when == "2026年3月2日 星期一 09:05"
    assert problems_of("When", when) == []


def test_date_and_time_read_as_a_date_not_as_numbers():
    """The staff panel said "2026-12-07 20:25" and "12-07 10:42:05"."""
    from kiosk.rules.typography import date_time

    moment = datetime(2026, 3, 2, 9, 5, 7)
    assert date_time(moment, "zh") == "2026年3月2日 09:05"
    assert date_time(moment, "zh_CN", year=False, seconds=True) == "3月2日 09:05:07"
    assert date_time(moment, "en") == "2 Mar 2026 09:05"
    assert date_time(moment, "en", year=False) == "2 Mar 09:05"
    assert problems_of("When", date_time(moment, "zh")) == []


def test_the_staff_panel_says_its_dates_in_chinese(make_window):
    """A dead letter's date and the health lines: Chinese dates, no "2026-12-07"."""
    from ui.gallery import as_screen
    from ui.gallery.staff import staff_states
    from ui.screens.staff_panel import StaffPanelScreen

    w = make_window(default_language="zh_CN")
    staff_states()["staff_panel"](w)
    screen = as_screen(w.current, StaffPanelScreen)
    (item, label, _retry, _discard), = screen.dead_rows
    stamp = item.created_at  # UTC on the wire; the hall's date and time on the panel
    local = datetime.fromisoformat(stamp).astimezone(ZoneInfo(w.settings.timezone))
    assert f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}" in label.text()
    assert problems_of("StaffPanel", label.text()) == []
    for text in (label.text(), screen.health.text()):  # the health names /dev/video0
        assert not re.search(r"\d+-\d+", text), text


def test_labels_notes_and_sentences_take_the_punctuation_of_their_language():
    from kiosk.rules.typography import aside, label_line, sentences

    assert label_line("预约号", "A1B2") == "预约号：A1B2"
    assert label_line("Reference", "A1B2") == "Reference: A1B2"
    assert aside("20 元", "现场缴费") == "20 元（现场缴费）"
    assert aside("20 yuan", "paid at the hall") == "20 yuan (paid at the hall)"
    assert sentences("请另选时间。", "其他可预约的时间：") == "请另选时间。其他可预约的时间："
    assert sentences("Please choose another time.", "Other free times:") == \
        "Please choose another time. Other free times:"
    for text in (label_line("预约号", "A1B2"), aside("20 元", "现场缴费"),
                 sentences("请另选时间。", "其他可预约的时间：")):
        assert problems_of("Text", text) == []


def test_the_staff_panel_names_every_outbox_kind_and_problem_in_words(qapp, built_translations):
    """The staff panel showed "的 ticket —— unknown_matter": kinds and problem codes are
    words now, in Chinese with nothing of the code left (an unknown code is labelled)."""
    from kiosk.sync.engine import RESIDENT_ANSWERS
    from kiosk.sync.outbox import KINDS
    from ui.i18n import LanguageSwitch
    from ui.outbox_words import kind_text, problem_text

    switch = LanguageSwitch(qapp)
    try:
        switch.set_language("zh_CN")
        codes = [*RESIDENT_ANSWERS, "unknown_matter", "unknown_hall", "invalid_id_number",
                 "unreachable", "timeout", "bad_response", "unauthorized", "http_503",
                 "bad_trust_list_signature", "older_staff_list", "internal: TypeError",
                 "unreachable: cannot connect to http://central"]
        for text in [*(kind_text(k) for k in KINDS), *(problem_text(c) for c in codes)]:
            assert re.search(f"[{HAN}]", text) and not re.search("[A-Za-z]", text), text
        assert kind_text("ticket") == "取号"
        assert problem_text("unknown_matter") == "本大厅不办理这项事项"
        assert problem_text("a_new_code") == "其他问题（代码 a_new_code）"
        switch.set_language("en")
        assert problem_text("unknown_matter") == "this hall does not handle that service"
    finally:
        switch.set_language("en")


def test_a_matter_says_online_not_yet_and_puts_its_fee_note_in_chinese_brackets(make_window):
    """"网上可办：不可以" read as a prohibition; "20 元 (…)" had ASCII brackets."""
    from PySide6.QtWidgets import QLabel

    w = make_window(default_language="zh_CN")
    w.home()
    w.go("matter", code="GA-0001")  # not online; 20 yuan with a note
    grid = w.screens["matter"].facts_grid
    facts = {}
    for r in range(grid.rowCount()):  # label, value: in one column pair, or two in landscape
        for c in range(0, grid.columnCount() - 1, 2):
            key, value = grid.itemAtPosition(r, c), grid.itemAtPosition(r, c + 1)
            if key is not None and value is not None:
                k, v = key.widget(), value.widget()
                assert isinstance(k, QLabel) and isinstance(v, QLabel)
                facts[k.text()] = v.text()
    assert facts["网上可办"] == "暂不支持"
    assert facts["收费"] == "20 元（证件工本费；可选择邮寄送达，邮费自付）"


# -- the text every gallery state shows (tests/ui/test_accessibility.py) ---------------


@pytest.mark.parametrize(("text", "rule"), [
    ("预约号: A1B2", "rule 1"),
    ("您还在吗?", "rule 1"),
    ("20 元 (现场缴费)", "rule 1"),
    ("作废…", "rule 2"),
    ("异常—请到窗口", "rule 2"),
    ("时间：12月07日 09:30", "rule 6"),
    ("的 ticket —— unknown_matter", "rule 7"),
])
def test_the_shown_text_rules_catch_what_they_are_for(text, rule):
    from tests.ui.typography_rules import shown_text_problems

    assert any(p.startswith(rule) for p in shown_text_problems(text)), text


@pytest.mark.parametrize("text", [
    "2号楼一层 公安户政 A区 1-6号窗口",  # a hall's address as its source spells it
    "您还在吗？\nAre you still there?",  # the English line of a bilingual notice
    "张*三",  # a masked name
    "上午 09:00–09:30",
    "时间：2026年12月7日 星期一 09:30",
    "预约号：SAMPLE01",
])
def test_the_shown_text_rules_leave_data_alone(text):
    from tests.ui.typography_rules import shown_text_problems

    assert shown_text_problems(text) == []


def test_a_screen_showing_ascii_punctuation_in_chinese_is_seen(make_window):
    from PySide6.QtWidgets import QLabel

    from tests.ui.checks import typography_problems

    w = make_window(1920, 1080, default_language="zh_CN")
    w.home()
    assert typography_problems(w) == []
    QLabel("您还在吗?", w.current).show()
    assert any("rule 1" in p and "您还在吗?" in p for p in typography_problems(w))
