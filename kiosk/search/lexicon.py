"""What residents' words mean: the synonym and colloquialism dictionary shared by all
matters, the filler dropped from a query, and traditional characters folded to simplified.

The dictionary is data, ``resources/search/synonyms.toml`` (its header says the form).
A hall adds its own words in a file of the same form::

    Lexicon.load(extra=[Path("/etc/kiosk/synonyms.toml")])   # or DeferredIndex(…, synonyms=…)
    python -m kiosk.search "开奶茶店" --synonyms hall-synonyms.toml

Its ``same`` groups are added, its ``means`` entries replace the bundled ones of the same
word, its ``drop`` words are added. A file that cannot be read is logged and skipped:
the search still works with the bundled words.

Traditional → simplified uses OpenCC's character tables (``TSCharacters.txt``, with the
Taiwan and Hong Kong variant tables first), from the ``opencc-python-reimplemented``
package's data, read without importing it. Character by character is enough for search
(the catalogue is simplified; a phrase table would only change rare word choices).
Nothing here is read at import time: :meth:`Lexicon.load` runs when the index is built.
"""

from __future__ import annotations

import logging
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path

log = logging.getLogger(__name__)

BUNDLED = Path(__file__).resolve().parents[2] / "resources" / "search" / "synonyms.toml"
#: OpenCC tables, in the order they apply (variants to standard traditional, then to simplified)
_OPENCC_TABLES = ("TWVariantsRev.txt", "HKVariantsRev.txt", "TSCharacters.txt")


def _fold_key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace(" ", "")


@dataclass(frozen=True)
class Words:
    """One language's part of the dictionary: ``means[word]`` is what else the word may
    be written as (itself not included); ``drop`` the filler."""

    means: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    drop: frozenset[str] = frozenset()

    @property
    def longest(self) -> int:
        return max(map(len, [*self.means, *self.drop]), default=0)


@dataclass(frozen=True)
class Lexicon:
    zh: Words
    en: Words
    #: str.translate table: traditional (and variant) characters → simplified
    fold_table: Mapping[int, str]

    @classmethod
    def empty(cls) -> Lexicon:
        return cls(Words(), Words(), {})

    @classmethod
    def load(cls, extra: Iterable[Path] = (), bundled: Path | None = BUNDLED) -> Lexicon:
        docs = [_read(bundled)] if bundled else []
        docs += [_read(path) for path in extra]
        return cls(_words([d.get("zh", {}) for d in docs]), _words([d.get("en", {}) for d in docs]),
                   opencc_table())

    def fold(self, text: str) -> str:
        """Traditional characters as simplified: ``fold("身份證") == "身份证"``."""
        return text.translate(self.fold_table)


def _read(path: Path) -> dict[str, dict[str, object]]:
    try:
        with path.open("rb") as f:
            doc = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        log.warning("synonym file %s skipped: %s", path, exc)
        return {}
    return {k: v for k, v in doc.items() if isinstance(v, dict)}


def _strings(value: object) -> list[str]:
    if not isinstance(value, list):
        return []
    return [k for k in (_fold_key(v) for v in value if isinstance(v, str)) if k]


def _words(parts: list[dict[str, object]]) -> Words:
    """Merge the parts in order: ``means`` of a later part replaces an earlier one's."""
    means: dict[str, dict[str, None]] = {}
    drop: set[str] = set()
    for part in parts:
        drop.update(_strings(part.get("drop")))
        raw_means = part.get("means")
        if isinstance(raw_means, dict):
            for word, said in raw_means.items():
                key = _fold_key(str(word))
                if key:
                    means[key] = dict.fromkeys(s for s in _strings(said) if s != key)
        groups = part.get("same")
        for group in groups if isinstance(groups, list) else []:
            members = _strings(group)
            for word in members:
                means.setdefault(word, {}).update(dict.fromkeys(m for m in members if m != word))
    return Words({w: tuple(alts) for w, alts in means.items()}, frozenset(drop))


def opencc_table() -> dict[int, str]:
    """Traditional → simplified, one character to one, from OpenCC's data files; {} (and
    a warning) when the package is not installed."""
    spec = find_spec("opencc")
    folder = (Path(next(iter(spec.submodule_search_locations or ())) or ".") / "dictionary"
              if spec else None)
    if folder is None or not (folder / "TSCharacters.txt").exists():
        log.warning("OpenCC data not found: traditional characters will not be folded")
        return {}
    steps: list[dict[str, str]] = []
    simplified: set[str] = set()  # every character some character folds to: never folded
    for name in _OPENCC_TABLES:
        step: dict[str, str] = {}
        try:
            lines = (folder / name).read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        for line in lines:
            source, _, targets = line.partition("\t")
            candidates = targets.split(" ")
            if name == "TSCharacters.txt":
                simplified.update(candidates)
            if len(source) == 1 and len(candidates[0]) == 1 and source != candidates[0]:
                step[source] = candidates[0]
        steps.append(step)
    table: dict[int, str] = {}
    for step in steps:  # 么 is simplified (麼 → 么), though Taiwan writes 幺 for it
        step = {k: v for k, v in step.items() if k not in simplified}
        # chain: a variant already mapped goes on through this step
        for code, folded in list(table.items()):
            table[code] = step.get(folded, folded)
        for src, dst in step.items():
            table.setdefault(ord(src), dst)
    return {k: v for k, v in table.items() if chr(k) != v}
