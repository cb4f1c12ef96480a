"""The rules of Chinese typography (tests/ui/test_typography.py says each), as one
function: ``problems_of(source, translation)`` for a catalogue message, and for the text
a screen shows (``tests.ui.checks.typography_problems``: the source is the text itself,
so only what is wrong in Chinese counts)."""

from __future__ import annotations

import itertools
import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Chinese punctuation, including the halves of …… and ——
ZH_PUNCT = "。，、；：？！“”‘’（）《》〈〉【】「」『』…—"
#: a placeholder stands for a word or number: it is set aside as this letter
WORD = "\x01"
PLACEHOLDER = re.compile(r"%n|%\d+|\{\w*\}")
TAG = re.compile(r"<[^>]+>|&\w+;")


def _prepared(text: str) -> str:
    return PLACEHOLDER.sub(WORD, TAG.sub("", text))


def _han(ch: str) -> bool:
    return bool(ch) and bool(re.match(f"[{HAN}]", ch))


def _latin(ch: str) -> bool:
    return bool(ch) and (ch.isascii() and ch.isalnum() or ch == WORD)


def _neighbours(text: str, i: int, width: int = 1) -> tuple[str, str]:
    """The nearest characters before and after text[i:i+width] that are not spaces."""
    before = text[:i].rstrip()
    after = text[i + width:].lstrip()
    return (before[-1] if before else ""), (after[0] if after else "")


def _single_ellipsis_or_dash(text: str) -> list[str]:
    """Rule 2: an ellipsis or a dash that is not two of its mark."""
    found = []
    for m in re.finditer(r"…+", text):
        if len(m.group()) != 2:
            found.append("rule 2: the ellipsis is ……")
    for m in re.finditer(r"—+", text):
        if len(m.group()) != 2:
            found.append("rule 2: the dash is ——")
    return found


def _leading_zero_date(text: str) -> list[str]:
    """Rule 6: "12月07日"."""
    return (["rule 6: a date with a leading zero"]
            if re.search(r"(?<!\d)0\d月|月0\d日", text) else [])


def problems_of(source: str, translation: str) -> list[str]:
    """What breaks the rules of the module docstring in one zh_CN translation."""
    text = _prepared(translation)
    found: list[str] = []
    # 1. ASCII punctuation: only inside numbers
    for m in re.finditer(r"[:?!,;()]|(?<!\.)\.(?!\.)", text):
        ch, i = m.group(), m.start()
        left, right = text[i - 1:i], text[i + 1:i + 2]
        if ch in ":,." and left.isdigit() and right.isdigit():
            continue
        if ch == "." and not _han(_neighbours(text, i)[0]) and _neighbours(text, i)[0] not in ZH_PUNCT:
            continue  # a dot in a Latin word or name (e.g. "v1.2"), not a full stop after Chinese
        full = {":": "：", "?": "？", "!": "！", ",": "，", ";": "；", "(": "（", ")": "）", ".": "。"}[ch]
        found.append(f"rule 1: ASCII {ch!r} (use {full!r})")
    # 2. ellipsis and dash
    found += _single_ellipsis_or_dash(text)
    if re.search(r"\.\.\.|–|--| - ", text):
        found.append("rule 2: ASCII ellipsis or dash (use …… or ——)")
    # 3. other ASCII punctuation between Chinese characters
    for m in re.finditer(r"[!-/:-@\[-`{-~]+", text):
        left, right = _neighbours(text, m.start(), len(m.group()))
        spaced_slash = m.group() == "/" and text[m.start() - 1:m.end() + 1] == " / "
        if _han(left) and _han(right) and not spaced_slash and m.group() not in ":?!,;()":
            found.append(f"rule 3: ASCII {m.group()!r} between Chinese characters")
    # 4. no space inside Chinese text
    if re.search(f"[{HAN}] +[{HAN}]", re.sub("日 星期", "日星期", text)):
        found.append("rule 4: a space between Chinese characters")
    if re.search(f" [{ZH_PUNCT}]|[{ZH_PUNCT}] ", text):
        found.append("rule 4: a space next to Chinese punctuation")
    # 5. one space between Chinese and a Latin word, number or placeholder (not in dates)
    for left, right in itertools.pairwise(text):
        if _han(left) and _latin(right):
            in_date = left in "年月" and right.isdigit()
        elif _latin(left) and _han(right):
            in_date = right in "年月日" and left.isdigit()
        else:
            continue
        if not in_date:
            pair = (left + right).replace(WORD, "%1")
            found.append(f"rule 5: no space in {pair!r} (write a space between Chinese and Latin/numbers)")
    if "  " in text:
        found.append("rule 5: a double space")
    # 6. dates without leading zeros
    found += _leading_zero_date(text)
    # 7. untranslated or internal
    if re.search(r"[A-Za-z]", _prepared(source)) and not re.search(f"[{HAN}]", text):
        found.append("rule 7: no Chinese in the translation of an English text")
    if re.search(r"[A-Za-z]+_[A-Za-z_]+", text):
        found.append("rule 7: an internal key")
    english = {w.lower() for w in re.findall(r"[A-Za-z]+", source)}
    for word in re.findall(r"[A-Za-z]{2,}", text):
        if not word.isupper() and word.lower() not in english:
            found.append(f"rule 7: the English word {word!r}")
    return found


def shown_text_problems(text: str) -> list[str]:
    """The rules that hold in every text a screen shows, data included, line by line
    (a line without Chinese, such as the English half of a bilingual notice, is left
    alone): ASCII punctuation beside a Chinese character (rule 1), an ellipsis or dash
    that is not doubled (2), a date with a leading zero (6), an internal key (7).
    The spacing rules (3 to 5) are the catalogue's house style only: a hall's address
    or a matter's conditions keep the spelling of their source ("2号楼一层 A区")."""
    found: list[str] = []
    for line in text.splitlines():
        if not re.search(f"[{HAN}]", line):
            continue
        for m in re.finditer(r"[:?!,;()]", line):
            left, right = _neighbours(line, m.start())
            if _han(left) or _han(right) or left in ZH_PUNCT or right in ZH_PUNCT:
                found.append(f"rule 1: ASCII {m.group()!r} beside Chinese")
        found += _single_ellipsis_or_dash(line) + _leading_zero_date(line)
        if re.search(r"\b[a-z]+_[a-z_]+\b", line):
            found.append("rule 7: an internal key")
    return found
