"""An icon in a label, sized and coloured by the stylesheet.

The theme gives each kind of icon a size as a font size (``QLabel[icon="tile"] {
font-size: 60px }``, ``ui/theme.py``) and a colour as a text colour (the rule of the
button, panel or screen it stands on). So the icon follows 长辈版 and every button
tone the way text does, with no theme object passed around, and it is redrawn when
the stylesheet changes. It is decoration: the text beside it says what it means.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ui import icons
from ui.theme import repolish

#: the kinds the theme sizes (see Theme.icon_px)
KINDS = ("button", "tile", "panel", "hero")


class IconLabel(QLabel):
    def __init__(self, name: str = "", kind: str = "button", parent: QWidget | None = None,
                 optional: bool = False) -> None:
        """``optional``: the icon asks for no height of its own; where a layout gives it
        less than its size it draws nothing (a tile's icon shows only where the tile
        has room; showing and hiding it would re-lay out the grid around it)."""
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(f"icon kind must be one of {KINDS}, not {kind!r}")
        self.setProperty("icon", kind)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        # its size, never more (an optional one may get less, and then draws nothing)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Maximum)
        self._optional = optional
        self._edge = 0
        self._name = ""
        self._drawn: tuple[str, str, int, float] | None = None
        self._stale = False  # asked to redraw while hidden: drawn when shown
        self.set_icon(name)

    def set_kind(self, kind: str) -> None:
        """Another of the theme's sizes (KINDS)."""
        if kind not in KINDS:
            raise ValueError(f"icon kind must be one of {KINDS}, not {kind!r}")
        if kind != self.property("icon"):
            self.setProperty("icon", kind)
            repolish(self)
            self._redraw()

    def icon_name(self) -> str:
        return self._name

    def set_icon(self, name: str) -> None:
        if name:
            icons.tinted_svg(name, "#000000")  # an unknown name fails here, not at paint
        self._name = name
        self._redraw()

    def edge(self) -> int:
        """The icon's size in pixels: the font size the stylesheet gives this kind (in
        pixels there; a font sized in points is asked what that comes to)."""
        px = self.font().pixelSize()
        return px if px > 0 else QFontInfo(self.font()).pixelSize()

    def colour(self) -> str:
        return self.palette().color(self.foregroundRole()).name()

    def _redraw(self) -> None:
        if not self._name:
            self._drawn = None
            self.clear()
            return
        edge = self.edge()
        if edge != self._edge:
            self._edge = edge
            self.updateGeometry()
        if not self.isVisible():
            # while a screen is made its stylesheet, font and colours change several
            # times: the picture is drawn once, when the icon is shown
            self._stale = True
            return
        self._stale = False
        key = (self._name, self.colour(), edge, self.devicePixelRatioF())
        if key != self._drawn:
            self._drawn = key
            self.setPixmap(icons.pixmap(key[0], key[1], edge, key[3]))

    def showEvent(self, event) -> None:  # noqa: N802
        if self._stale:
            self._redraw()
        super().showEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self._edge, self._edge) if self._name else QSize(0, 0)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        if not self._name:
            return QSize(0, 0)
        return QSize(self._edge, 0 if self._optional else self._edge)

    def shown(self) -> bool:
        """Whether the icon is drawn: visible, and (if optional) given its whole size."""
        return (self.isVisible() and bool(self._name)
                and (not self._optional or self.height() >= self._edge))

    def paintEvent(self, event) -> None:  # noqa: N802
        if self._optional and self.height() < self._edge:
            return  # squeezed: no half icon
        super().paintEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange,
                            QEvent.Type.StyleChange):
            self._redraw()
