"""The theme: design tokens (kiosk.device.design_tokens) turned into fonts and one stylesheet.

Widgets say what they are with a ``role`` property (``tile``, ``primary``,
``secondary``, ``danger``, ``row``, ``title``, …) and the stylesheet styles the
role. Switching 长辈版 rebuilds the stylesheet from the other token set and
re-applies it to the window: the current screen changes at once.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QWidget

from kiosk.device.design_tokens import PALETTE, Palette, Sizes, scale_for_screen, scaled, sizes_for

#: font families tried in order; the CJK family must carry every glyph we show
FONT_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
                 "WenQuanYi Micro Hei", "Noto Sans SC")


def pick_font_family() -> str:
    available = set(QFontDatabase.families())
    for family in FONT_FAMILIES:
        if family in available:
            return family
    return QFont().defaultFamily()


class Theme(NamedTuple):
    sizes: Sizes
    palette: Palette
    family: str
    elderly: bool

    @classmethod
    def make(cls, elderly: bool, diagonal_in: float, width: int, height: int,
             family: str) -> Theme:
        factor = scale_for_screen(diagonal_in, width, height)
        return cls(scaled(sizes_for(elderly), factor), PALETTE, family, elderly)

    def font(self, px: int, bold: bool = False) -> QFont:
        f = QFont(self.family)
        f.setPixelSize(px)
        f.setBold(bold)
        return f

    def icon_px(self, kind: str) -> int:
        """An icon's edge in pixels, from the type sizes: a tile's icon is twice its
        title's size, a button's a little above its text, a result panel's and the attract
        screen's the display size and twice it (ui/widgets/icon_label.py)."""
        s = self.sizes
        return {
            "button": round(s.body * 1.15), "tile": s.heading * 2,
            "panel": round(s.display * 1.25), "hero": s.display * 2,
        }[kind]

    def stylesheet(self) -> str:
        s, p = self.sizes, self.palette
        return f"""
* {{ font-family: "{self.family}"; font-size: {s.body}px; color: {p.ink}; }}
QLabel {{ background: transparent; }}
QLabel[weight="bold"] {{ font-weight: bold; }}
QLabel[role="title"] {{ font-size: {s.heading}px; font-weight: bold; }}
QLabel[role="display"] {{ font-size: {s.display}px; font-weight: bold; }}
QLabel[role="ticket"] {{ font-size: {s.display * 2}px; font-weight: bold; }}
QLabel[role="muted"] {{ color: {p.ink_muted}; }}
QLabel[role="danger-text"] {{ color: {p.danger}; font-weight: bold; }}
QLabel[role="success-text"] {{ color: {p.success}; font-weight: bold; }}
QLabel[role="notice"] {{ background: {p.notice}; padding: 8px {s.gap}px; border-radius: {s.radius}px; }}
QFrame[role="card"] {{ background: {p.surface}; border-radius: {s.radius}px; }}
QFrame[role="card"] QLabel, QWidget[role="card"] QLabel {{ color: {p.ink}; }}
QWidget[role="card"] {{ background: {p.surface}; border-radius: {s.radius}px; }}
QWidget[role="card"] QLabel[role="danger-text"] {{ color: {p.danger}; font-weight: bold; }}
QWidget[role="card"] QLabel[role="success-text"] {{ color: {p.success}; font-weight: bold; }}
QWidget[role="card"] QLabel[role="title"] {{ font-size: {s.heading}px; font-weight: bold; }}
QFrame[role="card"] QLabel[role="muted"] {{ color: {p.ink_muted}; }}
QLabel[role="danger-text"] {{ color: {p.danger}; font-weight: bold; }}
QLabel[role="success-text"] {{ color: {p.success}; font-weight: bold; }}
QWidget[role="bar"] {{ background: {p.header}; }}
QWidget[role="banner"] {{ background: {p.notice}; border-bottom: 4px solid {p.ink}; }}
QWidget[role="banner"] QLabel {{ color: {p.ink}; font-weight: bold; }}
QWidget[role="bar"] QLabel {{ color: {p.on_dark}; }}
QWidget[role="bar"] QLabel[role="chip"] {{
    border: 2px solid {p.on_dark}; border-radius: {s.radius}px; padding: 4px {s.gap}px;
}}
QWidget[role="bar"] QLabel[role="chip-offline"] {{
    background: {p.notice}; color: {p.ink}; border-radius: {s.radius}px; padding: 4px {s.gap}px;
}}
QPushButton {{
    min-height: {s.touch}px; min-width: {s.touch}px;
    padding: 0px {s.gap}px; border-radius: {s.radius}px;
    border: 3px solid transparent;
}}
QPushButton:focus {{ border: 3px solid {p.focus}; }}
QPushButton[role="primary"], QPushButton[role="tile"] {{ background: {p.primary}; color: {p.on_dark}; }}
QPushButton[role="tile-danger"] {{ background: {p.danger}; color: {p.on_dark}; }}
QPushButton[role="tile"] QLabel[weight="bold"], QPushButton[role="tile-danger"] QLabel[weight="bold"] {{
    font-size: {s.heading}px;
}}
QPushButton[role="secondary"]:checked {{ background: {p.primary}; border: 3px solid {p.ink}; }}
QPushButton[role="primary"]:pressed, QPushButton[role="tile"]:pressed {{ background: {p.primary_pressed}; }}
QPushButton[role="secondary"], QPushButton[role="row"], QPushButton[role="key"] {{
    background: {p.secondary}; color: {p.ink};
}}
QPushButton[role="row"] {{ text-align: left; background: {p.surface}; border: 3px solid {p.secondary}; }}
QPushButton[role="row"]:checked {{ background: {p.success}; color: {p.on_dark}; border-color: {p.success}; }}
QPushButton[role="secondary"]:pressed, QPushButton[role="row"]:pressed, QPushButton[role="key"]:pressed {{
    background: {p.primary}; color: {p.on_dark};
}}
QPushButton[role="danger"] {{ background: {p.danger}; color: {p.on_dark}; }}
QPushButton[role="bar"] {{ background: {p.primary}; color: {p.on_dark}; border: 3px solid {p.on_dark}; }}
QPushButton[role="key"] {{ font-size: {s.heading}px; font-weight: bold; padding: 0px; }}
QLineEdit {{
    background: {p.surface}; color: {p.ink}; border: 3px solid {p.primary};
    border-radius: {s.radius}px; padding: 8px {s.gap}px; min-height: {s.touch}px;
    font-size: {s.heading}px;
}}
QLineEdit[active="true"] {{ border: 6px solid {p.focus}; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
QScrollBar:vertical {{ width: {max(24, s.touch // 3)}px; background: {p.secondary}; }}
QScrollBar::handle:vertical {{ background: {p.ink_muted}; min-height: {s.touch}px; border-radius: 6px; }}
QDialog {{ background: {p.surface}; }}
/* icons: the size as a font size, the colour as the text colour (ui/widgets/icon_label.py) */
QLabel[icon="button"] {{ font-size: {self.icon_px("button")}px; }}
QLabel[icon="tile"] {{ font-size: {self.icon_px("tile")}px; }}
QLabel[icon="panel"] {{ font-size: {self.icon_px("panel")}px; }}
QLabel[icon="hero"] {{ font-size: {self.icon_px("hero")}px; color: {p.primary}; }}
/* the attract screen's two big buttons: display type */
QPushButton[hero="true"] QLabel[weight="bold"] {{ font-size: {s.display}px; }}
/* result panels (ui/widgets/result_panel.py): a coloured block, its text on it */
QFrame[role="result-panel"] {{ border-radius: {s.radius}px; }}
QFrame[role="result-panel"][tone="success"] {{ background: {p.success}; }}
QFrame[role="result-panel"][tone="failure"] {{ background: {p.danger}; }}
QFrame[role="result-panel"][tone="warning"] {{ background: {p.notice}; border: 6px solid {p.focus}; }}
QFrame[role="result-panel"][tone="success"] QLabel, QFrame[role="result-panel"][tone="failure"] QLabel {{
    color: {p.on_dark};
}}
QFrame[role="result-panel"][tone="warning"] QLabel {{ color: {p.ink}; }}
QFrame[role="result-panel"] QLabel[role="panel-heading"] {{ font-size: {s.heading}px; font-weight: bold; }}
/* the e-certificate card's band (ui/widgets/ecert_card.py): the issuer's colour across the top */
QWidget[role="card-band"] {{
    background: {p.primary}; border-top-left-radius: {s.radius}px; border-top-right-radius: {s.radius}px;
}}
QWidget[role="card-band"] QLabel {{ color: {p.on_dark}; }}
/* the labels inside buttons follow the button, wherever the button stands */
QPushButton QLabel[role="button-on_dark"] {{ color: {p.on_dark}; }}
QPushButton QLabel[role="button-ink"] {{ color: {p.ink}; }}
/* a button that cannot be pressed now looks it: no fill, a dashed edge, muted words
   (still 7:1), so nobody taps it and waits (found at the window terminal, where 叫下一位
   and 办结 kept their navy while disabled) */
QPushButton:disabled {{
    background: {p.window}; color: {p.ink_muted}; border: 3px dashed {p.ink_muted};
}}
QPushButton QLabel:disabled {{ color: {p.ink_muted}; }}
"""


def set_role(widget: QWidget, role: str) -> None:
    """Give a widget its theme role and re-polish it so the style follows."""
    widget.setProperty("role", role)
    repolish(widget)


def repolish(widget: QWidget) -> None:
    """Have the stylesheet read a widget's properties again (after ``setProperty``).

    A widget not yet polished reads them when it first is (before it is shown or
    measured), so only a polished one is polished again: most roles are given while
    widgets are built, and asking for the style there would make PySide build QStyle's
    Python class, some 600 enum members, before the first screen is painted."""
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)
