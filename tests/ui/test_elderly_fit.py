"""长辈版 fits on one screen: every primary function on the home screen without paging
(also when a notice takes some of the height), and long content turned through with
big buttons, a whole line at a time, never scrolled under a thin scrollbar."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from tests.ui.checks import clipping_problems, cut_text_problems, scrollbar_problems
from ui.gallery import as_screen
from ui.gallery.render import SIZES, sample_matter
from ui.screens.home import HomeScreen
from ui.screens.matter import MatterScreen
from ui.speech import ReadAloud
from ui.widgets.text_lines import label_lines


class NoEngine(ReadAloud):
    """A kiosk where QTextToSpeech finds no engine: Read aloud shows a notice."""

    def _make_engine(self):
        return None


HOME_TILES = {"services", "elderly", "certificate", "book", "appointments", "staff"}


@pytest.mark.parametrize("width, height", SIZES)
@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("notice", [False, True], ids=["plain", "notice"])
def test_home_in_elderly_mode_is_one_page(make_window, qtbot, width, height, language, notice):
    w = make_window(width, height, default_language=language, default_elderly=True,
                    window_options={"speech": NoEngine()})
    w.home()
    if notice:
        w.footer.read_button.click()
        qtbot.waitUntil(w.toast.isVisible)
    qtbot.wait(10)  # the grid re-fits to the height the notice leaves
    home = as_screen(w.screens["home"], HomeScreen)
    assert home.grid.page_count == 1
    assert not home.grid.next_button.isVisible()
    shown = {key for key in HOME_TILES if (b := home.button(key)) is not None and b.isVisible()}
    assert shown == HOME_TILES
    problems = clipping_problems(w) + cut_text_problems(w)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_long_matter_is_turned_through_by_page_not_scrolled(make_window, qtbot, demo_catalogue,
                                                               language):
    w = make_window(1920, 1080, default_language=language, default_elderly=True)
    w.go("matter", code=sample_matter(demo_catalogue))
    qtbot.wait(10)
    area = as_screen(w.screens["matter"], MatterScreen).overview_scroll
    assert area.page_count > 1  # 长辈版 landscape: the facts do not fit on one page
    seen: set[tuple[str, int]] = set()  # (fact, line) seen whole on some page
    facts = [area.widget().findChild(QLabel, f"fact-{n}") for n in range(11)]
    for page in range(area.page_count):
        assert area.page == page
        assert not scrollbar_problems(w)
        problems = cut_text_problems(w)
        assert not problems, f"page {page + 1}: " + "\n".join(problems)
        viewport = area.viewport()
        for label in facts:
            top = label.mapTo(viewport, label.rect().topLeft()).y()
            for n, line in enumerate(label_lines(label)):
                if top + line.top >= 0 and top + line.bottom <= viewport.height() + 1:
                    seen.add((label.objectName(), n))
        if page < area.page_count - 1:
            area.next_button.click()
    assert area.prev_button.isVisible() and not area.next_button.isVisible()
    every = {(label.objectName(), n) for label in facts for n in range(len(label_lines(label)))}
    assert every <= seen, f"never shown whole: {sorted(every - seen)}"


@pytest.mark.parametrize("width, height", SIZES)
def test_several_materials_a_page(make_window, qtbot, demo_catalogue, width, height):
    """Not one material a page ("第1页，共4页"): two across in landscape, all four of the
    sample matter in portrait."""
    w = make_window(width, height, default_language="zh_CN", default_elderly=True)
    w.go("matter", code=sample_matter(demo_catalogue), part="materials")
    qtbot.wait(10)
    grid = as_screen(w.screens["matter"], MatterScreen).materials_grid
    assert len(grid.items_on_page()) >= (2 if width > height else 4)
    problems = clipping_problems(w) + cut_text_problems(w)
    assert not problems, "\n".join(problems)
