"""The hall display: what it shows of the board, what it says (Qt's "mock" speech engine,
which speaks nothing but goes through Speaking → Ready like a real one), the offline
state, and the type sized for the back of the hall."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kiosk.device.settings import Settings
from kiosk.queue.model import AreaWaiting, BoardCall, CallEvent, HallBoard
from kiosk.rules.catalogue import Text
from ui.gallery.speech import SilentSpeech
from ui.queue.announcer import CallAnnouncer, call_words, spelled
from ui.queue.display import HallDisplay
from ui.queue.roles import hall_name_of
from ui.queue.sizing import DisplaySizes, mm_per_px
from ui.theme import pick_font_family

NOW = datetime(2026, 12, 7, 2, 30, tzinfo=UTC)


def call(call_id, number, window, event=CallEvent.CALLED, ticket=None):
    return BoardCall(call_id, ticket or f"t-{number}", number, window, "A", event,
                     NOW + timedelta(seconds=call_id))


def board(*calls, cursor=None, waiting=(("A", "社保医保", 3),)):
    areas = tuple(AreaWaiting(code, Text(name, name), n) for code, name, n in waiting)
    return HallBoard("city_centre", tuple(reversed(calls)), areas,
                     cursor if cursor is not None else max((c.call_id for c in calls), default=0),
                     NOW)


class NoQueue:
    """The display's feed is driven by the test: the watch never asks a platform."""

    def __call__(self):
        return None


@pytest.fixture
def display(qtbot, demo_catalogue, built_translations, qapp):
    from ui.i18n import LanguageSwitch

    made = []

    def make(language="zh_CN", size=(1920, 1080), english=False, speech_class=SilentSpeech):
        switch = LanguageSwitch(qapp)
        switch.set_language(language)
        speech = speech_class()
        languages = ("zh_CN", "en") if english else ("zh_CN",)
        settings = Settings.defaults()
        d = HallDisplay(settings.hall_code, hall_name_of(demo_catalogue, settings),
                        CallAnnouncer(speech, languages), pick_font_family(),
                        wall_clock=lambda: NOW, language=language, queue=NoQueue())
        speech.setParent(d)
        qtbot.addWidget(d)
        d.resize(*size)
        d.show()
        qtbot.waitExposed(d)
        made.append(d)
        return d, speech
    yield make
    for d in made:
        d.close()


def test_a_number_is_read_one_character_at_a_time():
    assert spelled("A012", {"0": "零", "1": "一", "2": "二"}) == "A 零 一 二"
    assert call_words("A012", "3", "zh_CN") == "请 A 零 一 二 号到 3 号窗口办理"
    assert call_words("PGA002", "12", "en") == \
        "Number P G A zero zero two, please go to window 12."


def test_the_8_metre_sizes_on_a_55_inch_full_hd_screen():
    s = DisplaySizes.for_screen(55, 1920, 1080, 8.0)
    assert round(mm_per_px(55, 1920, 1080), 3) == 0.634
    # 1 cm of cap height per 3 m: 26.7 mm at 8 m; the call three times that
    assert (s.minimum, s.history, s.call) == (59, 82, 176)
    assert s.cap_mm(s.minimum) >= 80 / 3 and s.cap_mm(s.call) >= 80
    assert s.readable_from_m(s.minimum) >= 8.0
    # a smaller panel needs more pixels for the same millimetres; a nearer wall fewer
    assert DisplaySizes.for_screen(43, 1920, 1080, 8.0).minimum > s.minimum
    assert DisplaySizes.for_screen(55, 1920, 1080, 5.0).minimum < s.minimum


def test_the_latest_call_large_the_earlier_ones_below_and_the_counts(display):
    d, speech = display()
    d.show_board(board(call(1, "A011", "2"), call(2, "B004", "5"), call(3, "A012", "3"),
                       waiting=(("A", "社保医保", 3), ("B", "不动产登记", 0))))
    assert d.call_number.text() == "A012" and d.call_window.text() == "→ 3 号窗口"
    assert d.history_rows[0].text() == "B004 → 5 号窗口"
    shown = [(n.text(), c.text()) for n, c in d.area_rows if n.isVisible()]
    assert shown == [("社保医保", "3 人"), ("不动产登记", "0 人")]
    font_px = d.call_number.font().pixelSize()
    assert font_px >= d.sizes.call  # the number is drawn at the 8 m size
    assert d.offline.isHidden()


def test_calls_after_the_first_answer_are_spoken_in_order_without_cutting_in(display, qtbot):
    d, speech = display()
    heard = []
    speech.said.connect(heard.append)
    d.show_board(board(call(1, "A011", "2")))  # on start: shown, not spoken (it is old)
    assert heard == []
    d.show_board(board(call(2, "A012", "3"), call(3, "B001", "4"), cursor=3))
    assert d.call_number.text() == "B001"  # the newest on top
    qtbot.waitUntil(lambda: len(heard) == 2, timeout=10_000)
    assert heard == ["请 A 零 一 二 号到 3 号窗口办理", "请 B 零 零 一 号到 4 号窗口办理"]


def test_a_recall_is_spoken_again_and_moves_the_ticket_to_the_top(display, qtbot):
    d, speech = display()
    heard = []
    speech.said.connect(heard.append)
    d.show_board(board(call(1, "A011", "2"), call(2, "A012", "3")))
    d.show_board(board(call(3, "A011", "2", CallEvent.RECALLED, ticket="t-A011"), cursor=3))
    qtbot.waitUntil(lambda: heard == ["请 A 零 一 一 号到 2 号窗口办理"], timeout=10_000)
    assert d.call_number.text() == "A011" and d.history_rows[0].text() == "A012 → 3 号窗口"
    # a served ticket is not called again: nothing said, nothing moved
    d.show_board(board(call(4, "A012", "3", CallEvent.SERVED, ticket="t-A012"), cursor=4))
    assert d.call_number.text() == "A011" and len(heard) == 1
    assert d.history_rows[0].text() == "A012 → 3 号窗口"


def test_a_transferred_number_no_longer_points_to_its_old_window(display, qtbot):
    d, speech = display()
    d.show_board(board(call(1, "A011", "2"), call(2, "A012", "3")))
    d.show_board(board(call(3, "A012", "3", CallEvent.TRANSFERRED, ticket="t-A012"), cursor=3))
    assert d.call_number.text() == "A011"  # A012 → window 3 is gone from the board
    assert all("A012" not in r.text() for r in d.history_rows)
    # called at its new window: on top again, with that window
    d.show_board(board(call(4, "A012", "5", ticket="t-A012"), cursor=4))
    assert d.call_number.text() == "A012" and d.call_window.text() == "→ 5 号窗口"


def test_english_too_when_the_hall_wants_it(display, qtbot):
    d, speech = display(english=True)
    heard = []
    speech.said.connect(heard.append)
    d.show_board(board())
    d.show_board(board(call(1, "A012", "3"), cursor=1))
    qtbot.waitUntil(lambda: len(heard) == 2, timeout=10_000)
    assert heard[1] == "Number A zero one two, please go to window 3."


class VoicelessSpeech(SilentSpeech):
    """Qt's mock engine, but without a voice for any language until ``voiced``."""

    voiced = False

    def _voice_for(self, tts, language):
        return super()._voice_for(tts, language) if self.voiced else (None, None)


def test_calls_that_cannot_be_heard_ask_the_hall_to_watch_the_screen(display, qtbot, caplog):
    d, voiceless = display(speech_class=VoicelessSpeech)
    assert d.silent.isHidden()  # not known yet: nothing said
    d.check_voice()  # as the kiosk does once the engine has opened
    assert d.silent.isVisible()
    assert d.silent.text() == "本屏暂不能语音叫号，请留意屏幕上的号码。"
    assert "calls cannot be spoken here" in caplog.text  # and IT reads why in the log
    d.show_board(board())
    d.show_board(board(call(1, "A012", "3"), cursor=1))
    assert d.call_number.text() == "A012"  # shown all the same
    assert d.silent.isVisible()
    heard = []
    voiceless.said.connect(heard.append)
    voiceless.voiced = True  # a voice installed: the next call is heard, the notice goes
    d.show_board(board(call(2, "A013", "4"), cursor=2))
    qtbot.waitUntil(lambda: heard == ["请 A 零 一 三 号到 4 号窗口办理"], timeout=10_000)
    assert d.silent.isHidden()


class ChineseOnlySpeech(SilentSpeech):
    def _voice_for(self, tts, language):
        return super()._voice_for(tts, language) if language == "zh_CN" else (None, None)


def test_a_missing_english_voice_does_not_flicker_the_notice(display, qtbot):
    """The hall's language decides: with Chinese heard and English not, the notice stays
    off (it went on and off with every call, and the warning was logged each time)."""
    d, speech = display(english=True, speech_class=ChineseOnlySpeech)
    told = []
    d.announcer.voice.connect(told.append)
    heard = []
    speech.said.connect(heard.append)
    d.show_board(board())
    d.show_board(board(call(1, "A012", "3"), cursor=1))
    qtbot.waitUntil(lambda: heard == ["请 A 零 一 二 号到 3 号窗口办理"], timeout=10_000)
    qtbot.waitUntil(lambda: d.announcer.pending() == 0 and not speech.speaking, timeout=10_000)
    assert told == [True] and d.silent.isHidden()


def test_a_display_without_speech_says_so_from_the_start(demo_catalogue, built_translations, qtbot):
    from ui.queue.roles import make_display

    d = make_display(demo_catalogue, Settings.defaults(), None, wall_clock=lambda: NOW)
    qtbot.addWidget(d)
    d.resize(1920, 1080)
    d.show()
    d.check_voice()
    assert d.silent.isVisible() and d.silent.text()


def test_offline_is_said_with_the_time_of_the_last_update(display):
    d, speech = display()
    d.show_board(board(call(1, "A012", "3")))
    d.watch.offline.emit(d.watch.last_good)
    assert d.offline.isVisible()
    assert d.offline.text() == "网络中断，叫号信息可能不是最新（最后更新 10:30）"
    assert d.call_number.text() == "A012"  # what was known stays, marked as maybe old
    d.show_board(board(call(2, "A013", "3"), cursor=2))  # back: the notice goes
    assert d.offline.isHidden()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_a_notice_leaves_the_earlier_calls_that_still_fit(display, size):
    """The notices take room at the bottom: earlier calls give way one at a time, and
    as many as still fit stay (the columns were once measured with the rows just hidden,
    so that none seemed to fit and a third of a portrait screen stood empty)."""
    d, speech = display(language="en", size=size)
    d.show_board(board(call(1, "A009", "1"), call(2, "A010", "2"), call(3, "A011", "2"),
                       call(4, "A012", "3")))
    before = sum(r.isVisible() for r in d.history_rows)
    d.watch.offline.emit(d.watch.last_good)
    shown = [r for r in d.history_rows if r.isVisible()]
    assert 1 <= len(shown) < before
    top_of_notices = d.offline.mapTo(d, d.offline.rect().topLeft()).y()
    d.layout().activate()
    for row in shown:
        assert row.mapTo(d, row.rect().bottomLeft()).y() <= top_of_notices


def test_offline_before_any_answer_says_nothing_can_be_shown(display):
    d, speech = display()
    d.watch.offline.emit(None)
    assert d.offline.text() == "网络中断，网络恢复后才能显示叫号信息"
    assert d.none_yet.text() == "正在连接……"


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_areas_that_do_not_fit_are_shown_page_by_page(display, size):
    d, speech = display(language="en", size=size)
    names = [(c, f"A long department name number {i} of this hall", i) for i, c in
             enumerate("ABCDEF")]
    d.show_board(board(call(1, "A012", "3"), waiting=names))
    seen = set()
    for _ in range(len(d.area_pages)):
        seen |= {n.text() for n, _c in d.area_rows if n.isVisible()}
        d._next_area_page()
    assert seen == {n for _c, n, _i in names}  # every area, on one page or another
    for n, _c in d.area_rows:  # none drawn outside the display
        if n.isVisible():
            assert n.mapTo(d, n.rect().bottomLeft()).y() <= d.height()
