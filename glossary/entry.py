"""One glossary entry, as a row of ``governance.tsv``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum

COLUMNS = (
    "zh", "en", "status", "variants", "admitted", "avoid", "domain", "note", "source", "scope", "context", "eras",
)  # fmt: skip
SENSE_COLUMNS = ("scope", "context", "eras")  # where and when an entry's sense holds (``senses``, ``eras``)
LIST_COLUMNS = ("variants", "admitted", "avoid", *SENSE_COLUMNS)  # |-separated lists
# Earlier layouts, still read (what they lack is empty), written in the current one: before the sense and
# era columns, and before admitted renderings.
BEFORE_SENSES = tuple(c for c in COLUMNS if c not in SENSE_COLUMNS)
LAYOUTS = (COLUMNS, BEFORE_SENSES, tuple(c for c in BEFORE_SENSES if c != "admitted"))


def widened(cells: list[str], layout: tuple[str, ...]) -> list[str]:
    """A row written in ``layout`` (one of ``LAYOUTS``) in the current column order, what it lacks empty."""
    if layout == COLUMNS or len(cells) != len(layout):
        return cells
    by_name = dict(zip(layout, cells))
    return [by_name.get(name, "") for name in COLUMNS]


class Status(StrEnum):
    """An entry's review status (TBX: preferred / admitted / deprecated term)."""

    APPROVED = "approved"  # enforced: injected before MT, restored after, checked
    PROPOSED = "proposed"  # reported, awaiting review
    REJECTED = "rejected"  # kept for the record, never matched


STATUSES = tuple(Status)
DOMAINS = (
    "party",
    "government",
    "economy",
    "urban",
    "environment",
    "society",
    "safety",
    "rural",
    "health",
    "culture",
    "technology",
    "law",
    "place",
    "general",
)
# The kinds of document an entry's sense can be limited to (its ``scope``): a term right in one kind of
# text is wrong in another (办事处, a subdistrict office in a district's report, a representative office
# in a press conference on missions abroad).
DOCUMENT_KINDS = ("local-government", "central-government", "party", "diplomacy", "economy", "law", "defence")


@dataclass
class Entry:
    zh: str
    en: str
    status: Status = Status.PROPOSED
    variants: list[str] = field(default_factory=list)
    avoid: list[str] = field(default_factory=list)
    domain: str = "general"
    note: str = ""
    source: str = ""
    line: int = 0  # where it stands in the file, for error messages
    # TBX's term model: ``en`` is the preferred rendering (injected and enforced), ``admitted`` are
    # renderings QA accepts too (abbreviations, an order official translators use), ``avoid`` deprecated ones.
    admitted: list[str] = field(default_factory=list)
    # Where the entry's sense holds: the kinds of document (empty: every kind), and words near it that
    # select it ("+街道") or exclude it ("-驻"): see ``glossary.senses``.
    scope: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    # Renderings that were official in some years only, as "rendering@2013-2017" (open: "@2018-", "@-2012"):
    # accepted in documents of those years (see ``glossary.eras``).
    eras: list[str] = field(default_factory=list)

    @property
    def forms(self) -> list[str]:
        """Every Chinese form that means this entry: the headword and its variants."""
        return [self.zh, *self.variants]

    @property
    def renderings(self) -> list[str]:
        """Every rendering QA accepts: the preferred one, then the admitted ones."""
        return [r for r in (self.en, *self.admitted) if r]

    @property
    def fingerprint(self) -> str:
        """A short hash of the whole row: changes whenever anything a translation depends on changes."""
        # The sense and era columns count only when they say something: adding them to the layout changes no
        # entry that leaves them empty (the memory keys machine translations by this).
        row = self.to_row()
        kept = row if any(row[len(BEFORE_SENSES) :]) else row[: len(BEFORE_SENSES)]
        return hashlib.sha256("\t".join(kept).encode("utf-8")).hexdigest()[:16]

    def to_row(self) -> list[str]:
        return [
            self.zh,
            self.en,
            str(self.status),
            "|".join(self.variants),
            "|".join(self.admitted),
            "|".join(self.avoid),
            self.domain,
            self.note,
            self.source,
            "|".join(self.scope),
            "|".join(self.context),
            "|".join(self.eras),
        ]
