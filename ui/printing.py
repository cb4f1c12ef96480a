"""Printing slips through Qt's printing: the system's printer, or a PDF when there is none.

Laid out for 80 mm receipt paper or A4 (the ``slip_paper`` setting). A printer
that is not there is reported plainly and the slip goes to a PDF instead;
printing never waits on a jammed device (Qt hands the job to the system's
spooler and returns).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.booking.slips import Slip
from kiosk.device.paths import data_dir
from kiosk.device.settings import Settings
from kiosk.rules.qr_code import qr_matrix
from kiosk.rules.typography import label_line, sentences
from ui.i18n import translate
from ui.theme import pick_font_family

RECEIPT = QPageSize(QSizeF(80, 160), QPageSize.Unit.Millimeter, "80mm receipt")


@dataclass(frozen=True)
class PrintResult:
    ok: bool
    target: str  # the printer's name or the PDF's path
    message: str  # for the resident, in the UI language


def slips_dir(settings: Settings) -> Path:
    return Path(settings.slip_pdf_dir) if settings.slip_pdf_dir else data_dir() / "slips"


def print_slip(slip: Slip, settings: Settings, when: datetime | None = None) -> PrintResult:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    name = settings.printer_name
    problem = ""
    if name and not QPrinterInfo.printerInfo(name).isNull():
        printer.setPrinterName(name)
        target = name
    else:
        if name:
            problem = translate("Printing", "The printer is not available.")
        folder = slips_dir(settings)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return PrintResult(False, "", translate(
                "Printing", "The slip cannot be printed. Please ask staff."))
        stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
        target = str(folder / f"slip-{stamp}.pdf")
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(target)
    size = RECEIPT if settings.slip_paper == "80mm" else QPageSize(QPageSize.PageSizeId.A4)
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                      QMarginsF(4, 4, 4, 4), QPageLayout.Unit.Millimeter))
    painter = QPainter()
    if not painter.begin(printer):
        return PrintResult(False, target, sentences(problem, translate(
            "Printing", "The slip cannot be printed. Please ask staff.")))
    try:
        _paint(painter, printer, slip)
    finally:
        painter.end()
    if problem or printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return PrintResult(True, target, sentences(problem, translate(
            "Printing", "No printer here: the slip was saved for staff to print.")))
    return PrintResult(True, target, translate("Printing", "Printing… please take your slip."))


def _paint(painter: QPainter, printer: QPrinter, slip: Slip) -> None:
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    width = page.width()
    dpi = printer.resolution()
    family = pick_font_family()

    def font(pt: float, bold: bool = False) -> QFont:
        # a Latin font first for digits and letters (the CJK font's digits lose their
        # text mapping in Qt's PDFs: a slip must stay searchable), the CJK one for the rest
        f = QFont()
        f.setFamilies(["DejaVu Sans", "Arial", "Helvetica", family])
        f.setPointSizeF(pt)
        f.setBold(bold)
        return f

    y = 0.0
    flags = Qt.TextFlag.TextWordWrap

    def block(text: str, f: QFont) -> None:
        nonlocal y
        painter.setFont(f)
        rect = painter.boundingRect(QRectF(0, y, width, 10 * dpi), flags, text)
        painter.drawText(QRectF(0, y, width, rect.height()), flags, text)
        y += rect.height() + dpi * 0.05

    block(slip.title, font(12, bold=True))
    for label, value in slip.lines:
        block(label_line(label, value), font(9))
    if slip.notice:
        block(slip.notice, font(9, bold=True))
    if slip.voucher:
        matrix = qr_matrix(slip.voucher)
        side = min(width * 0.6, dpi * 1.2)
        cell = side / len(matrix)
        x0 = (width - side) / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for r, row in enumerate(matrix):
            for c, on in enumerate(row):
                if on:
                    painter.drawRect(QRectF(x0 + c * cell, y + r * cell, cell, cell))
