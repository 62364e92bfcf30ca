"""What parallel text proposes for an entry's senses and eras (``glossary evidence`` shows it; a reviewer
decides).

- an era: a rendering (admitted, or a candidate the English keeps using) whose occurrences all fall in years
  before (or after) every occurrence of the preferred one, each seen at least ``MIN_SEEN`` times, is proposed
  as ``rendering@first-last`` over the years it was seen;
- a word that excludes: Chinese of one or two characters near the term (as ``glossary.senses`` reads near)
  at occurrences whose English says no accepted rendering, seen at ``MIN_SEEN`` or more of them and at none
  that renders the entry: ``-word`` (驻 before 办事处: a representative office, not a subdistrict office);
- a scope: where the kinds of document are known, the kinds the entry is rendered in, when it is rendered
  in no document of the kinds where its English says something else (``MIN_SEEN`` times or more).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from foundation.script import is_cjk
from glossary.entry import DOCUMENT_KINDS
from glossary.senses import neighbourhood
from translate.evidence import EntryEvidence, Occurrence

MIN_SEEN = 2
MAX_WORDS = 3  # words that exclude, proposed at most


@dataclass
class Proposals:
    eras: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    scope: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.eras or self.context or self.scope)


def proposals(evidence: EntryEvidence) -> Proposals:
    return Proposals(_eras(evidence), _excluding(evidence), _scope(evidence))


def _years(occurrences: list[Occurrence]) -> list[int]:
    return sorted(o.pair.year for o in occurrences if o.pair.year)


def _eras(evidence: EntryEvidence) -> list[str]:
    entry = evidence.entry
    preferred = _years([o for o in evidence.occurrences if o.found == entry.en])
    if len(preferred) < MIN_SEEN:
        return []
    proposed = []
    for rendering in [*entry.admitted, *(c.text for c in evidence.candidates)]:
        years = _years([o for o in evidence.occurrences if _says(o, rendering)])
        if len(years) < MIN_SEEN or f"{rendering}@" in "|".join(entry.eras):
            continue
        if years[-1] < preferred[0] or years[0] > preferred[-1]:
            proposed.append(f"{rendering}@{years[0]}-{years[-1]}")
    return proposed


def _says(occurrence: Occurrence, rendering: str) -> bool:
    """Whether the occurrence's English says ``rendering`` (found as an accepted one, or, for a candidate
    found among the English that said none, standing in it as it is written)."""
    if occurrence.found:
        return occurrence.found == rendering
    return rendering.lower() in occurrence.pair.target.lower()


def _near_words(occurrence: Occurrence) -> set[str]:
    """The one- and two-character strings of Chinese near the term (as ``holds_here`` reads near)."""
    before, after = neighbourhood(occurrence.pair.source, *occurrence.span)
    return {
        side[at : at + size]
        for side in (before, after)
        for size in (1, 2)
        for at in range(len(side) - size + 1)
        if all(is_cjk(char) for char in side[at : at + size])
    }


def _excluding(evidence: EntryEvidence) -> list[str]:
    said = Counter(word for o in evidence.occurrences if not o.found for word in _near_words(o))
    rendered = {word for o in evidence.occurrences if o.found for word in _near_words(o)}
    words = [w for w, n in said.most_common() if n >= MIN_SEEN and w not in rendered]
    # the shortest that tells the senses apart: 驻, not also 驻上 and 驻广
    shortest = [w for w in words if not any(other != w and other in w for other in words)]
    return [f"-{word}" for word in shortest[:MAX_WORDS] if f"-{word}" not in evidence.entry.context]


def _scope(evidence: EntryEvidence) -> list[str]:
    if evidence.entry.scope:
        return []
    rendered = {o.pair.kind for o in evidence.occurrences if o.found and o.pair.kind}
    elsewhere = Counter(o.pair.kind for o in evidence.occurrences if not o.found and o.pair.kind not in rendered)
    if not rendered or sum(elsewhere.values()) < MIN_SEEN or "" in elsewhere:
        return []
    return [kind for kind in DOCUMENT_KINDS if kind in rendered]
