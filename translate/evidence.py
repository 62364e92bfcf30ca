"""Evidence for glossary entries from parallel text: how official or human English renders each
entry where it occurs, and what it says instead where it says neither the preferred nor an admitted
rendering.

Parallel text comes from TMX, XLIFF (1.2 or 2.x), CSV with zh and en columns (rows of one paragraph,
as the dev set's ``年度文件内行号`` numbers them, are taken together: its pairing inside a paragraph
is sometimes shifted by a sentence) or the human units of a translation memory.

For each entry found in the Chinese (matched as QA matches it; the costly word-boundary check runs
only on the occurrences whose English renders the entry in no accepted form, since only those count
against it), the report gives how often the preferred rendering and each admitted one stand in the
English (in any English form, as QA finds them), how often neither does, the segments, and candidate
renderings: word sequences of one to six words that recur in the English of the occurrences that
say neither (in half of two or more distinct texts) and are rare elsewhere (a third or more of all their
occurrences are the entry's), best first by coverage times that specificity.  Entries whose preferred
rendering stands in under half their occurrences come first: they are what a reviewer looks at first.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

import ahocorasick

from foundation.collector import collector_paused
from foundation.errors import UserError
from foundation.files import read_bytes
from glossary.entry import Entry
from glossary.eras import accepted_renderings
from glossary.match import TermMatcher
from glossary.store import Glossary
from translate.memory import TranslationMemory
from translate.normalize import normalize
from translate.occasion import inferred_kind, stated_year
from translate.qa.english import (
    ARTICLES,
    noun_forms,
    rendering_forms,
    renders,
    searchable,
    verb_forms,
    without_longer,
)
from translate.tm_files import CSV_COLUMNS, column, read_csv, read_units

PARAGRAPH_COLUMNS = ("paragraph", "年度文件内行号")
REVIEW_FIRST_BELOW = 0.5  # preferred rendering in under half the occurrences: look at it first
PREFER_AFTER = 2  # occurrences, all of one admitted rendering, before it is suggested as the preferred
_ABBREVIATION_ONLY = re.compile(r"[A-Z][A-Za-z0-9&.]*[A-Z0-9&.]s?")  # CPPCC, R&D, SOEs: no long form
MINED_OCCURRENCES = 200  # distinct English texts an entry's candidates are mined from, at most (evenly spread)
MAX_WORDS = 6  # the longest candidate, in words ("Party Working Committee of the subdistrict")
SPREAD_SAMPLE = 20_000  # texts a candidate's spread over the whole text is estimated from
SPECIFIC = 1 / 3  # a candidate's occurrences that must be the entry's: rare elsewhere
MIN_MINED = 2  # the English of one occurrence alone suggests nothing
_STOPWORDS = frozenset(
    "the a an and or of to in on for with by at from as is are was were be been this that these those its their "
    "our we it will also more all such other which who has have had not but into than through over under about "
    "up out so can should must make made new further well both each".split()
)
_WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*")
_WORDS_ONLY = re.compile(r"[^a-z'-]+")  # what lies between words, as one space


@dataclass(frozen=True, slots=True)  # slots: 100,000 of them, and no dict each for the collector to visit
class Pair:
    source: str  # the Chinese, normalised
    target: str  # the English
    where: str  # the file and segment (or row, or paragraph) it came from
    year: int | None = None  # the text's year, where the file says it: a CSV's year column, or its name
    kind: str = ""  # the kind of document its file plainly is (``translate.occasion``), or ""


@dataclass(slots=True)
class Occurrence:
    pair: Pair
    found: str  # the rendering the English has, "" for neither
    span: tuple[int, int] = (0, 0)  # where the term stands in the Chinese


@dataclass(frozen=True)
class CandidateRendering:
    text: str
    coverage: float  # share of the English texts saying neither rendering that have it
    specificity: float  # share of its occurrences in the whole text that are the entry's


@dataclass
class EntryEvidence:
    entry: Entry
    occurrences: list[Occurrence] = field(default_factory=list)
    candidates: list[CandidateRendering] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.occurrences)

    @property
    def preferred(self) -> int:
        return sum(1 for o in self.occurrences if o.found and o.found == self.entry.en)

    @property
    def admitted(self) -> dict[str, int]:
        counts = Counter(o.found for o in self.occurrences if o.found and o.found != self.entry.en)
        return {rendering: counts[rendering] for rendering in self.entry.admitted if counts[rendering]}

    @property
    def neither(self) -> int:
        return sum(1 for o in self.occurrences if not o.found)

    @property
    def preferred_share(self) -> float:
        return self.preferred / self.count if self.count else 0.0

    @property
    def suggested_preferred(self) -> str:
        """The admitted rendering to make preferred, or "": the one the English has at every occurrence
        (at least ``PREFER_AFTER``) while the preferred stands at none. The preferred is what MT is
        given, so it follows the usage of the parallel text (the latest official English). An
        abbreviation or a short form (words of the preferred only: "computing" for "computing power") is
        not suggested: the long form stays preferred, as its first mention."""
        if self.count < PREFER_AFTER or self.preferred or self.neither or len(self.admitted) != 1:
            return ""
        (rendering,) = self.admitted
        short = set(rendering.lower().split()) < set(self.entry.en.lower().split())
        return "" if short or _ABBREVIATION_ONLY.fullmatch(rendering) else rendering

    def as_json(self, examples: int) -> dict:
        return {
            "zh": self.entry.zh,
            "en": self.entry.en,
            "status": str(self.entry.status),
            "occurrences": self.count,
            "preferred": self.preferred,
            "admitted": self.admitted,
            "neither": self.neither,
            "preferred_share": round(self.preferred_share, 3),
            "suggested_preferred": self.suggested_preferred,
            "candidates": [
                {"text": c.text, "coverage": round(c.coverage, 3), "specificity": round(c.specificity, 3)}
                for c in self.candidates
            ],
            "segments": [
                {"where": o.pair.where, "source": o.pair.source, "target": o.pair.target, "found": o.found}
                for o in sorted(self.occurrences, key=lambda o: bool(o.found))[:examples]
            ],
        }


def _paragraph_csv(data: bytes, label: Path) -> list[Pair] | None:
    """A zh,en CSV whose rows are numbered by paragraph, as one pair per paragraph; None if it has no such column."""
    header, rows = read_csv(data, label)
    if not header:
        return []
    paragraph = column(header, PARAGRAPH_COLUMNS)
    zh, en = column(header, CSV_COLUMNS["zh"]), column(header, CSV_COLUMNS["en"])
    if paragraph is None or zh is None or en is None:
        return None
    grouped: dict[str, list[list[str]]] = defaultdict(list)
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue  # a blank line, as a memory's CSV reads it
        if len(row) <= max(paragraph, zh, en):
            raise UserError(f"expected {len(header)} columns", label, number)
        grouped[row[paragraph].strip()].append(row)
    return [
        Pair(
            normalize("".join(r[zh].strip() for r in group)),
            " ".join(r[en].strip() for r in group),
            f"{label.name} ¶{key}",
        )
        for key, group in grouped.items()
    ]


def _row_years(data: bytes, label: Path) -> dict[str, int]:
    """A CSV's year column, by row number as its units are numbered; empty if it has none."""
    header, rows = read_csv(data, label)
    at = column(header, ("year", "年份"))
    if at is None:
        return {}
    years = {str(number): stated_year(row[at]) for number, row in enumerate(rows, start=2) if len(row) > at}
    return {number: year for number, year in years.items() if year}


def read_pairs(paths: list[Path], memory: TranslationMemory | None, max_input_bytes: int) -> list[Pair]:
    """The parallel text of these files and of the memory's human units, with each file's year (a CSV's
    year column, else the one its name states) and the kind of document it plainly is."""
    pairs: list[Pair] = []
    for path in paths:
        grouped: list[Pair] | None = None
        years: dict[str, int] = {}
        if path.suffix.lower() == ".csv":
            data = read_bytes(path, max_input_bytes)
            grouped, years = _paragraph_csv(data, path), _row_years(data, path)
        found = grouped
        if found is None:
            found = [
                Pair(u.source, u.target, f"{path.name}#{u.segment}" if u.segment else path.name, years.get(u.segment))
                for u in read_units(path, max_input_bytes).units
            ]
        kind = inferred_kind("\n".join(pair.source for pair in found))
        named = stated_year(path.name)
        pairs += [replace(pair, year=pair.year or named, kind=kind) for pair in found]
    if memory is not None:
        with collector_paused():  # a pair per unit, all kept: see foundation.collector
            pairs += [
                Pair(source, target, f"memory#{segment or i}") for i, source, target, segment in memory.human_texts()
            ]
    return pairs


def _head_forms(rendering: str) -> tuple[str, ...]:
    """The forms QA accepts of the last content word of each wording of a rendering: one must stand in a
    text that renders it (a cheap test before the full one); none when a wording has no word. Only those
    that hold no other: where "developing" stands, so does "develop"."""
    heads: set[str] = set()
    for form in rendering_forms(rendering):
        words = [w for w in re.findall(r"[A-Za-z]+", form.lower()) if w not in ARTICLES and w != "and"]
        if not words:
            return ()
        heads |= noun_forms(words[-1]) | verb_forms(words[-1])
    return without_longer(heads)


class _English:
    """An English text as its renderings are tested, prepared once for all the terms of its pair."""

    __slots__ = ("text", "prepared", "lowered", "either")

    def __init__(self, text: str):
        self.text = text
        self.prepared = searchable(text)
        self.lowered = self.prepared.lower()
        self.either = self.lowered + " " + text.lower()  # a head form may stand in either


class _RenderingTest:
    """The first accepted rendering of an entry that an English text has, by ``renders`` with a cheap first
    test: a text lacking the rendering's last word in every form cannot render it."""

    def __init__(self):
        self._tests: dict[int, list[tuple[str, tuple[str, ...]]]] = {}  # by entry: each rendering, its heads

    def found(self, english: _English, entry: Entry) -> str:
        tests = self._tests.get(id(entry))
        if tests is None:  # an entry's eras parsed, its heads found, once, not at every occurrence
            # an era's rendering is the entry's too: never "neither", whatever the pair's year
            tests = self._tests[id(entry)] = [(r, _head_forms(r)) for r in accepted_renderings(entry)]
        for rendering, heads in tests:  # loops, not any() or next(): this runs for every term of every text
            if heads:
                for form in heads:
                    if form in english.either:
                        break
                else:
                    continue
            if renders(english.text, rendering, english.prepared, english.lowered):
                return rendering
        return ""


def gather(pairs: list[Pair], glossary: Glossary) -> list[EntryEvidence]:
    """Every entry that occurs in the pairs, with its occurrences and what each one's English says."""
    with collector_paused():  # an occurrence per term found, all kept: see foundation.collector
        results = _occurrences(pairs, glossary.matcher)
        _mine_candidates(results, pairs)
    return sorted(results, key=_review_order)


def _occurrences(pairs: list[Pair], matcher: TermMatcher) -> list[EntryEvidence]:
    """Each entry found in the pairs, with its occurrences (in the order of the pairs)."""
    test = _RenderingTest()
    evidence: dict[int, EntryEvidence] = {}
    for pair in pairs:
        hits = matcher.find(pair.source, words_checked=False)
        if not hits:
            continue
        english = _English(pair.target)
        for hit in hits:
            entry = hit.entry
            found = test.found(english, entry)
            if not found and not matcher.stands_alone(pair.source, hit):
                continue  # the characters inside a longer word: not this entry
            known = evidence.get(id(entry))
            if known is None:  # made once: setdefault would make one at every occurrence
                known = evidence[id(entry)] = EntryEvidence(entry)
            known.occurrences.append(Occurrence(pair, found, (hit.start, hit.end)))
    return list(evidence.values())


def _review_order(evidence: EntryEvidence) -> tuple:
    share = evidence.preferred_share
    return (share >= REVIEW_FIRST_BELOW, share, -evidence.count, evidence.entry.zh)


def _ngrams(text: str) -> set[str]:
    words = _WORD.findall(text.lower().replace("’", "'"))
    edge = [word not in _STOPWORDS for word in words]  # a word a gram may begin or end with
    grams = set()
    for last in range(MAX_WORDS):  # a gram's last word after its first; each sliced only if it is one
        for i in range(len(words) - last):
            if edge[i] and edge[i + last]:
                grams.add(" ".join(words[i : i + last + 1]))
    return grams


def _mine_candidates(results: list[EntryEvidence], pairs: list[Pair]) -> None:
    """Candidate renderings from the English of the occurrences that say neither rendering."""
    wanted: dict[int, Counter[str]] = {}
    texts: dict[int, int] = {}  # how many distinct English texts each mined entry has
    for index, evidence in enumerate(results):
        distinct = list(dict.fromkeys(o.pair.target for o in evidence.occurrences if not o.found))
        if len(distinct) < MIN_MINED:
            continue
        sample = distinct[:: max(1, math.ceil(len(distinct) / MINED_OCCURRENCES))]
        counts: Counter[str] = Counter()
        for target in sample:
            counts.update(_ngrams(target))
        needed = max(2, math.ceil(0.5 * len(sample)))
        wanted[index] = Counter({gram: n / len(sample) for gram, n in counts.items() if n >= needed})
        texts[index] = len(distinct)
    grams = {gram for counts in wanted.values() for gram in counts}
    if not grams:
        return
    spread = _document_frequency(
        grams, list(dict.fromkeys(pair.target for pair in pairs))
    )  # distinct, as counted above
    for index, coverage in wanted.items():
        evidence = results[index]
        known = " | ".join(r.lower() for r in evidence.entry.renderings)
        scored = []
        for gram, share in coverage.items():
            in_entry = share * texts[index]
            specificity = min(1.0, in_entry / max(spread[gram], 1))
            if specificity >= SPECIFIC and gram not in known:
                scored.append(CandidateRendering(gram, share, specificity))
        # the text last: candidates tied on score and length come out in one order on every run, not in
        # the order of a set, which string hashing changes from run to run
        scored.sort(key=lambda c: (-(c.coverage * c.specificity), -len(c.text), c.text))
        evidence.candidates = _without_parts(scored)[:3]


def _without_parts(candidates: list[CandidateRendering]) -> list[CandidateRendering]:
    """Leave out a candidate that is part of a better one it always comes with ("green" in "green development")."""
    kept: list[CandidateRendering] = []
    for candidate in candidates:
        if any(f" {candidate.text} " in f" {k.text} " and k.coverage >= candidate.coverage - 1e-9 for k in kept):
            continue
        kept.append(candidate)
    return kept


def _document_frequency(grams: set[str], texts: list[str]) -> Counter[str]:
    """In how many of ``texts`` each gram stands as whole words (one Aho-Corasick pass over each); over
    ``SPREAD_SAMPLE`` texts evenly spread at most, counts scaled up: specificity is a share, and an
    estimate from 20,000 texts is as good for ranking."""
    automaton = ahocorasick.Automaton()
    for gram in grams:
        automaton.add_word(f" {gram} ", gram)
    automaton.make_automaton()
    step = max(1, math.ceil(len(texts) / SPREAD_SAMPLE))
    frequency: Counter[str] = Counter()
    for text in texts[::step]:
        words = _WORDS_ONLY.sub(" ", f" {text.lower().replace('’', chr(39))} ")
        frequency.update({gram for _, gram in automaton.iter(words)})
    return Counter({gram: count * step for gram, count in frequency.items()})
