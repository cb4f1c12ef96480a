"""The outcome of a step, said once and plainly: a coloured panel with a big icon and a
heading (GOV.UK's confirmation panel is the model).

Three tones, each with its own colour and icon, so colour is never the only cue:

=========  ==========================  =================  ==============================
tone       colours (ui/theme.py)       icon               for
=========  ==========================  =================  ==============================
success    on_dark text on success     circle-check       done: booked, checked in, valid
warning    ink text on notice, border  alert-triangle     saved but not final, see staff
failure    on_dark text on danger      circle-x           refused, not valid, not done
=========  ==========================  =================  ==============================

    panel = ResultPanel(parent)
    panel.show_result("success", translate(..., "Booked"), translate(..., "Reference …"))
    panel.text()              # "heading\nbody", as shown
    panel.clear()             # hidden, its texts forgotten (call it in a screen's reset())
    panel.set_gap(sizes.gap)  # from the screen's apply_mode()
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.theme import repolish, set_role
from ui.widgets.icon_label import IconLabel

#: each tone's icon (ui/icons/)
TONE_ICONS = {"success": "circle-check", "warning": "alert-triangle", "failure": "circle-x"}


class ResultPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("result-panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._tone = ""
        row = self._row = QHBoxLayout(self)
        self.icon = IconLabel("", "panel", self)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        texts = self._texts = QVBoxLayout()
        texts.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self)
        self.heading.setObjectName("result-heading")
        self.body = QLabel(self)
        self.body.setObjectName("result-body")
        for label in (self.heading, self.body):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            texts.addWidget(label)
        set_role(self.heading, "panel-heading")
        row.addLayout(texts, 1)
        set_role(self, "result-panel")
        self.set_gap(12)
        self.hide()

    def tone(self) -> str:
        """'success', 'warning' or 'failure'; '' when cleared."""
        return self._tone

    def text(self) -> str:
        """The heading and the body, as shown (for tests and logs)."""
        return "\n".join(t for t in (self.heading.text(), self.body.text()) if t)

    def show_result(self, tone: str, heading: str, body: str = "") -> None:
        """Show the panel in a tone with a heading (short: what happened) and a body
        (optional: what it means, what to do next)."""
        if tone not in TONE_ICONS:
            raise ValueError(f"tone must be one of {sorted(TONE_ICONS)}, not {tone!r}")
        if tone != self._tone:
            self._tone = tone
            self.setProperty("tone", tone)
            for widget in (self, self.icon, self.heading, self.body):
                repolish(widget)
            self.icon.set_icon(TONE_ICONS[tone])
        self.heading.setText(heading)
        self.body.setText(body)
        self.body.setVisible(bool(body))
        self.setAccessibleName(f"{heading} {body}".strip())
        self.show()

    def clear(self) -> None:
        self.hide()
        self.heading.clear()
        self.body.clear()
        self.setAccessibleName("")

    def set_gap(self, gap: int) -> None:
        """Space inside the panel and between its parts, from the theme's gap."""
        self._row.setContentsMargins(gap * 2, gap, gap * 2, gap)
        self._row.setSpacing(gap * 2)
        self._texts.setSpacing(gap // 2)
