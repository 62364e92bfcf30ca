"""Protected spans: approved terms and quantities carried through MT.

Before MT, each approved term and each quantity of the source is written into
the Chinese input in its English form (党工委 → "Party Work Committee",
1.8亿元 → "180 million yuan", 2600多万 → "over 26 million").  NMT models copy
Latin spans they see, so the form survives; after MT, ``restore`` puts back
the exact form wherever the engine bent it: changed its case, its spacing, the
commas of its figures, or glued it to a neighbouring word.  A span the engine
dropped stays missing, and QA reports it; one it reordered or repeated is
restored where it stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from glossary.entry import Status
from translate.document import Segment
from translate.quantities import chinese_quantities

# Changes whenever what is written into the MT input changes, so remembered outputs made otherwise are not reused.
# 2: 百分之五 as "5 percent"; 3: 岁 as years, 11.7年 as years; 4: 一 before a unit left alone, 1 in the singular;
# 5: a bare 千 or 百 before a scale and a unit (千亿斤) as the figure; 6: N周年 as "the Nth anniversary";
# 7: N成 as a percentage, 港元 and 欧元 as their currencies; 8: a quantity after a demonstrative (这五年) left alone.
PROTECTION_VERSION = "terms+quantities-8"


@dataclass(frozen=True)
class Protected:
    start: int
    end: int
    english: str
    kind: str  # term | quantity


def protected_spans(segment: Segment) -> list[Protected]:
    """The approved terms of the segment, and its quantities outside them, in order."""
    spans = [Protected(h.start, h.end, h.en, "term") for h in segment.terms if h.status is Status.APPROVED and h.en]
    for quantity in chinese_quantities(segment.normalized):
        overlaps = any(s.start < quantity.end and quantity.start < s.end for s in spans)
        if quantity.english and quantity.dimension != "month" and not overlaps:
            spans.append(Protected(quantity.start, quantity.end, quantity.english, "quantity"))
    return sorted(spans, key=lambda span: span.start)


def inject(segment: Segment) -> str:
    """The MT input: the segment's protected spans replaced by their English."""
    source, parts, position = segment.normalized, [], 0
    for span in protected_spans(segment):
        parts += [source[position : span.start], f" {span.english} "]
        position = span.end
    parts.append(source[position:])
    return re.sub(r" {2,}", " ", "".join(parts)).strip()


@lru_cache(maxsize=4096)
def _bent(english: str, glued: bool) -> re.Pattern[str]:
    """The English as an engine may bend it: any case and spacing, figures with or without commas.

    With ``glued``, it is also found run together with a neighbouring word
    (about180 million yuanof); a digit never continues into it (15 is not 5).
    """
    words = []
    for word in english.split():
        if word[0].isdigit():
            words.append(r",?".join(re.escape(part) for part in word.split(",")))
        else:
            words.append(re.escape(word))
    body = r"\s*".join(words)
    if glued:
        return re.compile(r"(?<![\d.,])" + body + r"(?![\d])", re.IGNORECASE)
    return re.compile(r"(?<!\w)" + body + r"(?!\w)", re.IGNORECASE)


def _put_back(text: str, english: str, glued: bool) -> str:
    def exact(match: re.Match[str]) -> str:
        before = " " if match.start() and text[match.start() - 1].isalnum() else ""
        after = " " if match.end() < len(text) and text[match.end()].isalnum() else ""
        return before + english + after

    return _bent(english, glued).sub(exact, text)


def restore(output: str, segment: Segment) -> str:
    """Put back the exact English of every protected span the engine bent."""
    for span in {(s.english, s.kind) for s in protected_spans(segment)}:
        english, kind = span
        # A quantity, or a term of several words, cannot stand inside another word by accident.
        glued = kind == "quantity" or len(english.split()) > 1
        output = _put_back(output, english, glued)
    return output
