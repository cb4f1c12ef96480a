"""好差评 on the kiosk, through the real widgets: five faces with the national words, the
reasons, comment and phone of a bad rating, anonymity, one rating per visit, the truth
about sending, and 长辈版. The outbox is a real one (SQLite) on a platform that cannot be
reached: every rating is saved, none is said to be sent."""

from __future__ import annotations

import pytest

from kiosk.queue.rating import SUBMISSION_PATH
from kiosk.rules.ratings import Level
from ui.gallery.booking import gallery_central
from ui.screens.rating import RatingScreen


def ratings(w):
    box = w.central.outbox
    return [i for state in ("pending", "sent", "dead", "refused") for i in box.items(state)
            if i.kind == "rating"]


@pytest.fixture
def rate(make_window):
    made = []

    def open_rating(language="zh_CN", elderly=False, width=1920, height=1080):
        w = make_window(width, height, default_language=language, default_elderly=elderly)
        gallery_central(w)  # a real outbox; the platform is unreachable
        made.append(w)
        w.home()
        w.go("rating", matter="GA-0001", ticket_id="T-1")
        screen = w.current
        assert isinstance(screen, RatingScreen)
        return w, screen, screen.panel
    yield open_rating
    for w in made:
        w.detach_central()  # its temporary folder goes with it


def test_five_faces_with_the_national_words_best_first(rate):
    w, screen, panel = rate()
    words = [b.text_content() for b in panel.face_buttons.values()]
    assert words == ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]
    assert all(b.isVisible() and b.accessibleName() for b in panel.face_buttons.values())
    assert screen.title.text() == "您对本次服务满意吗？"
    assert "居民身份证换领" in panel.about.text()
    assert not panel.next_button.isEnabled()  # nothing chosen, nothing to send


def test_a_good_rating_is_one_tap_and_a_send_and_never_said_to_be_sent_offline(rate, qtbot):
    w, screen, panel = rate()
    panel.face_buttons[Level.SATISFIED].click()
    assert panel.next_button.text_content() == "提交评价"
    panel.next_button.click()
    panel._submit("")  # a second send of the same rating (a double tap) is not made
    items = ratings(w)
    assert len(items) == 1
    item = items[0]
    assert item.path == SUBMISSION_PATH and item.state == "pending"
    payload = item.body["payload"]
    assert payload == {"ticket_id": "T-1", "matter": "GA-0001", "level": "satisfied",
                       "reasons": []}  # no phone, no consent to be called: anonymous
    assert item.identity.resident is None and item.identity.staff is None  # anonymous
    # the platform cannot be reached: saved, to be sent later; never "reached"
    qtbot.waitUntil(lambda: "网络暂时中断" in panel.result.text(), timeout=8000)
    assert "已送达" not in panel.result.text()


def test_a_bad_rating_asks_why_and_a_number_only_if_wished(rate):
    w, screen, panel = rate()
    panel.face_buttons[Level.VERY_DISSATISFIED].click()
    assert panel.next_button.text_content() == "下一步"
    panel.next_button.click()
    assert panel.page() == "reasons"
    assert screen.title.text() == "哪里让您不满意？（可多选）"
    assert not panel.next_button.isEnabled()  # at least one reason
    panel.reason_buttons["long_wait"].click()
    panel.reason_buttons["attitude"].click()
    assert panel.next_button.isEnabled()
    panel.next_button.click()
    assert panel.page() == "comment"
    panel.comment.field.setText("等了两个小时")
    panel.next_button.click()
    assert panel.page() == "phone"
    assert not panel.next_button.isEnabled()
    for ch in "1380013800":
        panel.keypad.keys[ch].click()
    assert not panel.next_button.isEnabled()  # ten digits are not a mobile number
    panel.keypad.keys["0"].click()
    assert panel.phone_field.text() == "138 0013 8000"
    panel.next_button.click()
    (item,) = ratings(w)
    payload = item.body["payload"]
    assert payload["level"] == "very_dissatisfied"
    assert payload["reasons"] == ["long_wait", "attitude"]
    assert payload["comment"] == "等了两个小时"
    assert payload["phone"] == "13800138000" and payload["follow_up_consent"] is True
    assert panel.page() == "thanks"


def test_without_a_number_the_bad_rating_is_anonymous(rate):
    w, screen, panel = rate()
    panel.face_buttons[Level.DISSATISFIED].click()
    panel.next_button.click()
    panel.reason_buttons["unclear_guide"].click()
    panel.next_button.click()
    panel.next_button.click()  # no comment
    panel.skip_button.click()  # 匿名提交
    (item,) = ratings(w)
    payload = item.body["payload"]
    assert "phone" not in payload and not payload.get("follow_up_consent")
    assert "comment" not in payload and payload["reasons"] == ["unclear_guide"]


def test_back_through_the_steps_keeps_the_choice(rate):
    w, screen, panel = rate()
    panel.face_buttons[Level.DISSATISFIED].click()
    panel.next_button.click()
    panel.reason_buttons["fees"].click()
    panel.next_button.click()
    panel.back_button.click()
    assert panel.page() == "reasons" and panel.reason_buttons["fees"].isChecked()
    panel.back_button.click()
    assert panel.page() == "faces" and panel.face_buttons[Level.DISSATISFIED].isChecked()
    assert ratings(w) == []  # nothing sent by going back and forth


def test_no_rating_ends_the_session_and_sends_nothing(rate):
    w, screen, panel = rate()
    panel.skip_button.click()
    assert w.current.name == "home"  # the session wiped, the next resident starts afresh
    assert ratings(w) == []


def test_done_after_a_rating_ends_the_session_and_forgets_it(rate):
    w, screen, panel = rate()
    panel.face_buttons[Level.VERY_SATISFIED].click()
    panel.next_button.click()
    assert panel.next_button.text_content() == "完成"
    panel.next_button.click()
    assert w.current.name == "home"  # the session wiped, the next resident starts afresh
    assert screen.panel.level is None and screen.visit == {} and screen.matter == ""


@pytest.mark.parametrize("width, height", [(1920, 1080), (1080, 1920)])
def test_the_faces_in_elderly_mode_are_big_targets(rate, width, height):
    w, screen, panel = rate(elderly=True, width=width, height=height)
    touch = w.presentation.theme.sizes.touch
    for b in panel.face_buttons.values():
        assert b.width() >= touch and b.height() >= touch
        assert b.face.width() >= w.presentation.theme.sizes.display
    assert panel.face_buttons[Level.VERY_DISSATISFIED].word.text() == "非常不满意"


def test_english_words_for_an_english_session(rate):
    w, screen, panel = rate(language="en")
    assert [b.text_content() for b in panel.face_buttons.values()] == [
        "Very satisfied", "Satisfied", "Fairly satisfied", "Dissatisfied", "Very dissatisfied"]
    panel.face_buttons[Level.DISSATISFIED].click()
    panel.next_button.click()
    assert panel.reason_buttons["long_wait"].text_content() == "Waited too long"
