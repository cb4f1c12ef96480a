"""The kiosk's icons: Tabler outline SVGs (README.md here) drawn in a theme colour.

An icon is asked for by name, colour and size in pixels::

    pixmap("home", palette.on_dark, 46)

The SVG's ``currentColor`` becomes the colour, QtSvg renders it at the size, and the
picture is kept in a bounded cache per (name, colour, size). The cache holds QImages,
which need no running QGuiApplication to be made or freed; a QPixmap is made from one
on each call (cheap, and it keeps pixmaps out of module state). Widgets do not call this
with literals: ``ui.widgets.icon_label.IconLabel`` takes its size and colour from the
stylesheet, that is from the design tokens (``ui/theme.py``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

#: where the SVG files are (package data of ``ui``; in the frozen build, ui/icons/)
ICON_FOLDER = Path(__file__).resolve().parent

_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


class UnknownIconError(LookupError):
    """No icon of that name is shipped (only the ones the kiosk uses are)."""


def available() -> frozenset[str]:
    """The names of every shipped icon."""
    return frozenset(p.stem for p in ICON_FOLDER.glob("*.svg"))


@lru_cache(maxsize=128)
def _source(name: str) -> str:
    path = ICON_FOLDER / f"{name}.svg"
    if not _NAME.fullmatch(name) or not path.is_file():
        raise UnknownIconError(
            f"no icon named {name!r} in {ICON_FOLDER}: copy icons/outline/{name}.svg of "
            "the same @tabler/icons version there (see its README.md)")
    return path.read_text(encoding="utf-8")


def tinted_svg(name: str, colour: str) -> bytes:
    """The icon's SVG with its ``currentColor`` replaced by ``colour`` (#rrggbb)."""
    if not _COLOUR.fullmatch(colour):
        raise ValueError(f"icon colour must be #rrggbb, not {colour!r}")
    return _source(name).replace("currentColor", colour).encode("utf-8")


@lru_cache(maxsize=256)
def image(name: str, colour: str, size: int) -> QImage:
    """The icon drawn in ``colour`` on a transparent square of ``size`` pixels."""
    if size <= 0:
        raise ValueError(f"icon size must be positive, not {size}")
    renderer = QSvgRenderer(QByteArray(tinted_svg(name, colour)))
    if not renderer.isValid():
        raise ValueError(f"icon {name!r} is not a valid SVG")
    picture = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return picture


def pixmap(name: str, colour: str, size: int, ratio: float = 1.0) -> QPixmap:
    """The icon as a pixmap of ``size`` logical pixels, sharp at the device pixel ratio."""
    ratio = max(1.0, ratio)
    result = QPixmap.fromImage(image(name, colour, round(size * ratio)))
    result.setDevicePixelRatio(ratio)
    return result

