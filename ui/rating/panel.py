"""The rating's steps as one widget, for the kiosk's rating screen and the window terminal:

=========  ====================================  =====================================
page       shows                                 next
=========  ====================================  =====================================
faces      five faces with their words           a good level: submitted at once;
                                                 不满意 / 非常不满意: reasons
reasons    the reasons, several may be picked    at least one: comment
comment    a box, the writing pad or keyboard    (may stay empty): phone
phone      a phone number, only if they wish     submitted, named or anonymous
thanks     a result panel: sent, or saved        Done
=========  ====================================  =====================================

The panel writes nothing: ``submitted`` hands the choice to its host, which writes it to
the outbox and calls ``show_thanks`` with what became of it. ``closed`` when the resident
is done (Done, or "No rating"). ``heading()`` and ``prompt()`` are the page's title and
instruction, for the host to show (and read aloud).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.device.design_tokens import Sizes
from kiosk.rules.ratings import Level
from ui.i18n import translate
from ui.rating.comment import CommentInput
from ui.rating.faces import FaceButton
from ui.rating.words import LEVELS, MOODS, REASON_CODES, level_word, reason_word
from ui.widgets.buttons import TextButton
from ui.widgets.keypad import NumericKeypad, group_mobile, keypad_box
from ui.widgets.result_panel import ResultPanel

MOBILE_LENGTH = 11


@dataclass(frozen=True)
class RatingChoice:
    level: Level
    reasons: tuple[str, ...] = ()
    comment: str = ""
    phone: str = ""  # "" : anonymous


def mobile_ok(digits: str) -> bool:
    """A mainland mobile number: 11 digits, starting 1[3-9]."""
    return len(digits) == MOBILE_LENGTH and digits.isdigit() and digits[0] == "1" \
        and digits[1] in "3456789"


class RatingPanel(QWidget):
    submitted = Signal(object)  # RatingChoice
    closed = Signal()
    page_changed = Signal()

    PAGES = ("faces", "reasons", "comment", "phone", "thanks")

    def __init__(self, lang: Callable[[], str], open_recognizer: Callable | None = None,
                 parent: QWidget | None = None, reasons: tuple[str, ...] = REASON_CODES) -> None:
        """``lang``: "zh" or "en", asked at each retranslation (the resident may switch)."""
        super().__init__(parent)
        self.setObjectName("rating-panel")
        self._lang = lang
        self.reason_codes = reasons
        self.matter_name = ""
        root = self._root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        self.about = QLabel(self)
        self.about.setObjectName("rating-about")
        self.about.setWordWrap(True)
        root.addWidget(self.about)
        self.pages = QStackedWidget(self)
        root.addWidget(self.pages, 1)

        # faces
        self.faces_page = QWidget(self)
        self.faces_grid = QGridLayout(self.faces_page)
        self.faces_grid.setContentsMargins(0, 0, 0, 0)
        self.face_group = QButtonGroup(self)
        self.face_group.setExclusive(True)
        self.face_buttons: dict[Level, FaceButton] = {}
        for level in LEVELS:
            face = FaceButton(level.value, MOODS[level], self.faces_page)
            self.face_group.addButton(face)
            face.toggled.connect(lambda on, level=level: self._chose(level) if on else None)
            self.face_buttons[level] = face
        self.pages.addWidget(self.faces_page)

        # reasons
        self.reasons_page = QWidget(self)
        reasons_column = QVBoxLayout(self.reasons_page)
        reasons_column.setContentsMargins(0, 0, 0, 0)
        self.reasons_grid = QGridLayout()
        reasons_column.addLayout(self.reasons_grid)
        reasons_column.addStretch(1)  # the chips keep their height; the room stays below
        self.reason_buttons: dict[str, TextButton] = {}
        for code in reasons:
            chip = TextButton("row", self.reasons_page)
            chip.setObjectName(f"reason-{code}")
            chip.setCheckable(True)
            chip.toggled.connect(lambda _on: self._update_actions())
            self.reason_buttons[code] = chip
        self.pages.addWidget(self.reasons_page)

        # comment
        self.comment = CommentInput(open_recognizer, self)
        self.pages.addWidget(self.comment)

        # phone
        self.phone_page = QWidget(self)
        self.phone_body = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.phone_page)
        self.phone_body.setContentsMargins(0, 0, 0, 0)
        boxes = QVBoxLayout()
        self.phone_field = keypad_box(self.phone_page, "rating-phone")
        self.phone_note = QLabel(self.phone_page)
        self.phone_note.setWordWrap(True)
        boxes.addWidget(self.phone_field)
        boxes.addWidget(self.phone_note)
        boxes.addStretch(1)
        self.phone_body.addLayout(boxes, 1)
        self.keypad = NumericKeypad(self.phone_page)
        self.keypad.show_x(False)
        self.keypad.key.connect(self._digit)
        self.keypad.backspace.connect(lambda: self._set_phone(self._phone[:-1]))
        self.keypad.clear.connect(lambda: self._set_phone(""))
        self.phone_body.addWidget(self.keypad, 1)
        self.pages.addWidget(self.phone_page)
        self._phone: str = ""

        # thanks
        self.thanks_page = QWidget(self)
        thanks = QVBoxLayout(self.thanks_page)
        thanks.setContentsMargins(0, 0, 0, 0)
        self.result = ResultPanel(self.thanks_page)
        self.result.setObjectName("rating-result")
        thanks.addWidget(self.result)
        thanks.addStretch(1)
        self.pages.addWidget(self.thanks_page)

        # actions, under every page
        self.action_row = QHBoxLayout()
        self.back_button = TextButton("secondary", self)
        self.back_button.setObjectName("rating-back")
        self.back_button.clicked.connect(self._back)
        self.skip_button = TextButton("secondary", self)
        self.skip_button.setObjectName("rating-skip")
        self.skip_button.clicked.connect(self._skip)
        self.next_button = TextButton("primary", self)
        self.next_button.setObjectName("rating-next")
        self.next_button.clicked.connect(self._next)
        for action in (self.back_button, self.skip_button, self.next_button):
            self.action_row.addWidget(action, 1)
        root.addLayout(self.action_row)

        self.level: Level | None = None
        self.sent = False
        self._portrait = False
        self._place_faces()
        self._place_reasons(3)
        self.show_page("faces")

    # -- what hosts use -----------------------------------------------------------

    def start(self, matter_name: str) -> None:
        """A fresh rating of the matter named ``matter_name`` (in the resident's language)."""
        self.clear()
        self.matter_name = matter_name
        self.retranslate()

    def clear(self) -> None:
        """Everything chosen and typed forgotten (the session wipe, a new rating)."""
        self.face_group.setExclusive(False)
        for face in self.face_buttons.values():
            face.setChecked(False)
        self.face_group.setExclusive(True)
        for chip in self.reason_buttons.values():
            chip.setChecked(False)
        self.comment.clear()
        self._set_phone("")
        self.result.clear()
        self.level, self.sent, self.matter_name = None, False, ""
        self.show_page("faces")

    def choice(self, phone: str = "") -> RatingChoice:
        assert self.level is not None  # asked only once a face is chosen
        bad = self.level.bad
        return RatingChoice(
            self.level,
            tuple(c for c, b in self.reason_buttons.items() if b.isChecked()) if bad else (),
            self.comment.text() if bad else "",
            phone if bad else "")

    def show_thanks(self, tone: str, heading: str, body: str) -> None:
        """What became of the rating (the host's words: sent, or saved to send later)."""
        self.sent = True
        self.result.show_result(tone, heading, body)
        self.show_page("thanks")

    def page(self) -> str:
        return self.PAGES[self.pages.currentIndex()]

    def show_page(self, name: str) -> None:
        self.pages.setCurrentIndex(self.PAGES.index(name))
        self.retranslate()
        self.page_changed.emit()

    def heading(self) -> str:
        return {
            "faces": translate("Rating", "How satisfied are you with this service?"),
            "reasons": translate("Rating", "What went wrong? (Tap one or more)"),
            "comment": translate("Rating", "Anything to add? (optional)"),
            "phone": translate("Rating", "May staff call you back?"),
            "thanks": translate("Rating", "Thank you for your rating"),
        }[self.page()]

    def prompt(self) -> str:
        return {
            "faces": translate("Rating", "Tap a face. Your rating helps the hall do better."),
            "reasons": "",  # said in the heading: the reasons need the height (长辈版)
            # the steps after the faces say it on the page (the box's hint, the note beside
            # the keypad): the writing pad and the keypad need the height in 长辈版
            "comment": "",
            "phone": "",
            "thanks": "",
        }[self.page()]

    def set_metrics(self, sizes: Sizes, elderly: bool, portrait: bool) -> None:
        gap = sizes.gap
        self._root.setSpacing(gap)
        self.action_row.setSpacing(gap * 2)
        self._portrait = portrait
        edge = round(sizes.display * (2.0 if portrait else 1.8))
        # the words a little over the body size (长辈版's 56 px heading size is wider than a
        # fifth of the screen for "Dissatisfied", and two lines of it too tall for a row)
        word_px = round(sizes.body * 1.2)
        for b in self.face_buttons.values():
            b.set_metrics(edge, gap, word_px)
            b.set_across(portrait)
            b.setMinimumHeight(sizes.touch)
        self.faces_grid.setSpacing(gap * 2)
        self.reasons_grid.setSpacing(gap)
        self._place_faces()
        # 长辈版 on a landscape screen: four across, so that the ten fit in three rows
        self._place_reasons(2 if portrait else 4 if elderly else 3)
        self.comment.set_sizes(sizes, elderly)
        self.keypad.set_gap(gap)
        self.phone_body.setSpacing(gap * 2)
        self.phone_body.setDirection(QBoxLayout.Direction.TopToBottom if portrait
                                     else QBoxLayout.Direction.LeftToRight)
        # portrait: the box takes what it needs, the keypad the rest
        self.phone_body.setStretch(0, 0 if portrait else 1)
        self.phone_body.setStretch(1, 1)
        self.result.set_gap(gap)

    # -- the steps ----------------------------------------------------------------

    def _place_faces(self) -> None:
        for b in self.face_buttons.values():
            self.faces_grid.removeWidget(b)
        for i, b in enumerate(self.face_buttons.values()):
            if self._portrait:
                self.faces_grid.addWidget(b, i, 0)
            else:
                self.faces_grid.addWidget(b, 0, i)
            # five equal columns (or rows), whatever the length of their words
            self.faces_grid.setColumnStretch(i, 0 if self._portrait else 1)
            self.faces_grid.setRowStretch(i, 1 if self._portrait else 0)

    def _place_reasons(self, columns: int) -> None:
        for b in self.reason_buttons.values():
            self.reasons_grid.removeWidget(b)
        for i, b in enumerate(self.reason_buttons.values()):
            self.reasons_grid.addWidget(b, i // columns, i % columns)

    def _chose(self, level: Level) -> None:
        self.level = level
        self._update_actions()

    def _digit(self, ch: str) -> None:
        if len(self._phone) < MOBILE_LENGTH:
            self._set_phone(self._phone + ch)

    def _set_phone(self, digits: str) -> None:
        self._phone = digits
        self.phone_field.setText(group_mobile(digits))
        self._update_actions()

    def phone_digits(self) -> str:
        return self._phone

    def _back(self) -> None:
        page = self.page()
        if page == "reasons":
            self.show_page("faces")
        elif page == "comment":
            self.show_page("reasons")
        elif page == "phone":
            self.show_page("comment")

    def _skip(self) -> None:
        """"No rating" on the faces; "Send without a number" on the phone page."""
        page = self.page()
        if page == "faces":
            self.clear()
            self.closed.emit()
        elif page == "phone":
            self._submit("")

    def _next(self) -> None:
        page = self.page()
        if page == "faces" and self.level is not None:
            if self.level.bad:
                self.show_page("reasons")
            else:
                self._submit("")
        elif page == "reasons" and any(b.isChecked() for b in self.reason_buttons.values()):
            self.show_page("comment")
        elif page == "comment":
            self.show_page("phone")
        elif page == "phone" and mobile_ok(self._phone):
            self._submit(self._phone)
        elif page == "thanks":
            self.clear()
            self.closed.emit()

    def _submit(self, phone: str) -> None:
        if self.sent:  # one rating per matter per visit: never a second tap's second rating
            return
        self.sent = True
        self.submitted.emit(self.choice(phone))

    def _update_actions(self) -> None:
        page = self.page()
        bad = self.level is not None and self.level.bad
        self.back_button.setVisible(page in ("reasons", "comment", "phone"))
        self.skip_button.setVisible(page in ("faces", "phone"))
        if page == "faces":
            self.next_button.setEnabled(self.level is not None)
        elif page == "reasons":
            self.next_button.setEnabled(any(b.isChecked() for b in self.reason_buttons.values()))
        elif page == "phone":
            self.next_button.setEnabled(mobile_ok(self._phone))
        else:
            self.next_button.setEnabled(True)
        self.next_button.set_texts({
            "faces": translate("Rating", "Next") if bad else translate("Rating", "Send rating"),
            "reasons": translate("Rating", "Next"),
            "comment": translate("Rating", "Next"),
            "phone": translate("Rating", "Send with my number"),
            "thanks": translate("Rating", "Done"),
        }[page])
        self.skip_button.set_texts(translate("Rating", "No rating") if page == "faces"
                                   else translate("Rating", "Send without a number"))
        self.back_button.set_texts(translate("Rating", "Back"))

    def retranslate(self) -> None:
        lang = self._lang()
        for level, b in self.face_buttons.items():
            b.set_word(level_word(level, lang))
        for code, chip in self.reason_buttons.items():
            chip.set_texts(reason_word(code, lang))
        self.about.setText(translate("Rating", "Service: %1").replace("%1", self.matter_name)
                           if self.matter_name else "")
        # on the faces only: the steps after it need the height (长辈版 on a landscape screen)
        self.about.setVisible(bool(self.matter_name) and self.page() == "faces")
        self.phone_note.setText(translate(
            "Rating", "Leave a mobile number and staff will call you about this rating only; "
            "without one, it is anonymous."))
        self.phone_field.setAccessibleName(translate("Rating", "Mobile number"))
        self.keypad.retranslate()
        self.comment.retranslate()
        self._update_actions()
