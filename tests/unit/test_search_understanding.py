"""Search understands how residents ask: colloquial words, sentences, homophones,
traditional characters, English, pinyin with a typo (issue 15)."""

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
from kiosk.search import SearchIndex
from kiosk.search.deferred import DeferredIndex
from kiosk.search.index import bundled_lexicon
from kiosk.search.lexicon import Lexicon
from kiosk.search.typos import TypoIndex, within_one
from kiosk.search.understanding import cut
from tests.search import query_set

ROOT = Path(__file__).resolve().parents[2]

needs_demo = pytest.mark.skipif(
    not DEMO_CATALOGUE.exists(), reason=f"the demo catalogue {DEMO_CATALOGUE} is not there"
)

#: the misses issue 15 lists: each must be in the top 3
ISSUE_15 = [
    ("驾照换证", "JG-0001"), ("老人优待", "WJ-0003"), ("身份证掉了", "GA-0002"),
    ("小孩报户口", "GA-0005"), ("外地看病", "YB-0001"), ("房贷还完解押", "BDC-0004"),
    ("公司改名", "SJ-0003"), ("开饭馆", "SJ-0005"), ("我的身份证过期了怎么办", "GA-0001"),
    ("身份證", "GA-0001"), ("社宝卡", "RS-0001"), ("lost ID card", "GA-0002"),
]


def matter(code: str, zh: str, en: str, aliases_zh=(), aliases_en=(), popularity=50) -> Matter:
    return Matter(
        code=code, name=Text(zh, en), aliases_zh=tuple(aliases_zh),
        aliases_en=tuple(aliases_en), department="X", themes=(), materials=(), fee=Fee(0.0),
        legal_limit_days=0, promised_limit_days=0, visits=1,
        window=Text("窗口", "Window"), online=False, bookable=False, proxy_allowed=False,
        halls=(), popularity=popularity,
    )


def codes(index, query: str, n: int = 3) -> list[str]:
    return [h.matter.code for h in index.search(query, limit=n)]


# --- the query set ---------------------------------------------------------------


@needs_demo
@pytest.mark.parametrize(("query", "wanted"), ISSUE_15)
def test_the_issues_misses_are_in_the_top_three(demo_index, query, wanted):
    assert wanted in codes(demo_index, query), (query, demo_index.search(query, limit=3))


def test_the_issues_misses_are_in_the_query_set():
    queries = {q: wanted for _, q, wanted in query_set.load()}
    for query, wanted in ISSUE_15:
        assert wanted in queries[query]


def test_the_query_set_is_large_and_names_only_real_matters(demo_catalogue):
    queries = query_set.load()
    assert len(queries) >= 200
    known = {m.code for m in demo_catalogue.matters}
    assert all(wanted and set(wanted) <= known for _, _, wanted in queries)
    kinds = {kind for kind, _, _ in queries}
    assert {"colloquial", "sentence", "homophone", "traditional", "english", "pinyin"} <= kinds


@needs_demo
def test_the_query_set_finds_nine_in_ten_in_the_top_three(demo_catalogue):
    index = SearchIndex.build(demo_catalogue.matters)
    queries = query_set.load()
    missed = query_set.misses(index, queries)
    assert 1 - len(missed) / len(queries) >= 0.9, missed


# --- ranking and why --------------------------------------------------------------


@needs_demo
@pytest.mark.parametrize(("query", "kind", "words"), [
    ("身份证掉了", "synonym", ["掉了→丢了"]),
    ("驾照换证", "overlap", ["驾照", "换证"]),  # both held, apart
    ("身份证被偷了", "synonym", ["被偷→丢了"]),
    ("社宝卡", "homophone", ["社宝卡~社保卡"]),
    ("社宝卡掉了", "homophone", ["社宝卡~社保卡", "掉了→丢了"]),
    ("身分证掉了", "homophone", ["身分证~身份证", "掉了→丢了"]),
    ("居住正", "homophone", ["居住正~juzhuzheng"]),  # by the catalogue's syllables
    ("医宝卡", "homophone", ["医宝卡~医保卡"]),
    ("老人优待", "overlap", ["老人", "优待"]),  # 老人卡, 老年人优待证
    ("老人优待证件", "synonym", ["老人", "优待", "证件→证"]),
    ("shebaoak", "typo", ["shebaoka"]),
    ("lost ID card", "english", []),
    ("my passport was stolen", "synonym", ["passport", "stolen→lost"]),
])
def test_why_says_how_the_query_was_understood(demo_index, query, kind, words):
    why = demo_index.search(query, limit=1)[0].why
    assert why.startswith(kind), why
    assert all(w in why for w in words), why


@needs_demo
def test_traditional_queries_find_what_simplified_ones_do(demo_index):
    assert codes(demo_index, "身份證") == codes(demo_index, "身份证")
    assert demo_index.search("身份證", limit=1)[0].why == "alias, traditional folded"
    assert codes(demo_index, "護照", 1) == codes(demo_index, "护照", 1)


def test_an_exact_alias_or_name_still_comes_first():
    index = SearchIndex.build([
        matter("SYN", "居民身份证补领", "Replace ID", ["身份证遗失"], popularity=99),
        matter("ALIAS", "某事项", "Something", ["身份证掉了"], popularity=1),
    ])
    hits = index.search("身份证掉了")
    assert [h.matter.code for h in hits] == ["ALIAS", "SYN"]
    assert hits[0].score == 85 and hits[0].why == "alias"
    assert hits[1].score < 40 and hits[1].why.startswith("synonym")


@needs_demo
def test_what_a_query_means_ranks_below_what_it_says(demo_index):
    """Every hit of the query as typed (40 and up) comes before every understood one."""
    hits = demo_index.search("小孩", limit=20)  # 小孩上户口; 孩子转学, 儿童康复 …
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert hits[0].score >= 40 and any(h.score < 40 for h in hits)
    assert demo_index.warm().search("小孩", limit=20, understand=False) == [
        h for h in hits if h.score >= 40]


@needs_demo
def test_filler_alone_finds_nothing(demo_index):
    for query in ["我想问一下怎么办", "请问在哪里", "how do I", "what"]:
        assert demo_index.search(query) == [], query


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(alphabet="我的身份证掉了怎么办社宝卡驾照換證老人lostidcardshebaoak 　", max_size=30))
def test_colloquial_text_never_raises_and_is_ordered(demo_index, query):
    hits = demo_index.search(query, limit=10)
    assert len(hits) <= 10 and len({h.matter.code for h in hits}) == len(hits)
    keys = [(-h.score, -h.matter.popularity, h.matter.code) for h in hits]
    assert keys == sorted(keys)


@needs_demo
@pytest.mark.parametrize("query", ["宠物登记", "水电费", "我要投诉", "visa", "办签约"])
def test_what_the_catalogue_does_not_have_finds_nothing(demo_index, query):
    """Common characters and words (证, 办, 登记) alone make no overlap."""
    assert demo_index.search(query) == [], demo_index.search(query)


@needs_demo
def test_no_matches_leads_to_departments_and_life_events(demo_index):
    index = demo_index.warm()
    visa = index.leads("办签证")
    assert visa.departments[0] == "CRJ" and "travel" in visa.themes
    old = index.leads("我家老人")
    assert "elderly" in old.themes[:1]
    assert index.leads("qqqqzzzz").departments == () and index.leads("").themes == ()
    assert len(index.leads("证", limit=2).departments) <= 2


# --- the dictionary -------------------------------------------------------------------


def test_the_bundled_dictionary_is_consistent():
    lexicon = Lexicon.load()
    for words in (lexicon.zh, lexicon.en):
        assert words.means and words.drop
        assert all(alts for alts in words.means.values())
        # a word that is both filler and meaning would be dropped: say which it is
        assert not (words.drop & words.means.keys()), words.drop & words.means.keys()
    # written simplified: folding changes nothing
    for word, alts in lexicon.zh.means.items():
        assert all(lexicon.fold(w) == w for w in (word, *alts)), word
    assert set(lexicon.zh.means["驾照"]) >= {"驾驶证"} and "驾照" in lexicon.zh.means["驾驶证"]
    assert "补领" in lexicon.zh.means["掉了"] and "掉了" not in lexicon.zh.means.get("补领", ())
    assert "license" in lexicon.en.means["licence"] and "replace" in lexicon.en.means["lost"]


def test_cutting_a_sentence_into_what_it_asks():
    lexicon = bundled_lexicon()
    concepts = cut("我的身份证过期了怎么办", lexicon.zh)
    assert [c.said for c in concepts] == ["身份证", "过期"]
    assert "到期" in concepts[1].alternatives
    assert [c.said for c in cut("小孩报户口", lexicon.zh)] == ["小孩", "报户口"]
    assert cut("怎么办", lexicon.zh) == []


def test_a_hall_adds_its_own_words(tmp_path, caplog):
    hall = tmp_path / "hall.toml"
    hall.write_text('[zh]\nsame = [["奶茶店", "饮品店"]]\ndrop = ["老师"]\n'
                    '[zh.means]\n"掉了" = ["挂失"]\n"开奶茶店" = ["食品经营"]\n', encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text("[zh\n", encoding="utf-8")
    lexicon = Lexicon.load(extra=[hall, broken, tmp_path / "missing.toml"])
    assert "broken.toml" in caplog.text and "missing.toml" in caplog.text
    assert lexicon.zh.means["开奶茶店"] == ("食品经营",)
    assert lexicon.zh.means["掉了"] == ("挂失",)  # the hall's entry replaces the bundled one
    assert "饮品店" in lexicon.zh.means["奶茶店"] and "老师" in lexicon.zh.drop
    assert "我想" in lexicon.zh.drop  # the bundled words stay
    index = SearchIndex.build([matter("F", "食品经营许可", "Food licence"),
                               matter("B", "银行卡挂失", "Bank card")], lexicon=lexicon)
    assert codes(index, "老师我想开奶茶店", 1) == ["F"]
    assert codes(index, "卡掉了", 1) == ["B"]


def test_a_hall_file_through_the_deferred_index(demo_catalogue, tmp_path):
    hall = tmp_path / "hall.toml"
    hall.write_text('[zh.means]\n"拿个良民证" = ["无犯罪记录证明"]\n', encoding="utf-8")
    index = DeferredIndex(demo_catalogue.matters, synonyms=[hall])
    assert codes(index, "拿个良民证", 1) == ["GA-0010"]
    assert codes(index.for_catalogue(demo_catalogue), "拿个良民证", 1) == ["GA-0010"]


# --- traditional characters -------------------------------------------------------------


def test_traditional_characters_fold_and_simplified_ones_stay():
    lexicon = bundled_lexicon()
    assert lexicon.fold("身份證遺失 戶口遷移 臺灣 駕駛證") == "身份证遗失 户口迁移 台湾 驾驶证"
    # characters that are simplified already never change (OpenCC's Taiwan table maps 么 → 幺)
    assert lexicon.fold("什么 干 后 里 着 台") == "什么 干 后 里 着 台"


def test_no_character_of_a_catalogue_is_folded(demo_catalogue):
    from tests.bench.catalogue_20k import make_matters

    table = bundled_lexicon().fold_table
    texts = [t for m in [*demo_catalogue.matters, *make_matters(2000)]
             for t in (m.name.zh, *m.aliases_zh)]
    assert not {c for t in texts for c in t if ord(c) in table}


# --- pinyin typos ---------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b", "near"), [
    ("shebaoka", "shebaoka", True), ("shebaoak", "shebaoka", True), ("shebaka", "shebaoka", True),
    ("shebaooka", "shebaoka", True), ("shebaoxa", "shebaoka", True), ("shbaoak", "shebaoka", False),
    ("ab", "ba", True), ("abc", "cba", False), ("", "a", True), ("", "ab", False),
])
def test_within_one(a, b, near):
    assert within_one(a, b) is near and within_one(b, a) is near


def test_typos_only_on_longer_pinyin():
    typos = TypoIndex()
    typos.add(0, "shebaokadiule", "社保卡丢了")
    typos.add(1, "shenfenzheng", "身份证")
    typos.done()
    assert set(typos.find("shebaoak")) == {0}
    assert set(typos.find("shenfenzhneg")) == {1}
    assert typos.find("shebak") and not typos.find("sbk") and not typos.find("shebao2")
    assert not typos.find("shxbxoka")


# --- start-up stays cheap ------------------------------------------------------------------


def test_importing_the_search_reads_no_dictionary():
    code = ("import sys, kiosk.search, kiosk.search.deferred;"
            "from kiosk.search.index import bundled_lexicon;"
            "print(bundled_lexicon.cache_info().currsize, 'pypinyin' in sys.modules,"
            " 'opencc' in sys.modules)")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env=env, cwd=ROOT)
    assert out.stdout.split() == ["0", "False", "False"]


@needs_demo
def test_colloquial_queries_need_no_pypinyin_after_a_cached_start(demo_catalogue, tmp_path):
    """The spelling cache holds the dictionary's words too: homophones of the catalogue's
    and the dictionary's characters are found without loading pypinyin."""
    cache = tmp_path / "spellings.json"
    DeferredIndex(demo_catalogue.matters, cache).warm()
    code = (
        "import sys; from pathlib import Path; from kiosk.rules.catalogue import load_catalogue;"
        "from kiosk.search.deferred import DeferredIndex;"
        f"i = DeferredIndex(load_catalogue().matters, Path({str(cache)!r}));"
        "found = [i.search(q, 1)[0].matter.code for q in ('社宝卡掉了', '医宝卡', '身份證掉了',"
        " '我想开个小饭馆', 'lost ID card', 'shebaoak')];"
        "print(' '.join(found), 'pypinyin' in sys.modules)"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env=env, cwd=ROOT)
    assert out.stdout.split() == ["RS-0001", "RS-0001", "GA-0002", "SJ-0005", "GA-0002", "RS-0001",
                                  "False"]


@needs_demo
def test_a_character_the_catalogue_lacks_is_looked_up(demo_index):
    assert "昏" not in "".join(m.name.zh + "".join(m.aliases_zh)
                              for m in demo_index.warm().matters)
    hit = demo_index.search("结昏证丢了", limit=1)[0]
    assert hit.matter.code == "MZ-0002" and "结昏证~结婚证" in hit.why


# --- command line ------------------------------------------------------------------------


@needs_demo
def test_cli_says_why_and_takes_a_hall_file(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")

    def run(*args: str) -> list[dict]:
        out = subprocess.run([sys.executable, "-m", "kiosk.search", *args], cwd=ROOT, env=env,
                             capture_output=True, text=True, encoding="utf-8", timeout=60)
        assert out.returncode == 0, out.stderr
        return [json.loads(line) for line in out.stdout.splitlines()]

    rows = run("身份证掉了", "--limit", "3")
    assert rows[0]["code"] == "GA-0002" and rows[0]["why"].startswith("synonym")
    assert {"code", "name_zh", "score", "why"} <= rows[0].keys()
    hall = tmp_path / "hall.toml"
    hall.write_text('[zh.means]\n"办个身份" = ["临时身份证"]\n', encoding="utf-8")
    assert run("办个身份", "--synonyms", str(hall), "--limit", "1")[0]["code"] == "GA-0003"
