"""Handwriting input (手写): the writing pad, the characters it may be, Undo and Clear.

After every stroke the strokes so far are recognised off the GUI thread, on the panel's
own worker thread (one recognition at a time; the answer for strokes that have changed
since is never shown, and a request already overtaken is skipped), and the likeliest
characters appear as big buttons above the pad; a tap on one sends
it (``picked``) and clears the pad for the next character. Undo takes back the last
stroke, Clear (重写) all of them, Delete the last character of the search words (as the
keyboard's ⌫ does). The recogniser (kiosk.handwriting) is opened on the first stroke,
off the GUI thread; a screen offers this panel only where one is installed.

Not ``ui.workers.tasks.OneCall``: there is a request for every stroke, and OneCall would
run each on the shared thread pool, overtaken ones too, beside the platform's calls.
Here one worker thread of the panel's runs them in order and skips a request overtaken
before it starts, and one long-lived relay (a child of the panel) brings the answers
back.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.device.design_tokens import Sizes
from kiosk.handwriting.recognizer import Recognizer
from ui.i18n import translate
from ui.theme import set_role
from ui.widgets.buttons import TextButton
from ui.widgets.writing_pad import Point, WritingPad

log = logging.getLogger(__name__)

#: candidate buttons in a row: standard and 长辈版 (fewer, wider)
CANDIDATES = 6
CANDIDATES_ELDERLY = 4


class _Answers(QObject):
    """Carries an answer from the worker thread to the GUI thread (a queued signal)."""

    ready = Signal(int, object)  # the request's number; the characters, or the exception


class _Engine:
    """What the worker thread uses, in plain Python (it never touches a widget): the
    recogniser, opened on the first request, and the number of the latest request."""

    def __init__(self, open_recognizer: Callable[[], Recognizer | None]) -> None:
        self._open = open_recognizer
        self._recognizer: Recognizer | None = None
        self._opened = False
        self._lock = threading.Lock()
        self.latest = 0  # written on the GUI thread only

    def classify(self, strokes: list[list[Point]], limit: int) -> list[str]:
        with self._lock:
            if not self._opened:
                self._recognizer = self._open()
                self._opened = True
            recognizer = self._recognizer
        if recognizer is None:
            return []
        return [c.text for c in recognizer.recognize(strokes, limit)]

    def work(self, answers: _Answers, asked: int, strokes: list[list[Point]], limit: int) -> None:
        """On the worker thread: recognise, unless a newer request has come meanwhile."""
        if asked != self.latest:
            return
        try:
            answer: object = self.classify(strokes, limit)
        except Exception as exc:  # noqa: BLE001 - every failure is logged on the GUI thread
            answer = exc
        with contextlib.suppress(RuntimeError):  # the panel is gone: nobody to tell
            answers.ready.emit(asked, answer)


class HandwritingPanel(QWidget):
    #: a candidate tapped: the character to add to the search words
    picked = Signal(str)
    #: Delete tapped: the last character of the search words goes
    backspace = Signal()
    #: candidates shown (after each recognition; empty when the pad is cleared)
    candidates_shown = Signal(list)

    def __init__(self, open_recognizer: Callable[[], Recognizer | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handwriting-panel")
        self._engine = _Engine(open_recognizer)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="handwriting")
        self._answers = _Answers(self)
        self._answers.ready.connect(self._arrived)
        self._count = CANDIDATES

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._row = QGridLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(self._row)
        self.candidate_buttons: list[QPushButton] = []
        for i in range(CANDIDATES):
            button = QPushButton(self)
            button.setObjectName(f"handwriting-candidate-{i}")
            set_role(button, "key")
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # the row keeps its height when empty
            button.setSizePolicy(policy)
            button.clicked.connect(lambda _=False, b=button: self._pick(b.text()))
            button.hide()
            self.candidate_buttons.append(button)
        self._place_candidates()

        # the tools stand beside the pad, not under it: in 长辈版 on a landscape screen a
        # row of them would leave the pad a strip
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        self._body = body
        self._layout.addLayout(body, 1)
        self.pad = WritingPad(self)
        body.addWidget(self.pad, 1)
        self.pad.stroke_added.connect(self._recognise)
        self.pad.strokes_removed.connect(self._recognise)

        tools = QGridLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        self._tool_columns = 0
        self._tools = tools
        self.undo_button = TextButton("secondary", self)
        self.undo_button.setObjectName("handwriting-undo")
        self.undo_button.clicked.connect(self.pad.undo)
        self.clear_button = TextButton("secondary", self)
        self.clear_button.setObjectName("handwriting-clear")
        self.clear_button.clicked.connect(self.pad.clear)
        self.delete_button = TextButton("secondary", self)
        self.delete_button.setObjectName("handwriting-delete")
        self.delete_button.clicked.connect(self.backspace.emit)
        body.addLayout(tools)
        self._place_tools(1)
        self.retranslate()

    # -- what the screen uses --------------------------------------------------

    def set_sizes(self, sizes: Sizes, elderly: bool) -> None:
        """Gaps, heights and ink from the theme's tokens; fewer, wider candidates in 长辈版."""
        for layout in (self._layout, self._row, self._body, self._tools):
            layout.setSpacing(sizes.gap)
        for button in self.candidate_buttons:
            button.setMinimumSize(sizes.touch, sizes.touch)
            # the characters larger than a key's letter: they are what the resident reads
            button.setStyleSheet(f"font-size: {sizes.display}px;")
        for button in (self.undo_button, self.clear_button, self.delete_button):
            button.setMinimumHeight(sizes.touch)
            button.setFixedWidth(round(sizes.touch * 2.6))
        self.pad.set_pen_width(max(8, sizes.touch // 6))
        self._count = CANDIDATES_ELDERLY if elderly else CANDIDATES
        self._sizes = sizes
        self._place_candidates()
        self._fit_tools()

    def show_candidates(self, characters: list[str]) -> None:
        shown = characters[: self._count]
        for i, button in enumerate(self.candidate_buttons):
            text = shown[i] if i < len(shown) else ""
            button.setText(text)
            button.setAccessibleName(text)
            button.setVisible(bool(text) and i < self._count)
        self.candidates_shown.emit(shown)

    def recognise_now(self) -> None:
        """Recognise the strokes on the GUI thread and show the candidates at once (the
        gallery, which paints before a background answer could arrive)."""
        self._engine.latest += 1
        strokes = self.pad.strokes()
        self.show_candidates(self._engine.classify(strokes, len(self.candidate_buttons)) if strokes else [])

    def candidates(self) -> list[str]:
        return [b.text() for b in self.candidate_buttons if b.isVisibleTo(self) and b.text()]

    def reset(self) -> None:
        """Forget the strokes and the candidates (a pick, the session wipe)."""
        self._engine.latest += 1  # an answer on its way is for strokes that are gone
        self.pad.blockSignals(True)
        self.pad.clear()
        self.pad.blockSignals(False)
        self.show_candidates([])

    def retranslate(self) -> None:
        # short words: three of them stand beside the pad, in 长辈版 two abreast
        self.undo_button.set_texts(translate("Handwriting", "Undo"))
        self.clear_button.set_texts(translate("Handwriting", "Clear"))
        self.delete_button.set_texts(translate("Handwriting", "Delete"))
        self.pad.set_hint(translate("Handwriting", "Write one character here"))

    # -- inside --------------------------------------------------------------

    def _place_candidates(self) -> None:
        for i, button in enumerate(self.candidate_buttons):
            self._row.removeWidget(button)
            if i < self._count:
                self._row.addWidget(button, 0, i)
                self._row.setColumnStretch(i, 1)
            else:
                button.hide()
        for i in range(self._count, CANDIDATES):
            self._row.setColumnStretch(i, 0)

    @property
    def _tool_buttons(self) -> tuple[TextButton, ...]:
        return (self.undo_button, self.clear_button, self.delete_button)

    def _place_tools(self, columns: int) -> None:
        """The three tools one above the other, or in two columns where the pad is too
        short for three (长辈版 on a landscape screen)."""
        if columns == self._tool_columns:
            return
        self._tool_columns = columns
        for button in self._tool_buttons:
            self._tools.removeWidget(button)
        for i, button in enumerate(self._tool_buttons):
            self._tools.addWidget(button, i // columns, i % columns)
        rows = (len(self._tool_buttons) + columns - 1) // columns
        for row in range(len(self._tool_buttons) + 1):
            self._tools.setRowStretch(row, 1 if row == rows else 0)

    def _fit_tools(self) -> None:
        sizes = getattr(self, "_sizes", None)
        if sizes is None:
            return
        candidates = sizes.touch + sizes.gap
        stacked = 3 * sizes.touch + 2 * sizes.gap
        self._place_tools(1 if self.height() - candidates >= stacked else 2)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_tools()

    def _recognise(self) -> None:
        self._engine.latest += 1
        strokes = self.pad.strokes()
        if not strokes:
            self.show_candidates([])
            return
        self._worker.submit(self._engine.work, self._answers, self._engine.latest, strokes,
                            len(self.candidate_buttons))

    def _arrived(self, asked: int, answer: object) -> None:
        if asked != self._engine.latest:
            return
        if isinstance(answer, Exception):
            self._failed(answer)
        else:
            self._recognised(answer)

    def _recognised(self, characters: object) -> None:
        assert isinstance(characters, list)
        self.show_candidates(characters if self.pad.has_strokes() else [])

    def _failed(self, exc: Exception) -> None:
        log.warning("handwriting: recognition failed: %s", exc)
        self.show_candidates([])

    def _pick(self, text: str) -> None:
        if not text:
            return
        self.reset()
        self.picked.emit(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
