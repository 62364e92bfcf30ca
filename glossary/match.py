"""Longest-match term search (Aho-Corasick), keeping only terms that stand as words (``boundaries``)."""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from foundation.script import to_traditional
from glossary.boundaries import WordBoundaries
from glossary.entry import Entry, Status
from glossary.senses import holds_here


@dataclass(frozen=True)
class TermHit:
    """A glossary term found in a text: where it stands, and the entry it is a form of."""

    start: int
    end: int
    entry: Entry

    @property
    def zh(self) -> str:
        """The entry's headword (the text at start:end may be a variant or its Traditional form)."""
        return self.entry.zh

    @property
    def en(self) -> str:
        return self.entry.en

    @property
    def status(self) -> Status:
        return self.entry.status


def _longest_leftmost(candidate: tuple[int, int, Entry]) -> tuple[int, int]:
    start, end, _ = candidate
    return start, -end


class TermMatcher:
    """Finds glossary terms that stand as words; where terms overlap, the longest leftmost one wins.

    Rejected entries are not matched: a rejected term is one we do not want
    enforced or reported.  Single characters (区, 镇, 局) are in the glossary
    for reference and export but are not matched: in running text they are
    mostly parts of other words (辖区, 城镇, 布局).  Every form is also matched
    in Traditional script (derived with OpenCC), so a Traditional text is
    searched as it is.  A candidate cut out of a longer word (民生 in 人民生活)
    is refused (``WordBoundaries``), and so is one whose entry's context words
    exclude it where it stands (``senses``: 办事处 after 驻); a shorter term
    inside it may still be found in its place.
    """

    def __init__(self, entries: list[Entry]):
        self._automaton = ahocorasick.Automaton()
        self._forms: set[str] = set()
        for entry in entries:
            if entry.status is Status.REJECTED:
                continue
            for form in entry.forms:
                self._forms.add(form)
                for written in dict.fromkeys((form, to_traditional(form))):
                    # The first entry to claim a form keeps it; `glossary check` reports clashes.
                    if len(written) > 1 and written not in self._automaton:
                        self._automaton.add_word(written, (written, entry))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()
        self._boundaries: WordBoundaries | None = None  # loaded on first use: jieba takes a second

    @property
    def boundaries(self) -> WordBoundaries:
        if self._boundaries is None:
            self._boundaries = WordBoundaries({form for form in self._forms if len(form) > 1})
        return self._boundaries

    def find(self, text: str, words_checked: bool = True) -> list[TermHit]:
        """The terms in ``text``, longest leftmost first.  ``words_checked=False`` skips the word-boundary
        check (the costly part): every longest-leftmost candidate, for callers that check the few
        that matter themselves (``stands_alone``)."""
        if self._empty:
            return []
        candidates = [(end + 1 - len(form), end + 1, entry) for end, (form, entry) in self._automaton.iter(text)]
        if len(candidates) > 1:  # three texts in four have one candidate or none: nothing to sort
            candidates.sort(key=_longest_leftmost)
        hits: list[TermHit] = []
        taken_until = 0
        for start, end, entry in candidates:
            if start < taken_until or not holds_here(entry, text, start, end):
                continue
            if not words_checked or self.boundaries.stands_alone(text, start, end):
                hits.append(TermHit(start, end, entry))
                taken_until = end
        return hits

    def stands_alone(self, text: str, hit: TermHit) -> bool:
        return self.boundaries.stands_alone(text, hit.start, hit.end)
