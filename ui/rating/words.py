"""The words of 好差评 as the screens show them: the five levels (national names) and the
reasons for a bad rating come with their words from the shared rules
(``kiosk.rules.ratings``: data in Chinese and English, like catalogue texts); this module
adds the mood each face is drawn with and picks the words for the UI language.

=====================  ==========  ===================  ====
level                  中文         English              mood
=====================  ==========  ===================  ====
very_satisfied         非常满意      Very satisfied        2
satisfied              满意         Satisfied             1
basically_satisfied    基本满意      Fairly satisfied      0
dissatisfied           不满意       Dissatisfied         -1
very_dissatisfied      非常不满意    Very dissatisfied    -2
=====================  ==========  ===================  ====
"""

from __future__ import annotations

from kiosk.rules.ratings import REASONS, Level, reason

#: best first, as the national scale lists them; the mood draws the face
MOODS = {level: 2 - i for i, level in enumerate(Level)}
LEVELS = tuple(Level)
REASON_CODES = tuple(r.code for r in REASONS)


def level_word(level: Level, lang: str) -> str:
    """``lang``: "zh" or "en" (``ui.i18n.content_language``)."""
    return level.words.get(lang)


def reason_word(code: str, lang: str) -> str:
    """A reason's words; an unknown code (a newer platform) shows as "other", never raw."""
    try:
        return reason(code).words.get(lang)
    except KeyError:
        return reason("other").words.get(lang)
