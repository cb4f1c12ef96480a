"""Chinese typography for text the code puts together: dates (and times), "label: value" lines,
a note in brackets, two sentences in a row.

Punctuation follows the text it comes after: after Chinese it is full-width
(：（）) and sentences join without a space ("请另选时间。其他……"); after English it is
ASCII with spaces. Chinese dates have no leading zeros ("2026年12月7日"), times keep
theirs ("09:05"). tests/ui/test_typography.py holds the same rules for the catalogue.
"""

from __future__ import annotations

from datetime import date, datetime

WEEKDAYS_ZH = "一二三四五六日"
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def is_chinese(ch: str) -> bool:
    """A Han character or Chinese (full-width) punctuation."""
    return ("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\u3000" <= ch <= "\u303f"
            or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—")


def _ends_chinese(text: str) -> bool:
    stripped = text.rstrip()
    return bool(stripped) and is_chinese(stripped[-1])


def _has_chinese(text: str) -> bool:
    return any(is_chinese(ch) for ch in text)


def chinese_date(day: date, *, year: bool = True, weekday: bool = False) -> str:
    """"2026年12月7日", "12月7日 星期一": no leading zeros."""
    text = f"{day.month}月{day.day}日"
    if year:
        text = f"{day.year}年{text}"
    if weekday:
        text += f" 星期{WEEKDAYS_ZH[day.weekday()]}"
    return text


def date_time(moment: datetime, lang: str, *, year: bool = True, seconds: bool = False) -> str:
    """A moment as a person reads it, in the moment's own time zone: "2026年12月7日 09:05"
    (the date without leading zeros, the time with them), "7 Dec 2026 09:05"."""
    clock = f"{moment:%H:%M:%S}" if seconds else f"{moment:%H:%M}"
    if lang.startswith("zh"):
        return f"{chinese_date(moment.date(), year=year)} {clock}"
    day = f"{moment.day} {MONTHS_EN[moment.month - 1]}" + (f" {moment.year}" if year else "")
    return f"{day} {clock}"


def label_line(label: str, value: str) -> str:
    """"预约号：A1B2" after a Chinese label, "Reference: A1B2" after an English one."""
    return f"{label}：{value}" if _ends_chinese(label) else f"{label}: {value}"


def aside(text: str, note: str) -> str:
    """A note in brackets after the text: "20 元（现场缴费）", "20 yuan (paid at the hall)"."""
    if not note:
        return text
    return f"{text}（{note}）" if _has_chinese(note) else f"{text} ({note})"


def clauses(*parts: str, mark: str = ",") -> str:
    """Parts of one sentence, with ``mark`` (, or ;) after each: "，" / "；" after Chinese,
    ", " / "; " after English."""
    out = ""
    for part in (p for p in parts if p):
        if out:
            out += {",": "，", ";": "；"}[mark] if _ends_chinese(out) else mark + " "
        out += part
    return out


def sentences(*parts: str) -> str:
    """Sentences in a row: no space after a Chinese one, one space after an English one."""
    out = ""
    for part in (p for p in parts if p):
        out += part if not out or _ends_chinese(out) else " " + part
    return out
