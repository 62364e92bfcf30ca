"""How good an English is, segment by segment and for a whole text: what ``translate eval`` measures.

- chrF and BLEU against a reference translation, by sacrebleu with its default settings (chrF2;
  BLEU with the 13a tokenizer, mixed case), so a figure compares with published ones; each comes with
  sacrebleu's signature, which says exactly how it was computed.
- Term success, the measure of the WMT terminology tasks: of the approved glossary terms in the
  Chinese, the share whose English holds an accepted rendering, judged as QA judges it (any English form
  of the rendering, the renderings official in the text's year).  It needs no reference, so the
  reference itself is scored by it too.
- Numbers kept: of the quantities in the Chinese, the share the English states, as QA's number check
  finds them; a quantity QA only warns about (a year said as "this year") counts as kept, one it
  reports as an error does not.

An empty English scores nothing: every term and every number of its Chinese counts as missed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from glossary.entry import Status
from translate.document import Segment
from translate.qa import quantity_issues, terms_rendered
from translate.quantities import chinese_quantities

NUMBER_ERROR = "number-mismatch"


@dataclass
class SegmentScore:
    """One segment's English measured: its chrF against the reference, and what of its terms and numbers
    it keeps (the Chinese of those missed, as written, for a person to look at)."""

    chrf: float | None  # None when there is no reference to measure against
    terms: int  # approved term occurrences in the Chinese
    terms_rendered: int
    numbers: int  # quantities in the Chinese
    numbers_kept: int
    missed_terms: list[str] = field(default_factory=list)
    missed_numbers: list[str] = field(default_factory=list)


def term_outcomes(target: str, segment: Segment, year: int | None = None) -> tuple[int, list[str]]:
    """How many approved terms of the segment ``target`` renders, and the Chinese of those it misses."""
    hits = segment.terms
    approved = [i for i, hit in enumerate(hits) if hit.status is Status.APPROVED and hit.en]
    found = terms_rendered(target, hits, year) if target.strip() and approved else [False] * len(hits)
    missed = [hits[i].zh for i in approved if not found[i]]
    return len(approved) - len(missed), missed


def number_outcomes(target: str, segment: Segment) -> tuple[int, list[str]]:
    """How many of the segment's quantities ``target`` states, and those it misses, as QA reports them."""
    quantities = chinese_quantities(segment.normalized)
    if not target.strip():
        return 0, [q.shown() for q in quantities]
    missing = [issue.message for issue in quantity_issues(segment.normalized, target) if issue.check == NUMBER_ERROR]
    return len(quantities) - len(missing), missing


def score_segment(target: str, segment: Segment, reference: str | None, year: int | None = None) -> SegmentScore:
    rendered, missed_terms = term_outcomes(target, segment, year)
    kept, missed_numbers = number_outcomes(target, segment)
    return SegmentScore(
        chrf=sentence_chrf(target, reference) if reference is not None else None,
        terms=rendered + len(missed_terms),
        terms_rendered=rendered,
        numbers=len(chinese_quantities(segment.normalized)),
        numbers_kept=kept,
        missed_terms=missed_terms,
        missed_numbers=missed_numbers,
    )


@dataclass(frozen=True)
class CorpusScore:
    score: float
    signature: str  # sacrebleu's: the metric's settings and version, to quote beside the figure


def corpus_chrf(outputs: Sequence[str], references: Sequence[str]) -> CorpusScore:
    from sacrebleu.metrics import CHRF

    metric = CHRF()
    return CorpusScore(metric.corpus_score(list(outputs), [list(references)]).score, str(metric.get_signature()))


def corpus_bleu(outputs: Sequence[str], references: Sequence[str]) -> CorpusScore:
    from sacrebleu.metrics import BLEU

    # force: the English is scored as the engine wrote it, which is what would be published; sacrebleu would
    # otherwise warn, on stderr and in its own words, that text with spaces before full stops looks tokenized.
    metric = BLEU(force=True)
    return CorpusScore(metric.corpus_score(list(outputs), [list(references)]).score, str(metric.get_signature()))


def signatures() -> dict[str, str]:
    """sacrebleu's signatures of the two corpus scores, as computed here."""
    from sacrebleu.metrics import BLEU, CHRF

    signed = {}
    for name, metric in (("chrf", CHRF()), ("bleu", BLEU())):
        metric.corpus_score(["a"], [["a"]])  # sacrebleu signs a metric once it has scored (it counts references)
        signed[name] = str(metric.get_signature())
    return signed


def sentence_chrf(output: str, reference: str) -> float:
    """chrF of one sentence: what finds the worst segments (BLEU is not meant for single sentences)."""
    return _sentence_chrf().sentence_score(output, [reference]).score


@cache
def _sentence_chrf():
    """One metric for every sentence (asked for each segment of each engine), made when first needed."""
    from sacrebleu.metrics import CHRF

    return CHRF()


def share(part: int, whole: int) -> float | None:
    """``part`` of ``whole`` as a fraction, None when there was nothing to count."""
    return part / whole if whole else None
