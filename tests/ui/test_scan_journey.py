"""扫码亮证 through the real widgets: a file-based camera showing a minted code (an image
through QImage, a video through QtMultimedia's player and video sink, as a camera's
frames), the card, "Use for my booking", the wipe; the camera thread starts and stops
cleanly. The code images are written by Qt (tests/helpers/qr_images.py): no OpenCV."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest

from central.mint import mint
from kiosk.booking.draft import BookingDraft
from kiosk.ecert.verify import Outcome
from tests.helpers.central_server import running_central
from tests.helpers.journeys import scan_to
from tests.helpers.qr_images import write_code_png


def camera_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "camera"]


@pytest.fixture
def code_png(tmp_path):
    def make(kind="eid", **flags):
        path = tmp_path / f"{kind}-{len(list(tmp_path.iterdir()))}.png"
        write_code_png(mint(kind, **flags), path)
        return str(path)
    return make


def test_show_the_code_see_the_card_use_it_for_the_booking_then_wipe(
        make_window, qtbot, tmp_path, connect, code_png):  # noqa: F811
    w = make_window(default_language="en", camera=code_png("eid"))
    w.home()
    with running_central(f"sqlite:///{tmp_path / 'c.db'}") as url:
        access = connect(w, url)
        qtbot.waitUntil(lambda: access.pulled.get("trust_list") is not None, timeout=10_000)
        w.session.booking = BookingDraft("GA-0001", hall="city_centre")
        w.go("scan")
        qtbot.waitUntil(lambda: w.current.name == "card", timeout=10_000)
    card = w.screens["card"]
    assert card.result.outcome is Outcome.VERIFIED_OFFLINE
    text = card.fields.text()
    assert "张*三" in text and "110105********002X" in text and "11010519491231002X" not in text
    assert "Ministry of Public Security" in card.card.issuer.text()  # the card's band
    assert card.kind.text() == "Resident ID card (electronic)"
    assert not camera_threads()  # the camera stopped when the card came
    card.use_button.click()
    assert w.current.name == "book_who" and w.screens["book_who"].part == "mobile"
    assert w.session.booking.id_number == "11010519491231002X"
    assert card.result is None and card.fields.text() == ""  # the card is gone
    w.wipe()
    assert w.session.booking is None


def test_a_code_in_a_video_goes_through_qtmultimedia_to_the_card(
        make_window, qtbot, tmp_path, connect):  # noqa: F811
    """The camera's path: QMediaPlayer → QVideoSink → QImage → zxing-cpp, as QCamera's."""
    pytest.importorskip("cv2", reason="the [opencv] extra writes the test video")
    from tests.helpers.qr_frames import write_video

    video = write_video(mint("eid"), tmp_path / "phone.avi")
    w = make_window(default_language="en", camera=str(video))
    w.home()
    with running_central(f"sqlite:///{tmp_path / 'c.db'}") as url:
        scan_to(qtbot, w, connect(w, url))
    assert w.screens["card"].result.outcome is Outcome.VERIFIED_OFFLINE
    assert not camera_threads()


@pytest.mark.parametrize(("flags", "words"), [
    ({"revoked": True}, "revoked"),
    ({"expired": True}, "expired"),
])
def test_refused_codes_say_why(make_window, qtbot, tmp_path, connect, code_png, flags, words):  # noqa: F811
    w = make_window(default_language="en", camera=code_png("social-security", **flags))
    w.home()
    with running_central(f"sqlite:///{tmp_path / 'c.db'}") as url:
        access = connect(w, url)
        qtbot.waitUntil(lambda: access.pulled.get("trust_list") is not None, timeout=10_000)
        w.go("scan")
        screen = w.screens["scan"]
        qtbot.waitUntil(lambda: w.current.name == "card" or screen.message.isVisible(),
                        timeout=10_000)
        shown = (w.screens["card"].verdict.text() if w.current.name == "card"
                 else screen.message.text())
        assert words in shown
        w.home()
    qtbot.waitUntil(lambda: not camera_threads(), timeout=5000)


def test_no_camera_offers_the_alternatives(make_window, qtbot, tmp_path):
    w = make_window(default_language="en", camera=str(tmp_path / "no-such-camera.mp4"))
    w.home()
    w.go("scan")
    screen = w.screens["scan"]
    qtbot.waitUntil(screen.message.isVisible, timeout=10_000)
    assert "camera is not working" in screen.message.text()
    assert screen.type_button.isVisible() and screen.staff_button.isVisible()
    assert not camera_threads()


def test_the_card_wipes_itself(make_window, qtbot, tmp_path, code_png, monkeypatch):
    from kiosk.ecert.verify import Checker, TrustList
    from ui.screens import scan

    monkeypatch.setattr(scan, "CARD_SECONDS", 0.2)
    w = make_window(default_language="zh_CN")
    w.home()
    import json
    from pathlib import Path
    issuers = json.loads((Path(scan.__file__).parents[2] / "resources/demo/issuers.json").read_text())
    issuers["issued_at"] = datetime.now(UTC).isoformat()
    result = Checker(lambda: TrustList.from_wire(issuers)).check(mint("driving", abnormal=True))
    w.go("card", result=result)
    card = w.screens["card"]
    assert "异常" in card.verdict.text() or "ABNORMAL" in card.verdict.text()
    qtbot.waitUntil(lambda: w.current.name == "home", timeout=5000)
    assert card.result is None


def test_an_opaque_token_is_verified_online_once(make_window, qtbot, tmp_path, connect):  # noqa: F811
    from central.mint import mint_opaque

    db = f"sqlite:///{tmp_path / 'c.db'}"
    with running_central(db) as url:
        token = mint_opaque(db, "social-security")
        png = tmp_path / "token.png"
        write_code_png(token, png)
        w = make_window(default_language="en", camera=str(png))
        w.home()
        scan_to(qtbot, w, connect(w, url))
        card = w.screens["card"]
        assert card.result.outcome is Outcome.VERIFIED_ONLINE
        assert "checked online" in card.verdict.text()
        assert "Ministry of Human Resources" in card.card.issuer.text()
        # the same token again: used up, and said so; the platform names nobody for a used
        # token (issue 12), so there is no card to show, only the verdict on the scan screen
        w.home()
        w.go("scan")
        scan = w.screens["scan"]
        qtbot.waitUntil(lambda: "used already" in scan.message.text(), timeout=10_000)
        assert w.current.name == "scan"
        w.home()


def test_an_opaque_token_offline_needs_the_network(make_window, qtbot, tmp_path, connect):  # noqa: F811
    png = tmp_path / "token.png"
    write_code_png("ECTOKEN:abcdefghijklmnop", png)
    w = make_window(default_language="en", camera=str(png))
    w.home()
    with running_central(f"sqlite:///{tmp_path / 'c.db'}") as url:
        access = connect(w, url)
        qtbot.waitUntil(lambda: access.pulled.get("trust_list") is not None, timeout=10_000)
    w.go("scan")  # the platform has gone away
    screen = w.screens["scan"]
    qtbot.waitUntil(lambda: "only be checked online" in screen.message.text(), timeout=15_000)
    w.home()


def test_a_booking_voucher_goes_straight_to_check_in(make_window, qtbot, tmp_path, connect):  # noqa: F811
    import uuid

    from kiosk.booking.slips import voucher_text
    from kiosk.rules.wire_time import utc_iso
    from kiosk.sync.api_client import CentralClient

    with running_central(f"sqlite:///{tmp_path / 'c.db'}") as url:
        client = CentralClient(url, "test-token")
        day = next(d for d in client.get("/v1/halls/city_centre/availability",
                                         {"matter": "GA-0001"}).body["days"] if d["remaining"])
        slot = client.get("/v1/halls/city_centre/slots",
                          {"matter": "GA-0001", "date": day["date"]}).body["slots"][0]
        booked = client.post("/v1/bookings", {
            "hall": "city_centre", "matter": "GA-0001", "start": slot["start"], "hold_id": None,
            "person": {"id_number": "11010519491231002X", "phone": "13800138000"},
            "requested_at": utc_iso(datetime.now(UTC)),
        }, idempotency_key=str(uuid.uuid4())).body
        png = tmp_path / "voucher.png"
        write_code_png(voucher_text(booked["reference"]), png)
        w = make_window(default_language="en", camera=str(png))
        w.home()
        connect(w, url)
        w.go("appointments")  # "扫预约码签到" beside typing the ID number
        appointments_screen = w.screens["appointments"]
        appointments_screen.cards.keypad_only()
        appointments_screen.scan_button.click()
        assert w.current.name == "scan"
        assert w.screens["scan"].title.text() == "Scan your booking code"
        qtbot.waitUntil(lambda: w.current.name == "appointment", timeout=10_000)
        screen = w.screens["appointment"]
        assert booked["reference"] in screen.details.text()
        assert screen.check_in_button.isVisible()
        assert not camera_threads()


def test_a_code_shown_again_after_a_restart_is_already_used(
        make_window, qtbot, tmp_path, connect, code_png):  # noqa: F811
    """Issue 12, finding 13, through the widgets: the kiosk's database remembers the code's
    nonce, so a second kiosk process on the same data folder refuses it."""
    png = code_png("eid")
    with running_central(f"sqlite:///{tmp_path / 'c.db'}") as url:
        first = make_window(default_language="en", camera=png)
        first.home()
        access = connect(first, url)
        qtbot.waitUntil(lambda: access.pulled.get("trust_list") is not None, timeout=10_000)
        first.go("scan")
        qtbot.waitUntil(lambda: first.current.name == "card", timeout=10_000)
        first.detach_central()  # the kiosk stops …
        first.close()
        again = make_window(default_language="en", camera=png)  # … and starts again
        again.home()
        access = connect(again, url)  # the same data folder (tmp_path / kiosk.db)
        qtbot.waitUntil(lambda: access.pulled.get("trust_list") is not None, timeout=10_000)
        again.go("scan")
        scan = again.current
        qtbot.waitUntil(lambda: "already" in scan.message.text(), timeout=10_000)
        assert again.current.name == "scan"
