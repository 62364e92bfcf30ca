"""The fuzzy index finds exactly what scoring every pair would find: its filters only skip work."""

from __future__ import annotations

import random

import numpy
import pytest
from rapidfuzz import fuzz, process

from translate import fuzzy
from translate.fuzzy import MAX_LENGTH, FuzzyIndex

# Characters of very different frequency, so that the rarity order matters, with repeats in a sentence.
ALPHABET = "的是在和了发展建设推进改革党工委扫黑除恶六稳保放管服一二三"


def sentence(rng: random.Random, length: int) -> str:
    weights = [1 / (rank + 1) for rank in range(len(ALPHABET))]
    return "".join(rng.choices(ALPHABET, weights, k=length))


def edited(rng: random.Random, text: str, edits: int) -> str:
    chars = list(text)
    for _ in range(edits):
        at = rng.randrange(len(chars) + 1)
        kind = rng.choice("ids")
        if kind == "i" or not chars:
            chars.insert(at, rng.choice(ALPHABET + "乙丙"))  # 乙丙: in no indexed sentence
        elif kind == "d" and at < len(chars):
            del chars[at]
        elif at < len(chars):
            chars[at] = rng.choice(ALPHABET)
    return "".join(chars)


def every_pair(queries: list[str], sentences: list[str], threshold: float) -> list[set[tuple[int, float]]]:
    scores = process.cdist(queries, sentences, scorer=fuzz.ratio, score_cutoff=threshold, dtype=numpy.float64)
    return [
        {(int(i), float(row[i])) for i in numpy.flatnonzero(row) if sentences[i] != query}
        for query, row in zip(queries, scores)
    ]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_index_finds_every_unit_that_scoring_every_pair_finds_and_no_other(seed):
    rng = random.Random(seed)
    bases = [sentence(rng, rng.randint(1, 70)) for _ in range(400)]
    sentences = bases + [edited(rng, rng.choice(bases), rng.randint(1, 8)) for _ in range(1600)]
    queries = [edited(rng, rng.choice(bases), rng.randint(0, 15)) for _ in range(300)]
    index = FuzzyIndex(sentences, 75.0)

    found = index.search(queries, limit=len(sentences))

    expected = every_pair(queries, sentences, 75.0)
    assert sum(map(len, expected)) > 500  # the case is not trivial: many pairs reach 75%
    assert [set(hits) for hits in found] == expected
    for hits in found:  # best first
        assert [score for _, score in hits] == sorted((score for _, score in hits), reverse=True)


def test_a_unit_exactly_at_the_threshold_is_offered_and_one_just_below_is_not():
    sentences = ["推进改革发展", "推进改革发展建设", "推进改革发展建设党工"]
    # 6 of 6 characters in common with 8: 200 x 6 / 14 = 85.7; with 10: 75.0; with 11: 70.6
    found = FuzzyIndex(sentences + ["推进改革发展建设党工委"], 75.0).search(["推进改革发展"], limit=10)[0]
    assert [(sentences[i], round(score, 1)) for i, score in found] == [
        ("推进改革发展建设", 85.7),
        ("推进改革发展建设党工", 75.0),
    ]


def test_the_limit_keeps_the_best_and_an_equal_sentence_is_not_a_fuzzy_match():
    sentences = ["扫黑除恶专项斗争", "扫黑除恶专项斗争一", "扫黑除恶专项斗争一二", "扫黑除恶专项一二三"]
    found = FuzzyIndex(sentences, 75.0).search(["扫黑除恶专项斗争"], limit=2)[0]
    assert [sentences[i] for i, _ in found] == ["扫黑除恶专项斗争一", "扫黑除恶专项斗争一二"]


def test_empty_unknown_and_overlong_queries_get_nothing_and_do_not_fail():
    index = FuzzyIndex(["发展改革", "", "x" * (MAX_LENGTH + 1)], 75.0)
    assert index.search(["", "乙丙丁戊", "x" * (MAX_LENGTH + 1), "发展改革。"], limit=3) == [
        [],
        [],
        [],
        [(0, 88.88888888888889)],
    ]
    assert FuzzyIndex([], 75.0).search(["发展改革"], limit=3) == [[]]


def test_many_queries_are_searched_in_chunks_with_the_same_result(monkeypatch):
    rng = random.Random(7)
    sentences = [sentence(rng, rng.randint(5, 30)) for _ in range(300)]
    queries = [edited(rng, rng.choice(sentences), 2) for _ in range(50)]
    whole = FuzzyIndex(sentences, 75.0).search(queries, limit=5)
    monkeypatch.setattr(fuzzy, "_CHUNK", 7)
    assert FuzzyIndex(sentences, 75.0).search(queries, limit=5) == whole


def test_a_query_whose_like_units_are_all_too_far_apart_gets_nothing_and_does_not_fail():
    # Found by a new user: a one-line report against the seeds' memory, whose units of like length share
    # a token with it but not enough of them, left no pair to score (an IndexError before).
    from translate.tm_files import read_units

    from .paths import SEEDS

    sources = [unit.source for path in sorted(SEEDS.glob("*.tmx")) for unit in read_units(path, 2**24).units]
    assert FuzzyIndex(sources, 75.0).search(["2020年，完成了三项工作，GDP增长5%。"], limit=5) == [[]]
