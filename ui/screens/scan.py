"""扫码亮证: show your code to the camera, then the card, verified (or plainly refused).

The camera runs only while the scan screen is shown. A code read the same on two
frames running is checked (kiosk.ecert.verify) and the card screen shows the
verdict; the card is wiped when the resident taps Done, after a short time, and
at every session end. Without a camera the screen says so and offers the
alternatives: type the ID number, or call staff.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from kiosk.ecert.used_codes import MemoryUsedCodes
from kiosk.ecert.verify import Checker, Outcome, Result, TrustList, online_result
from kiosk.rules import idnumber
from kiosk.rules.names import mask_name
from ui.context import ScreenDeps
from ui.i18n import translate
from ui.screens.base import Screen
from ui.theme import set_role
from ui.widgets.buttons import TextButton
from ui.widgets.ecert_card import CertificateCard
from ui.widgets.reading import ReadingArea
from ui.widgets.result_panel import ResultPanel
from ui.workers.tasks import OneCall

if TYPE_CHECKING:
    from ui.workers.scan import ScanWorker

#: the card wipes itself after this long without a tap
CARD_SECONDS = 60


def verdict_text(result: Result) -> str:
    return {
        Outcome.VERIFIED_OFFLINE: translate("Scan", "✓ Genuine and valid (checked on this kiosk)"),
        Outcome.VERIFIED_ONLINE: translate("Scan", "✓ Genuine and valid (checked online)"),
        Outcome.EXPIRED: translate("Scan", "✗ This code has expired. Refresh it on your phone and show it again."),
        Outcome.NOT_YET_VALID: translate("Scan", "✗ This code is not valid yet. Check the time on your phone."),
        Outcome.ALREADY_USED: translate("Scan", "✗ This code was used already. Refresh it on your phone."),
        Outcome.UNKNOWN_ISSUER: translate("Scan", "✗ This code comes from an issuer this kiosk does not know."),
        Outcome.BAD_SIGNATURE: translate("Scan", "✗ This code could not be confirmed as genuine."),
        Outcome.REVOKED: translate("Scan", "✗ This certificate has been revoked."),
        Outcome.TRUST_LIST_STALE: translate(
            "Scan", "Cannot check: this kiosk's list of issuers is out of date. Please ask staff."),
        Outcome.NO_TRUST_LIST: translate(
            "Scan", "Cannot check: this kiosk has no list of issuers yet. Please ask staff."),
        Outcome.NEEDS_NETWORK: translate(
            "Scan", "This code can only be checked online, and the kiosk is offline. Please ask staff."),
        Outcome.WEB_LINK: translate("Scan", "This is a web link, not a certificate."),
        Outcome.VOUCHER: translate(
            "Scan", "This is a booking voucher: use “My appointments / check in” to check in."),
        Outcome.UNKNOWN_TOKEN: translate("Scan", "✗ The platform does not know this code."),
        Outcome.MALFORMED: translate("Scan", "This code can't be read here."),
        Outcome.NOT_OURS: translate("Scan", "This code can't be read here."),
    }[result.outcome]


def type_name(ctype: str) -> str:
    return {
        "e_id": translate("Scan", "Resident ID card (electronic)"),
        "e_driving_licence": translate("Scan", "Driving licence (electronic)"),
        "e_business_licence": translate("Scan", "Business licence (electronic)"),
        "e_social_security": translate("Scan", "Social security card (electronic)"),
    }.get(ctype, ctype)


#: the picture in each certificate's band (ui/icons/)
TYPE_ICONS = {"e_id": "id", "e_driving_licence": "car", "e_business_licence": "building-store",
              "e_social_security": "id-badge-2"}
#: refusals the resident can put right on their phone
_REFRESH = {Outcome.EXPIRED, Outcome.NOT_YET_VALID, Outcome.ALREADY_USED}
#: refusals that are the kiosk's, not the code's
_CANNOT_CHECK = {Outcome.TRUST_LIST_STALE, Outcome.NO_TRUST_LIST, Outcome.NEEDS_NETWORK}
_NOT_A_CERTIFICATE = {Outcome.WEB_LINK, Outcome.VOUCHER, Outcome.MALFORMED, Outcome.NOT_OURS}


def _unmarked(text: str) -> str:
    """A sentence without its leading ✓ ✗ ⚠: the panel's icon and colour say that now."""
    return text.lstrip("✓✗⚠ ")


def verdict(result: Result) -> tuple[str, str, str]:
    """The verdict as one result panel, (tone, heading, body): one colour, one icon and
    one wording, so a genuine certificate whose status is abnormal is a warning, never a
    tick beside a warning."""
    said = _unmarked(verdict_text(result))
    c = result.certificate
    if result.accepted:
        if c is not None and c.status == "abnormal":
            return ("warning",
                    _unmarked(translate("Scan", "⚠ Status: ABNORMAL – please see the counter.")),
                    translate("Scan", "The certificate itself is genuine."))
        return "success", said, ""
    if result.outcome in _REFRESH:
        return "warning", translate("Scan", "Please refresh the code"), said
    if result.outcome in _CANNOT_CHECK:
        return "warning", translate("Scan", "Cannot check it just now"), said
    if result.outcome in _NOT_A_CERTIFICATE:
        return "warning", translate("Scan", "Not an e-certificate"), said
    return "failure", translate("Scan", "Not verified"), said


class Preview(QLabel):
    """The mirrored camera picture with a guide frame where the code should be."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._image = QImage()

    def show_image(self, image: QImage) -> None:
        self._image = image
        self.update()

    def clear_image(self) -> None:
        self._image = QImage()
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#1f2937"))
        if not self._image.isNull():
            pix = QPixmap.fromImage(self._image).scaled(
                self.size(), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation)
            p.drawPixmap((self.width() - pix.width()) // 2, (self.height() - pix.height()) // 2, pix)
        side = int(min(self.width(), self.height()) * 0.6)
        pen = QPen(QColor("#fbbf24"), 6)
        p.setPen(pen)
        p.drawRoundedRect((self.width() - side) // 2, (self.height() - side) // 2, side, side, 16, 16)


class ScanScreen(Screen):
    name = "scan"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.preview = Preview(self)
        self.root.addWidget(self.preview, 1)
        #: a verdict, or why no code can be read; ``_said`` says it again in another language
        self.message = ResultPanel(self)
        self.root.addWidget(self.message)
        self._said: Callable[[], tuple[str, str, str]] | None = None
        self.progress = QLabel(self)
        self.progress.setWordWrap(True)
        set_role(self.progress, "notice")
        self.progress.hide()
        self.root.addWidget(self.progress)
        self.camera_failed = False
        row = QHBoxLayout()
        self.type_button = TextButton("secondary", self)
        self.type_button.setObjectName("scan-type-id")
        self.type_button.clicked.connect(lambda: self.deps.navigator.go("appointments"))
        self.staff_button = TextButton("danger", self)
        self.staff_button.setObjectName("scan-call-staff")
        self.staff_button.clicked.connect(
            lambda: self.deps.navigator.go("call_staff", from_screen=self.name))
        self.type_button.set_icon("keyboard", "leading")
        self.staff_button.set_icon("headset", "leading")
        row.addWidget(self.type_button, 1)
        row.addWidget(self.staff_button, 1)
        self.row = row
        self.root.addLayout(row)
        self.root.addStretch(0)  # takes the preview's room when there is no camera
        # codes already used are remembered across residents: in the kiosk's database once
        # the platform link (and its store) is up, so a restart forgets none; else here
        self._used_here = MemoryUsedCodes()
        self.worker: ScanWorker | None = None
        self.voucher = False
        #: asking the platform (an opaque token, a voucher): further reads wait for it
        self.check = OneCall()
        self.retranslate()

    def _trust_list(self) -> TrustList | None:
        return self.deps.reference.trust_list()

    def apply_mode(self) -> None:
        super().apply_mode()
        self.row.setSpacing(self.deps.presentation.theme.sizes.gap * 2)

    def enter(self, voucher: bool = False, **_kw: Any) -> None:
        """``voucher``: come from My appointments to scan a booking voucher (any code is
        still read as it is: a voucher opens the appointment, a certificate the card)."""
        self.voucher = voucher
        self.say(None)
        self.camera_failed = False
        self.preview.show()
        self.retranslate()
        self.start_camera()

    def start_camera(self) -> None:
        from ui.workers.scan import ScanWorker

        self.stop_camera()
        self.worker = ScanWorker(self.deps.settings.camera, self)
        self.worker.preview.connect(self._show_frame)
        self.worker.read.connect(self.on_read)
        self.worker.failed.connect(self.on_failed)
        self.worker.start()

    def stop_camera(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker.deleteLater()
            self.worker = None

    def _show_frame(self, image: QImage) -> None:
        if self.worker is not None:  # not a late frame from a camera already stopped
            self.preview.show_image(image)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.stop_camera()
        self.preview.clear_image()  # the last frame shows the resident's code
        super().hideEvent(event)

    def on_read(self, text: str) -> None:
        if self.worker is None or self.check.busy:
            return  # a late frame after leaving, or the platform is still answering
        central = self.deps.central()
        used = central.used_codes if central is not None else self._used_here
        result = Checker(self._trust_list, used=used).check(text)
        if result.outcome is Outcome.NEEDS_NETWORK and central is not None:
            self._check_online(text, central)
            return
        if result.outcome is Outcome.VOUCHER and central is not None:
            self._open_voucher(result.reference, central)
            return
        self.show_result(result)

    def _open_voucher(self, reference: str, central) -> None:
        """This kiosk's own booking voucher: straight to the booking, to check in."""
        from kiosk.booking import appointments

        calls = central.calls()

        def done(body) -> None:
            self.stop_camera()
            session = self.deps.session()
            session.appointments = [appointments.from_server(body)]
            self.deps.navigator.go("appointment", index=0)

        def failed(_error) -> None:
            self.say(lambda: ("warning", translate("Scan", "Cannot check it just now"), translate(
                "Scan", "This booking voucher cannot be looked up just now. Please ask staff.")))

        self.check.start_if_idle(lambda: calls.by_reference(reference), done, failed)

    def show_result(self, result: Result) -> None:
        if result.certificate is not None or result.accepted:
            self.stop_camera()
            self.deps.navigator.go("card", result=result)
            return
        self.say(lambda: verdict(result))

    def say(self, said: Callable[[], tuple[str, str, str]] | None) -> None:
        """Show a verdict or a problem in the panel (None: nothing), in words made again
        at each change of language."""
        self._said = said
        self.progress.hide()
        if said is None:
            self.message.clear()
        else:
            self.message.show_result(*said())
        self.instruction.setVisible(not self.camera_failed and said is None)

    def _check_online(self, token: str, central) -> None:
        """An opaque token: only the platform can say; off the GUI thread."""
        calls = central.certificates()
        key = str(uuid.uuid4())  # one check: a retry after a lost answer gets the same verdict
        self.say(None)
        self.progress.setText(translate("Scan", "Checking with the platform…"))
        self.progress.show()

        def done(body) -> None:
            self.show_result(online_result(body, self._trust_list()))

        def failed(_error) -> None:
            self.show_result(Result(Outcome.NEEDS_NETWORK))

        self.check.start_if_idle(lambda: calls.verify(token, key), done, failed)

    def on_failed(self, reason: str) -> None:
        if self.worker is None:
            return  # reported by a camera already stopped (the screen was left)
        self.say(lambda: ("warning", translate("Scan", "Cannot scan here just now"), translate(
            "Scan", "The camera is not working. You can type your ID number instead, or call staff.")))
        self.message.setToolTip(reason)
        self.stop_camera()
        # no picture to hold a code up to: no empty frame, no "hold it inside the frame"
        self.camera_failed = True
        self.preview.hide()
        self.retranslate()

    def reset(self) -> None:
        self.stop_camera()
        self.voucher = False
        self.check.cancel()  # its answer names the resident: it must not arrive after the wipe
        self.preview.clear_image()
        self.say(None)
        self.camera_failed = False
        self.preview.show()

    def retranslate(self) -> None:
        if self._said is not None:
            self.message.show_result(*self._said())
        if self.voucher:
            self.title.setText(translate("Scan", "Scan your booking code"))
            self.instruction.setText(translate(
                "Scan", "Hold the QR code on your booking slip or phone inside the yellow frame."))
        else:
            self.title.setText(translate("Scan", "Show my e-certificate"))
            self.instruction.setText(translate(
                "Scan", "Open the certificate's QR code on your phone and hold it inside the "
                "yellow frame."))
        # no picture to hold a code up to: nothing to say about the frame; a verdict
        # says itself what to do next (and the camera picture keeps its height)
        self.instruction.setVisible(not self.camera_failed and self._said is None)
        self.type_button.set_texts(translate("Scan", "No code? Type my ID number"))
        self.staff_button.set_texts(translate("Scan", "Call staff"))


class CardScreen(Screen):
    """The card, large, with the verdict; personal data masked; wiped by itself."""

    name = "card"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        # the card scrolls when 长辈版 text does not fit (landscape): nothing is cut off
        self.area = ReadingArea(self)
        self.card = CertificateCard()
        self.kind, self.verdict, self.fields = self.card.kind, self.card.verdict, self.card.fields
        self.area.setWidget(self.card)
        self.root.addWidget(self.area, 1)
        row = QHBoxLayout()
        self.use_button = TextButton("primary", self)
        self.use_button.setObjectName("use-for-booking")
        self.use_button.clicked.connect(self._use)
        self.done_button = TextButton("secondary", self)
        self.done_button.setObjectName("card-done")
        self.done_button.clicked.connect(self._done)
        row.addWidget(self.use_button, 1)
        row.addWidget(self.done_button, 1)
        self.row = row
        self.root.addLayout(row)
        self.result: Result | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._done)
        self.retranslate()

    def apply_mode(self) -> None:
        super().apply_mode()
        s = self.deps.presentation.theme.sizes
        self.row.setSpacing(s.gap * 2)
        landscape = not self.deps.presentation.portrait
        self.card.set_landscape(landscape)
        self.card.set_gap(s.gap)
        # the card's band names the certificate in large type: in landscape it is the
        # title, and the height goes to the card (read aloud still says the title)
        self.title.setVisible(not landscape)

    def enter(self, result: Result | None = None, **_kw: Any) -> None:
        self.result = result
        self.timer.start(CARD_SECONDS * 1000)
        self.retranslate()

    def _use(self) -> None:
        """Fill the booking's identity with the verified ID number."""
        r = self.result
        if r is None or not r.accepted or r.certificate is None:
            return
        session = self.deps.session()
        number = r.certificate.idn
        self.wipe_card()
        if session.booking is not None:
            session.booking.id_number = number
            self.deps.navigator.go("book_who", part="mobile")
        else:
            self.deps.navigator.go("appointments", id_number=number)

    def _done(self) -> None:
        self.wipe_card()
        self.deps.navigator.home()

    def wipe_card(self) -> None:
        self.timer.stop()
        self.result = None
        self.card.clear()

    def reset(self) -> None:
        self.wipe_card()

    def retranslate(self) -> None:
        self.use_button.set_texts(translate("Scan", "Use for my booking"))
        self.done_button.set_texts(translate("Scan", "Done"))
        self.title.setText(translate("Scan", "Your certificate"))
        r = self.result
        if r is None:
            self.instruction.setText("")
            self.use_button.hide()
            return
        self.instruction.setText(translate("Scan", "This screen clears itself in one minute."))
        c = r.certificate
        tz = ZoneInfo(self.deps.settings.timezone)
        label = {
            "name": translate("Scan", "Name"), "number": translate("Scan", "Number"),
            "cno": translate("Scan", "Certificate no."),
            "checked": translate("Scan", "Checked at"),
            "list": translate("Scan", "Issuer list of"),
        }
        rows = []
        if c is not None:
            is_person = c.ctype != "e_business_licence"
            rows += [
                (label["name"], mask_name(c.name) if is_person else c.name),
                (label["number"], idnumber.mask(c.idn) if is_person else c.idn),
                (label["cno"], c.cno),
            ]
        if r.checked_at is not None:
            rows.append((label["checked"], f"{r.checked_at.astimezone(tz):%Y-%m-%d %H:%M:%S}"))
        if r.trust_list_issued_at is not None:
            rows.append((label["list"], f"{r.trust_list_issued_at.astimezone(tz):%Y-%m-%d}"))
        # the issuer heads the card, in its band, with the certificate's type
        self.card.show_card(
            kind=type_name(c.ctype) if c else "",
            issuer=r.issuer_name.get(self.lang, "") if r.issuer_name else "",
            icon=TYPE_ICONS.get(c.ctype, "id-badge-2") if c else "shield-check",
            verdict=verdict(r), rows=rows)
        can_use = r.accepted and c is not None and c.ctype == "e_id"
        self.use_button.setVisible(can_use)
        self.area.fit()
