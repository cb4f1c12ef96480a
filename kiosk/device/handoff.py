"""Carrying a service guide and the resident's ticked checklist to their phone.

The kiosk shows a QR code for a URL built from the hall's template (setting
``handoff_url_template``), e.g. ``https://…/guide/{code}?have={have}&lang={lang}``.
``have`` lists the numbers (1-based) of the materials the resident has ticked.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from urllib.parse import quote

PLACEHOLDERS = frozenset({"code", "have", "lang"})


class TemplateError(ValueError):
    pass


def check_template(template: str) -> None:
    """Raise TemplateError if the template is not an http(s) URL with known placeholders."""
    if not template.startswith(("https://", "http://")):
        raise TemplateError("the hand-off URL must start with https:// or http://")
    try:
        names = {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}
    except ValueError as exc:
        raise TemplateError(f"the hand-off URL has a broken placeholder: {exc}") from exc
    unknown = names - PLACEHOLDERS
    if unknown:
        raise TemplateError(f"unknown placeholder(s) {sorted(unknown)} in the hand-off URL")
    if "code" not in names:
        raise TemplateError("the hand-off URL must contain {code}")


def handoff_url(template: str, code: str, have: Iterable[int], lang: str) -> str:
    check_template(template)
    have_text = ",".join(str(i + 1) for i in sorted(set(have)))
    return template.format(
        code=quote(code, safe=""), have=quote(have_text, safe=","), lang=quote(lang, safe="")
    )
