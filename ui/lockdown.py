"""Lock-down: the kiosk window cannot be closed, left or taken apart by a resident.

``Lockdown`` is an event filter on the whole application. Unless ``may_escape()``
says yes (an administrator chose Exit in the staff panel), it

* ignores the window's close requests: the window manager's close button and
  Alt+F4 (X11 and Windows both turn those into a close request), ``close()``;
* swallows the key presses and shortcuts that close or quit (Alt+F4, Ctrl+W, Ctrl+Q);
* swallows context menus everywhere (a long press on a touch screen opens one too);
* lets no text be selected, so none can be copied or dragged out: in a line edit
  the double (and so the triple) click, the press-and-drag, the shift-click and
  the selecting keys are swallowed, and a selection made any other way (Tab into
  a field selects all of it) is dropped at once; labels lose their selectable
  flags, and line edits their dragging; nothing can be dropped in.

``apply_kiosk_window_flags`` makes the window frameless and kept on top, and
``hide_cursor`` hides the mouse cursor on touch kiosks. The OS side (a session of
its own, restarting the kiosk after a crash) is in packaging/.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import (
    QCursor,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QShortcutEvent,
)
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from ui.qt_app import qt_app

_T = QEvent.Type
_WATCHED = frozenset({
    _T.Close, _T.ContextMenu, _T.KeyPress, _T.Shortcut, _T.MouseButtonPress,
    _T.MouseButtonDblClick, _T.MouseMove, _T.DragEnter, _T.DragMove, _T.Drop, _T.Polish,
    _T.FocusIn,
})
_ALT, _CTRL, _SHIFT = (Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier,
                       Qt.KeyboardModifier.ShiftModifier)
_CLOSING_KEYS = ((Qt.Key.Key_F4, _ALT), (Qt.Key.Key_W, _CTRL), (Qt.Key.Key_Q, _CTRL))
_CLOSING_STANDARD_KEYS = (QKeySequence.StandardKey.Close, QKeySequence.StandardKey.Quit)
_SELECTING = tuple(
    k for k in QKeySequence.StandardKey if k.name.startswith("Select")
)
_MOVING_KEYS = frozenset({
    Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home,
    Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
})
_GUARDED = "_lockdown_guarded"
_TOKENS = itertools.count(1)
_SELECTABLE = (Qt.TextInteractionFlag.TextSelectableByMouse
               | Qt.TextInteractionFlag.TextSelectableByKeyboard)


class Lockdown(QObject):
    """Installed on the application for ``window``; ``uninstall()`` takes it off."""

    def __init__(self, window: QWidget, may_escape: Callable[[], bool]) -> None:
        super().__init__(window)
        self.window = window
        self.may_escape = may_escape
        self._active = True
        self._token = next(_TOKENS)  # marks the line edits this lock-down has guarded
        # the platform's bindings are known once there is an application
        self._closing_shortcuts = {QKeySequence(key | mod) for key, mod in _CLOSING_KEYS} | {
            binding for std in _CLOSING_STANDARD_KEYS for binding in QKeySequence.keyBindings(std)}
        for edit in window.findChildren(QLineEdit):
            self._guard(edit)
        for label in window.findChildren(QLabel):
            self._unselectable(label)
        qt_app().installEventFilter(self)

    def uninstall(self) -> None:
        self._active = False
        qt_app().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind not in _WATCHED or self.may_escape():
            return False
        if kind == _T.Close:
            if watched is self.window:
                event.ignore()
                return True
            return False
        if kind in (_T.ContextMenu, _T.DragEnter, _T.DragMove, _T.Drop):
            event.ignore()
            return True
        if kind == _T.Shortcut:
            # the event of a Shortcut is a QShortcutEvent (PySide6 hands it over as one)
            return cast(QShortcutEvent, event).key() in self._closing_shortcuts
        if isinstance(watched, QLineEdit):
            self._guard(watched)
            return self._selects(event)
        if isinstance(watched, QLabel) and kind in (_T.Polish, _T.MouseButtonPress, _T.FocusIn):
            self._unselectable(watched)
        if kind == _T.KeyPress:
            return _closes(event)
        return False

    # -- text selection ------------------------------------------------------------

    def _guard(self, edit: QLineEdit) -> None:
        """Once per line edit: no dragging, and a selection is dropped as soon as it is made."""
        if edit.property(_GUARDED) == self._token:
            return
        edit.setProperty(_GUARDED, self._token)
        edit.setDragEnabled(False)
        edit.selectionChanged.connect(self._drop_selection)

    def _drop_selection(self) -> None:
        edit = self.sender()
        if (self._active and isinstance(edit, QLineEdit) and edit.hasSelectedText()
                and not self.may_escape()):
            edit.deselect()

    @staticmethod
    def _selects(event: QEvent) -> bool:
        """Would this event select text in a line edit (or close the window)?"""
        kind = event.type()
        if kind == _T.MouseButtonDblClick:
            return True
        if isinstance(event, QMouseEvent):
            if kind == _T.MouseMove:
                return event.buttons() != Qt.MouseButton.NoButton
            return kind == _T.MouseButtonPress and bool(event.modifiers() & _SHIFT)
        if kind == _T.KeyPress and isinstance(event, QKeyEvent):
            return (_closes(event) or any(event.matches(k) for k in _SELECTING)
                    or (bool(event.modifiers() & _SHIFT) and event.key() in _MOVING_KEYS))
        return False

    @staticmethod
    def _unselectable(label: QLabel) -> None:
        flags = label.textInteractionFlags()
        if flags & _SELECTABLE:
            label.setTextInteractionFlags(flags & ~_SELECTABLE)


def _closes(event: QEvent) -> bool:
    if not isinstance(event, QKeyEvent):
        return False
    key, mods = event.key(), event.modifiers()
    return any(key == k and bool(mods & m) for k, m in _CLOSING_KEYS) or any(
        event.matches(k) for k in _CLOSING_STANDARD_KEYS)


def apply_kiosk_window_flags(window: QWidget) -> None:
    """Frameless and kept on top, over the whole screen even without a window manager.

    Call before the window is shown, then ``showFullScreen()``."""
    window.setWindowFlags(window.windowFlags() | Qt.WindowType.FramelessWindowHint
                          | Qt.WindowType.WindowStaysOnTopHint)
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.geometry())


def hide_cursor(app: QGuiApplication) -> None:
    """No mouse cursor on a touch kiosk (``restoreOverrideCursor()`` brings it back)."""
    app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
