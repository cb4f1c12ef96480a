"""Read-aloud through a real window and Qt's mock speech engine: it speaks the
screen's title and instruction on request, stops when the resident acts, repeats,
reads by itself in 长辈版 when the hall says so, follows the UI language, goes
back to the hall's volume at every wipe, says so when there is no engine, and
never speaks what a resident typed — not even masked."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTextToSpeech import QTextToSpeech

from kiosk.rules import idnumber, phone
from ui.gallery.booking import booking_states
from ui.gallery.render import visit_states
from ui.gallery.speech import SilentSpeech
from ui.speech import ReadAloud, Said, pick_voice, without_secrets

ID = "11010519491231002X"
MOBILE = "13800138000"


class NoEngine(ReadAloud):
    """A kiosk where QTextToSpeech finds no engine."""

    def _make_engine(self):
        return None


class Heard:
    """Everything handed to the engine, in order."""

    def __init__(self, speech: ReadAloud) -> None:
        self.texts: list[str] = []
        speech.said.connect(self.texts.append)


@pytest.fixture
def reading_window(make_window):
    made = []

    def make(speech: ReadAloud | None = None, **settings):
        speech = speech if speech is not None else ReadAloud(engine="mock")
        w = make_window(window_options={"speech": speech}, **settings)
        made.append(w)
        return w, Heard(speech)

    yield make
    for w in made:
        if w.central is not None:  # the gallery's, for the booking states
            w.central.close()


def engine_state(w):
    return w.speech._tts.state() if w.speech._tts is not None else None


#: the home and services screens' titles and instructions, as read
HOME = "What would you like to do? Tap one of the big buttons."
SERVICES = "Find a service. Search by typing, or choose a group."


def press(qtbot, widget):
    """A real press and release in the middle of ``widget`` (what the event filter sees)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


# -- on request --------------------------------------------------------------------


def test_read_aloud_speaks_the_screens_title_and_instruction(reading_window, qtbot):
    w, heard = reading_window(default_language="en")
    w.home()
    assert not w.speech_bar.isVisible()
    press(qtbot, w.footer.read_button)
    assert engine_state(w) == QTextToSpeech.State.Speaking
    assert heard.texts == [HOME]
    assert w.speech.last_text == HOME
    assert w.speech_bar.isVisible() and w.speech.speaking
    assert w.speech_bar.status.text().startswith("Reading aloud")
    assert not w.toast.isVisible()


def test_a_tap_elsewhere_or_a_key_stops_the_reading(reading_window, qtbot):
    w, _ = reading_window(default_language="en")
    w.home()
    press(qtbot, w.footer.read_button)
    assert w.speech.speaking
    press(qtbot, w.current.title)  # a tap on the screen, not on a control
    assert engine_state(w) == QTextToSpeech.State.Ready
    assert not w.speech.speaking
    # the controls stay where they are (nothing moves under the finger), saying so
    assert w.speech_bar.isVisible()
    assert w.speech_bar.status.text().startswith("Reading stopped")

    press(qtbot, w.footer.read_button)
    assert w.speech.speaking
    qtbot.keyClick(w.current, Qt.Key.Key_Down)
    assert engine_state(w) == QTextToSpeech.State.Ready


def test_going_to_another_screen_stops_and_hides_the_controls(reading_window, qtbot):
    w, _ = reading_window(default_language="en")
    w.home()
    press(qtbot, w.footer.read_button)
    w.go("services")
    assert engine_state(w) == QTextToSpeech.State.Ready
    assert not w.speech_bar.isVisible()


def test_read_aloud_again_and_repeat_start_over_and_stop_stops(reading_window, qtbot):
    w, heard = reading_window(default_language="en")
    w.home()
    press(qtbot, w.footer.read_button)
    qtbot.wait(250)  # a few words in
    press(qtbot, w.footer.read_button)  # again while reading: from the start
    assert engine_state(w) == QTextToSpeech.State.Speaking
    press(qtbot, w.speech_bar.repeat_button)
    assert engine_state(w) == QTextToSpeech.State.Speaking
    assert heard.texts == [HOME] * 3
    assert w.speech.repeat() is Said.SPOKEN
    press(qtbot, w.speech_bar.stop_button)
    assert engine_state(w) == QTextToSpeech.State.Ready
    press(qtbot, w.speech_bar.repeat_button)  # after Stop, Repeat reads again
    assert engine_state(w) == QTextToSpeech.State.Speaking


def test_louder_and_quieter_keep_reading_and_never_reach_silence(reading_window, qtbot):
    w, _ = reading_window(default_language="en", speech_volume=0.5)
    w.home()
    press(qtbot, w.footer.read_button)
    assert w.speech._tts.volume() == pytest.approx(0.5)
    press(qtbot, w.speech_bar.louder_button)
    press(qtbot, w.speech_bar.louder_button)
    assert w.speech.speaking
    assert w.speech._tts.volume() == pytest.approx(0.7)
    assert "70 %" in w.speech_bar.status.text()
    for _ in range(12):
        press(qtbot, w.speech_bar.quieter_button)
    assert w.speech.volume == pytest.approx(0.1)


# -- 长辈版 reads by itself --------------------------------------------------------------


@pytest.mark.parametrize("elderly, setting, reads", [
    (True, True, True), (True, False, False), (False, True, False), (False, False, False),
])
def test_auto_read_only_in_elderly_mode_with_the_hall_setting(reading_window, qtbot,
                                                             elderly, setting, reads):
    w, heard = reading_window(default_language="en", default_elderly=elderly,
                              read_aloud_auto_elderly=setting)
    qtbot.wait(50)
    assert heard.texts == []  # never on the attract screen
    w.home()
    assert heard.texts == []  # not before the screen is laid out
    if reads:
        qtbot.waitUntil(lambda: bool(heard.texts))
        assert heard.texts == [HOME]
        assert w.speech.speaking and w.speech_bar.isVisible()
        w.go("services")
        qtbot.waitUntil(lambda: len(heard.texts) == 2)
        assert heard.texts[1] == SERVICES
        w.wipe()
        qtbot.wait(50)
        assert len(heard.texts) == 2 and not w.speech.speaking
    else:
        qtbot.wait(50)
        assert heard.texts == [] and not w.speech_bar.isVisible()


def test_auto_read_follows_the_switch_to_elderly_mode(reading_window, qtbot):
    w, heard = reading_window(default_language="en", read_aloud_auto_elderly=True)
    w.home()
    qtbot.wait(50)
    assert heard.texts == []
    w.header.elderly_button.click()
    w.go("services")
    qtbot.waitUntil(lambda: bool(heard.texts))
    assert heard.texts == [SERVICES]


def test_the_controls_follow_a_switch_to_elderly_mode_while_shown(reading_window, qtbot):
    w, _ = reading_window(default_language="en")
    w.home()
    press(qtbot, w.footer.read_button)
    w.header.elderly_button.click()
    qtbot.wait(10)
    assert w.speech_bar.layout().spacing() == w.presentation.theme.sizes.gap
    assert min(b.height() for b in w.speech_bar.buttons) >= w.presentation.theme.sizes.touch


# -- the voice follows the language ----------------------------------------------------


def test_english_is_read_with_an_english_voice(reading_window, qtbot):
    w, heard = reading_window(default_language="en")
    w.home()
    press(qtbot, w.footer.read_button)
    assert w.speech._tts.locale().language() == QLocale.Language.English
    assert len(heard.texts) == 1


def test_chinese_is_never_read_with_an_english_voice(reading_window, qtbot):
    """Qt's mock engine has English, Norwegian and Finnish voices and no Chinese one."""
    w, heard = reading_window(default_language="zh_CN")
    w.home()
    press(qtbot, w.footer.read_button)
    assert heard.texts == []
    assert engine_state(w) == QTextToSpeech.State.Ready
    assert not w.speech_bar.isVisible()
    assert w.toast.isVisible() and w.toast.text() == "本机没有中文语音，无法朗读。"
    # switching to English, it reads in English
    w.header.language_button.click()
    press(qtbot, w.footer.read_button)
    assert len(heard.texts) == 1
    assert w.speech._tts.locale().language() == QLocale.Language.English
    assert not w.toast.isVisible()


def test_status_for_the_staff_panel(reading_window):
    w, _ = reading_window(default_language="en")
    assert w.speech.status() == "engine mock, voices for Chinese: no, English: yes"
    assert w.speech_status() == w.speech.status()
    assert NoEngine().status() == "no speech engine"
    assert SilentSpeech().status() == "engine mock, voices for Chinese: yes, English: yes"


def _locales(*names):
    return [QLocale(n) for n in names]


class _Voice:
    def __init__(self, name, locale="C"):
        self._name, self._locale = name, QLocale(locale)

    def name(self):
        return self._name

    def locale(self):
        return self._locale


def test_the_voice_choice():
    locales = _locales("en_GB", "zh_TW", "zh_CN", "yue_HK")
    assert pick_voice("zh_CN", locales, []) == (QLocale("zh_CN"), None)
    assert pick_voice("zh_CN", _locales("zh_TW", "en_US"), [])[0] == QLocale("zh_TW")
    assert pick_voice("en", locales, [])[0] == QLocale("en_GB")
    assert pick_voice("en", locales, [], current=QLocale("en_US"))[0] == QLocale("en_US")
    # no Chinese: never an English (or Cantonese) voice for Chinese text
    assert pick_voice("zh_CN", _locales("en_GB", "yue_HK"), [_Voice("English", "en_GB")]) == (None, None)
    # speech-dispatcher's espeak-ng reports Mandarin as "cmn", which QLocale reads as C
    mandarin = _Voice("Chinese (Mandarin, latin as English)")
    assert pick_voice("zh_CN", _locales("en_GB"), [_Voice("Bishnupriya Manipuri"), mandarin]) == (
        None, mandarin)
    assert pick_voice("en", [], [mandarin]) == (None, None)


# -- the wipe and the volume -----------------------------------------------------------


def test_volume_returns_to_the_halls_default_at_every_wipe(reading_window, qtbot):
    w, heard = reading_window(default_language="en", speech_volume=0.6)
    w.home()
    press(qtbot, w.footer.read_button)
    press(qtbot, w.speech_bar.louder_button)
    press(qtbot, w.speech_bar.louder_button)
    assert w.speech._tts.volume() == pytest.approx(0.8)
    w.wipe()
    assert w.speech.volume == pytest.approx(0.6)
    assert w.speech._tts.volume() == pytest.approx(0.6)
    assert w.speech.last_text == "" and w.speech.repeat() is None  # nothing to repeat
    assert not w.speech.speaking and not w.speech_bar.isVisible()


def test_the_volume_is_the_halls_before_the_engine_opens(make_window):
    speech = ReadAloud(engine="mock")
    make_window(speech_volume=0.3, window_options={"speech": speech})
    assert speech._tts is None  # not opened by the window
    assert speech.volume == pytest.approx(0.3)
    assert speech.available and speech._tts.volume() == pytest.approx(0.3)


# -- no engine ---------------------------------------------------------------------------


def test_no_engine_the_button_says_so(reading_window, qtbot):
    w, heard = reading_window(speech=NoEngine(), default_language="en")
    w.home()
    press(qtbot, w.footer.read_button)
    assert w.toast.isVisible()
    assert w.toast.text() == "Read-aloud is not available on this kiosk."
    assert not w.speech_bar.isVisible() and heard.texts == []


def test_no_engine_in_elderly_mode_reading_by_itself_stays_quiet(reading_window, qtbot):
    w, heard = reading_window(speech=NoEngine(), default_language="en", default_elderly=True,
                              read_aloud_auto_elderly=True)
    w.home()
    qtbot.wait(50)
    assert not w.toast.isVisible() and not w.speech_bar.isVisible()


# -- never a secret --------------------------------------------------------------------------


def leaks(text: str) -> list[str]:
    """The sample ID or mobile in ``text``: whole, masked, or six of its characters in a row."""
    flat = re.sub(r"[^0-9A-Za-z*]", "", text).upper()
    found = []
    for value, masked in ((ID, idnumber.mask(ID)), (MOBILE, phone.mask(MOBILE))):
        if masked in flat or "*" in flat:
            found.append(f"masked {masked}")
        found += [value[i:i + 6] for i in range(len(value) - 5) if value[i:i + 6] in flat]
    return found


def test_without_secrets():
    typed = [ID, MOBILE, "246810"]
    assert without_secrets("Who is the appointment for? Step 1 of 2.", typed) == (
        "Who is the appointment for? Step 1 of 2.")
    assert without_secrets("核对。身份证 110105********002X。", []) == "核对。"
    assert without_secrets("Mobile 138****8000. Go on.", []) == "Go on."
    assert without_secrets("Your ID 11010519491231002X. Next.", []) == "Next."
    assert without_secrets("Found 1101 0519 4912 3100. Next.", typed) == "Next."
    assert without_secrets("PIN 246810 accepted. Next.", typed) == "Next."
    assert without_secrets("Call 138 0013 8000. Next.", []) == "Next."
    # a hall's public number is not a resident's
    assert without_secrets("Help line: 0000-12345678", typed) == "Help line: 0000-12345678"


def test_the_booking_id_and_mobile_steps_never_speak_what_was_typed(reading_window, qtbot):
    w, heard = reading_window(speech=SilentSpeech(), default_language="en")
    booking_states()["book_who"](w)  # the gallery's: a draft up to the time, the who-step
    who = w.screens["book_who"]
    press(qtbot, who.keypad.clear_key)
    for text, field in ((ID, who.id_field), (MOBILE, who.phone_field)):
        for ch in text:
            press(qtbot, who.keypad.keys[ch])
            if ch in "9X0":
                press(qtbot, w.footer.read_button)
        assert field.text().replace(" ", "") == text
        press(qtbot, w.footer.read_button)
        press(qtbot, w.speech_bar.repeat_button)
        who.next_button.click()
        press(qtbot, w.footer.read_button)
        assert not leaks(w.current.spoken_text())
    # at every 9, X and 0 typed, and three times at each step
    assert len(heard.texts) == sum(ch in "9X0" for ch in ID + MOBILE) + 6
    assert w.current.name == "book_review"
    problems = [(t, leaks(t)) for t in heard.texts if leaks(t)]
    assert not problems


def test_my_appointments_lookup_never_speaks_the_id(reading_window, qtbot):
    w, heard = reading_window(speech=SilentSpeech(), default_language="zh_CN")
    w.home()
    w.go("appointments")
    screen = w.screens["appointments"]
    for ch in ID:
        press(qtbot, screen.keypad.keys[ch])
        press(qtbot, w.footer.read_button)
        assert not leaks(screen.spoken_text())
    screen.find_button.click()
    press(qtbot, w.footer.read_button)
    assert heard.texts[0] == "我的预约 / 签到取号。请输入身份证号码。"
    assert len(heard.texts) == len(ID) + 1
    assert not [(t, leaks(t)) for t in heard.texts if leaks(t)]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_no_state_of_the_gallery_speaks_a_secret(reading_window, demo_catalogue, qtbot, language):
    """Every screen state, reached with the sample ID and mobile in the drafts, the
    lookups and the scanned certificates, and with the ID typed on any keypad shown."""
    w, heard = reading_window(speech=SilentSpeech(), default_language=language)
    reached, typed_on, own_texts = [], [], []
    for name in visit_states(w, demo_catalogue, (1920, 1080)):
        reached.append(name)
        if w.current.name == "attract":
            continue
        own_texts.append(w.current.spoken_text())
        press(qtbot, w.footer.read_button)
        keypad = getattr(w.current, "keypad", None)
        if keypad is not None and keypad.isVisible():
            typed_on.append(name)
            for ch in ID:
                press(qtbot, keypad.keys[ch])
            own_texts.append(w.current.spoken_text())
            press(qtbot, w.footer.read_button)
    assert len(reached) > 30 and len(heard.texts) >= len(reached) - 2
    assert {"book_who", "appointments"} <= set(typed_on)
    # the screens say their title and instruction only, and the window's guard lets through
    # nothing that names the resident either
    assert not [(t, leaks(t)) for t in own_texts if leaks(t)]
    assert not [(t, leaks(t)) for t in heard.texts if leaks(t)]
