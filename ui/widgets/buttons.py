"""Buttons whose text wraps: a QPushButton holding word-wrapped labels.

Qt's own push button never wraps, and a 56 px English caption on a tile does
not fit on one line; elided or clipped text is a failure on a kiosk. The labels
ignore the mouse, so the whole button is the touch target, and the button's
accessible name is its text.

An icon (``set_icon``) stands above the title (tiles) or before it (the footer). It
shows only where the button has room for it, so it never makes a button taller, never
makes its text wrap, and never pushes a tile to the next page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.theme import set_role
from ui.widgets.icon_label import IconLabel
from ui.widgets.text_lines import PhraseLabel

if TYPE_CHECKING:  # at run time, loaded by keep_faces
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

#: the label tone for each button role (the stylesheet maps tones to colours)
_TONE = {"tile": "on_dark", "tile-danger": "on_dark", "primary": "on_dark", "danger": "on_dark", "bar": "on_dark"}


class _Column(QVBoxLayout):
    """The button's layout: once it has placed the texts, the icon is fitted to them.
    (Hooked here, where a layout pass ends, rather than in ``event()``, which would
    bring every event of every button through Python.)"""

    def __init__(self, button: TextButton) -> None:
        super().__init__(button)
        self._button = button

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt name)
        super().setGeometry(rect)
        if getattr(self._button, "icon_label", None) is not None:  # None while being built
            self._button.fit_icon()


class TextButton(QPushButton):
    #: set by ``keep_faces`` once the kiosk stands: until then each button paints its face
    #: straight from the style, as QPushButton does
    _face_tools: tuple[type[QStyleOptionButton], QStyle.ControlElement] | None = None

    @classmethod
    def keep_faces(cls) -> None:
        """From now on a button's face is drawn once per size and state and kept.

        Called in the idle time after the first screen is painted (``prepare_screens``):
        the Python classes this needs (QStyle and its option) carry some 600 enum members
        that PySide makes on first use, about a tenth of the kiosk's start-up, and the
        first screen's buttons are each painted once or twice before anyone taps."""
        if cls._face_tools is None:
            from PySide6.QtWidgets import QStyle, QStyleOptionButton

            cls._face_tools = (QStyleOptionButton, QStyle.ControlElement.CE_PushButton)

    def __init__(self, role: str = "secondary", parent: QWidget | None = None,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter, wrap: bool = True) -> None:
        super().__init__(parent)
        self._role = role
        self._layout = _Column(self)
        self._layout.setContentsMargins(12, 8, 12, 8)
        self._layout.setSpacing(4)
        self._wrap = wrap
        self.title = self._label(align, bold=role in ("tile", "tile-danger", "row"))
        self.detail = self._label(align, bold=False)
        self.detail.hide()
        #: the icon (set_icon), if any: not ``icon``, QAbstractButton's own method
        self.icon_label: IconLabel | None = None
        self._icon_at = ""  # "top" or "leading"
        self._title_row: QHBoxLayout | None = None
        #: the button's face as the stylesheet draws it, and what it was drawn for
        self._face: tuple[tuple[object, ...], QPixmap] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        # focus by the Tab key only: a touch leaves no focus frame behind
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        set_role(self, role)
        self.toggled.connect(lambda _checked: self._update_tone())
        self._update_tone()

    def _label(self, align: Qt.AlignmentFlag, bold: bool) -> QLabel:
        label = PhraseLabel(self)  # Chinese breaks at phrases, not inside words
        label.setWordWrap(self._wrap)
        label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        label.setTextFormat(Qt.TextFormat.PlainText)
        if bold:
            label.setProperty("weight", "bold")
        self._layout.addWidget(label)
        return label

    def set_texts(self, title: str, detail: str = "") -> None:
        self.title.setText(title)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.setAccessibleName(f"{title} {detail}".strip())
        self.updateGeometry()
        self.fit_icon()

    def set_icon(self, name: str, placement: str = "top") -> None:
        """An icon above the title (``top``: tiles, sized as a tile's) or before it
        (``leading``: bars and buttons, sized as the text). Shown only with room for it."""
        if placement not in ("top", "leading"):
            raise ValueError(f"icon placement must be 'top' or 'leading', not {placement!r}")
        if self.icon_label is not None:
            if placement != self._icon_at:
                raise ValueError("a button's icon stays where it was first placed")
            self.icon_label.set_icon(name)
            self.fit_icon()
            return
        top = placement == "top"
        self.icon_label = IconLabel(name, "tile" if top else "button", self, optional=top)
        self._icon_at = placement
        if top:
            # the texts low of the middle (the free height split 2:1), the icon in the
            # free room above them: placed by hand (fit_icon), never in the layout, so
            # that it takes no height from the texts and moving it re-lays out nothing
            self._layout.insertStretch(0, 2)
            self._layout.addStretch(1)
        else:
            self.icon_label.hide()  # until a resize finds room for it
            row = self._title_row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(self._layout.spacing() * 3)
            self._layout.removeWidget(self.title)
            row.addWidget(self.icon_label)
            row.addWidget(self.title, 1)
            self._layout.insertLayout(0, row)
        self._update_tone((self.icon_label,))  # the texts have theirs already

    def _text_height(self, width: int) -> int:
        """The height the texts need at a button width, without the icon."""
        m = self._layout.contentsMargins()
        inner = max(1, width - m.left() - m.right())
        height = m.top() + m.bottom() + self.title.heightForWidth(inner)
        if not self.detail.isHidden():
            height += self._layout.spacing() + self.detail.heightForWidth(inner)
        return height

    def fit_icon(self) -> None:
        """Show the icon only where it fits beside or above the texts as they are."""
        icon = self.icon_label
        if icon is None or not icon.icon_name():
            return
        edge = icon.edge()
        m = self._layout.contentsMargins()
        inner_w = self.width() - m.left() - m.right()
        if self._icon_at == "top":
            # above the title, where the stretch left room; with less, a zero height
            # (an optional icon draws nothing where it lacks its size)
            spacing = self._layout.spacing() * 2
            y = self.title.geometry().top() - spacing - edge
            room = y >= m.top()
            icon.setGeometry((self.width() - edge) // 2, max(0, y), edge, edge if room else 0)
            return
        assert self._title_row is not None
        gap = self._title_row.spacing()
        text = self.title.text()
        text_w = self.title.fontMetrics().horizontalAdvance(text) + 4
        room = ("\n" not in text and text_w + gap + edge <= inner_w
                and edge <= self.height() - m.top() - m.bottom())
        icon.setVisible(room)
        # the icon and the one line of title as a group in the middle
        pad = max(0, (inner_w - text_w - gap - edge) // 2) if room else 0
        self._title_row.setContentsMargins(pad, 0, pad, 0)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_icon()

    def text_content(self) -> str:
        return f"{self.title.text()} {self.detail.text()}".strip()

    def change_role(self, role: str) -> None:
        """Another weight for the same action (``primary``, ``secondary``, ``danger``), as a
        screen's stage changes which choice is the one to take."""
        if role != self._role:
            self._role = role
            set_role(self, role)
            self._update_tone()

    def _update_tone(self, labels: tuple[QLabel | None, ...] | None = None) -> None:
        tone = "on_dark" if (self._role in _TONE or self.isChecked()) else "ink"
        for label in labels or (self.title, self.detail, self.icon_label):
            if label is not None:
                set_role(label, f"button-{tone}")

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt name)
        return self._wrap

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        if self._icon_at == "leading":  # the icon takes only room that is there anyway
            return max(self._text_height(width), self.minimumHeight())
        return max(self._layout.heightForWidth(width), self.minimumHeight())

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = self._layout.sizeHint()
        return QSize(hint.width(), max(hint.height(), self.minimumHeight()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_icon()
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            self._face = None

    def paintEvent(self, event) -> None:  # noqa: N802
        """The face (background, border, focus ring: all the stylesheet draws of a button
        whose words are labels) is drawn once per size and state and kept: the rounded,
        bordered rectangles are most of the time a screen of buttons takes to paint."""
        if self._face_tools is None:  # the kiosk is still starting (keep_faces)
            super().paintEvent(event)
            return
        option_type, element = self._face_tools
        option = option_type()
        self.initStyleOption(option)
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, int(option.state.value),
               self.property("role"), self.palette().cacheKey(), id(self.style()))
        if self._face is None or self._face[0] != key:
            face = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
            face.setDevicePixelRatio(ratio)
            face.fill(Qt.GlobalColor.transparent)
            painter = QPainter(face)
            self.style().drawControl(element, option, painter, self)
            painter.end()
            self._face = (key, face)
        QPainter(self).drawPixmap(0, 0, self._face[1])

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        if not self._wrap:  # one line: as wide as the text
            return self.sizeHint()
        return QSize(self.minimumWidth(), self.minimumHeight())
