"""How big the hall display's type must be to be read from the back of the hall.

The rule (stated once, used for every size on the display):

* **Minimum, for anything on the display** (area names, counts, the offline notice):
  1 cm of cap height per 3 m of viewing distance (the strict end of the "1 cm per 3–4 m"
  rule of thumb for signs; ≈ 11 arc-minutes, about twice the 5′ of a 20/20 letter).
* **The call itself** ("A012 → 3 号窗口") is read by people who are waiting for it,
  many of them older: vision of 20/60 (common past 70) needs three times the size a
  20/20 reader needs, so the call is 3 × the minimum; the calls before it 1.4 ×.
* Chinese characters fill more of the em square than Latin capitals: a size is taken
  as the pixel size whose **Latin cap height** (0.72 em in Noto Sans CJK / Source Han
  Sans) meets the rule; a Han character is then ~0.88 em tall, taller still.

On a 55″ 1920 × 1080 panel (1218 × 685 mm, 0.634 mm a pixel) read from 8 m:
minimum cap height 26.7 mm = 42 px → a 59 px font; the call 80 mm → a 176 px font;
earlier calls 82 px. ``DisplaySizes.for_screen(55, 1920, 1080, 8.0)`` computes these.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: millimetres of cap height per metre of viewing distance (1 cm per 3 m)
CAP_MM_PER_M = 10 / 3
#: the Latin cap height as a share of the font's pixel size (Noto Sans CJK SC: 733/1000;
#: rounded down so that the figures err on the large side)
CAP_PER_EM = 0.72
#: the latest call, and the calls before it, against the minimum
CALL_FACTOR = 3.0
HISTORY_FACTOR = 1.4
#: the hall's farthest seat from the display, unless the hall says otherwise
DEFAULT_DISTANCE_M = 8.0
DEFAULT_DIAGONAL_IN = 55.0


def mm_per_px(diagonal_in: float, width_px: int, height_px: int) -> float:
    return diagonal_in * 25.4 / math.hypot(width_px, height_px)


def font_px_for_cap(cap_mm: float, mm_px: float) -> int:
    """The font pixel size whose cap height is at least ``cap_mm`` on this screen."""
    return math.ceil(cap_mm / mm_px / CAP_PER_EM)


@dataclass(frozen=True, slots=True)
class DisplaySizes:
    distance_m: float
    mm_per_px: float
    minimum: int  # font px of anything on the display
    call: int  # the latest call
    history: int  # the calls before it
    gap: int
    margin: int

    @classmethod
    def for_screen(cls, diagonal_in: float, width_px: int, height_px: int,
                   distance_m: float = DEFAULT_DISTANCE_M) -> DisplaySizes:
        mm_px = mm_per_px(diagonal_in or DEFAULT_DIAGONAL_IN, width_px, height_px)
        cap_mm = CAP_MM_PER_M * distance_m
        minimum = font_px_for_cap(cap_mm, mm_px)
        return cls(distance_m, mm_px, minimum,
                   font_px_for_cap(cap_mm * CALL_FACTOR, mm_px),
                   font_px_for_cap(cap_mm * HISTORY_FACTOR, mm_px),
                   gap=max(8, minimum // 3), margin=max(16, minimum // 2))

    def cap_mm(self, font_px: int) -> float:
        """The cap height of ``font_px`` type on this screen, in millimetres."""
        return font_px * CAP_PER_EM * self.mm_per_px

    def readable_from_m(self, font_px: int) -> float:
        """The distance at which ``font_px`` type meets the minimum rule."""
        return self.cap_mm(font_px) / CAP_MM_PER_M
