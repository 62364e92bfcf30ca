"""One glossary entry, as a row of ``governance.tsv``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum

COLUMNS = ("zh", "en", "status", "variants", "admitted", "avoid", "domain", "note", "source")
# The layout before admitted renderings: still read, written in the new one.
LEGACY_COLUMNS = tuple(c for c in COLUMNS if c != "admitted")


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
        return hashlib.sha256("\t".join(self.to_row()).encode("utf-8")).hexdigest()[:16]

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
        ]
