"""Renderings that were official in some years only.

Official English changes over the years (全面深化改革, 'comprehensively deepen reform' in 2013, 'deepening
reform comprehensively' in the 2020s): an English text of 2013 that says it the 2013 way is right.  An entry's
``eras`` column lists such renderings as ``rendering@2013-2017`` (``@2018-`` from a year on, ``@-2012`` up to
one): QA accepts each in documents of its years, and in documents whose year is not known; in a document of
another year it is a warning, not an error (the words are the entry's, only not of that year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from foundation.errors import UserError
from glossary.entry import Entry

FIRST_YEAR, LAST_YEAR = 1949, 2100  # the years an official rendering of this glossary can be dated to
_YEARS = re.compile(r"\s*(?P<first>[0-9]{4})?\s*-\s*(?P<last>[0-9]{4})?\s*")


@dataclass(frozen=True)
class Era:
    rendering: str
    first: int | None  # None: from any year
    last: int | None  # None: still

    def covers(self, year: int | None) -> bool:
        """Whether the rendering was official in ``year`` (a year not known: any era may be its)."""
        if year is None:
            return True
        return (self.first is None or self.first <= year) and (self.last is None or year <= self.last)

    @property
    def years(self) -> str:
        return f"{self.first or ''}–{self.last or ''}" if self.first != self.last else str(self.first)

    def __str__(self) -> str:
        return f"{self.rendering}@{self.first or ''}-{self.last or ''}"


def parse_era(item: str, where: tuple = ()) -> Era:
    """``rendering@2013-2017`` as an ``Era``, or a one-line error saying how to write one."""
    rendering, at, years = item.strip().rpartition("@")
    named = at and "@" not in rendering and any(char.isalnum() for char in rendering)
    match = _YEARS.fullmatch(years) if named else None
    first = int(match["first"]) if match and match["first"] else None
    last = int(match["last"]) if match and match["last"] else None
    if not match or (first is None and last is None):
        message = f"era {item[:40]!r}: write rendering@first-last ('deepen reform@2013-2017'; open: @2018-, @-2012)"
        raise UserError(message, *where)
    if any(year is not None and not FIRST_YEAR <= year <= LAST_YEAR for year in (first, last)):
        raise UserError(f"era {item[:40]!r}: a year between {FIRST_YEAR} and {LAST_YEAR}", *where)
    if first and last and first > last:
        raise UserError(f"era {item[:40]!r}: the years are the wrong way round ({first} after {last})", *where)
    return Era(rendering.strip(), first, last)


def eras_of(items: list[str]) -> list[Era]:
    return [parse_era(item) for item in items]


def accepted_renderings(entry: Entry, year: int | None = None) -> list[str]:
    """The renderings QA accepts for the entry in a document of ``year``: the preferred and admitted ones,
    and those of its eras that cover the year (all of them when the year is not known)."""
    return [*entry.renderings, *(era.rendering for era in eras_of(entry.eras) if era.covers(year))]


def other_eras(entry: Entry, year: int | None) -> list[Era]:
    """The entry's eras that do not cover ``year``."""
    return [era for era in eras_of(entry.eras) if not era.covers(year)]
