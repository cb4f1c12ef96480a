"""A matter's screen: its checklist asks only for what the resident brings, and "book"
is the screen's action, not one of its parts."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel

from tests.ui.checks import clipping_problems, cut_text_problems
from ui.gallery import as_screen
from ui.gallery.render import SIZES
from ui.screens.matter import MatterScreen

#: 居民身份证换领: the photo is taken at the window ("无需自带")
MATTER = "GA-0001"


def materials(w) -> MatterScreen:
    w.go("matter", code=MATTER, part="materials")
    return as_screen(w.screens["matter"], MatterScreen)


def test_the_photo_taken_at_the_window_is_not_something_to_prepare(make_window, qtbot,
                                                                    demo_catalogue):
    """"近期免冠照片 … 无需自带" was listed as "☐ 还需要准备"."""
    matter = demo_catalogue.matter(MATTER)
    photo = next(i for i, m in enumerate(matter.materials) if m.name.zh == "近期免冠照片")
    assert not matter.materials[photo].brought
    brought = [i for i, m in enumerate(matter.materials) if m.brought]
    w = make_window(1080, 1920, default_language="zh_CN")
    screen = materials(w)
    qtbot.wait(10)
    items = {x.objectName(): x for x in screen.materials_grid.items_on_page()}
    assert set(items) == {f"material-{i}" for i in range(len(matter.materials))}
    card = items[f"material-{photo}"]
    assert not isinstance(card, QAbstractButton)  # nothing to tick
    texts = [label.text() for label in card.findChildren(QLabel)]
    assert "无需自带" in texts and not any("还需要准备" in t for t in texts)
    for i in brought:  # what is brought stays a box to tick, before what is not
        row = items[f"material-{i}"]
        assert isinstance(row, QAbstractButton) and row.isCheckable()
    order = [x.objectName() for x in screen.materials_grid.items_on_page()]
    assert order[-1] == f"material-{photo}"
    assert screen.materials_summary.text() == f"已带好 0 项，共 {len(brought)} 项。请点击您已带好的材料。"
    items[f"material-{brought[0]}"].click()
    assert screen.materials_summary.text().startswith(f"已带好 1 项，共 {len(brought)} 项")
    # what the phone takes away: the photo is not among the things still to get
    screen.tab_buttons["handoff"].click()
    assert "还需要准备" in screen.handoff_text.text()
    assert "近期免冠照片" not in screen.handoff_text.text()


@pytest.mark.parametrize("width, height", SIZES)
@pytest.mark.parametrize("elderly", [False, True], ids=["standard", "elderly"])
def test_book_is_an_action_apart_from_the_parts(make_window, qtbot, width, height, elderly):
    """"预约办理" sat in the row of ① ② ③ and read as a fourth tab."""
    w = make_window(width, height, default_language="zh_CN", default_elderly=elderly)
    w.go("matter", code=MATTER)
    qtbot.wait(10)
    screen = as_screen(w.screens["matter"], MatterScreen)
    book = screen.book_button
    assert book.isVisible() and not book.isCheckable()
    assert book.property("role") == "primary" and book.icon_label is not None
    assert book.icon_label.isVisible()  # the calendar: an action, where no tab has an icon
    top, bottom = book.mapTo(w, book.rect().topLeft()).y(), book.mapTo(w, book.rect().bottomLeft()).y()
    for part in screen.tab_buttons.values():
        assert part.property("role") == "secondary" and part.icon_label is None
        p_top = part.mapTo(w, part.rect().topLeft()).y()
        p_bottom = part.mapTo(w, part.rect().bottomLeft()).y()
        assert bottom < p_top or top > p_bottom, "the book button shares the row of parts"
    problems = clipping_problems(w) + cut_text_problems(w)
    assert not problems, "\n".join(problems)
