"""What parallel text proposes for an entry's senses and eras (``glossary evidence`` shows it; a reviewer
decides).  Official English that says none of an entry's renderings either words the same term otherwise
(a rendering of other years, or one to admit) or means another sense of the Chinese; each proposal is made
only where the evidence tells which:

- an era: a rendering (admitted, or a candidate the English keeps using) seen ``MIN_SEEN`` times or more,
  only in years before (or after) every occurrence of the preferred one, also seen ``MIN_SEEN`` times, and
  sharing a word with the preferred or an admitted rendering (the same term worded otherwise; a different
  sense seldom shares one): ``rendering@first-last`` over the years it was seen, as the English writes it;
- a word that excludes: a Chinese word (as jieba cuts the sentence; never a character cut out of a longer
  word) near the term, as ``glossary.senses`` reads near, at half or more of the occurrences whose English
  says no accepted rendering (``MIN_SEEN`` at least) and at none of those that render the entry (of which
  there must be ``MIN_SEEN`` to compare with): ``-word`` (驻 before 办事处: a representative office, not a
  subdistrict office).  Not where the English of those occurrences shares a candidate rendering, nor where
  they are a proposed era's: then it words the same term otherwise, and no word near it is a sense;
- a scope: where the kinds of document are known, the kinds the entry is rendered in, when it is rendered
  in no document of the kinds where its English says something else (``MIN_SEEN`` times or more).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from foundation.script import is_cjk
from glossary.entry import DOCUMENT_KINDS
from glossary.senses import NEAR, neighbourhood
from translate.evidence import EntryEvidence, Occurrence

MIN_SEEN = 2
MAX_WORDS = 3  # words that exclude, proposed at most
CANDIDATE_COVERS = 0.5  # a candidate in this share of the English that says neither: a wording, not a sense
_WORD = re.compile(r"[a-z]+")
_LITTLE_WORDS = frozenset("the a an of and for to in on with by at".split())
# Words of number a candidate may be made of that render no term ("two" from 两国 beside it).
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten both".split())

Segmenter = Callable[[str], list[str]]  # Chinese text → its words (``WordBoundaries.words``)


@dataclass
class Proposals:
    eras: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    scope: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.eras or self.context or self.scope)


def proposals(evidence: EntryEvidence, words: Segmenter) -> Proposals:
    eras, explained = _eras(evidence)
    return Proposals(eras, _excluding(evidence, words, explained), _scope(evidence))


def _years(occurrences: list[Occurrence]) -> list[int]:
    return sorted(o.pair.year for o in occurrences if o.pair.year)


def _content_words(text: str) -> set[str]:
    return {word for word in _WORD.findall(text.lower()) if word not in _LITTLE_WORDS}


def _eras(evidence: EntryEvidence) -> tuple[list[str], set[int]]:
    """The proposed eras, and the occurrences (by index) whose English they explain."""
    entry = evidence.entry
    preferred = _years([o for o in evidence.occurrences if o.found == entry.en])
    if len(preferred) < MIN_SEEN:
        return [], set()
    known_words = set().union(*(_content_words(r) for r in entry.renderings))
    proposed, explained = [], set()
    for rendering in [*entry.admitted, *(c.text for c in evidence.candidates)]:
        saying = [i for i, o in enumerate(evidence.occurrences) if _says(o, rendering)]
        years = _years([evidence.occurrences[i] for i in saying])
        if len(years) < MIN_SEEN or any(era.split("@")[0].lower() == rendering.lower() for era in entry.eras):
            continue
        if not _content_words(rendering) & known_words:
            continue  # no word in common with the entry's renderings: another sense, not another era
        if years[-1] < preferred[0] or years[0] > preferred[-1]:
            proposed.append(f"{_as_written(evidence, rendering)}@{years[0]}-{years[-1]}")
            explained.update(saying)
    return proposed, explained


def _says(occurrence: Occurrence, rendering: str) -> bool:
    """Whether the occurrence's English says ``rendering`` (found as an accepted one, or, for a candidate
    found among the English that said none, standing in it as it is written)."""
    if occurrence.found:
        return occurrence.found == rendering
    return rendering.lower() in occurrence.pair.target.lower()


def _as_written(evidence: EntryEvidence, rendering: str) -> str:
    """A mined candidate (lower case) as the English writes it ("One Belt, One Road")."""
    pattern = re.compile(re.escape(rendering), re.IGNORECASE)  # never .lower(): İ lowers to two characters
    for occurrence in evidence.occurrences:
        match = pattern.search(occurrence.pair.target)
        if match:
            return match.group()
    return rendering


def _near_words(occurrence: Occurrence, words: Segmenter) -> set[str]:
    """The whole Chinese words of the occurrence's sentence that stand near the term, not overlapping it."""
    text, (start, end) = occurrence.pair.source, occurrence.span
    before, after = neighbourhood(text, start, end)
    low, high = start - len(before), end + len(after)
    found, position = set(), max(0, start - NEAR - 20)  # cut from a little before, so no word is cut short
    for word in _joined_singles(words(text[position : min(len(text), end + NEAR + 20)])):
        word_start, word_end = position, position + len(word)
        position = word_end
        inside = low <= word_start and word_end <= high and (word_end <= start or word_start >= end)
        if inside and all(is_cjk(char) for char in word):
            found.add(word)
    return found


def _joined_singles(cut: list[str]) -> list[str]:
    """The words, with each run of single Chinese characters taken as one (jieba without its guessing
    leaves words it does not know in characters: 两国 as 两, 国)."""
    joined: list[str] = []
    open_run = False  # whether the last word is a run of single characters still open
    for word in cut:
        single = len(word) == 1 and is_cjk(word)
        if single and open_run:
            joined[-1] += word
        else:
            joined.append(word)
        open_run = single
    return joined


def _excluding(evidence: EntryEvidence, words: Segmenter, explained: set[int]) -> list[str]:
    rendered = [o for o in evidence.occurrences if o.found]
    neither = [o for i, o in enumerate(evidence.occurrences) if not o.found and i not in explained]
    if len(rendered) < MIN_SEEN or len(neither) < MIN_SEEN:
        return []
    if any(c.coverage >= CANDIDATE_COVERS and _content_words(c.text) - _NUMBER_WORDS for c in evidence.candidates):
        return []  # the English words it otherwise, the same way: admit that, no word near it is a sense
    said = Counter(word for o in neither for word in _near_words(o, words))
    beside_rendered = {word for o in rendered for word in _near_words(o, words)}
    needed = max(MIN_SEEN, (len(neither) + 1) // 2)
    chosen = [w for w, n in said.most_common() if n >= needed and w not in beside_rendered]
    return [f"-{word}" for word in chosen[:MAX_WORDS] if f"-{word}" not in evidence.entry.context]


def _scope(evidence: EntryEvidence) -> list[str]:
    if evidence.entry.scope:
        return []
    rendered = {o.pair.kind for o in evidence.occurrences if o.found and o.pair.kind}
    elsewhere = Counter(o.pair.kind for o in evidence.occurrences if not o.found and o.pair.kind not in rendered)
    if not rendered or sum(elsewhere.values()) < MIN_SEEN or "" in elsewhere:
        return []
    return [kind for kind in DOCUMENT_KINDS if kind in rendered]
