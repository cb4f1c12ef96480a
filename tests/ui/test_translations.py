"""The .ts sources: nothing unfinished in zh_CN or en, no placeholder lost,
and every string the code marks is in them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%n|%\d")


def messages(language):
    tree = ET.parse(ROOT / "translations" / f"kiosk_{language}.ts")
    for context in tree.getroot().iter("context"):
        for m in context.iter("message"):
            yield context.find("name").text, m


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_string_is_finished_and_keeps_its_placeholders(language):
    problems = []
    for context, m in messages(language):
        source = m.find("source").text
        tr = m.find("translation")
        forms = [f.text or "" for f in tr.findall("numerusform")] if m.get("numerus") else [tr.text or ""]
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in forms):
            problems.append(f"{context}: {source!r} is not finished")
            continue
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for form in forms:
            if sorted(set(PLACEHOLDER.findall(form))) != wanted:
                problems.append(f"{context}: {source!r} -> {form!r} loses or adds a placeholder")
    assert not problems, "\n".join(problems)


def test_sources_match_the_code():
    """Every translate("Context", "text") in ui/ is in the .ts (run scripts/translations.py update)."""
    call = re.compile(r'translate\(\s*"(\w+)",\s*((?:"[^"]*"\s*)+)')
    # lupdate reads double-quoted literals only: a single-quoted call (say, inside an
    # f-string) would never be translated, so there must be none
    single = re.compile(r"translate\(\s*'")
    for path in (ROOT / "ui").rglob("*.py"):
        assert not single.search(path.read_text(encoding="utf-8")), f"single-quoted translate in {path}"
    in_code = set()
    for path in (ROOT / "ui").rglob("*.py"):
        for ctx, literal in call.findall(path.read_text(encoding="utf-8")):
            in_code.add((ctx, "".join(re.findall(r'"([^"]*)"', literal))))
    in_ts = {(ctx, m.find("source").text) for ctx, m in messages("zh_CN")}
    missing = sorted(in_code - in_ts)
    assert not missing, f"not in translations/*.ts: {missing}"


def test_built_catalogue_translates(qapp, built_translations):
    from PySide6.QtCore import QCoreApplication

    from ui.i18n import LanguageSwitch

    switch = LanguageSwitch(qapp)
    switch.set_language("zh_CN")
    assert QCoreApplication.translate("Home", "Find a service") == "办事指南"
    assert QCoreApplication.translate("Groups", "%1 services") == "%1 项服务"
    switch.set_language("en")
    assert QCoreApplication.translate("Groups", "1 service") == "1 service"
    switch.set_language("pseudo")
    assert QCoreApplication.translate("Home", "Find a service").startswith("[")
