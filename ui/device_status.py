"""What the staff panel says about the kiosk's devices: the camera, the printer and the
ID-card reader, each in a few plain words (opening the camera is the scan screen's job,
reading cards the reader worker's)."""

from __future__ import annotations

import sys
from datetime import tzinfo
from pathlib import Path

from kiosk.idcard.reader import FailureReason, ReaderState
from kiosk.rules.typography import clauses
from ui.i18n import plural, translate
from ui.workers.idcard import IdCardWorker


def camera_status(spec: str) -> str:
    """The configured camera, and whether it is there (opening it is the scan screen's job)."""
    if spec.isdigit():
        device = Path(f"/dev/video{spec}")
        if sys.platform.startswith("linux"):
            found = device.exists()
            return f"{device} " + (translate("StaffPanel", "present") if found
                                   else translate("StaffPanel", "missing"))
        return translate("StaffPanel", "device %1 (checked when scanning)").replace("%1", spec)
    if "://" in spec:
        return spec
    return f"{spec} " + (translate("StaffPanel", "present") if Path(spec).exists()
                         else translate("StaffPanel", "missing"))


def printer_status(settings) -> str:
    name = settings.printer_name
    if not name:
        return translate("StaffPanel", "none (slips saved as PDF)")
    from PySide6.QtPrintSupport import QPrinterInfo

    known = not QPrinterInfo.printerInfo(name).isNull()
    return f"{name} " + (translate("StaffPanel", "present") if known else translate("StaffPanel", "missing"))


def card_reader_status(worker: IdCardWorker | None, zone: tzinfo) -> str:
    """The reader's port and state, its last failure with the local time, cards read."""
    if worker is None:
        return translate("StaffPanel", "none (residents type their ID number)")
    health = worker.reader.health()
    state = {
        ReaderState.UNKNOWN: translate("StaffPanel", "not tried yet"),
        ReaderState.CONNECTED: translate("StaffPanel", "connected"),
        ReaderState.NOT_FOUND: translate("StaffPanel", "not found"),
        ReaderState.FAILING: translate("StaffPanel", "not answering"),
    }[health.state]
    text = clauses(f"{health.port} {state}", plural(
        health.cards_read, translate("StaffPanel", "1 card read"),
        translate("StaffPanel", "%1 cards read")))
    if health.last_error_at is not None and (health.last_reason or health.last_error):
        text = clauses(text, translate("StaffPanel", "last problem at %1: %2").replace(
            "%1", health.last_error_at.astimezone(zone).strftime("%H:%M")).replace(
            "%2", reader_problem_text(health.last_reason)), mark=";")
    return text


def reader_problem_text(reason: FailureReason | None) -> str:
    """A reader's failure in the staff's words (the driver's English detail, with ports
    and byte counts, goes to the log and the diagnostics export, not on the panel)."""
    words = {
        FailureReason.TIMEOUT: translate("StaffPanel", "the reader did not answer in time"),
        FailureReason.BAD_CHECKSUM: translate("StaffPanel", "the reader's answers came garbled"),
        FailureReason.SHORT_FRAME: translate("StaffPanel", "the reader's answers stopped short"),
        FailureReason.BAD_FRAME: translate("StaffPanel", "the reader answered something it should not"),
        FailureReason.CARD_REMOVED: translate("StaffPanel", "the card was taken away too soon"),
        FailureReason.CARD_UNREADABLE: translate("StaffPanel", "a card could not be read"),
        FailureReason.BAD_CARD_DATA: translate("StaffPanel", "a card held data that is not valid"),
        FailureReason.OTHER_CARD: translate("StaffPanel", "a card that is not a resident ID card"),
        FailureReason.READER_FAULT: translate("StaffPanel", "the reader reports a fault of its own"),
        FailureReason.READER_GONE: translate(
            "StaffPanel", "the reader's port cannot be opened (unplugged, or in use)"),
    }
    return words.get(reason, translate("StaffPanel", "see the log")) if reason else \
        translate("StaffPanel", "see the log")
