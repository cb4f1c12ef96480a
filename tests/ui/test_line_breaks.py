"""Chinese in buttons breaks at phrases (``PhraseLabel``), and the checks that would see
it break inside a word see it: the check is tested on a plain QLabel that breaks
"办事须/知" as Qt does."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from tests.ui.checks import cut_text_problems, line_break_problems
from ui.theme import pick_font_family
from ui.widgets.text_lines import PhraseLabel, label_lines


def button_with(kind: type[QLabel], text: str, width: int, qtbot) -> tuple[QWidget, QLabel]:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(width + 40, 400)
    button = QPushButton(window)
    button.setGeometry(20, 20, width, 300)
    label = kind(button)
    font = QFont(pick_font_family())
    font.setPixelSize(40)
    label.setFont(font)
    label.setWordWrap(True)
    label.setText(text)
    label.setGeometry(0, 0, width, 300)
    window.show()
    qtbot.waitExposed(window)
    return window, label


@pytest.mark.parametrize("text, width, broken", [
    ("① 办事须知", 170, "办事须/知"),     # the word fits on a line of its own
    ("③ 带到手机上", 230, "带到手机/上"),
    ("无需自带", 130, "无需自/带"),       # a character alone on the last line
])
def test_a_word_broken_in_a_button_is_seen(qtbot, text, width, broken):
    window, label = button_with(QLabel, text, width, qtbot)
    assert any(broken in p for p in line_break_problems(window)), \
        [line.text for line in label_lines(label)]


@pytest.mark.parametrize("text, width, lines", [
    ("① 办事须知", 170, ["① ", "办事须知"]),
    ("③ 带到手机上", 230, ["③ ", "带到手机上"]),
    ("带什么材料，去哪里办", 260, ["带什么材料，", "去哪里办"]),
    ("输入身份证号码", 230, ["输入身份", "证号码"]),  # too long for a line: even halves
])
def test_a_phrase_label_breaks_between_phrases(qtbot, text, width, lines):
    window, label = button_with(PhraseLabel, text, width, qtbot)
    assert label.text() == text  # as given; the joiners are its own
    assert [line.text for line in label_lines(label)] == lines
    assert line_break_problems(window) == []


def test_a_line_half_under_an_edge_is_seen(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(400, 400)
    frame = QWidget(window)
    frame.setGeometry(0, 0, 400, 100)
    QVBoxLayout(frame).setContentsMargins(0, 0, 0, 0)
    label = QLabel("第一行\n第二行\n第三行", frame)
    label.setGeometry(0, 0, 400, 200)  # taller than the frame that holds it
    window.show()
    qtbot.waitExposed(window)
    problems = cut_text_problems(window)
    assert problems and all("cut by" in p or "hidden by" in p for p in problems)


def test_the_unbreakable_pieces_are_those_between_spaces_and_chinese_characters() -> None:
    """``_unbreakable`` (a loop) cuts a text where the regular expression it replaced
    did: at whitespace runs, and before and after each Chinese character or full-width
    form; on 5,000 random texts of Chinese, Latin, digits, spaces and punctuation."""
    import random
    import re

    from ui.widgets.text_lines import _unbreakable

    pattern = re.compile(r"\s+|(?<=[\u3000-\u9fff\uff00-\uffef])|(?=[\u3000-\u9fff\uff00-\uffef])")
    alphabet = "ab 1\t\n身份证（）：，。Ｘ\u3000\u2060x-é"
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert _unbreakable(text) == [w for w in pattern.split(text) if w], text
    assert _unbreakable("输入 ID card号码") == ["输", "入", "ID", "card", "号", "码"]
