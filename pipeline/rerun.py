"""A report translated again into the folder that holds its XLIFF: what a person did there is kept.

A target post-edited in a CAT tool or the review app and not yet taken into
the memory lives only in that file; writing the file anew from the engine
would destroy it.  So before a run replaces the XLIFF, it reads it, and every
target a person wrote or changed (``post_edited``: reviewed or final, saved
by a person, or changed since the tool wrote it) goes into the new document on
the segment with the same Chinese.  What has no such segment any more (the
report was edited) is handed back to the caller, which takes it into the
memory or stops.  ``--force`` is the only way to discard it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from translate.bitext.units import post_edited
from translate.document import Document, Segment


@dataclass
class KeptWork:
    kept: int = 0  # segments of the new document carrying a person's target from the old file
    orphans: list[Segment] = field(default_factory=list)  # post-edits whose Chinese is no longer in the report


def keep_human_work(document: Document, previous: Document) -> KeptWork:
    """The post-edited targets of ``previous`` set on the segments of ``document`` with the same Chinese
    (the same segment id first, then the first free segment of that Chinese in order)."""
    edited = [segment for segment in previous.segments if post_edited(segment)]
    by_source: dict[str, list[Segment]] = {}
    for segment in edited:
        by_source.setdefault(segment.normalized, []).append(segment)
    work = KeptWork()
    for segment in document.segments:
        candidates = by_source.get(segment.normalized)
        if not candidates:
            continue
        old = next((c for c in candidates if c.id == segment.id), candidates[0])
        candidates.remove(old)
        segment.target, segment.state, segment.origin = old.target, old.state, "human"
        work.kept += 1
    work.orphans = [segment for segments in by_source.values() for segment in segments]
    return work
