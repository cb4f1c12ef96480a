"""The gallery's window-terminal and hall-display states (``ui.gallery.roles``), in both
languages and orientations, under the checks every kiosk screen passes: touch targets,
contrast (painted and measured), clipping (zh_CN, en, pseudo), lines cut by an edge,
Chinese broken in the wrong place in a button, no scrollbar, and (zh_CN) Chinese
typography in every text shown. The display has nothing to tap; its type is checked
against the 8 m rule too."""

from __future__ import annotations

import pytest

from tests.ui.checks import (
    clipping_problems,
    contrast_problems,
    cut_text_problems,
    line_break_problems,
    scrollbar_problems,
    touch_target_problems,
    typography_problems,
)
from ui.gallery.render import SIZES
from ui.gallery.roles import role_states
from ui.queue.display import HallDisplay
from ui.queue.terminal import WindowTerminal

SETTINGS_LANGUAGE = {"zh_CN": "zh_CN", "en": "en", "pseudo": "en"}


def visit(role, language, size, demo_catalogue, demo_index, qapp, check):
    from kiosk.device.settings import Settings
    from ui.i18n import LanguageSwitch

    switch = LanguageSwitch(qapp)
    switch.set_language(language)
    settings = Settings.defaults().with_values(default_language=SETTINGS_LANGUAGE[language])
    problems = []
    for name, widget in role_states(role, demo_catalogue, demo_index, settings, switch, size):
        assert widget.size().toTuple() == size, f"{name}: the window grew"
        problems += [f"{name} [{language} {size}]: {p}" for p in check(widget)]
    return problems


def everything(widget) -> list[str]:
    found = contrast_problems(widget, 7.0) + cut_text_problems(widget) \
        + line_break_problems(widget) + scrollbar_problems(widget)
    if isinstance(widget, WindowTerminal):
        s = widget.presentation.theme.sizes
        found += touch_target_problems(widget, s.touch, 16 if widget.presentation.elderly else 8)
    if isinstance(widget, HallDisplay):  # nothing on the board below the 8 m minimum
        from PySide6.QtWidgets import QLabel

        for label in widget.findChildren(QLabel):
            if label.isVisible() and label.text() and label.font().pixelSize() < widget.sizes.minimum:
                found.append(f"{label.objectName()} at {label.font().pixelSize()} px, below "
                             f"the {widget.sizes.minimum} px readable from 8 m")
    return found


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("role", ["window", "display"])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_touch_contrast_cut_lines_and_breaks(role, language, size, demo_catalogue, demo_index,
                                             qapp, built_translations):
    def check(widget):
        return everything(widget) + (typography_problems(widget) if language == "zh_CN" else [])

    problems = visit(role, language, size, demo_catalogue, demo_index, qapp, check)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("role", ["window", "display"])
@pytest.mark.parametrize("language", ["zh_CN", "en", "pseudo"])
def test_no_text_clipped(role, language, size, demo_catalogue, demo_index, qapp,
                         built_translations):
    problems = visit(role, language, size, demo_catalogue, demo_index, qapp, clipping_problems)
    assert not problems, "\n".join(problems)
