"""The bundled sample catalogue, and the errors parse_catalogue gives for broken ones."""

from __future__ import annotations

import copy
import json
import re

import pytest

from kiosk.rules.catalogue import (
    DEMO_CATALOGUE,
    ELDERLY_THEME,
    MATERIAL_FORMS,
    CatalogueError,
    load_catalogue,
    parse_catalogue,
)

REQUIRED_MATTERS = [
    "居民身份证换领",
    "普通护照首次申领",
    "机动车驾驶证期满换证",
    "社会保障卡补换",
    "养老金领取资格认证",
    "城乡居民养老保险参保登记",
    "住房公积金提取",
    "二手房转移登记",
    "有限责任公司设立登记",
    "个体工商户设立登记",
    "结婚登记",
    "出生医学证明",
    "老年人优待证",
    "残疾人证新办",
    "医保异地就医备案",
    "户口迁移",
]


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.fixture()
def raw():
    """A fresh, mutable copy of the demo catalogue document."""
    return copy.deepcopy(_DEMO_RAW)


_DEMO_RAW = json.loads(DEMO_CATALOGUE.read_text(encoding="utf-8"))


# --- the sample catalogue ---------------------------------------------------------


def test_demo_catalogue_is_sample_data(catalogue):
    assert catalogue.sample_data is True
    assert "示例" in catalogue.notice.zh
    assert "sample" in catalogue.notice.en.lower()
    assert catalogue.version


def test_demo_catalogue_sizes(catalogue):
    assert len(catalogue.departments) >= 12
    assert len(catalogue.matters) >= 80
    assert len(catalogue.themes) >= 8
    assert len(catalogue.halls) >= 2


@pytest.mark.parametrize("zh", REQUIRED_MATTERS)
def test_required_matter_is_present(catalogue, zh):
    assert any(m.name.zh == zh for m in catalogue.matters), zh


def test_every_department_has_at_least_three_matters(catalogue):
    thin = {
        d.code: len(catalogue.matters_of_department(d.code))
        for d in catalogue.departments
        if len(catalogue.matters_of_department(d.code)) < 3
    }
    assert not thin


def test_every_theme_has_matters(catalogue):
    assert all(catalogue.matters_of_theme(t.code) for t in catalogue.themes)


def test_elderly_zone_has_at_least_ten_matters(catalogue):
    assert catalogue.theme(ELDERLY_THEME) is not None
    assert len(catalogue.matters_of_theme(ELDERLY_THEME)) >= 10


def test_every_matter_is_complete(catalogue):
    for m in catalogue.matters:
        assert any(x.required for x in m.materials), m.code
        assert m.aliases_zh and m.aliases_en, m.code
        assert all(a.strip() for a in m.aliases_zh + m.aliases_en), m.code
        assert m.halls, m.code
        assert all(x.form in MATERIAL_FORMS for x in m.materials), m.code
        assert 1 <= m.popularity <= 100, m.code
        assert m.visits <= 2, m.code


def test_promised_limit_never_exceeds_legal_limit(catalogue):
    late = [m.code for m in catalogue.matters if m.promised_limit_days > m.legal_limit_days]
    assert not late


def test_codes_are_unique(catalogue):
    for items in (catalogue.departments, catalogue.themes, catalogue.halls, catalogue.matters):
        codes = [x.code for x in items]
        assert len(codes) == len(set(codes))
    names = [m.name.zh for m in catalogue.matters]
    assert len(names) == len(set(names))


def test_matter_codes_carry_their_department(catalogue):
    for m in catalogue.matters:
        assert re.fullmatch(rf"{m.department}-\d{{4}}", m.code), m.code


def test_halls_open_weekdays_in_shanghai_time(catalogue):
    for hall in catalogue.halls:
        assert hall.timezone == "Asia/Shanghai"
        monday = sorted((p.opens, p.closes) for p in hall.opening_hours if p.weekday == 1)
        assert monday == [("09:00", "12:00"), ("13:30", "17:00")]
        assert all(p.opens < p.closes for p in hall.opening_hours)
    assert any(p.weekday == 6 for h in catalogue.halls for p in h.opening_hours)


def test_well_known_fees(catalogue):
    by_name = {m.name.zh: m for m in catalogue.matters}
    assert by_name["居民身份证换领"].fee.amount_yuan == 20
    assert by_name["普通护照首次申领"].fee.amount_yuan == 120
    assert by_name["养老金领取资格认证"].visits == 0


# --- error messages ---------------------------------------------------------------


def _error(raw) -> str:
    with pytest.raises(CatalogueError) as info:
        parse_catalogue(raw)
    return str(info.value)


def test_missing_field_names_the_place(raw):
    del raw["matters"][0]["name"]
    assert _error(raw) == "catalogue.matters[0].name is missing"


def test_missing_top_level_field_names_the_place(raw):
    del raw["version"]
    assert _error(raw) == "catalogue.version is missing"


def test_wrong_type_names_the_place(raw):
    raw["matters"][2]["popularity"] = "high"
    assert _error(raw).startswith("catalogue.matters[2].popularity must be a whole number")


def test_half_a_text_names_the_place(raw):
    raw["departments"][1]["name"] = {"zh": "公安出入境"}
    assert _error(raw).startswith("catalogue.departments[1].name must be")


def test_bad_material_form_names_the_place(raw):
    raw["matters"][0]["materials"][1]["form"] = "photocopy"
    message = _error(raw)
    assert message.startswith("catalogue.matters[0].materials[1].form must be one of")
    assert "photocopy" in message


def test_unknown_department_names_the_matter(raw):
    code = raw["matters"][0]["code"]
    raw["matters"][0]["department"] = "NOPE"
    message = _error(raw)
    assert code in message and "unknown department" in message and "NOPE" in message


def test_unknown_theme_and_hall_name_the_matter(raw):
    raw["matters"][3]["themes"] = ["nope"]
    assert "unknown theme 'nope'" in _error(raw)
    raw["matters"][3]["themes"] = []
    raw["matters"][3]["halls"] = ["nowhere"]
    assert "unknown hall 'nowhere'" in _error(raw)


def test_duplicate_matter_code_is_refused(raw):
    raw["matters"][1]["code"] = raw["matters"][0]["code"]
    assert "appears twice" in _error(raw)


@pytest.mark.parametrize("weekday", [0, 8])
def test_bad_weekday_names_the_place(raw, weekday):
    raw["halls"][1]["opening_hours"][2]["weekday"] = weekday
    assert _error(raw) == (
        f"catalogue.halls[1].opening_hours[2].weekday must be 1..7, not {weekday}"
    )


def test_bad_time_names_the_place(raw):
    raw["halls"][0]["opening_hours"][0]["closes"] = "17.00"
    assert _error(raw).startswith("catalogue.halls[0].opening_hours[0].closes must be HH:MM")


def test_not_an_object(raw):
    assert _error([]) == "catalogue must be an object"
    raw["matters"][4] = "GA-0001"
    assert _error(raw) == "catalogue.matters[4] must be an object"


def test_invalid_json_file(tmp_path):
    path = tmp_path / "catalogue.json"
    path.write_text('{"version": "x",', encoding="utf-8")
    with pytest.raises(CatalogueError, match="is not valid JSON") as info:
        load_catalogue(path)
    assert str(path) in str(info.value)


def test_file_not_in_utf8(tmp_path):
    path = tmp_path / "catalogue.json"
    path.write_bytes(json.dumps({"version": "示例"}, ensure_ascii=False).encode("gbk"))
    with pytest.raises(CatalogueError, match="not UTF-8") as info:
        load_catalogue(path)
    assert str(path) in str(info.value)


def test_missing_file(tmp_path):
    path = tmp_path / "absent.json"
    with pytest.raises(CatalogueError, match="cannot read catalogue") as info:
        load_catalogue(path)
    assert str(path) in str(info.value)


def test_valid_file_round_trips(tmp_path, raw):
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    assert len(load_catalogue(path).matters) == len(raw["matters"])
