"""One glossary entry, as a row of ``governance.tsv``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

COLUMNS = ("zh", "en", "status", "variants", "avoid", "domain", "note", "source")
STATUSES = ("approved", "proposed", "rejected")
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
    status: str = "proposed"
    variants: list[str] = field(default_factory=list)
    avoid: list[str] = field(default_factory=list)
    domain: str = "general"
    note: str = ""
    source: str = ""
    line: int = 0  # where it stands in the file, for error messages

    @property
    def forms(self) -> list[str]:
        """Every Chinese form that means this entry: the headword and its variants."""
        return [self.zh, *self.variants]

    @property
    def content_hash(self) -> str:
        """Changes whenever anything a translation depends on changes."""
        return hashlib.sha256("\t".join(self.to_row()).encode("utf-8")).hexdigest()[:16]

    def to_row(self) -> list[str]:
        return [
            self.zh,
            self.en,
            self.status,
            "|".join(self.variants),
            "|".join(self.avoid),
            self.domain,
            self.note,
            self.source,
        ]
