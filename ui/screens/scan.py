"""扫码亮证: show your code to the camera, then the card, verified (or plainly refused).

The camera runs only while the scan screen is shown. A code read the same on two
frames running is checked (kiosk.ecert.verify) and the card screen shows the
verdict; the card is wiped when the resident taps Done, after a short time, and
at every session end. Without a camera the screen says so and offers the
alternatives: type the ID number, or call staff.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ecert.used_codes import MemoryUsedCodes
from kiosk.ecert.verify import Checker, Outcome, Result, TrustList, online_result
from kiosk.rules import idnumber
from kiosk.rules.names import mask_name
from ui.context import ScreenDeps
from ui.i18n import translate
from ui.screens.base import Screen
from ui.theme import set_role
from ui.widgets.buttons import TextButton
from ui.widgets.reading import ReadingArea
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
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        set_role(self.message, "notice")
        self.message.hide()
        self.root.addWidget(self.message)
        row = QHBoxLayout()
        self.type_button = TextButton("secondary", self)
        self.type_button.setObjectName("scan-type-id")
        self.type_button.clicked.connect(lambda: self.deps.navigator.go("appointments"))
        self.staff_button = TextButton("danger", self)
        self.staff_button.setObjectName("scan-call-staff")
        self.staff_button.clicked.connect(
            lambda: self.deps.navigator.go("call_staff", from_screen=self.name))
        row.addWidget(self.type_button, 1)
        row.addWidget(self.staff_button, 1)
        self.row = row
        self.root.addLayout(row)
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
        self.message.hide()
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
            self.message.setText(translate(
                "Scan", "This booking voucher cannot be looked up just now. Please ask staff."))
            self.message.show()

        self.check.start_if_idle(lambda: calls.by_reference(reference), done, failed)

    def show_result(self, result: Result) -> None:
        if result.certificate is not None or result.accepted:
            self.stop_camera()
            self.deps.navigator.go("card", result=result)
            return
        self.message.setText(verdict_text(result))
        self.message.show()

    def _check_online(self, token: str, central) -> None:
        """An opaque token: only the platform can say; off the GUI thread."""
        calls = central.certificates()
        key = str(uuid.uuid4())  # one check: a retry after a lost answer gets the same verdict
        self.message.setText(translate("Scan", "Checking with the platform…"))
        self.message.show()

        def done(body) -> None:
            self.show_result(online_result(body, self._trust_list()))

        def failed(_error) -> None:
            self.show_result(Result(Outcome.NEEDS_NETWORK))

        self.check.start_if_idle(lambda: calls.verify(token, key), done, failed)

    def on_failed(self, reason: str) -> None:
        if self.worker is None:
            return  # reported by a camera already stopped (the screen was left)
        self.message.setText(translate(
            "Scan", "The camera is not working. You can type your ID number instead, or call staff."))
        self.message.setToolTip(reason)
        self.message.show()
        self.stop_camera()

    def reset(self) -> None:
        self.stop_camera()
        self.voucher = False
        self.check.cancel()  # its answer names the resident: it must not arrive after the wipe
        self.preview.clear_image()
        self.message.hide()

    def retranslate(self) -> None:
        if self.voucher:
            self.title.setText(translate("Scan", "Scan your booking code"))
            self.instruction.setText(translate(
                "Scan", "Hold the QR code on your booking slip or phone inside the yellow frame."))
        else:
            self.title.setText(translate("Scan", "Show my e-certificate"))
            self.instruction.setText(translate(
                "Scan", "Open the certificate's QR code on your phone and hold it inside the "
                "yellow frame."))
        self.type_button.set_texts(translate("Scan", "No code? Type my ID number"))
        self.staff_button.set_texts(translate("Scan", "Call staff"))


class CardScreen(Screen):
    """The card, large, with the verdict; personal data masked; wiped by itself."""

    name = "card"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        # the card scrolls when 长辈版 text does not fit (landscape): nothing is cut off
        self.area = ReadingArea(self)
        self.card = QWidget()
        set_role(self.card, "card")
        self.card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        column = self._column = QVBoxLayout(self.card)
        self.kind = QLabel(self.card)
        set_role(self.kind, "title")
        self.kind.setWordWrap(True)
        self.verdict = QLabel(self.card)
        self.verdict.setWordWrap(True)
        self.verdict.setObjectName("verdict")
        self.fields = QLabel(self.card)
        self.fields.setWordWrap(True)
        self.fields.setTextFormat(Qt.TextFormat.PlainText)
        for w in (self.kind, self.verdict, self.fields):
            column.addWidget(w)
        column.addStretch(1)
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
        self._column.setContentsMargins(s.gap, s.gap, s.gap, s.gap)

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
        self.fields.clear()
        self.verdict.clear()
        self.kind.clear()

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
        self.kind.setText(type_name(c.ctype) if c else "")
        abnormal = c is not None and c.status == "abnormal" and r.accepted
        verdict = verdict_text(r)
        if abnormal:
            verdict += "\n" + translate("Scan", "⚠ Status: ABNORMAL – please see the counter.")
        self.verdict.setText(verdict)
        set_role(self.verdict, "danger-text" if (abnormal or not r.accepted) else "success-text")
        tz = ZoneInfo(self.deps.settings.timezone)
        label = {
            "name": translate("Scan", "Name"), "number": translate("Scan", "Number"),
            "cno": translate("Scan", "Certificate no."), "issuer": translate("Scan", "Issuer"),
            "checked": translate("Scan", "Checked at"),
            "list": translate("Scan", "Issuer list of"),
        }
        lines = []
        if c is not None:
            is_person = c.ctype != "e_business_licence"
            lines += [
                f"{label['name']}: {mask_name(c.name) if is_person else c.name}",
                f"{label['number']}: {idnumber.mask(c.idn) if is_person else c.idn}",
                f"{label['cno']}: {c.cno}",
            ]
        if r.issuer_name:
            lines.append(f"{label['issuer']}: {r.issuer_name.get(self.lang, '')}")
        if r.checked_at is not None:
            lines.append(f"{label['checked']}: {r.checked_at.astimezone(tz):%Y-%m-%d %H:%M:%S}")
        if r.trust_list_issued_at is not None:
            lines.append(f"{label['list']}: {r.trust_list_issued_at.astimezone(tz):%Y-%m-%d}")
        self.fields.setText("\n".join(lines))
        can_use = r.accepted and c is not None and c.ctype == "e_id"
        self.use_button.setVisible(can_use)
        self.area.fit()
