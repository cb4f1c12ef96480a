"""The service-lookup journey, tapped through the real widgets, in both modes and languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.checks import clipping_problems, cut_text_problems

COMBINATIONS = [("zh_CN", False), ("zh_CN", True), ("en", False), ("en", True)]


def tap(qtbot, widget):
    assert widget is not None and widget.isVisible(), f"{widget} is not there to tap"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_with_ime(widget, text):
    """Chinese as an input method delivers it: one committed string."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def find_row(grid, prefix):
    """Page through a PagedGrid until a row whose object name starts with prefix shows."""
    for _ in range(grid.page_count):
        for w in grid.items_on_page():
            if w.objectName().startswith(prefix):
                return w
        if not grid.next_button.isVisible():
            break
        grid.next_button.click()
    return None


def tile(window, screen, key):
    s = window.screens[screen]
    for _ in range(s.grid.page_count):
        b = s.button(key)
        if b is not None:
            return b
        s.grid.next_button.click()
    return None


@pytest.mark.parametrize("language, elderly", COMBINATIONS)
def test_find_by_pinyin_initials_tick_and_take_to_phone(make_window, qtbot, language, elderly,
                                                        demo_catalogue):
    w = make_window(default_language=language, default_elderly=elderly)
    assert w.current.name == "attract"
    tap(qtbot, w.screens["attract"].start_button)
    assert w.current.name == "home"
    tap(qtbot, tile(w, "home", "services"))
    tap(qtbot, tile(w, "services", "search"))
    search = w.screens["search"]
    for letter in "sbk":
        tap(qtbot, search.keyboard.keys[letter])
    assert search.field.text() == "sbk"
    target = next(m for m in demo_catalogue.matters if m.name.zh == "社会保障卡补换")
    row = find_row(search.grid, f"matter-{target.code}")
    assert row is not None, "社会保障卡补换 is not among the results for sbk"
    tap(qtbot, row)
    matter = w.screens["matter"]
    assert w.current is matter and matter.matter.code == target.code
    assert matter.title.text() == (target.name.zh if language == "zh_CN" else target.name.en)
    tap(qtbot, matter.tab_buttons["materials"])
    first = matter.materials_grid.items_on_page()[0]
    tap(qtbot, first)
    assert first.isChecked()
    assert 0 in w.session.has(target.code)
    tap(qtbot, matter.tab_buttons["handoff"])
    assert f"/{target.code}?have=1&" in matter.qr.text
    assert matter.qr.text.endswith(f"lang={language}")
    tap(qtbot, w.footer.back_button)
    assert w.current.name == "search" and search.field.text() == "sbk"
    tap(qtbot, w.footer.home_button)
    assert w.current.name == "home"


def test_browse_by_department_and_life_event(make_window, qtbot, demo_catalogue):
    w = make_window()
    w.home()
    tap(qtbot, tile(w, "home", "services"))
    tap(qtbot, tile(w, "services", "departments"))
    dept = demo_catalogue.departments[0]
    tap(qtbot, tile(w, "departments", dept.code))
    listing = w.screens["matter_list"]
    assert listing.title.text() == dept.name.zh
    codes = {m.code for m in demo_catalogue.matters_of_department(dept.code)}
    shown = {x.objectName().removeprefix("matter-") for x in listing.grid.items_on_page()}
    assert shown and shown <= codes
    w.back()
    w.back()
    tap(qtbot, tile(w, "services", "life_events"))
    tap(qtbot, tile(w, "life_events", "birth"))
    assert w.screens["matter_list"].title.text() == demo_catalogue.theme("birth").name.zh


def test_elderly_zone_from_home(make_window, qtbot, demo_catalogue):
    w = make_window(default_elderly=True)
    w.home()
    tap(qtbot, tile(w, "home", "elderly"))
    listing = w.screens["matter_list"]
    assert listing.title.text() == "老年人服务专区"
    # a list shows what fits (not four tiles at most), each item whole
    assert len(listing.grid.items_on_page()) > 4
    problems = clipping_problems(w) + cut_text_problems(w)
    assert not problems, "\n".join(problems)
    shown = [x.objectName().removeprefix("matter-") for x in listing.grid.items_on_page()]
    assert all("elderly" in demo_catalogue.matter(c).themes for c in shown)


def test_hardware_keyboard_chinese_and_no_results(make_window, qtbot):
    w = make_window()
    w.home()
    w.go("search")
    search = w.screens["search"]
    type_with_ime(search.field, "身份证")
    assert search.last_hits, "typing 身份证 found nothing"
    assert search.last_hits[0].matter.name.zh == "居民身份证换领"
    search.field.clear()
    qtbot.keyClicks(search.field, "qqqqzzzz")
    assert search.last_hits == []
    assert search.staff_button.isVisible()
    assert "qqqqzzzz" in search.status.text()
    # nothing close: every department and life event, and staff
    names = [b.objectName() for b in search.grid.items_on_page()]
    assert names and all(n.startswith("lead-") for n in names)
    tap(qtbot, search.staff_button)
    assert w.current.name == "call_staff"


def test_no_matches_lead_to_the_closest_departments_and_life_events(make_window, qtbot,
                                                                    demo_catalogue):
    w = make_window(default_language="en")
    w.home()
    w.go("search")
    search = w.screens["search"]
    type_with_ime(search.field, "狗证")  # no matter holds it; 证 points somewhere
    assert search.last_hits == []
    assert search.staff_button.isVisible() and "These may have it" in search.status.text()
    rows = {b.objectName(): b for b in search.grid.items_on_page()}
    assert "lead-department-GA" in rows
    assert len(rows) < len(demo_catalogue.departments) + len(demo_catalogue.themes)
    tap(qtbot, rows["lead-department-GA"])
    assert w.current.name == "matter_list"
    codes = {m.department for m in w.screens["matter_list"].matters()}
    assert codes == {"GA"}


def test_on_screen_keyboard_edits(make_window, qtbot):
    w = make_window()
    w.home()
    w.go("search")
    s = w.screens["search"]
    for k in ("s", "f", "z", "space", "backspace"):
        tap(qtbot, s.keyboard.keys[k])
    assert s.field.text() == "sfz"
    tap(qtbot, s.keyboard.keys["clear"])
    assert s.field.text() == ""


def test_language_and_mode_switch_take_effect_at_once(make_window, qtbot, demo_catalogue):
    w = make_window()
    w.home()
    code = demo_catalogue.most_used(1)[0].code
    w.go("matter", code=code)
    matter = w.screens["matter"]
    assert matter.title.text() == demo_catalogue.matter(code).name.zh
    tap(qtbot, w.header.language_button)
    assert w.current is matter
    assert matter.title.text() == demo_catalogue.matter(code).name.en
    assert w.footer.home_button.text_content() == "Home"
    small = w.footer.home_button.height()
    tap(qtbot, w.header.elderly_button)
    qtbot.waitUntil(lambda: w.footer.home_button.height() > small)
    assert w.presentation.elderly and w.footer.home_button.height() >= 96
    assert "on" in w.header.elderly_button.text_content()


def test_coming_soon_says_so_and_offers_help(make_window):
    w = make_window(default_language="en")
    w.home()
    w.go("coming_soon", feature="certificate")
    screen = w.screens["coming_soon"]
    assert "Coming soon" in screen.instruction.text()
    assert screen.staff_button.isVisible() and screen.home_button.isVisible()


def test_booking_without_a_central_platform_says_so(make_window, qtbot, demo_catalogue):
    w = make_window(default_language="en")
    w.home()
    tap(qtbot, tile(w, "home", "book"))
    assert w.current.name == "matter_list" and w.current.title.text() == "Book an appointment"
    rows = w.screens["matter_list"].grid.items_on_page()
    codes = [r.objectName().removeprefix("matter-") for r in rows]
    assert rows and all(demo_catalogue.matter(c).bookable for c in codes)
    rows[0].click()
    assert w.current.name == "matter"
    w.screens["matter"].book_button.click()
    screen = w.screens["coming_soon"]
    assert w.current is screen
    assert "not connected to the booking service" in screen.instruction.text()


def test_unknown_matter_code_is_explained_not_a_crash(make_window):
    w = make_window(default_language="en")
    w.home()
    w.go("matter", code="NO-SUCH")
    assert w.screens["matter"].title.text() == "Service not found"
    assert not w.screens["matter"].book_button.isVisible()
