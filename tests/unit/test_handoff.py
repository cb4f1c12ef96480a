import pytest

from kiosk.device.handoff import TemplateError, check_template, handoff_url
from kiosk.rules.qr_code import qr_matrix


def test_url_carries_code_ticks_and_language():
    url = handoff_url("https://x.example/g/{code}?have={have}&lang={lang}", "GA-0001", {2, 0}, "zh_CN")
    assert url == "https://x.example/g/GA-0001?have=1,3&lang=zh_CN"


def test_code_is_escaped():
    url = handoff_url("https://x.example/g/{code}", "A/B C", set(), "en")
    assert url == "https://x.example/g/A%2FB%20C"


@pytest.mark.parametrize("template, message", [
    ("ftp://x/{code}", "https://"),
    ("https://x/{cod}", "unknown placeholder"),
    ("https://x/{code", "broken placeholder"),
    ("https://x/guide", "must contain {code}"),
])
def test_bad_templates_are_explained(template, message):
    with pytest.raises(TemplateError, match=message.replace("{", r"\{")):
        check_template(template)


def test_qr_matrix_is_square_with_quiet_zone():
    m = qr_matrix("https://x.example/g/GA-0001?have=1,3&lang=zh_CN")
    assert len(m) == len(m[0]) and len(m) >= 21 + 8
    assert not any(m[0]) and not any(row[0] for row in m)
    assert any(any(row) for row in m)
