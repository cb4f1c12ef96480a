"""Lists that page: a page holds what fits (in 长辈版 too, in both orientations), and one
page bar turns the pages of lists and of long text alike."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tests.helpers.central_server import running_central
from tests.ui.checks import clipping_problems
from ui.gallery import as_screen
from ui.gallery.booking import booking_states
from ui.gallery.render import SIZES
from ui.screens.booking.when import BookDayScreen
from ui.widgets.buttons import TextButton
from ui.widgets.page_bar import PageBar
from ui.widgets.paged import PagedGrid
from ui.widgets.reading import ReadingArea


def room_for_one_more(grid: PagedGrid) -> bool:
    """Whether the page has room under its last row for one more row of the same height:
    a page that pages with such room sends an item to the next page for nothing."""
    items = grid.items_on_page()
    host = items[0].parentWidget()
    bottom = max(i.geometry().bottom() for i in items)
    row = max(i.height() for i in items)
    gap = grid.layout().spacing() if grid.layout() is not None else 0
    return host.height() - bottom - 1 >= gap + row


def rows(count: int):
    def factory(n: int):
        def make() -> TextButton:
            b = TextButton("row")
            b.setObjectName(f"item-{n}")
            b.set_texts(f"项目 {n + 1}")
            return b
        return make
    return [factory(n) for n in range(count)]


@pytest.mark.parametrize("height", [500, 900, 1500])
@pytest.mark.parametrize("columns", [1, 2])
def test_a_list_page_holds_every_row_that_fits(qtbot, height, columns):
    host = QWidget()
    qtbot.addWidget(host)
    QVBoxLayout(host).setContentsMargins(0, 0, 0, 0)
    grid = PagedGrid(host)
    host.layout().addWidget(grid)
    grid.configure(columns, None, 16)
    grid.set_items(rows(120))
    host.resize(900, height)
    host.show()
    qtbot.waitExposed(host)
    qtbot.wait(10)
    assert grid.page_count > 1
    assert len(grid.items_on_page()) > 4 * columns or height < 900
    assert not room_for_one_more(grid)
    # the page bar takes its own place: no row under it
    bar = grid.next_button.parentWidget()
    assert max(i.geometry().bottom() for i in grid.items_on_page()) < bar.geometry().top()


def test_tiles_keep_their_limit(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    QVBoxLayout(host).setContentsMargins(0, 0, 0, 0)
    grid = PagedGrid(host)
    host.layout().addWidget(grid)
    grid.configure(2, 4, 16)
    grid.set_items(rows(12))
    host.resize(900, 1500)
    host.show()
    qtbot.waitExposed(host)
    assert len(grid.items_on_page()) == 4 and grid.page_count == 3


@pytest.mark.parametrize("width, height", SIZES)
def test_the_days_of_a_booking_fill_the_page_in_elderly_mode(make_window, qtbot, tmp_path, connect,
                                                             width, height):
    """长辈版 showed four days a page where six fitted (the theme's tile limit)."""
    w = make_window(width, height, default_language="zh_CN", default_elderly=True)
    w.home()
    with running_central(f"sqlite:///{tmp_path / 'central.db'}") as url:
        connect(w, url)
        w.go("matter", code="GA-0001")
        w.screens["matter"].book_button.click()
        screen = as_screen(w.screens["book_day"], BookDayScreen)
        qtbot.waitUntil(lambda: not screen.busy and bool(screen.days), timeout=10_000)
        qtbot.wait(10)
        grid = screen.grid
        shown = grid.items_on_page()
        assert len(shown) > 4
        if grid.page_count > 1:
            assert not room_for_one_more(grid)
        else:
            assert len(shown) == len(screen.days)
        problems = clipping_problems(w)
        assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width, height", SIZES)
def test_the_offline_days_are_on_one_page_in_elderly_mode(make_window, qtbot, width, height):
    w = make_window(width, height, default_language="zh_CN", default_elderly=True)
    booking_states()["book_day"](w)
    qtbot.wait(10)
    screen = as_screen(w.screens["book_day"], BookDayScreen)
    assert screen.offline and len(screen.days) > 4
    assert screen.grid.page_count == 1
    assert len(screen.grid.items_on_page()) == len(screen.days)


def test_one_page_bar_turns_lists_and_text(qtbot, qapp, built_translations):
    from ui.i18n import LanguageSwitch

    LanguageSwitch(qapp).set_language("en")
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    grid = PagedGrid(host)
    area = ReadingArea(host)
    column = area.column()
    for n in range(40):
        label = QLabel(f"第 {n + 1} 行", column.parentWidget())
        column.addWidget(label)
    layout.addWidget(grid)
    layout.addWidget(area)
    grid.configure(1, None, 8)
    grid.set_items(rows(40))
    host.resize(600, 900)
    host.show()
    qtbot.waitExposed(host)
    qtbot.wait(10)
    for bar, owner in ((grid.findChild(PageBar), grid), (area.pager, area)):
        assert isinstance(bar, PageBar)
        assert owner.page_count > 1 and bar.isVisible()
        assert not bar.prev_button.isVisible() and bar.next_button.isVisible()
        assert bar.page_label.text() == f"Page 1 of {owner.page_count}"
        bar.next_button.click()
        assert owner.page == 1 and bar.prev_button.isVisible()
        assert bar.page_label.text() == f"Page 2 of {owner.page_count}"
        bar.prev_button.click()
        assert owner.page == 0 and not bar.prev_button.isVisible()


def test_the_bar_is_hidden_for_one_page(qtbot):
    bar = PageBar()
    qtbot.addWidget(bar)
    bar.show()
    bar.show_page(0, 1)
    assert not bar.isVisible()
    bar.show_page(2, 3)
    assert bar.isVisible() and bar.prev_button.isVisible() and not bar.next_button.isVisible()
