"""Search per keystroke at 20,000 matters, against SQLite FTS5 (trigram) in the same run;
and how often what residents ask finds the right matter (the query set).

    python tests/bench/bench_search.py

Both see the same matters and the same text (Chinese name and aliases, English name
and aliases, pinyin and initials) and are asked the same keystrokes, as residents
type them. FTS5's trigram tokenizer cannot match fewer than three characters, so
shorter queries fall back to ``LIKE '%q%'``, as an FTS5-based search would have to.

``search_top3_rate``: the share of the query set (tests/search/queries.toml: residents'
phrasing, sentences, homophones, traditional characters, English, pinyin with typos)
whose right matter is in the top 3 on the demo catalogue; ``search_top3_rate_held_out``
the same for its held-out part, written after the synonym dictionary and never tuned
on; ``search_top3_rate_tiers_only`` the ranking tiers alone (the search before issue 15,
with traditional characters folded). ``search_colloquial_p95_ms_20k``: every keystroke of the query set's queries at
20,000 matters (FTS5 has no answer to compare for those).
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kiosk.search import SearchIndex, english_words, normalise  # noqa: E402
from kiosk.search.spelling import spell  # noqa: E402
from tests.bench.catalogue_20k import make_matters  # noqa: E402
from tests.search import query_set  # noqa: E402

#: what residents type, whole; every prefix of each is one keystroke
TYPED = [
    "sbk", "shbzk", "shebaoka", "sfz", "shenfenzheng", "hz", "huzhao", "gjj",
    "gongjijin tiqu", "jsz", "jiashizheng", "yyzz", "yingyezhizhao", "bdcq", "ylbx",
    "yibao", "dibao", "jhz", "tiqianhuankuan", "zzzq",
    "身份证", "身份证到期", "社保卡丢了", "护照", "公积金提取", "结婚登记", "营业执照变更",
    "驾驶证换领", "不动产", "医保异地就医", "居住证", "出生证明", "老年证",
    "passport", "ID card", "marriage", "provident fund", "driving licence",
    "business licence", "pension", "qqqqzzzz",
]


def keystrokes() -> list[str]:
    return [word[:i] for word in TYPED for i in range(1, len(word) + 1) if word[:i].strip()]


def _fts_texts(matters) -> list[tuple[str, str]]:
    """(code, text) per matter: every text our index searches, in one string."""
    word_cache: dict[str, list[str]] = {}
    rows = []
    for m in matters:
        zh = [m.name.zh, *m.aliases_zh]
        en = [m.name.en, *m.aliases_en]
        spelt = [spell(normalise(t), word_cache) for t in zh]
        rows.append((m.code, " ".join([
            *zh, *en, *(s.pinyin for s in spelt), *(s.initials for s in spelt),
            *("".join(english_words(t)) for t in en),
        ])))
    return rows


def _fts5(rows: list[tuple[str, str]]) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(code, text, tokenize='trigram')")
    db.executemany("INSERT INTO t (code, text) VALUES (?, ?)", rows)
    db.commit()
    return db


def _fts5_query(db: sqlite3.Connection, typed: str) -> list[str]:
    q = normalise(typed)
    if not q:
        return []
    if len(q) >= 3:
        phrase = '"' + q.replace('"', '""') + '"'
        rows = db.execute("SELECT code FROM t WHERE t MATCH ? ORDER BY rank LIMIT 20", (phrase,))
    else:
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = db.execute("SELECT code FROM t WHERE text LIKE ? ESCAPE '\\' LIMIT 20", (pattern,))
    return [code for (code,) in rows]


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def top3_rates() -> dict[str, float]:
    from kiosk.rules.catalogue import load_catalogue

    index = SearchIndex.build(load_catalogue().matters)
    queries = query_set.load()
    held_out = [q for q in queries if q[0] == "held_out"]
    return {
        "search_top3_rate": round(1 - len(query_set.misses(index, queries)) / len(queries), 3),
        "search_top3_rate_held_out": round(
            1 - len(query_set.misses(index, held_out)) / len(held_out), 3),
        "search_top3_rate_tiers_only": round(
            1 - len(query_set.misses(index, queries, understand=False)) / len(queries), 3),
        "search_query_set_size": len(queries),
    }


def colloquial_keystrokes() -> list[str]:
    return [q[:i] for _, q, _ in query_set.load() for i in range(1, len(q) + 1) if q[:i].strip()]


def run(n: int = 20000, rounds: int = 5) -> dict[str, float]:
    if sqlite3.sqlite_version_info < (3, 34, 0):
        raise RuntimeError(f"SQLite {sqlite3.sqlite_version} has no FTS5 trigram tokenizer")
    matters = make_matters(n)
    t0 = time.perf_counter()
    index = SearchIndex.build(matters)
    build_s = time.perf_counter() - t0
    rows = _fts_texts(matters)  # the pinyin work, untimed: FTS5 gets it for free
    t0 = time.perf_counter()
    db = _fts5(rows)
    fts_build_s = time.perf_counter() - t0
    keys = keystrokes()
    ours: list[float] = []
    fts: list[float] = []
    clock = time.perf_counter
    for _ in range(rounds):  # interleaved, so both see the same machine
        for q in keys:
            t0 = clock()
            index.search(q, limit=20)
            t1 = clock()
            _fts5_query(db, q)
            t2 = clock()
            ours.append((t1 - t0) * 1000)
            fts.append((t2 - t1) * 1000)
    colloquial: list[float] = []
    for _ in range(2):
        for q in colloquial_keystrokes():
            t0 = clock()
            index.search(q, limit=20)
            colloquial.append((clock() - t0) * 1000)
    return {
        **top3_rates(),
        "search_colloquial_p95_ms_20k": round(_p95(colloquial), 3),
        "search_p95_ms_20k": round(_p95(ours), 3),
        "search_max_ms_20k": round(max(ours), 3),
        "search_median_ms_20k": round(statistics.median(ours), 3),
        "fts5_p95_ms_20k": round(_p95(fts), 3),
        "fts5_median_ms_20k": round(statistics.median(fts), 3),
        "search_index_build_s": round(build_s, 2),
        "fts5_build_s_without_pinyin": round(fts_build_s, 2),
        "search_keystrokes": len(keys),
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value}")
