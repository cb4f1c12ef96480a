"""Read-aloud on the kiosk window: what is read, when it stops, and the bar while reading.

"朗读 / Read aloud" in the footer (and the bar's Repeat) reads the current screen's
title and instruction, never anything the resident typed. In 长辈版, when the hall
says so, each screen is read by itself once it is laid out. Any press or key
outside the reading's own controls stops it; the wipe puts the volume back to the
hall's default. The engine (``ui.speech.ReadAloud``) is Qt's text-to-speech.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QBoxLayout, QLineEdit, QWidget

from ui.i18n import translate
from ui.speech import ReadAloud, Said, without_secrets
from ui.widgets.speech_bar import SpeechBar

if TYPE_CHECKING:
    from ui.shell import KioskWindow

#: screens never read by themselves: the attract loop, and staff's own screens
NOT_AUTO_READ = frozenset({"attract", "staff_sign_in", "staff_panel"})
#: the resident acting: reading stops (idle's wheel and input-method events do not)
STOPS_READING = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin,
                           QEvent.Type.KeyPress})


class ScreenReader(QObject):
    """Reads the window's current screen; owns the speech bar shown while reading."""

    speech: ReadAloud  # set in __init__, after the bar's buttons that use it are wired

    def __init__(self, window: KioskWindow, speech: ReadAloud) -> None:
        super().__init__(window)
        self._window = window
        self.bar = SpeechBar(window)
        self.bar.hide()
        self._toast_text = ""  # the toast's text when it says why nothing is read
        layout = window.layout()
        assert isinstance(layout, QBoxLayout)  # the window's column, a QVBoxLayout
        layout.insertWidget(layout.indexOf(window.footer), self.bar)
        self.bar.restyled.connect(self._fit_bar)
        self.bar.stop_button.clicked.connect(lambda: self.speech.stop())
        self.bar.repeat_button.clicked.connect(self.read)
        self.bar.louder_button.clicked.connect(lambda: self._change_volume(+1))
        self.bar.quieter_button.clicked.connect(lambda: self._change_volume(-1))
        window.footer.read_button.clicked.connect(self.read)
        # after the screen is laid out, and once however many screens were shown meanwhile
        self._auto_timer = QTimer(self)
        self._auto_timer.setSingleShot(True)
        self._auto_timer.setInterval(0)
        self._auto_timer.timeout.connect(lambda: self._read(automatic=True))
        self.speech = speech
        self.use(speech)

    def use(self, speech: ReadAloud) -> None:
        """Read with this engine from now on (the window's; the gallery's silent one)."""
        old = self.speech
        if old is not speech:
            old.stop()
            old.speaking_changed.disconnect(self._show_state)
        self.speech = speech
        speech.set_volume(self._window.settings.speech_volume)
        speech.speaking_changed.connect(self._show_state)

    def read(self) -> None:
        """The screen's title and instruction, from the start; when reading is impossible,
        a toast says why."""
        self._read(automatic=False)

    # -- what the window tells it -------------------------------------------------------

    def on_show(self, name: str) -> None:
        """A new screen: the last one's reading stops; in 长辈版 (when the hall says so)
        the new one is read once it is laid out, with the controls shown at once."""
        self.speech.stop()
        self._auto_timer.stop()
        auto = (name not in NOT_AUTO_READ and self._auto_enabled()
                and self.speech.has_voice(self._window.presentation.language))
        if auto:
            self._show_bar()
            self._auto_timer.start()
        else:
            self.bar.hide()

    def on_wipe(self) -> None:
        self._auto_timer.stop()
        self.speech.reset(self._window.settings.speech_volume)
        self.bar.hide()

    def on_input(self, watched: QObject, event: QEvent) -> None:
        """Any press or key stops the reading, except on the reading's own controls."""
        if event.type() not in STOPS_READING or not isinstance(watched, QWidget):
            return  # a window's copy of the event comes to its widget next
        for own in (self.bar, self._window.footer.read_button):
            if watched is own or own.isAncestorOf(watched):
                return
        self.speech.stop()

    # -- reading ----------------------------------------------------------------------

    def _auto_enabled(self) -> bool:
        """长辈版 with the hall's "read each screen by itself" on."""
        w = self._window
        return w.presentation.elderly and w.settings.read_aloud_auto_elderly

    def spoken_text(self) -> str:
        """The current screen's title and instruction, without anything the resident typed."""
        return without_secrets(self._window.current.spoken_text(), self._typed_values())

    def _typed_values(self) -> list[str]:
        w = self._window
        s = w.session
        values = [s.lookup_id]
        if s.booking is not None:
            values += [s.booking.id_number, s.booking.phone]
        for screen in w.screens.built():
            for edit in screen.findChildren(QLineEdit):
                text = edit.text().strip()
                if edit.echoMode() != QLineEdit.EchoMode.Normal or any(c.isdigit() for c in text):
                    values.append(text)
        return [v for v in values if v]

    def _read(self, automatic: bool) -> None:
        w = self._window
        if automatic and (w.current.name in NOT_AUTO_READ or not self._auto_enabled()):
            return
        text = self.spoken_text()
        if not text:
            return
        said = self.speech.say(text, w.presentation.language)
        if said is Said.SPOKEN:
            if w.toast.text() == self._toast_text:  # "no voice", said in another language
                w.toast.hide()
            self._show_bar()
            return
        self.bar.hide()
        if automatic:  # the resident did not ask: no toast on every screen
            return
        if said is Said.NO_VOICE:
            self._toast_text = translate(
                "Shell", "This kiosk has no voice to read this language aloud.")
        else:
            self._toast_text = translate("Shell", "Read-aloud is not available on this kiosk.")
        w.toast.setText(self._toast_text)
        w.toast.show()

    # -- the bar ------------------------------------------------------------------------

    def _change_volume(self, direction: int) -> None:
        if direction > 0:
            self.speech.louder()
        else:
            self.speech.quieter()
        self._show_state()

    def _show_bar(self) -> None:
        self._fit_bar()
        self._show_state()
        self.bar.show()

    def _fit_bar(self) -> None:
        p = self._window.presentation
        s = p.theme.sizes
        self.bar.set_metrics(s.margin, s.gap, p.portrait)

    def _show_state(self, *_args: object) -> None:
        self.bar.show_state(self.speech.speaking, self.speech.volume)
