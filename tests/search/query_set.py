"""The query set (``queries.toml`` beside this file) and its top-3 hit rate.

    from tests.search.query_set import load, misses
    misses(index)            # [(kind, query, wanted, top 3 found)]
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

QUERIES = Path(__file__).with_name("queries.toml")


def load(path: Path = QUERIES) -> list[tuple[str, str, tuple[str, ...]]]:
    """(kind, query, codes that count as right), each query once (its first kind)."""
    with path.open("rb") as f:
        doc = tomllib.load(f)
    out: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    for kind, table in doc.items():
        for query, codes in table.items():
            out.setdefault(query, (kind, query, tuple(codes)))
    return list(out.values())


def top_codes(index: Any, query: str, n: int = 3, understand: bool = True) -> list[str]:
    return [h.matter.code for h in index.search(query, limit=n, understand=understand)]


def misses(index: Any, queries: list[tuple[str, str, tuple[str, ...]]] | None = None,
           understand: bool = True) -> list[tuple[str, str, tuple[str, ...], list[str]]]:
    """The queries whose right matters are not in the top 3. ``understand=False``: the
    ranking tiers only (the search as it was before issue 15, with traditional folded)."""
    out = []
    for kind, query, wanted in queries if queries is not None else load():
        found = top_codes(index, query, understand=understand)
        if not set(found) & set(wanted):
            out.append((kind, query, wanted, found))
    return out


def top3_rate(index: Any) -> float:
    queries = load()
    return 1 - len(misses(index, queries)) / len(queries)
