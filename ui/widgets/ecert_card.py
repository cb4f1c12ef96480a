"""An e-certificate drawn as a card: the issuer's band with the certificate's type, the
verdict as a stamp (a ResultPanel: one tone, one wording; its body says when it was
checked), and the fields, masked by the caller, as label–value rows. Side by side in
landscape, stacked in portrait, so the card needs no scrolling in either.

    card.show_card(kind="居民身份证（电子证照）", issuer="公安部", icon="id",
                   verdict=("success", "证照真实有效（本机核验）", "核验时间：…"),
                   rows=[("姓名", "张*三"), ("证件号码", "110105********002X")])
    card.set_landscape(True)
    card.clear()   # every text gone (the resident's data goes with the session)
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kiosk.rules.typography import label_line
from ui.theme import set_role
from ui.widgets.icon_label import IconLabel
from ui.widgets.reading import plain_label
from ui.widgets.result_panel import ResultPanel


class FieldRows(QWidget):
    """Label–value rows in two columns; the labels in the muted tone, the values bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(1, 1)
        self._rows: list[tuple[str, str]] = []
        self._labels: list[QLabel] = []

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        self.clear()
        self._rows = list(rows)
        for n, (label, value) in enumerate(self._rows):
            name = plain_label(self, "muted", wrap=False)
            name.setText(label)
            shown = plain_label(self)
            shown.setProperty("weight", "bold")
            shown.setText(value)
            self._grid.addWidget(name, n, 0, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(shown, n, 1)
            self._labels += [name, shown]

    def text(self) -> str:
        """The rows as lines of "label：value" (for tests, read-aloud and logs)."""
        return "\n".join(label_line(label, value) for label, value in self._rows)

    def clear(self) -> None:
        self._rows = []
        for label in self._labels:
            label.setText("")  # gone now, not when the deletion runs
            self._grid.removeWidget(label)
            label.hide()
            label.deleteLater()
        self._labels = []

    def set_gap(self, gap: int) -> None:
        self._grid.setHorizontalSpacing(gap * 2)
        self._grid.setVerticalSpacing(gap // 2)


class CertificateCard(QFrame):
    """Portrait: the band (issuer over type), the stamp, then the fields. Landscape: the
    band on one line, the stamp beside the fields, so 长辈版 type fits the height."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "card")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.band = QWidget(self)
        self.band.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        set_role(self.band, "card-band")
        band = self._band_layout = QHBoxLayout(self.band)
        self.icon = IconLabel("", "tile", self.band)
        band.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignCenter)
        names = self._names = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.issuer = plain_label(self.band)
        self.issuer.setObjectName("card-issuer")
        self.kind = plain_label(self.band, "title")
        self.kind.setObjectName("card-kind")
        names.addWidget(self.issuer)
        names.addWidget(self.kind, 1)
        band.addLayout(names, 1)
        outer.addWidget(self.band)
        body = self._body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.verdict = ResultPanel(self)
        self.verdict.setObjectName("verdict")
        self.fields = FieldRows(self)
        # the fields as wide as they need (one line each), the stamp takes the rest
        body.addWidget(self.verdict, 1, Qt.AlignmentFlag.AlignTop)
        body.addWidget(self.fields, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(body)
        outer.addStretch(1)
        self._landscape = False
        self.set_gap(12)

    def show_card(self, *, kind: str, issuer: str, icon: str, verdict: tuple[str, str, str],
                  rows: list[tuple[str, str]]) -> None:
        """``verdict``: (tone, heading, body) for the stamp (ResultPanel.show_result)."""
        self.kind.setText(kind)
        self.kind.setVisible(bool(kind))
        self.issuer.setText(issuer)
        self.issuer.setVisible(bool(issuer))
        self.icon.set_icon(icon)
        self.verdict.show_result(*verdict)
        self.fields.set_rows(rows)

    def clear(self) -> None:
        self.kind.clear()
        self.issuer.clear()
        self.verdict.clear()
        self.fields.clear()

    def set_landscape(self, landscape: bool) -> None:
        self._landscape = landscape
        across, down = QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom
        self._body.setDirection(across if landscape else down)
        self._names.setDirection(across if landscape else down)
        # in one line of band, an icon as tall as the type's line
        self.icon.set_kind("button" if landscape else "tile")

    def set_gap(self, gap: int) -> None:
        self._band_layout.setContentsMargins(gap * 2, gap, gap * 2, gap)
        self._band_layout.setSpacing(gap * 2)
        self._names.setSpacing(gap * 2 if self._landscape else 0)
        self._body.setContentsMargins(gap * 2, gap, gap * 2, gap)
        self._body.setSpacing(gap * 2)
        self.verdict.set_gap(gap)
        self.fields.set_gap(gap)
