"""The "Are you still there?" dialog and the session wipe, on an injected clock."""

from __future__ import annotations

from PySide6.QtCore import Qt


def tick(window, clock, seconds):
    clock.advance(seconds)
    window.check_idle()


def test_dialog_counts_down_and_wipes_everything(make_window, clock, qtbot, demo_catalogue):
    w = make_window()
    w.home()
    w.set_language("en")
    w.set_elderly(True)
    code = demo_catalogue.most_used(1)[0].code
    w.go("matter", code=code, part="materials")
    w.screens["matter"].materials_grid.items_on_page()[0].click()
    w.go("search")
    qtbot.keyClicks(w.screens["search"].field, "passport")
    assert w.session.has(code) == {0}

    tick(w, clock, 179)
    assert not w.overlay.isVisible()
    tick(w, clock, 1)  # 长辈版: 180 s
    assert w.overlay.isVisible()
    assert "30 seconds" in w.overlay.countdown.text()
    tick(w, clock, 10)
    assert "20 seconds" in w.overlay.countdown.text()
    tick(w, clock, 20)

    assert w.current.name == "attract"
    assert not w.overlay.isVisible()
    assert w.presentation.language == "zh_CN" and not w.presentation.elderly
    assert w.screens["search"].field.text() == ""
    assert w.screens["matter"].matter is None
    assert w.screens["matter"].qr.text == ""
    assert w.session.checklists == {}
    assert w.footer.home_button.text_content() == "首页"


def test_still_here_keeps_the_session_again_and_again(make_window, clock, qtbot):
    w = make_window()
    w.home()
    w.go("services")
    for _ in range(12):
        tick(w, clock, 90)
        assert w.overlay.isVisible()
        qtbot.mouseClick(w.overlay.button, Qt.MouseButton.LeftButton)
        assert not w.overlay.isVisible()
        assert w.current.name == "services"
    tick(w, clock, 89)
    assert not w.overlay.isVisible()


def test_touching_the_screen_postpones_the_dialog(make_window, clock, qtbot):
    w = make_window()
    w.home()
    tick(w, clock, 80)
    qtbot.mouseClick(w.screens["home"].grid, Qt.MouseButton.LeftButton)
    tick(w, clock, 80)
    assert not w.overlay.isVisible()
    assert w.current.name == "home"


def test_attract_screen_never_times_out(make_window, clock):
    w = make_window()
    tick(w, clock, 10_000)
    assert w.current.name == "attract" and not w.overlay.isVisible()


def test_hall_defaults_are_restored(make_window, clock):
    w = make_window(default_language="en", default_elderly=True)
    w.home()
    w.set_language("zh_CN")
    w.set_elderly(False)
    tick(w, clock, 90)
    tick(w, clock, 30)
    assert w.current.name == "attract"
    assert w.presentation.language == "en" and w.presentation.elderly


def test_the_first_screens_are_made_while_nobody_is_at_the_kiosk(make_window, qtbot):
    from ui.screen_stack import FIRST_REACHED

    w = make_window()
    assert w.current.name == "attract" and not w.screens.is_built("services")
    w.prepare_screens()
    qtbot.waitUntil(lambda: w.prepared, timeout=15_000)
    assert all(w.screens.is_built(n) for n in FIRST_REACHED)
    assert w.screens["scan"].worker is None  # made, but the camera opens for a resident
    assert w.current.name == "attract"  # made, not shown


def test_a_resident_at_the_kiosk_is_not_made_to_wait_for_them(make_window, qtbot, clock):
    w = make_window()
    w.home()  # a session: the screens wait until it ends
    w.prepare_screens()
    qtbot.wait(300)
    assert not w.prepared and not w.screens.is_built("services")
    w.wipe()
    qtbot.waitUntil(lambda: w.prepared, timeout=15_000)


def test_the_work_that_can_wait_starts_after_the_first_paint_once(
        qtbot, qapp, demo_catalogue, demo_index, built_translations, clock):
    from kiosk.device.settings import Settings
    from ui.i18n import LanguageSwitch
    from ui.shell import KioskWindow

    w = KioskWindow(demo_catalogue, demo_index, Settings.defaults(), LanguageSwitch(qapp),
                    clock=clock)
    qtbot.addWidget(w)
    painted = []
    w.first_painted.connect(lambda: painted.append(w.current.name))
    qtbot.wait(50)
    assert painted == []  # made, not yet on the display
    w.resize(1920, 1080)
    w.show()
    qtbot.waitUntil(lambda: painted == ["attract"], timeout=5_000)
    w.home()
    w.repaint()
    qtbot.wait(50)
    assert painted == ["attract"]  # once


def test_only_the_first_screen_shown_is_made(make_window):
    w = make_window(window_options={"first_screen": "home"})
    assert w.current.name == "home" and w.header.isVisible()
    assert not w.screens.is_built("attract")
    plain = make_window()
    assert plain.current.name == "attract" and not plain.screens.is_built("home")
