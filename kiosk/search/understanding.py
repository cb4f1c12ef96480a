"""Queries as residents say them: "我的身份证掉了怎么办", "外地看病", "社宝卡", "lost ID
card", "shebaoak". The ranking tiers (kiosk.search.tiers) match what catalogues hold;
this matches what a query *means*, for the matters those tiers did not find.

A query is cut into *concepts*, left to right, longest dictionary word first
(kiosk.search.lexicon): filler (我想, 怎么办, 的 …) is dropped; a dictionary word stands
for itself and what it may mean (掉了 → 丢了 / 遗失 / 补领 …); the rest, run by run, stands
for itself (身份证, 社宝卡). An English query is cut into words the same way.

A matter's *coverage* is the share of the query's concepts its Chinese name and aliases
hold, each concept weighing its length (a run: the characters the catalogue holds at
all; an English word: more the rarer it and what it may mean are, so "restaurant" says
more than "open"):

=========  ===================================================================  ======
``why``    a concept counts when the matter's texts hold …                      worth
=========  ===================================================================  ======
synonym    the word itself, or what the dictionary says it may mean             1
homophone  a run that sounds like them (社宝卡 ~ 社保卡 by the catalogue's       0.9
           syllables), or a run that sounds like a dictionary word (医宝卡 is
           医保卡, which then counts as that word)                              (1)
overlap    half or more of a run's characters, two at least, in any order, with  share
           two of them side by side or one that is not common (证, 办, 登记 …
           alone match nothing)
=========  ===================================================================  ======

The ``why`` names the kind (homophone over synonym over overlap, "overlap" also when
every word is held as typed but apart) and each concept: "synonym: 身份证 + 掉了→丢了".
English concepts count at word starts of the English name and aliases (lost → replace,
licence ⇄ license). The score is ``10 + 28 × coverage`` (so 24–38: below every tier of
the query as typed), for a coverage of at least one half. A pinyin query of six letters
or more that is one typo away from the start of a name's or alias's pinyin
(kiosk.search.typos) scores 34.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from kiosk.search.lexicon import Lexicon, Words
from kiosk.search.sounds import Sounds, syllables, units
from kiosk.search.spelling import SEP, Spelling
from kiosk.search.typos import TypoIndex
from kiosk.search.words import english_words

_HAN = re.compile("[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
#: concepts looked at, characters looked at: a pasted essay costs no more than a sentence
_MAX_CONCEPTS, _MAX_CHARS = 8, 40
#: candidates read from one posting list: the most used matters come first in it
_POSTING_CAP = 1000
MIN_COVERAGE = 0.5
#: a character held by more than this share of the matters (and this many) is common
_COMMON_SHARE, _COMMON_AT_LEAST = 0.08, 5
TYPO_SCORE = 34


def band(coverage: float) -> int:
    return 10 + round(28 * coverage)


@dataclass(frozen=True, slots=True)
class Concept:
    said: str
    #: ``said`` first, then what the dictionary says it may mean
    alternatives: tuple[str, ...]
    #: a run not in the dictionary (homophones and partial overlap apply)
    free: bool
    weight: float
    #: what was typed, when ``said`` is the dictionary word it sounds like (医宝卡 → 医保卡)
    heard: str = ""


def cut(q: str, words: Words) -> list[Concept]:
    """The concepts of a normalised Chinese query, filler dropped."""
    out: list[Concept] = []
    run = ""
    longest = words.longest
    means, drop = words.means, words.drop

    def flush() -> None:
        nonlocal run
        if run:
            out.append(Concept(run, (run, *means.get(run, ())), free=True, weight=len(run)))
            run = ""

    i = 0
    while i < len(q):
        for size in range(min(longest, len(q) - i), 0, -1):
            word = q[i:i + size]
            if word in means or word in drop:
                break
        else:
            run += q[i]
            i += 1
            continue
        flush()
        if word in means and word not in drop:
            out.append(Concept(word, (word, *means[word]), free=False, weight=len(word)))
        i += size
    flush()
    return out[:_MAX_CONCEPTS]


def _stems(word: str) -> tuple[str, ...]:
    for end in ("ing", "ed", "es", "s"):
        if word.endswith(end) and len(word) - len(end) >= 3:
            return (word[: -len(end)],)
    return ()


def english_concepts(query: str, words: Words) -> list[Concept]:
    out = []
    for word in english_words(query)[:_MAX_CONCEPTS]:
        if word in words.drop:
            continue
        alts = dict.fromkeys((word, *words.means.get(word, ()), *_stems(word)))
        out.append(Concept(word, tuple(alts), free=False, weight=1.0))
    return out


class Understanding:
    """Built with the index (:meth:`add` per matter, then :meth:`done`); asked by
    :meth:`collect` for what the tiers did not find."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.sounds = Sounds()
        self.typos = TypoIndex()
        self._zh: dict[int, str] = {}
        self._syllables: dict[int, str] = {}
        self._en: dict[int, str] = {}
        self._by_char: defaultdict[str, list[int]] = defaultdict(list)
        self._by_syllable: defaultdict[str, list[int]] = defaultdict(list)
        self._by_word: defaultdict[str, list[int]] = defaultdict(list)
        #: how many matters have each whole English word
        self._word_count: defaultdict[str, int] = defaultdict(int)
        #: the matters holding each word of the dictionary (made by :meth:`done`)
        self._terms: dict[str, tuple[int, ...]] = {}
        self._en_terms: dict[str, tuple[int, ...]] = {}
        #: characters too many matters hold to make an overlap on their own (证, 办, 登记)
        self._common: frozenset[str] = frozenset()
        self._common_at: float = _COMMON_AT_LEAST
        self._anchor_cache: dict[str, list[str]] = {}
        #: the dictionary's words by sound, "|yi|bao|ka|" → 医保卡 (:meth:`learn_words`)
        self._word_sounds: dict[str, str] = {}

    def add(self, rank: int, texts: dict[str, Spelling], english: Iterable[str]) -> None:
        """``texts``: the matter's normalised Chinese name and aliases, with spellings."""
        for text, spelling in texts.items():
            self.sounds.learn(text, spelling)
            self.typos.add(rank, spelling.pinyin, text)
        zh = SEP.join(texts)
        self._zh[rank] = zh
        said = syllables(texts.values())
        self._syllables[rank] = said
        for char in set(zh) - {SEP}:
            self._by_char[char].append(rank)
        for syllable in set(said.split("|")):
            self._by_syllable[syllable].append(rank)
        words = [w for text in english for w in english_words(text)]
        self._en[rank] = " " + " ".join(words)
        for word in {w[:3] for w in words}:
            self._by_word[word].append(rank)
        for word in set(words):
            self._word_count[word] += 1

    def learn_words(self, spell: Callable[[str], Spelling]) -> None:
        """How the dictionary's Chinese words sound (spelt as the index spells, so from
        the spelling cache when it holds them: no pypinyin at start-up), for homophones
        of dictionary words (医宝卡 → 医保卡)."""
        words = self.lexicon.zh.means
        self._word_sounds = {}
        for word in sorted({w for key, said in words.items() for w in (key, *said)}):
            if len(word) >= 2 and all(map(_HAN.match, word)):
                spelling = spell(word)
                self.sounds.learn(word, spelling)
                if word in words:
                    self._word_sounds.setdefault("|" + "|".join(units(spelling)) + "|", word)

    def done(self) -> None:
        self.typos.done()
        self._common_at = common = max(_COMMON_AT_LEAST, _COMMON_SHARE * len(self._zh))
        self._common = frozenset(c for c, ranks in self._by_char.items() if len(ranks) > common)
        for words, terms, chinese in ((self.lexicon.zh, self._terms, True),
                                      (self.lexicon.en, self._en_terms, False)):
            vocabulary = {w for word, said in words.means.items() for w in (word, *said)}
            for word in sorted(vocabulary):
                terms[word] = tuple(self._containing(word, chinese, cap=None))

    # --- asking -------------------------------------------------------------------

    def collect(self, query: str, q: str, need: int, seen: set[int]) -> list[tuple[int, int, str]]:
        """Up to ``need`` matters not in ``seen``, best first: (rank, score, why).
        ``query`` as typed (traditional folded), ``q`` normalised."""
        best: dict[int, tuple[int, str]] = {}
        if _HAN.search(q):
            concepts = [self._respell(c) for c in cut(q[:_MAX_CHARS], self.lexicon.zh)]
            self._score(concepts, seen, best, True, need)
        else:
            self._score(self._weighed(english_concepts(query[:200], self.lexicon.en)), seen, best,
                        False, need)
            for rank, (text, key) in self.typos.find(q[:_MAX_CHARS], need).items():
                if rank not in seen and best.get(rank, (0, ""))[0] < TYPO_SCORE:
                    best[rank] = (TYPO_SCORE, f"typo: {q} ~ {key} ({text})")
        ordered = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))
        return [(rank, score, why) for rank, (score, why) in ordered[:need]]

    def evidence(self, query: str, q: str) -> dict[int, float]:
        """Every matter's share of the query however small, single characters counting
        too: where to send a resident whose query found nothing (SearchIndex.leads)."""
        if _HAN.search(q):
            concepts = [self._respell(c) for c in cut(q[:_MAX_CHARS], self.lexicon.zh)]
            concepts += [Concept(c, (c,), False, 0.5)
                         for free in concepts if free.free for c in dict.fromkeys(free.said)]
            chinese = True
        else:
            concepts = self._weighed(english_concepts(query[:200], self.lexicon.en))
            chinese = False
        if not concepts:
            return {}
        patterns = {c.said: self.sounds.patterns(c.said)
                    for c in concepts if chinese and c.free and len(c.said) >= 2}
        total = sum(c.weight for c in concepts)
        return {r: got / total for r, got in self._coverage(concepts, patterns, chinese).items()}

    def _respell(self, concept: Concept) -> Concept:
        """A run that sounds like a dictionary word is that word (医宝卡 → 医保卡); a run
        weighs as many of its characters as the catalogue holds at all."""
        if not concept.free:
            return concept
        said = concept.said
        if len(said) >= 2 and _HAN.search(said):
            for pattern in self.sounds.patterns(said):
                like = self._word_sounds.get(pattern)
                if like is not None:
                    return Concept(like, (like, *self.lexicon.zh.means[like]), free=False,
                                   weight=len(like), heard=said)
        known = sum(c in self._by_char for c in said)
        return Concept(said, concept.alternatives, True, max(known, 1))

    def _weighed(self, concepts: list[Concept]) -> list[Concept]:
        """English words weigh by rarity, with what they may mean: "restaurant" says
        more than "open" (register, set up …); a word no matter has weighs least."""
        n = len(self._en) + 1
        out = []
        for c in concepts:
            df = sum(self._word_count.get(a, 0) for a in c.alternatives)
            out.append(Concept(c.said, c.alternatives, c.free,
                               1 + math.log(n / (1 + df)) if df else 1.0))
        return out

    def _containing(self, alt: str, chinese: bool, cap: int | None = _POSTING_CAP,
                    ) -> Sequence[int]:
        """The matters whose texts hold ``alt`` (Chinese anywhere, English at a word's
        start), most used first: precomputed for the dictionary's words, else read off
        the postings (the ``cap`` most used candidates)."""
        known = self._terms.get(alt) if chinese else self._en_terms.get(alt)
        if known is not None:
            return known
        if chinese:
            lists = [self._by_char.get(c, ()) for c in alt]
            docs, needle = self._zh, alt
        else:
            lists = [self._by_word.get(alt[:3], ())]
            docs, needle = self._en, " " + alt
        return [r for r in min(lists, key=len)[:cap] if needle in docs[r]]

    def _coverage(self, concepts: list[Concept], patterns: dict[str, tuple[str, ...]],
                  chinese: bool) -> dict[int, float]:
        """Every matter's share of the concepts (weighted), from the postings: the same
        figure :meth:`_explain` gives for one matter, for all at once. (Measured against
        visiting only the matters found so far for very common concepts: this plain
        sum had the lower p95 at 20,000 matters, with the same top 3.)"""
        got: dict[int, float] = {}
        for concept in concepts:
            quality: dict[int, float] = {}
            if chinese and concept.free and len(concept.said) >= 2:
                chars = set(concept.said)
                least = max(2, len(chars) / 2)
                zh = self._zh
                candidates = {r for anchor in self._anchors(concept.said)
                              for r in self._containing(anchor, True)[:_POSTING_CAP]}
                for r in sorted(candidates)[:_POSTING_CAP]:  # the most used
                    held = sum(c in zh[r] for c in chars)
                    if held >= least:
                        quality[r] = held / len(chars)
                for pattern in patterns.get(concept.said, ()):
                    lists = [self._by_syllable.get(x, ()) for x in pattern.strip("|").split("|")]
                    syl = self._syllables
                    quality.update((r, 0.9) for r in min(lists, key=len)[:_POSTING_CAP]
                                   if pattern in syl[r])
            for alt in concept.alternatives:
                quality.update(dict.fromkeys(self._containing(alt, chinese), 1.0))
            w = concept.weight
            for r, q in quality.items():
                got[r] = got.get(r, 0.0) + q * w
        return got

    def _anchors(self, run: str) -> list[str]:
        """What a matter must hold for an overlap with ``run``: two of its characters
        side by side that not too many matters hold (登记 is not enough), or one
        character that is not common."""
        found = self._anchor_cache.get(run)
        if found is None:
            if len(self._anchor_cache) > 1000:
                self._anchor_cache.clear()
            pairs = dict.fromkeys(run[i:i + 2] for i in range(len(run) - 1))
            found = [p for p in pairs if len(self._containing(p, True)) <= self._common_at]
            found += sorted(set(run) - self._common)
            self._anchor_cache[run] = found
        return found

    def _explain(self, rank: int, concepts: list[Concept], patterns: dict[str, tuple[str, ...]],
                 chinese: bool) -> str:
        """Why a matter came up: each concept it holds, and how."""
        doc = self._zh[rank] if chinese else self._en[rank]
        notes, kind = [], "overlap"
        for concept in concepts:
            alt = next((a for a in concept.alternatives if (a if chinese else " " + a) in doc), None)
            if alt is not None:
                notes.append(concept.said if alt == concept.said else f"{concept.said}→{alt}")
                if concept.heard:
                    notes[-1] = f"{concept.heard}~{notes[-1]}"
                    kind = "homophone"
                elif alt != concept.said and kind == "overlap":
                    kind = "synonym"
            elif any(p in self._syllables[rank] for p in patterns.get(concept.said, ())):
                notes.append(f"{concept.said}~{''.join(patterns[concept.said][0].split('|'))}")
                kind = "homophone"
            elif chinese and concept.free and len(concept.said) >= 2:
                chars = set(concept.said)
                held = sum(c in doc for c in chars)
                if held >= max(2, len(chars) / 2) and any(
                        anchor in doc for anchor in self._anchors(concept.said)):
                    share = held / len(chars)
                    notes.append(f"{concept.said}({round(share * 100)}%)")
        return f"{kind}: {' + '.join(notes)}"

    def _score(self, concepts: list[Concept], seen: set[int], best: dict[int, tuple[int, str]],
               chinese: bool, need: int) -> None:
        if not concepts:
            return
        patterns = {c.said: self.sounds.patterns(c.said)
                    for c in concepts if chinese and c.free and len(c.said) >= 2}
        least = MIN_COVERAGE * sum(c.weight for c in concepts)
        total = sum(c.weight for c in concepts)
        scored = [(-band(got / total), r) for r, got in
                  self._coverage(concepts, patterns, chinese).items()
                  if got >= least and r not in seen]
        for minus_score, rank in heapq.nsmallest(need, scored):
            best[rank] = (-minus_score, self._explain(rank, concepts, patterns, chinese))

