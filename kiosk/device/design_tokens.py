"""Design tokens for the standard and 长辈版 (elderly) modes, and their calibration.

The numbers come from DESIGN.md §4: MIIT's 适老化 rules, WCAG 2.2 and Section 508,
scaled for a kiosk read from 500–600 mm. They are given in pixels of the
reference screen (21.5″ at 1920×1080, 0.248 mm per pixel) and scaled for the
configured screen by ``scale_for_screen``. Screens never use size literals: they
ask the theme, which asks these tokens.
"""

from __future__ import annotations

import math
from typing import NamedTuple

#: millimetres per pixel of the reference screen (21.5″, 1920×1080)
REFERENCE_MM_PER_PX = 0.248


class Sizes(NamedTuple):
    body: int  # body text
    heading: int  # screen titles
    display: int  # the largest type: attract screen, queue numbers
    small: int  # secondary text (still at or above the body minimum of the standard)
    touch: int  # minimum edge of anything tappable
    gap: int  # minimum space between tappable things
    margin: int  # screen margin
    radius: int
    max_tiles: int  # tiles on one screen
    line_spacing: float  # multiple of the font height


STANDARD = Sizes(
    body=28, heading=40, display=64, small=28, touch=64, gap=12, margin=32, radius=12,
    max_tiles=8, line_spacing=1.3,
)
ELDERLY = Sizes(
    body=40, heading=56, display=80, small=40, touch=96, gap=20, margin=36, radius=16,
    max_tiles=4, line_spacing=1.4,
)


class Palette(NamedTuple):
    """Colours as #rrggbb. Every text colour is used only on the backgrounds named
    beside it, and each pair is ≥ 7:1 (checked by the tests, painted and measured)."""

    window: str = "#f4f6f9"  # screen background; text: ink
    surface: str = "#ffffff"  # cards, rows; text: ink, ink_muted
    ink: str = "#111827"
    ink_muted: str = "#374151"
    header: str = "#0f2a4a"  # header and footer bars; text: on_dark
    on_dark: str = "#ffffff"
    primary: str = "#0b3a82"  # main buttons and tiles; text: on_dark
    primary_pressed: str = "#072757"
    secondary: str = "#e3e8f0"  # secondary buttons; text: ink
    danger: str = "#8b1a1a"  # call staff; text: on_dark
    success: str = "#14532d"  # ticked material; text: on_dark
    focus: str = "#b45309"  # focus ring (non-text, 3:1 is the rule; this is 4.9:1)
    notice: str = "#fff4d6"  # sample-data banner; text: ink


PALETTE = Palette()


def sizes_for(elderly: bool) -> Sizes:
    return ELDERLY if elderly else STANDARD


def scale_for_screen(diagonal_in: float, width_px: int, height_px: int) -> float:
    """How much to scale reference pixels so they keep their physical size here."""
    if diagonal_in <= 0 or width_px <= 0 or height_px <= 0:
        return 1.0
    mm_per_px = diagonal_in * 25.4 / math.hypot(width_px, height_px)
    return REFERENCE_MM_PER_PX / mm_per_px


def scaled(sizes: Sizes, factor: float) -> Sizes:
    """The sizes multiplied by a calibration factor (never below the reference)."""
    factor = max(1.0, factor)

    def s(v: int) -> int:
        return int(math.ceil(v * factor))

    return Sizes(
        body=s(sizes.body), heading=s(sizes.heading), display=s(sizes.display),
        small=s(sizes.small), touch=s(sizes.touch), gap=s(sizes.gap), margin=s(sizes.margin),
        radius=s(sizes.radius), max_tiles=sizes.max_tiles, line_spacing=sizes.line_spacing,
    )
