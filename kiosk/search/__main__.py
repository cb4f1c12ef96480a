"""Search a catalogue from the command line, one JSON object per match and line.

    python -m kiosk.search "sbk" [--catalog FILE] [--limit N] [--synonyms FILE]

``why`` says what matched: name, alias, initials, pinyin, english, code (the query as
typed), or synonym, homophone, overlap, typo (what it was understood to mean, with the
words: "synonym: 身份证 + 掉了→丢了"); see kiosk.search.index.

Exit status: 0 (also when nothing matches: a note goes to stderr), 2 on a bad
command line or a catalogue that cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kiosk.rules.catalogue import DEMO_CATALOGUE, CatalogueError, load_catalogue
from kiosk.search.index import SearchIndex
from kiosk.search.lexicon import Lexicon


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk.search",
        description="Search the matters of a catalogue by Chinese, pinyin, initials or English.",
    )
    parser.add_argument("query", help='what a resident would type, e.g. "sbk", "身份证", "passport"')
    parser.add_argument("--catalog", "--catalogue", type=Path, default=DEMO_CATALOGUE,
                        help="catalogue JSON file (default: the bundled demo catalogue)")
    parser.add_argument("--limit", type=int, default=20, help="at most this many matches (default 20)")
    parser.add_argument("--synonyms", type=Path, action="append", default=[],
                        help="a hall's synonym file (the form of resources/search/synonyms.toml), "
                             "added to the bundled dictionary; may be repeated")
    args = parser.parse_args(argv)
    if args.limit < 1:
        parser.error("--limit must be at least 1")
    try:
        catalogue = load_catalogue(args.catalog)
    except CatalogueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    lexicon = Lexicon.load(extra=args.synonyms) if args.synonyms else None
    hits = SearchIndex.build(catalogue.matters, lexicon=lexicon).search(args.query, limit=args.limit)
    out = sys.stdout
    if hasattr(out, "reconfigure"):  # Chinese on a console whose code page cannot show it
        out.reconfigure(encoding="utf-8")
    for hit in hits:
        m = hit.matter
        print(json.dumps({
            "code": m.code,
            "name_zh": m.name.zh,
            "name_en": m.name.en,
            "score": hit.score,
            "why": hit.why,
            "department": m.department,
            "popularity": m.popularity,
        }, ensure_ascii=False), file=out)
    if not hits:
        print(f"no matter matches {args.query!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
