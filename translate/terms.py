"""Glossary terms in translation: found per segment, injected before MT,
restored after it, and enough on their own for segments they fully cover.

Injection writes the approved English rendering into the Chinese source in
place of the term.  NMT models copy Latin spans they see, so the rendering
survives; where a model bends it (case, spacing) ``restore`` puts back the
exact approved form, and where it drops it QA reports the missing term.
"""

from __future__ import annotations

import re
from functools import lru_cache

from glossary.entry import Status
from glossary.store import Glossary
from translate.document import Document, Segment, State, TermHit

# Chinese punctuation → English, for text built from glossary renderings alone.
_PUNCTUATION = {"，": ", ", "、": ", ", "；": "; ", "：": ": ", "。": ".", "！": "!", "？": "?", "“": '"', "”": '"'}


def find_terms(document: Document, glossary: Glossary) -> None:
    """Every glossary term in every segment (matched on the normalised text)."""
    for segment in document.segments:
        segment.terms = glossary.find_terms(segment.normalized)


def fill_from_glossary(document: Document) -> list[Segment]:
    """Translate the segments the approved terms cover completely; return the others, still to do."""
    pending = []
    for segment in document.segments:
        covered = glossary_only(segment.normalized, segment.terms)
        if covered is None:
            pending.append(segment)
        else:
            segment.target, segment.state, segment.origin = covered, State.TRANSLATED, "glossary"
    return pending


def apply_machine_translation(segment: Segment, output: str) -> None:
    """The engine's output, with the approved terms restored, becomes the segment's translation."""
    segment.target = restore(output, segment.terms)
    segment.state, segment.origin = State.TRANSLATED, "mt"


def _approved(hits: list[TermHit]) -> list[TermHit]:
    return [h for h in hits if h.status is Status.APPROVED and h.en]


def inject(source: str, hits: list[TermHit]) -> str:
    """The MT input: approved terms replaced by their renderings."""
    parts, position = [], 0
    for hit in _approved(hits):
        parts += [source[position : hit.start], f" {hit.en} "]
        position = hit.end
    parts.append(source[position:])
    return re.sub(r" {2,}", " ", "".join(parts)).strip()


@lru_cache(maxsize=4096)
def _loose(rendering: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in rendering.split()]
    return re.compile(r"(?<!\w)" + r"\s*".join(words) + r"(?!\w)", re.IGNORECASE)


def restore(target: str, hits: list[TermHit]) -> str:
    """Put back the exact approved form of every rendering the MT bent."""
    for en in {h.en for h in _approved(hits)}:
        target = _loose(en).sub(lambda _m, en=en: en, target)
    return target


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
