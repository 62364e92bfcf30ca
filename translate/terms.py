"""Glossary terms in translation: found per segment, and enough on their own
for segments they fully cover.  Carrying them through MT is ``protect``'s job."""

from __future__ import annotations

import re

from foundation.text import storable
from glossary.entry import Status
from glossary.senses import holds_in
from glossary.store import Glossary
from translate.document import Document, Segment, State, TermHit
from translate.occasion import document_kind
from translate.protect import restore

# Chinese punctuation → English, for text built from glossary renderings alone.
_PUNCTUATION = {"，": ", ", "、": ", ", "；": "; ", "：": ": ", "。": ".", "！": "!", "？": "?", "“": '"', "”": '"'}


def find_terms(document: Document, glossary: Glossary) -> None:
    """Every glossary term in every segment (matched on the normalised text) whose sense holds in a
    document of this kind (an entry scoped to other kinds of text means something else here)."""
    kind = document_kind(document)
    for segment in document.segments:
        segment.terms = [hit for hit in glossary.find_terms(segment.normalized) if holds_in(hit.entry, kind)]


def fill_from_glossary(document: Document) -> list[Segment]:
    """Translate the segments the approved terms cover completely; return the others, still to do (a segment
    that has a target already, a person's kept from an earlier run, is neither)."""
    pending = []
    for segment in document.segments:
        if segment.target:
            continue
        covered = glossary_only(segment.normalized, segment.terms)
        if covered is None:
            pending.append(segment)
        else:
            segment.target, segment.state, segment.origin = covered, State.TRANSLATED, "glossary"
    return pending


def apply_machine_translation(segment: Segment, output: str) -> None:
    """The engine's output, with the approved terms restored, becomes the segment's translation."""
    # An engine's answer is untrusted text: a control character in it would make the XLIFF unreadable.
    segment.target = restore(storable(output)[0], segment)
    segment.state, segment.origin = State.TRANSLATED, "mt"


def _approved(hits: list[TermHit]) -> list[TermHit]:
    return [h for h in hits if h.status is Status.APPROVED and h.en]


def glossary_only(source: str, hits: list[TermHit]) -> str | None:
    """A translation from approved terms alone, if they cover every word of the source."""
    approved = _approved(hits)
    if not approved:
        return None
    parts, position = [], 0
    for hit in approved:
        parts += [_only_punctuation(source[position : hit.start]), hit.en]
        position = hit.end
    parts.append(_only_punctuation(source[position:]))
    if any(p is None for p in parts):
        return None
    return re.sub(r"\s+([,.;:!?])", r"\1", " ".join(p for p in parts if p)).strip()


def _only_punctuation(text: str) -> str | None:
    """English punctuation for a stretch of punctuation, or None if it holds words."""
    out = []
    for char in text:
        if char.isspace():
            continue
        if char in _PUNCTUATION:
            out.append(_PUNCTUATION[char].strip())
        elif not char.isalnum():
            out.append(char)
        else:
            return None
    return "".join(out)
