"""Fuzzy search of a translation memory: every unit at least 75% like a sentence, fast.

The similarity is rapidfuzz's ``fuzz.ratio``, character-level: 200 x LCS / (n + m)
for a sentence of n characters and a unit of m.  Scoring every unit of like
length costs tens of millions of pairs for a 100,000-unit memory, so the
index first finds the few units that *can* reach the threshold, by the
prefix and positional filters of PPJoin (Xiao et al., "Efficient similarity
joins for near duplicate detection", 2008), and scores only those:

- A sentence is a set of tokens (character, k-th occurrence), so the size of
  the intersection of two sets is the number of characters the two have in
  common, counted with repetition: an upper bound of their LCS.
- A ratio of t% needs an LCS of at least t/200 x (n + m) characters, and so
  (with m >= n x t/(200 - t)) a common part of at least 0.6 x n for each side at
  75%.  Order the tokens of every set rarest first: two sets with that much in
  common share a token among the first n - ceil(0.6 n) + 1 of each (the
  prefix).  Only prefixes are indexed, and only the units of a matching
  length are probed.
- The first token two sentences share, at positions i and j of their rarity
  orders, bounds what they have in common by min(n - i, m - j).  A token whose
  bound falls short of the LCS the pair needs is not followed; so a token late
  in the sentence's prefix probes only shorter units.

The filters never drop a unit that meets the threshold (a test checks the
result against scoring every pair).  Sentences longer than
``MAX_LENGTH`` characters (two pages of Chinese; a segment is a sentence) are
left out, so that a token and its place pack into 64-bit keys.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy
from rapidfuzz import fuzz, process

from foundation.cpus import usable_cpus

MAX_LENGTH = 4095  # characters; a k-th occurrence fits 12 bits
_CHUNK = 512  # sentences searched at once: about 3 million probes, 200 MB, for a 100,000-unit memory


def _min_common(lengths: numpy.ndarray, threshold: float) -> numpy.ndarray:
    """Per set of n tokens, the least number of tokens it must share with a set of any length."""
    share = threshold / (200 - threshold)  # the shortest partner, as a fraction of the longer
    return numpy.ceil(lengths * (threshold / 200) * (1 + share) - 1e-9).astype(numpy.int64)


class FuzzyIndex:
    """The prefixes of a list of sentences, for finding the ones like a query."""

    def __init__(self, sentences: list[str], threshold: float = 75.0):
        self.threshold = threshold
        self.sentences = sentences
        lengths = numpy.fromiter(map(len, sentences), dtype=numpy.int64, count=len(sentences))
        indexed = numpy.flatnonzero((lengths > 0) & (lengths <= MAX_LENGTH))
        self._ids = indexed[numpy.argsort(lengths[indexed], kind="stable")]  # shortest first
        self._lengths = lengths[self._ids]
        ordered = [sentences[i] for i in self._ids]
        self._ordered = numpy.array(ordered + [""], dtype=object)[:-1]  # "" keeps it one-dimensional
        codes = _codes(ordered)
        # Characters ranked rarest first, from 1; those no sentence has are 0 (they have no postings).
        # Ranks above 20 bits would merge, which only lets more pairs through: never more than the
        # 155,000 characters Unicode assigns are in use.
        counts = numpy.bincount(codes, minlength=0x110000)
        present = numpy.flatnonzero(counts)
        self._char_rank = numpy.zeros(0x110000, numpy.int64)
        self._char_rank[present[numpy.argsort(counts[present], kind="stable")]] = numpy.minimum(
            numpy.arange(1, len(present) + 1), (1 << 20) - 1
        )
        rank, owner, position = self._prefixes(codes, self._lengths)
        self._postings = (rank << 31) | owner  # sorted: by token, then by length
        order = numpy.argsort(self._postings, kind="stable")
        self._postings, self._positions = self._postings[order], position[order]

    def _prefixes(self, codes: numpy.ndarray, lengths: numpy.ndarray):
        """For sentences given as their concatenated code points: each one's rarest tokens, as
        (token rank, sentence, position in rarity order)."""
        owner = numpy.repeat(numpy.arange(len(lengths), dtype=numpy.int64), lengths)
        # each sentence's characters, rarest first, equal ones side by side: the k-th of a run is its
        # k-th occurrence, and (character, k) its token
        by_rank = numpy.sort((owner << 32) | (self._char_rank[codes] << 12))
        owner, rank = by_rank >> 32, (by_rank & 0xFFFFFFFF) | _run_positions(by_rank)
        starts = numpy.concatenate(([0], numpy.cumsum(lengths)[:-1]))
        position = numpy.arange(len(rank)) - starts[owner]
        keep = position < (lengths - _min_common(lengths, self.threshold) + 1)[owner]
        return rank[keep], owner[keep], position[keep]

    def search(self, queries: list[str], limit: int) -> list[list[tuple[int, float]]]:
        """For each query, up to ``limit`` (sentence index, similarity) at or above the threshold, best
        first; a sentence equal to the query is not a fuzzy match and is left out."""
        found: list[list[tuple[int, float]]] = [[] for _ in queries]
        if not len(self._ids):
            return found
        for start in range(0, len(queries), _CHUNK):
            chunk = queries[start : start + _CHUNK]
            for offset, hits in self._search_chunk(chunk, limit).items():
                found[start + offset] = hits
        return found

    def _search_chunk(self, queries: list[str], limit: int) -> dict[int, list[tuple[int, float]]]:
        lengths = numpy.fromiter(map(len, queries), dtype=numpy.int64, count=len(queries))
        usable = numpy.flatnonzero((lengths > 0) & (lengths <= MAX_LENGTH))
        if not len(usable):
            return {}
        n = lengths[usable]
        rank, query, position = self._prefixes(_codes([queries[i] for i in usable]), n)
        n = n[query]
        # A unit can match only if it is of like length and, when this token is the first one the two
        # share, the tokens from here on can still make the common part it needs: later tokens probe
        # only shorter units.
        ratio = self.threshold / 200
        share = ratio / (1 - ratio)
        shortest = numpy.ceil(n * share - 1e-9)
        longest = numpy.floor(numpy.minimum(n / share, (n - position) / ratio - n) + 1e-9)
        low = numpy.searchsorted(self._postings, (rank << 31) | numpy.searchsorted(self._lengths, shortest))
        high = numpy.searchsorted(
            self._postings, (rank << 31) | numpy.searchsorted(self._lengths, longest, side="right")
        )
        sizes = numpy.maximum(high - low, 0)
        total = int(sizes.sum())
        if not total:
            return {}
        at = numpy.repeat(low - numpy.concatenate(([0], numpy.cumsum(sizes)[:-1])), sizes) + numpy.arange(total)
        unit = self._postings[at] & 0x7FFFFFFF
        query, n, position = numpy.repeat(query, sizes), numpy.repeat(n, sizes), numpy.repeat(position, sizes)
        m = self._lengths[unit]
        needed = numpy.ceil((n + m) * ratio - 1e-9)
        viable = numpy.minimum(n - position, m - self._positions[at]) >= needed
        pair = numpy.sort((query[viable] << 31) | unit[viable])
        if not len(pair):  # units of like length share a token, but none enough of them: nothing to score
            return {}
        pair = pair[numpy.concatenate(([True], pair[1:] != pair[:-1]))]
        query, unit = pair >> 31, pair & 0x7FFFFFFF
        return self._score(queries, usable, query, unit, limit)

    def _score(self, queries, usable, query, unit, limit) -> dict[int, list[tuple[int, float]]]:
        """Score each query against its remaining units (one rapidfuzz call per query, so that the
        query is prepared once), on every CPU the process may use."""
        bounds = numpy.searchsorted(query, numpy.arange(len(usable) + 1))

        def best(q: int) -> tuple[int, list[tuple[int, float]]]:
            text, units = queries[usable[q]], unit[bounds[q] : bounds[q + 1]]
            scores = process.cdist(
                [text], self._ordered[units], scorer=fuzz.ratio, score_cutoff=self.threshold, dtype=numpy.float64
            )[0]
            hits = numpy.flatnonzero(scores)
            ranked = sorted((-float(scores[h]), int(units[h])) for h in hits if self._ordered[units[h]] != text)
            return int(usable[q]), [(int(self._ids[u]), -score) for score, u in ranked[:limit]]

        with ThreadPoolExecutor(usable_cpus()) as pool:
            return {q: hits for q, hits in pool.map(best, numpy.flatnonzero(numpy.diff(bounds))) if hits}


def _codes(sentences: list[str]) -> numpy.ndarray:
    """The sentences' code points, one after another."""
    return numpy.frombuffer("".join(sentences).encode("utf-32-le"), dtype=numpy.uint32).astype(numpy.int64)


def _run_positions(values: numpy.ndarray) -> numpy.ndarray:
    """For a sorted array, each element's place among the equal elements before it: 0, 1, 2…"""
    index = numpy.arange(len(values))
    first = numpy.ones(len(values), dtype=bool)
    first[1:] = values[1:] != values[:-1]
    return index - numpy.maximum.accumulate(numpy.where(first, index, 0))
