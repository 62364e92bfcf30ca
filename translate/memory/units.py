"""What a translation memory holds: units, and the key an MT unit is valid for."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from translate.document import Segment, State
from translate.protect import PROTECTION_VERSION


def mt_key(engine: str, segment: Segment) -> str:
    """What an MT unit is valid for: the engine and model, the injection scheme, the source, its entries."""
    term_hashes = sorted({hit.entry.fingerprint for hit in segment.terms})
    material = "\x00".join([engine, PROTECTION_VERSION, segment.normalized, *term_hashes])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def now() -> str:
    """The time a unit is stored at, as the memory writes it (UTC, to the second)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Unit:
    source: str
    target: str
    origin: str  # human | mt
    state: str = State.TRANSLATED.value
    created: str = ""
    changed: str = ""
    file: str = ""
    segment: str = ""
    written: str = ""  # the source as its document wrote it (``source`` is normalised): what a TMX exports
    creator: str = ""  # who made the unit (TMX creationid): a reviewer's name, or empty
    changer: str = ""  # who changed it last (TMX changeid)
    engine: str = ""  # an MT unit's engine identity (empty for human units)
    key: str = ""  # an MT unit's key (``mt_key``)

    @property
    def source_as_written(self) -> str:
        return self.written or self.source


# The columns a unit is read from and written to, in the order of the fields above.
UNIT_COLUMNS = (
    "source",
    "target",
    "origin",
    "state",
    "created",
    "changed",
    "file",
    "segment",
    "written",
    "creator",
    "changer",
    "engine",
    "key",
)
