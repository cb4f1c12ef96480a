
import pytest

from kiosk.device.contrast import contrast_ratio
from kiosk.device.design_tokens import ELDERLY, PALETTE, STANDARD, scale_for_screen, scaled

# every text colour and the backgrounds it is used on (see kiosk.device.design_tokens.Palette)
TEXT_PAIRS = [
    ("ink", "window"), ("ink", "surface"), ("ink_muted", "surface"), ("ink_muted", "window"),
    ("on_dark", "header"), ("on_dark", "primary"), ("on_dark", "primary_pressed"),
    ("ink", "secondary"), ("on_dark", "danger"), ("on_dark", "success"), ("ink", "notice"),
]


@pytest.mark.parametrize("text, background", TEXT_PAIRS)
def test_palette_pairs_meet_7_to_1(text, background):
    assert contrast_ratio(getattr(PALETTE, text), getattr(PALETTE, background)) >= 7.0


def test_contrast_ratio_known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_elderly_numbers_from_the_design():
    assert STANDARD.body >= 28 and STANDARD.heading >= 40 and STANDARD.touch >= 64
    assert ELDERLY.body >= 40 and ELDERLY.heading >= 56 and ELDERLY.touch >= 96
    assert ELDERLY.gap >= 16 and ELDERLY.max_tiles <= 4 and STANDARD.max_tiles <= 8
    assert ELDERLY.line_spacing >= 1.3


def test_reference_screen_scales_by_one():
    assert scale_for_screen(21.5, 1920, 1080) == pytest.approx(1.0, abs=0.01)
    assert scale_for_screen(21.5, 1080, 1920) == pytest.approx(1.0, abs=0.01)


def test_smaller_screen_gets_bigger_pixels_never_smaller():
    factor = scale_for_screen(15.6, 1920, 1080)
    assert factor == pytest.approx(1.38, abs=0.02)
    big = scaled(STANDARD, factor)
    assert big.touch == 89
    assert scaled(STANDARD, scale_for_screen(55, 1920, 1080)) == STANDARD
    assert all(
        getattr(scaled(ELDERLY, 1.2), f) >= getattr(ELDERLY, f) for f in ELDERLY._fields
    )
