"""Lock-down: a resident's attempts to close, quit, open menus or select text come to nothing,
and everything works again once an administrator has chosen Exit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import (
    QCloseEvent,
    QContextMenuEvent,
    QDragEnterEvent,
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from ui.lockdown import Lockdown, apply_kiosk_window_flags, hide_cursor

ESCAPE_KEYS = [(Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
               (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
               (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)]


class MenuProbe(QWidget):
    def __init__(self, parent) -> None:
        super().__init__(parent)
        self.menus = 0

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        self.menus += 1


@pytest.fixture
def window(make_window):
    window = make_window()
    lock = Lockdown(window, lambda: window.exit_allowed)
    yield window
    # make_window closes its windows at teardown: let it
    lock.uninstall()
    window.exit_allowed = True


@pytest.fixture
def field(window, qtbot):
    window.go("search")
    field = window.current.field
    field.setText("shebao")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return field


def menu_event(widget, reason) -> QContextMenuEvent:
    """What a right click or a long press on a touch screen sends."""
    return QContextMenuEvent(reason, QPoint(5, 5), widget.mapToGlobal(QPoint(5, 5)))


def press_escape_keys(window, qtbot) -> list[str]:
    fired: list[str] = []
    for key, mod in ESCAPE_KEYS:
        seq = QKeySequence(key | mod).toString()
        QShortcut(QKeySequence(seq), window, activated=lambda s=seq: fired.append(s))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for key, mod in ESCAPE_KEYS:
        qtbot.keyClick(window.focusWidget() or window, key, mod)
    return fired


def select_by_hand(field, qtbot) -> list[str]:
    """What each way of selecting left selected: double click, drag, Ctrl+A, Shift+Home."""
    selected = []
    middle = field.rect().center()
    qtbot.mouseDClick(field, Qt.MouseButton.LeftButton, pos=middle)
    selected.append(field.selectedText())
    field.deselect()
    qtbot.mousePress(field, Qt.MouseButton.LeftButton, pos=QPoint(4, middle.y()))
    qtbot.mouseMove(field, QPoint(field.width() - 4, middle.y()))
    qtbot.mouseRelease(field, Qt.MouseButton.LeftButton, pos=QPoint(field.width() - 4, middle.y()))
    selected.append(field.selectedText())
    field.deselect()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    selected.append(field.selectedText())
    field.deselect()
    field.end(False)
    qtbot.keyClick(field, Qt.Key.Key_Home, Qt.KeyboardModifier.ShiftModifier)
    selected.append(field.selectedText())
    field.deselect()
    return selected


def test_close_requests_are_ignored(window):
    assert window.close() is False
    spontaneous = QCloseEvent()  # what the window manager sends for its close button or Alt+F4
    QApplication.sendEvent(window, spontaneous)
    assert not spontaneous.isAccepted()
    assert window.isVisible()
    assert window.idle_timer.isActive()  # closeEvent never ran


def test_alt_f4_ctrl_w_and_ctrl_q_are_swallowed(window, qtbot):
    assert press_escape_keys(window, qtbot) == []
    assert window.isVisible()


def test_context_menus_are_swallowed(window):
    probe = MenuProbe(window)
    for reason in (QContextMenuEvent.Reason.Mouse, QContextMenuEvent.Reason.Keyboard):
        QApplication.sendEvent(probe, menu_event(probe, reason))
    assert probe.menus == 0


def test_no_text_can_be_selected_in_a_field(field, qtbot):
    assert select_by_hand(field, qtbot) == ["", "", "", ""]
    field.selectAll()  # as Tab into a field does
    assert field.selectedText() == ""
    assert field.text() == "shebao"  # typing still works: only selecting does not
    qtbot.keyClick(field, Qt.Key.Key_S)
    assert field.text() == "shebaos"
    assert not field.dragEnabled()


def test_labels_cannot_be_selected_and_nothing_can_be_dropped(window, field, qtbot):
    label = QLabel("办事指南", window)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.show()
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert label.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    mime = QMimeData()
    mime.setText("11010519491231002X")
    drag = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    drag.ignore()
    QApplication.sendEvent(field, drag)
    assert not drag.isAccepted()


def test_everything_works_again_once_exit_is_allowed(window, field, qtbot):
    window.exit_allowed = True
    assert select_by_hand(field, qtbot) == ["shebao"] * 4
    probe = MenuProbe(window)
    QApplication.sendEvent(probe, menu_event(probe, QContextMenuEvent.Reason.Mouse))
    assert probe.menus == 1
    assert press_escape_keys(window, qtbot) == ["Alt+F4", "Ctrl+W", "Ctrl+Q"]
    assert window.close() is True
    assert not window.isVisible()


def test_the_kiosk_window_is_frameless_on_top_and_full_screen(window, qtbot):
    window.hide()
    apply_kiosk_window_flags(window)
    flags = window.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    assert window.geometry() == window.screen().geometry()
    window.showFullScreen()
    qtbot.waitExposed(window)
    assert window.isFullScreen()


def test_the_cursor_is_hidden(qapp):
    hide_cursor(qapp)
    try:
        assert QGuiApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
    finally:
        QGuiApplication.restoreOverrideCursor()
    assert QGuiApplication.overrideCursor() is None
