"""Every screen of the gallery, in both modes, both orientations and every language:
touch targets, contrast (painted and measured), clipping (zh_CN, en, pseudo), lines cut
by any ancestor's edge, Chinese broken in the wrong place in a button, (长辈版) no
scrollbar, and (zh_CN) the rules of Chinese typography in every text shown."""

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
from ui.gallery.render import SIZES, visit_states


def reach_everything(window, catalogue, size, language, check):
    problems = []
    for name in visit_states(window, catalogue, size):
        assert window.size().toTuple() == size, f"{name}: window grew"
        problems += [f"{name} [{language}]: {p}" for p in check(window)]
    return problems


@pytest.mark.parametrize("width, height", SIZES)
@pytest.mark.parametrize("elderly", [False, True], ids=["standard", "elderly"])
def test_touch_targets_and_contrast(make_window, demo_catalogue, width, height, elderly):
    problems = []
    for language in ("zh_CN", "en"):
        w = make_window(width, height, default_language=language, default_elderly=elderly)
        touch = w.presentation.theme.sizes.touch

        def check(window, touch=touch):
            return (touch_target_problems(window, touch, 16 if elderly else 8)
                    + contrast_problems(window, 7.0))

        problems += reach_everything(w, demo_catalogue, (width, height), language, check)
        w.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width, height", SIZES)
@pytest.mark.parametrize("elderly", [False, True], ids=["standard", "elderly"])
@pytest.mark.parametrize("language", ["zh_CN", "en", "pseudo"])
def test_no_text_clipped(make_window, demo_catalogue, width, height, elderly, language):
    w = make_window(width, height, default_language="en" if language == "pseudo" else language,
                    default_elderly=elderly)
    if language == "pseudo":
        w.languages.set_language("pseudo")
    problems = reach_everything(w, demo_catalogue, (width, height), language, clipping_problems)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width, height", SIZES)
@pytest.mark.parametrize("elderly", [False, True], ids=["standard", "elderly"])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_no_text_cut_or_broken(make_window, demo_catalogue, width, height, elderly, language):
    """No line cut by a scroll area's edge, a card or a page (whole lines or none), no
    Chinese word broken inside a button or tab, in 长辈版 no scrollbar anywhere, and in
    Chinese the rules of Chinese typography in every text shown."""
    w = make_window(width, height, default_language=language, default_elderly=elderly)

    def check(window):
        return (cut_text_problems(window) + line_break_problems(window)
                + (scrollbar_problems(window) if elderly else [])
                + (typography_problems(window) if language == "zh_CN" else []))

    problems = reach_everything(w, demo_catalogue, (width, height), language, check)
    assert not problems, "\n".join(problems)
