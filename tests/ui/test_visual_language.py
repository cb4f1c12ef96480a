"""Icons (ui/icons/), result panels, the attract screen's 长辈版 entry and the e-certificate
card: drawn in the theme's colours, on every tile and footer action, one coherent verdict."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.device.design_tokens import PALETTE
from kiosk.ecert.verify import Certificate, Outcome, Result
from ui import icons
from ui.widgets.icon_label import IconLabel
from ui.widgets.result_panel import ResultPanel


def painted_colours(image: QImage) -> set[str]:
    """The colours of the fully opaque pixels (antialiased edges left out)."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    found = set()
    for y in range(image.height()):
        for x in range(image.width()):
            colour = QColor.fromRgba(image.pixel(x, y))
            if colour.alpha() == 255:
                found.add(colour.name())
    return found


def test_an_icon_is_drawn_in_the_token_colour(qapp):
    picture = icons.image("home", PALETTE.primary, 48)
    assert picture.width() == picture.height() == 48
    assert painted_colours(picture) == {PALETTE.primary}  # the stroke, nothing else
    transparent = QColor.fromRgba(picture.pixel(0, 0))
    assert transparent.alpha() == 0  # around the drawing: nothing
    pixmap = icons.pixmap("home", PALETTE.danger, 32, ratio=2.0)
    assert pixmap.devicePixelRatio() == 2.0 and pixmap.width() == 64
    assert icons.image("home", PALETTE.primary, 48) is picture  # cached per name, colour, size


def test_an_unknown_icon_or_colour_is_a_clear_error(qapp):
    with pytest.raises(icons.UnknownIconError, match="no icon named 'no-such-icon'"):
        icons.image("no-such-icon", PALETTE.ink, 24)
    with pytest.raises(icons.UnknownIconError):
        icons.image("../LICENSE", PALETTE.ink, 24)  # names only, never paths
    with pytest.raises(ValueError, match="#rrggbb"):
        icons.image("home", "red", 24)
    with pytest.raises(icons.UnknownIconError):
        IconLabel("no-such-icon")


def test_every_shipped_icon_draws_with_current_color(qapp):
    names = icons.available()
    assert "home" in names and len(names) >= 20
    for name in names:
        assert "currentColor" in icons._source(name), name
        assert painted_colours(icons.image(name, PALETTE.ink, 24)), name


def test_tiles_and_footer_carry_icons_sized_by_the_theme(make_window):
    w = make_window(1080, 1920, default_language="en")
    w.home()
    home = w.screens["home"]
    tiles = home.grid.items_on_page()
    assert tiles and all(t.icon_label is not None and t.icon_label.shown() for t in tiles)
    standard = tiles[0].icon_label.width()
    assert standard == w.presentation.theme.icon_px("tile")
    assert tiles[0].icon_label.colour() == PALETTE.on_dark
    assert w.footer.home_button.icon_label.isVisible()
    assert w.footer.home_button.icon_label.icon_name() == "home"
    w.set_elderly(True)
    tiles = home.grid.items_on_page()
    assert tiles[0].icon_label.width() == w.presentation.theme.icon_px("tile") > standard


def test_a_tile_too_short_for_its_icon_shows_the_text_alone(make_window, qtbot):
    from ui.widgets.buttons import TextButton

    w = make_window(default_language="en")
    button = TextButton("tile", w)
    button.set_texts("Find a service", "What to bring, where to go")
    button.set_icon("file-search")
    button.show()
    button.resize(600, button.heightForWidth(600))  # the height of the texts only
    assert button.icon_label is not None and not button.icon_label.shown()
    button.resize(600, button.heightForWidth(600) + 200)
    assert button.icon_label.shown()


def test_the_result_panel_says_each_tone_with_colour_icon_and_words(make_window):
    w = make_window(default_language="en")
    panel = ResultPanel(w)
    panel.show_result("success", "Booked", "Reference A1B2")
    assert panel.isVisible() and panel.tone() == "success"
    assert panel.icon.icon_name() == "circle-check" and panel.icon.colour() == PALETTE.on_dark
    assert panel.text() == "Booked\nReference A1B2"
    assert panel.accessibleName() == "Booked Reference A1B2"
    panel.show_result("warning", "Saved, not sent yet")
    assert panel.icon.icon_name() == "alert-triangle" and panel.icon.colour() == PALETTE.ink
    assert not panel.body.isVisible()
    panel.show_result("failure", "Not booked", "That time was taken.")
    assert panel.icon.icon_name() == "circle-x"
    with pytest.raises(ValueError):
        panel.show_result("maybe", "?")
    panel.clear()
    assert not panel.isVisible() and panel.text() == ""


def test_the_attract_screen_starts_in_elderly_mode(make_window):
    w = make_window(default_language="zh_CN", default_elderly=False)
    attract = w.screens["attract"]
    assert w.current is attract and attract.elderly_button.isVisible()
    assert "长辈版" in attract.elderly_button.text_content()
    attract.elderly_button.click()
    assert w.current.name == "home" and w.presentation.elderly and w.session.elderly
    w.wipe()  # the next resident starts from the hall's default again
    assert not w.presentation.elderly


def sample(status: str = "valid", outcome: Outcome = Outcome.VERIFIED_OFFLINE) -> Result:
    now = datetime(2026, 12, 7, 2, 27, tzinfo=UTC)
    cert = Certificate("e_driving_licence", "张小三", "11010519491231002X", "E-1", "sample",
                       None, None, status)
    return Result(outcome, cert, {"zh": "公安部交通管理局", "en": "Traffic Management Bureau"},
                  now, now)


@pytest.mark.parametrize(("status", "outcome", "tone"), [
    ("valid", Outcome.VERIFIED_OFFLINE, "success"),
    ("abnormal", Outcome.VERIFIED_OFFLINE, "warning"),
    ("revoked", Outcome.REVOKED, "failure"),
])
def test_the_card_has_one_coherent_verdict(make_window, status, outcome, tone):
    w = make_window(default_language="zh_CN")
    w.home()
    w.go("card", result=sample(status, outcome))
    card = w.screens["card"]
    assert card.verdict.tone() == tone  # one colour and one icon for the whole verdict
    text = card.verdict.text()
    assert not any(mark in text for mark in "✓✗⚠")  # the icon says it, once
    if tone == "warning":
        assert "异常" in text or "ABNORMAL" in text
    assert card.card.issuer.text() == "公安部交通管理局"
    assert "张*三" in card.fields.text() and "11010519491231002X" not in card.fields.text()
    card.done_button.click()
    assert card.fields.text() == "" and card.verdict.text() == "" and card.kind.text() == ""


def test_a_refused_code_is_one_panel_that_says_what_to_do(make_window):
    w = make_window(default_language="en")
    w.home()
    w.go("scan")
    scan = w.screens["scan"]
    scan.stop_camera()
    scan.show_result(Result(Outcome.EXPIRED))
    assert scan.message.tone() == "warning" and scan.message.icon.icon_name() == "alert-triangle"
    assert scan.message.text() == ("Please refresh the code\n"
                                   "This code has expired. Refresh it on your phone and show it again.")
    assert not scan.instruction.isVisible()  # the panel says what to do next
    scan.show_result(Result(Outcome.BAD_SIGNATURE))
    assert scan.message.tone() == "failure" and scan.message.text().startswith("Not verified")
    w.set_language("zh_CN")  # said again in the language now chosen
    assert "genuine" not in scan.message.body.text()  # the catalogue's Chinese sentence
    w.wipe()
    assert not scan.message.isVisible() and scan.message.text() == ""


def test_the_walk_in_answer_is_a_result_panel(make_window):
    from kiosk.booking.draft import Outcome as Answer
    from kiosk.booking.draft import OutcomeState

    w = make_window(default_language="en")
    w.home()
    w.go("walk_in")
    screen = w.screens["walk_in"]
    assert not screen.outcome.isVisible()
    screen._answered(Answer(OutcomeState.REFUSED, reason="hall_closed"))
    assert screen.outcome.tone() == "failure"
    assert screen.outcome.text() == "No number was given\nThe hall is closed that day."
    screen._answered(Answer(OutcomeState.LATE))
    assert screen.outcome.tone() == "warning" and "ask staff" in screen.outcome.text()
    screen.reset()
    assert not screen.outcome.isVisible()
