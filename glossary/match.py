"""Longest-match term search over Simplified text (Aho-Corasick)."""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from glossary.entry import Entry, Status
from glossary.script import to_traditional


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


class TermMatcher:
    """Finds glossary terms; where terms overlap the longest, leftmost one wins.

    Rejected entries are not matched: a rejected term is one we do not want
    enforced or reported.  Single characters (区, 镇, 局) are in the glossary
    for reference and export but are not matched: in running text they are
    mostly parts of other words (辖区, 城镇, 布局).  Every form is also matched
    in Traditional script (derived with OpenCC), so a Traditional text is
    searched as it is.
    """

    def __init__(self, entries: list[Entry]):
        self._automaton = ahocorasick.Automaton()
        for entry in entries:
            if entry.status is Status.REJECTED:
                continue
            for form in entry.forms:
                for written in dict.fromkeys((form, to_traditional(form))):
                    # The first entry to claim a form keeps it; `glossary check` reports clashes.
                    if len(written) > 1 and written not in self._automaton:
                        self._automaton.add_word(written, (written, entry))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[TermHit]:
        if self._empty:
            return []
        return [TermHit(end + 1 - len(form), end + 1, entry) for end, (form, entry) in self._automaton.iter_long(text)]
