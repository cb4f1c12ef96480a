"""Handwriting recognition (kiosk.handwriting): finding the model, normalising strokes, and
Zinnia with the Tegaki simplified-Chinese model on strokes made from characters' stroke
medians (tests/helpers/strokes). The engine's tests skip, saying why, where the library
or the model is not installed (Debian: libzinnia0, tegaki-zinnia-simplified-chinese)."""

from __future__ import annotations

import logging
import random

import pytest

from kiosk.handwriting.recognizer import (
    find_model,
    handwriting_available,
    normalise,
    open_recognizer,
)
from kiosk.handwriting.zinnia import ZinniaRecognizer, find_library
from tests.helpers.strokes import characters, medians, pad_strokes, written_strokes

MODEL = find_model("")
LIBRARY = find_library()
needs_zinnia = pytest.mark.skipif(
    MODEL is None or LIBRARY is None,
    reason="no Zinnia handwriting recogniser here (apt-get install libzinnia0 "
           "tegaki-zinnia-simplified-chinese)",
)


@pytest.fixture(scope="module")
def zinnia():
    recognizer = open_recognizer("")
    assert recognizer is not None
    yield recognizer
    assert isinstance(recognizer, ZinniaRecognizer)
    recognizer.close()


def top(recognizer, strokes, n=5):
    return [c.text for c in recognizer.recognize(strokes, n)]


# -- without an engine ---------------------------------------------------------------


def test_off_means_no_model_and_no_pad():
    assert find_model("off") is None and find_model(" OFF ") is None
    assert not handwriting_available("off")
    assert open_recognizer("off") is None


def test_a_named_model_that_is_not_there_is_none(tmp_path, caplog):
    missing = tmp_path / "nowhere.model"
    assert find_model(str(missing)) is None
    assert not handwriting_available(str(missing))
    with caplog.at_level(logging.INFO, logger="kiosk.handwriting"):
        assert open_recognizer(str(missing)) is None
    assert "pad is not offered" in caplog.text


def test_a_named_model_that_is_there_is_used(tmp_path):
    model = tmp_path / "mine.model"
    model.write_bytes(b"x")
    assert find_model(str(model)) == model


@pytest.mark.skipif(LIBRARY is None, reason="the Zinnia library (libzinnia0) is not installed")
def test_a_broken_model_file_is_refused_cleanly(tmp_path, caplog):
    broken = tmp_path / "broken.model"
    broken.write_bytes(b"not a zinnia model" * 10)
    with caplog.at_level(logging.WARNING, logger="kiosk.handwriting"):
        assert open_recognizer(str(broken)) is None
    assert "cannot be opened" in caplog.text


# -- normalising -------------------------------------------------------------------------


def test_normalise_fills_the_box_whatever_the_size_and_place():
    big = [[(100.0, 300.0), (500.0, 300.0)], [(300.0, 100.0), (300.0, 500.0)]]
    small = [[(x / 4 + 400, y / 4 + 20) for x, y in s] for s in big]
    assert normalise(big) == normalise(small)
    xs = [x for s in normalise(big) for x, _ in s]
    assert min(xs) == 150 and max(xs) == 850  # 15 % margin of a 1000 box


def test_normalise_keeps_the_shape_and_drops_empty_strokes():
    flat = normalise([[(0, 0), (100, 0)], []])
    assert flat == [[(150, 500), (850, 500)]]  # a horizontal stays flat, centred
    assert normalise([]) == [] and normalise([[]]) == []
    assert normalise([[(7, 7)]]) == [[(500, 500)]]


def test_stroke_helpers_are_in_writing_order():
    assert len(characters()) >= 300
    assert [len(medians()[c]) for c in "一二十人口大"] == [1, 2, 2, 2, 3, 3]
    # 十: the horizontal first, then the vertical
    first, second = pad_strokes("十")
    assert abs(first[0][1] - first[-1][1]) < abs(first[0][0] - first[-1][0])
    assert abs(second[0][0] - second[-1][0]) < abs(second[0][1] - second[-1][1])


# -- Zinnia ------------------------------------------------------------------------------


@needs_zinnia
@pytest.mark.parametrize("char", list("一二十口大"))
def test_simple_characters_come_first(zinnia, char):
    assert top(zinnia, pad_strokes(char), 1) == [char]


@needs_zinnia
def test_ren_comes_second_after_ru(zinnia):
    """人 and 入 differ only in which stroke stands higher: the model puts 入 first for
    these medians, and 人 right after it (the resident sees both)."""
    assert top(zinnia, pad_strokes("人"), 2) == ["入", "人"]


@needs_zinnia
def test_no_strokes_no_candidates(zinnia):
    assert zinnia.recognize([]) == [] and zinnia.recognize([[]]) == []
    assert zinnia.recognize(pad_strokes("十"), 0) == []


@needs_zinnia
def test_candidates_are_ranked_and_limited(zinnia):
    found = zinnia.recognize(pad_strokes("社"), 8)
    assert 1 <= len(found) <= 8
    scores = [c.score for c in found]
    assert scores == sorted(scores, reverse=True)


@needs_zinnia
def test_most_catalogue_characters_are_among_the_first_five(zinnia):
    """A floor under the benchmark's figures (tests/bench/bench_handwriting.py: 87 % neat,
    84 % hurried among the first five), on every third character to stay quick."""
    sample = characters()[::3]
    rng = random.Random(15)
    neat = sum(c in top(zinnia, pad_strokes(c)) for c in sample) / len(sample)
    hurried = sum(c in top(zinnia, written_strokes(c, 600, rng)) for c in sample) / len(sample)
    assert neat >= 0.8, f"neat strokes: {neat:.0%} among the first five"
    assert hurried >= 0.75, f"hurried strokes: {hurried:.0%} among the first five"


@needs_zinnia
def test_written_small_in_a_corner_is_read_as_well(zinnia):
    strokes = [[(x / 3 + 380, y / 3 + 390) for x, y in s] for s in pad_strokes("社")]
    assert "社" in top(zinnia, strokes, 3)


@needs_zinnia
def test_a_closed_recognizer_refuses(tmp_path):
    recognizer = ZinniaRecognizer(MODEL)
    recognizer.close()
    recognizer.close()  # twice is harmless
    from kiosk.handwriting.recognizer import RecognizerMissing

    with pytest.raises(RecognizerMissing):
        recognizer.recognize(pad_strokes("十"))
