"""Search: what residents type finds what they meant, fast and without surprises."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.rules.catalogue import DEMO_CATALOGUE, Fee, Matter, Text
from kiosk.search import Hit, SearchIndex, normalise
from kiosk.search import spelling as search_spelling
from kiosk.search import tiers as search_tiers

ROOT = Path(__file__).resolve().parents[2]

needs_demo = pytest.mark.skipif(
    not DEMO_CATALOGUE.exists(), reason=f"the demo catalogue {DEMO_CATALOGUE} is not there"
)


def matter(code: str, zh: str, en: str, aliases_zh=(), aliases_en=(), popularity=50) -> Matter:
    return Matter(
        code=code, name=Text(zh, en), aliases_zh=tuple(aliases_zh),
        aliases_en=tuple(aliases_en), department="X", themes=(), materials=(), fee=Fee(0.0),
        legal_limit_days=0, promised_limit_days=0, visits=1,
        window=Text("窗口", "Window"), online=False, bookable=False, proxy_allowed=False,
        halls=(), popularity=popularity,
    )


SMALL = [
    matter("A1", "居民身份证换领", "Renew resident ID card", ["身份证到期", "换身份证"],
           ["ID card expired"], popularity=98),
    matter("A2", "居民身份证补领", "Replace a lost resident ID card", ["身份证丢了"],
           ["lost ID card"], popularity=80),
    matter("B1", "社会保障卡补换", "Replace a social security card", ["社保卡丢了", "补办社保卡"],
           ["lost social security card"], popularity=95),
    matter("C1", "普通护照首次申领", "Apply for a passport for the first time", ["办护照"],
           ["first passport"], popularity=88),
    matter("D1", "住房公积金贷款提前还款", "Repay a provident fund loan early", ["提前还款"],
           popularity=30),
    matter("E1", "银行卡挂失", "Report a lost bank card", popularity=10),
]


@pytest.fixture(scope="module")
def small_index() -> SearchIndex:
    return SearchIndex.build(SMALL)


def top(index: SearchIndex, query: str, n: int = 3) -> list[str]:
    return [h.matter.name.zh for h in index.search(query)[:n]]


# --- what residents type, against the real demo catalogue ----------------------

TOP3 = [
    # pinyin initials on the A–Z keyboard
    ("sbk", "社会保障卡补换"), ("shbzk", "社会保障卡补换"), ("sfz", "居民身份证换领"),
    ("hz", "普通护照首次申领"), ("gjj", "住房公积金提取"),
    # full pinyin, no tones, spaces ignored
    ("shebaoka", "社会保障卡补换"), ("shenfenzheng", "居民身份证换领"),
    ("huzhao", "普通护照首次申领"), ("gongjijin tiqu", "住房公积金提取"),
    # part of the Chinese
    ("身份证", "居民身份证换领"), ("护照", "普通护照首次申领"), ("公积金", "住房公积金提取"),
    ("结婚", "结婚登记"), ("社保卡", "社会保障卡补换"),
    # what people say
    ("身份证到期", "居民身份证换领"), ("换身份证", "居民身份证换领"), ("社保卡丢了", "社会保障卡补换"),
    # English, any case, word starts
    ("passport", "普通护照首次申领"), ("ID card", "居民身份证换领"), ("marriage", "结婚登记"),
    ("provident fund", "住房公积金提取"), ("pass", "普通护照首次申领"),
    ("PASSPORT", "普通护照首次申领"), ("id CARD", "居民身份证换领"),
]


@needs_demo
@pytest.mark.parametrize(("query", "wanted"), TOP3)
def test_what_residents_type_is_in_the_top_three(demo_index, query, wanted):
    assert wanted in top(demo_index, query), (query, top(demo_index, query, 5))


@needs_demo
@pytest.mark.parametrize("word", ["sbk", "shbzk", "shebaoka", "身份证", "passport", "gongjijin"])
def test_every_keystroke_finds_something_on_the_way(demo_index, word):
    """The list never goes empty while a real word is typed letter by letter."""
    for i in range(1, len(word) + 1):
        assert demo_index.search(word[:i]), word[:i]


@needs_demo
def test_incremental_initials_home_in_on_the_social_security_card(demo_index):
    assert "社会保障卡补换" in top(demo_index, "s", 3)
    assert top(demo_index, "sb", 1) == ["社会保障卡补换"]
    assert top(demo_index, "sbk", 1) == ["社会保障卡补换"]


@needs_demo
def test_typing_the_id_card_in_chinese_puts_the_renewal_first(demo_index):
    # the UI journey (tests/ui/test_lookup_journey.py) relies on this
    assert top(demo_index, "身份证", 1) == ["居民身份证换领"]


@needs_demo
def test_nonsense_finds_nothing(demo_index):
    assert demo_index.search("qqqqzzzz") == []


# --- ranking -----------------------------------------------------------------


def test_exact_name_beats_prefix_beats_alias_beats_inside():
    index = SearchIndex.build([
        matter("1", "护照", "Passport", popularity=1),
        matter("2", "护照补办", "Replace passport", popularity=99),
        matter("3", "出国证件", "Travel documents", ["护照办理"], popularity=99),
        matter("4", "普通护照首次申领", "First passport", popularity=100),
    ])
    hits = index.search("护照")
    assert [h.matter.code for h in hits] == ["1", "2", "3", "4"]
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert [h.why for h in hits] == ["name", "name", "alias", "name"]


def test_ties_go_to_the_more_used_then_the_code():
    index = SearchIndex.build([
        matter("B", "护照补办", "x", popularity=50),
        matter("A", "护照换发", "y", popularity=50),
        matter("C", "护照申请", "z", popularity=90),
    ])
    assert [h.matter.code for h in index.search("护照")] == ["C", "A", "B"]


def test_why_says_what_matched(small_index):
    def why(q):
        return small_index.search(q)[0].why

    assert why("居民身份证换领") == "name"
    assert why("换身份证") == "alias"
    assert why("sbk") == "initials"
    assert why("shebaoka") == "pinyin"
    assert why("passport") == "english"
    assert why("a1") == "code"


def test_each_matter_appears_once_at_its_best(small_index):
    hits = small_index.search("身份证")
    codes = [h.matter.code for h in hits]
    assert len(codes) == len(set(codes))
    assert hits[0].score == 80 and hits[0].why == "alias"  # alias start beats "inside the name"


def test_initials_inside_a_name(small_index):
    """hz: 护照 sits in the middle of 普通护照首次申领; bzk: 保障卡 in 社会保障卡补换."""
    assert top(small_index, "hz") == ["普通护照首次申领"]
    assert top(small_index, "bzk") == ["社会保障卡补换"]
    assert top(small_index, "huzhao") == ["普通护照首次申领"]


def test_polyphones(small_index):
    # pypinyin reads 银行 in context: yin hang, not yin xing
    assert top(small_index, "yinhang") == ["银行卡挂失"]
    assert top(small_index, "yhk") == ["银行卡挂失"]
    # pypinyin reads 还款 "hai kuan"; the other reading finds it too
    assert "住房公积金贷款提前还款" in top(small_index, "tiqianhuankuan")
    assert "住房公积金贷款提前还款" in top(small_index, "tiqianhaikuan")


def test_english_word_starts_only(small_index):
    assert top(small_index, "pass") == ["普通护照首次申领"]
    assert top(small_index, "assport") == []  # not the middle of a word
    assert "社会保障卡补换" in top(small_index, "social sec")


# --- normalisation -------------------------------------------------------------


def test_normalise():
    assert normalise("ＳＢＫ") == "sbk"
    assert normalise("  Ｉd   Card！") == "idcard"
    assert normalise("身份证，到期。") == "身份证到期"
    assert normalise("gongjijin tiqu") == "gongjijintiqu"
    assert normalise("😀!!!") == ""


def test_full_width_spaces_and_case_do_not_matter(small_index):
    expected = small_index.search("sbk")
    assert expected
    for variant in ["SBK", "ＳＢＫ", "ｓｂｋ", " s b k ", "S.B.K", "s\u3000b\u3000k"]:
        assert small_index.search(variant) == expected, variant
    assert small_index.search("ＩＤ　ＣＡＲＤ") == small_index.search("id card")


# --- bad input -----------------------------------------------------------------


@pytest.mark.parametrize("query", ["", "   ", "!!!", "😀😀", "\u3000", "\0", "\x01", "\ufeff"])
def test_empty_or_no_letters_finds_nothing(small_index, query):
    assert small_index.search(query) == []


@pytest.mark.parametrize("query", [
    "x" * 10_000, "身" * 10_000, "shebaoka" * 1250, "🙂" * 10_000, "a\0b\1c", "(*+?[\\",
    "\udc80", "ß", "İ", "Ⅻ", "①②", "ﬁ",
])
def test_garbage_never_raises(small_index, query):
    hits = small_index.search(query)
    assert isinstance(hits, list) and len(hits) <= 20


def test_limit(small_index):
    assert len(small_index.search("s", limit=2)) <= 2
    assert small_index.search("s", limit=0) == []
    assert small_index.search("s", limit=-1) == []


def test_an_empty_catalogue():
    index = SearchIndex.build([])
    assert len(index) == 0 and index.search("sbk") == []


def test_odd_catalogue_texts_are_indexed_without_trouble():
    index = SearchIndex.build([
        matter("Z-1", "！！！", "???", ["", "   "], ["", "—"]),
        matter("Z-2", "70周岁以上驾驶人体检", "Drivers aged 70+", ["ID卡", "𠀀字"]),
    ])
    assert index.search("70") and index.search("70zs")[0].matter.code == "Z-2"
    assert index.search("idk")[0].matter.code == "Z-2"
    assert index.search("𠀀")[0].matter.code == "Z-2"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=40), limit=st.integers(min_value=-2, max_value=30))
def test_any_text_never_raises_and_stays_within_the_limit(small_index, query, limit):
    hits = small_index.search(query, limit=limit)
    assert len(hits) <= max(limit, 0)
    assert all(isinstance(h, Hit) and h.matter in SMALL for h in hits)
    assert len({h.matter.code for h in hits}) == len(hits)
    keys = [(-h.score, -h.matter.popularity, h.matter.code) for h in hits]
    assert keys == sorted(keys)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(alphabet="abcdefghijklmnopqrstuvwxyz身份证社保卡护照 ", max_size=12))
def test_a_longer_query_never_finds_what_its_start_did_not(small_index, query):
    """Typing on narrows: every match of "sbk" also matched "sb" (no limit cut here).
    From two characters on: a single letter is not looked for inside words. The tiers
    only: what a query means (typos, overlap) may change as it grows."""
    if len(normalise(query)) < 2:
        return
    longer = {h.matter.code for h in small_index.search(query + "k", limit=100, understand=False)}
    shorter = {h.matter.code for h in small_index.search(query, limit=100, understand=False)}
    assert longer <= shorter


# --- built once ------------------------------------------------------------------


def test_the_index_is_built_once_not_per_keystroke(monkeypatch):
    calls = {"spell": 0}
    real_spell = search_tiers.spell  # where the tiers call it

    def counting_spell(*args, **kwargs):
        calls["spell"] += 1
        return real_spell(*args, **kwargs)

    monkeypatch.setattr(search_tiers, "spell", counting_spell)
    index = SearchIndex.build(SMALL)
    built = calls["spell"]
    assert built > 0

    def no_pinyin_at_query_time(*args, **kwargs):
        raise AssertionError("pinyin computed during a search")

    monkeypatch.setattr(search_spelling, "_pp", no_pinyin_at_query_time)
    for q in ["s", "sb", "sbk", "身", "身份", "身份证", "p", "pa", "pas", "passport", "新字"]:
        index.search(q)
    assert calls["spell"] == built


# --- command line -----------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "kiosk.search", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


def write_catalogue(path: Path, matters: list[dict]) -> Path:
    path.write_text(json.dumps({
        "version": "t", "sample_data": True, "notice": {"zh": "样例", "en": "Sample"},
        "departments": [{"code": "X", "name": {"zh": "部门", "en": "Dept"}}],
        "themes": [], "halls": [], "matters": matters,
    }, ensure_ascii=False), encoding="utf-8")
    return path


def raw_matter(code: str, zh: str, en: str, aliases_zh: list[str]) -> dict:
    return {
        "code": code, "name": {"zh": zh, "en": en}, "aliases_zh": aliases_zh,
        "aliases_en": [], "department": "X", "themes": [], "materials": [],
        "fee": {"amount_yuan": 0}, "legal_limit_days": 0, "promised_limit_days": 0,
        "visits": 1, "window": {"zh": "窗口", "en": "Window"}, "online": False,
        "bookable": False, "proxy_allowed": False, "halls": [], "popularity": 1,
    }


def test_cli_prints_json_lines(tmp_path):
    catalogue = write_catalogue(tmp_path / "c.json", [
        raw_matter("RS-1", "社会保障卡补换", "Replace a social security card", ["社保卡丢了"]),
        raw_matter("RS-2", "社会保险参保证明打印", "Print social insurance records", []),
    ])
    out = run_cli("sbk", "--catalog", str(catalogue))
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows[0]["code"] == "RS-1" and rows[0]["name_zh"] == "社会保障卡补换"
    assert rows[0]["name_en"] == "Replace a social security card"
    assert {"score", "why"} <= rows[0].keys()
    assert "社会保障卡补换" in out.stdout  # not \\u escapes
    out = run_cli("s", "--catalog", str(catalogue), "--limit", "1")
    assert len(out.stdout.splitlines()) == 1


@needs_demo
def test_cli_uses_the_demo_catalogue_by_default():
    out = run_cli("护照", "--limit", "3")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.splitlines()[0])["name_zh"] == "普通护照首次申领"


@pytest.mark.parametrize("content", [None, "{not json", '{"matters": []}', b"\xff\xfe\x00"])
def test_cli_bad_catalogue_exits_2_with_one_line(tmp_path, content):
    path = tmp_path / "bad.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    out = run_cli("sbk", "--catalog", str(path))
    assert out.returncode == 2
    assert out.stdout == ""
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "catalogue" in lines[0], out.stderr


def test_cli_nothing_found_is_not_an_error(tmp_path):
    catalogue = write_catalogue(tmp_path / "c.json", [raw_matter("A", "结婚登记", "Marriage", [])])
    out = run_cli("qqqqzzzz", "--catalog", str(catalogue))
    assert out.returncode == 0 and out.stdout == "" and "qqqqzzzz" in out.stderr


# --- the 20,000-matter benchmark catalogue -------------------------------------------


def test_benchmark_catalogue_is_deterministic_with_unique_codes():
    from tests.bench.catalogue_20k import make_matters

    first = make_matters(3000, seed=7)
    again = make_matters(3000, seed=7)
    other = make_matters(3000, seed=8)
    assert len(first) == 3000
    assert first == again
    assert first != other
    assert len({m.code for m in first}) == 3000
    assert len({m.name.zh for m in first}) == 3000
    assert all(m.aliases_zh and m.aliases_en and m.name.en for m in first)
    index = SearchIndex.build(first)
    assert index.search("sbk") and index.search("身份证") and index.search("passport")
