"""``translate eval``: engines measured on a reference translation, to choose one by evidence.

The reference's Chinese is translated by each contender in turn, every sentence sent to it (no memory, no
sentence filled from the glossary alone: those would be the same whatever the engine, and would hide the
differences), its approved terms and quantities written into the input as the main job writes them.  The
English is then measured (``translate.qa.scores``) and checked by QA as the main job checks it.

A contender is an engine (``translate.engines``) or a translation memory, whose human units are returned as
they stand: with the reference imported into it, it is the reference, and must score perfectly, a check
of the measuring itself.

The result is a plain dict (what ``--json`` prints and the HTML page draws): the reference's own term
success and numbers kept, then per contender the scores, its speed, and its worst segments by each measure.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from foundation.errors import UserError
from glossary.store import Glossary
from pipeline.job import ProgressBar, machine_translate, no_bar
from translate.document import Block, BlockKind, Document, Segment, State
from translate.engines import Engine
from translate.memory import TranslationMemory, Unit
from translate.occasion import document_year
from translate.qa import check_document
from translate.qa.scores import SegmentScore, corpus_bleu, corpus_chrf, score_segment, share, signatures
from translate.terms import find_terms
from translate.tm_files import read_units

WORST = 5  # segments listed by each measure, per contender
MEASURES = ("chrf", "terms", "numbers", "qa")  # the measures a segment can be worst by


class Contender(Protocol):
    label: str  # as the user named it: argos, llm:qwen2.5-7b, memory…

    def fill(self, document: Document, progress: Callable[[int], None] | None) -> None:
        """Give every segment of the document its English (left empty where there is none)."""

    def reasked(self) -> int | None:
        """Segments asked a second time because their first English failed its checks (None: never asks)."""

    def notes(self) -> list[str]:
        """What went wrong on the way, for the person comparing (why sentences have no English)."""


@dataclass
class EngineContender:
    label: str
    engine: Engine

    def fill(self, document: Document, progress: Callable[[int], None] | None) -> None:
        machine_translate(self.engine, document.segments, None, document.source_file, progress, document)

    def reasked(self) -> int | None:
        return getattr(self.engine, "reasked", None)

    def notes(self) -> list[str]:
        take = getattr(self.engine, "take_notes", None)
        return take() if take else []


@dataclass
class MemoryContender:
    """A memory's human translation of each sentence, word for word as it holds it."""

    label: str
    memory: TranslationMemory

    def fill(self, document: Document, progress: Callable[[int], None] | None) -> None:
        found = self.memory.human([segment.normalized for segment in document.segments])
        for segment in document.segments:
            unit = found.get(segment.normalized)
            if unit is not None:
                segment.target, segment.state, segment.origin = unit.target, State.TRANSLATED, "tm-human"
        if progress:
            progress(len(document.segments))

    def reasked(self) -> int | None:
        return None

    def notes(self) -> list[str]:
        return []


@dataclass
class Reference:
    """The sentence pairs measured against, and where they came from."""

    units: list[Unit]
    files: list[str]
    places: list[str] = field(default_factory=list)  # where each pair is: "reference.csv line 4"
    year: int | None = None  # the texts' year, for the renderings official then (None: every era's)
    kind: str = ""
    refused: list[str] = field(default_factory=list)  # why each pair left out was (a character no text may hold)

    def document(self, glossary: Glossary, label: str) -> Document:
        """The Chinese as a document of one-sentence paragraphs, its terms found, not yet translated."""
        blocks = [
            Block(f"p{n}", BlockKind.PARAGRAPH, [Segment(f"s{n}", unit.source_as_written, unit.source)])
            for n, unit in enumerate(self.units, start=1)
        ]
        document = Document(", ".join(self.files), blocks, label, year=self.year, kind=self.kind)
        document.source_file = label
        document.glossary_sha256 = glossary.sha256
        find_terms(document, glossary)
        return document


@dataclass
class Measured:
    """One English of the reference's Chinese, measured segment by segment."""

    document: Document
    scores: list[SegmentScore] = field(default_factory=list)

    def totals(self) -> dict:
        scores = self.scores
        terms, numbers = sum(s.terms for s in scores), sum(s.numbers for s in scores)
        errors = sum(1 for s in self.document.segments for i in s.issues if i.severity == "error")
        return {
            "terms": terms,
            "terms_rendered": sum(s.terms_rendered for s in scores),
            "term_success": share(sum(s.terms_rendered for s in scores), terms),
            "numbers": numbers,
            "numbers_kept_count": sum(s.numbers_kept for s in scores),
            "numbers_kept": share(sum(s.numbers_kept for s in scores), numbers),
            "qa_errors": errors,
            "qa_errors_per_segment": share(errors, len(scores)),
        }


def measure(document: Document, references: Sequence[str] | None) -> Measured:
    """QA on the document's English as the main job runs it, and each segment scored."""
    check_document(document)
    year = document_year(document)
    refs = references if references is not None else [None] * len(document.segments)
    scores = [score_segment(s.target, s, ref, year) for s, ref in zip(document.segments, refs)]
    return Measured(document, scores)


def evaluate(
    reference: Reference,
    contenders: Sequence[Contender],
    glossary: Glossary,
    progress_bar: ProgressBar | None = None,
    worst: int = WORST,
) -> dict:
    """Each contender's English of the reference's Chinese, measured: the report."""
    references = [unit.target for unit in reference.units]
    own = measure(_with_targets(reference.document(glossary, "reference"), references), None)
    report = {
        "reference": {
            "files": reference.files,
            "segments": len(references),
            "refused": len(reference.refused),
            "year": reference.year,
            **own.totals(),
        },
        "signatures": signatures(),
        "engines": [],
    }
    for contender in contenders:
        document = reference.document(glossary, contender.label)
        before = contender.reasked()
        started = time.perf_counter()
        with (progress_bar or no_bar)(document) as progress:
            contender.fill(document, progress)
        seconds = time.perf_counter() - started
        after = contender.reasked()
        for segment in document.segments:
            segment.state = State.TRANSLATED  # asked and not answered is an empty translation: QA's error
        measured = measure(document, references)
        outputs = [segment.target for segment in document.segments]
        report["engines"].append(
            {
                "engine": contender.label,
                "chrf": corpus_chrf(outputs, references).score,
                "bleu": corpus_bleu(outputs, references).score,
                **measured.totals(),
                "untranslated": sum(1 for output in outputs if not output.strip()),
                "seconds": seconds,
                "segments_per_second": len(outputs) / seconds if seconds > 0 else None,
                "reasked": None if after is None else after - (before or 0),
                "notes": contender.notes(),
                "worst": _worst(measured, references, reference.places, worst),
            }
        )
    return report


def _with_targets(document: Document, targets: Sequence[str]) -> Document:
    for segment, target in zip(document.segments, targets):
        segment.target, segment.state = target, State.TRANSLATED
    return document


def _worst(measured: Measured, references: Sequence[str], places: Sequence[str], count: int) -> dict[str, list[dict]]:
    """The segments that did worst by each measure, worst first (ties in the reference's order); a
    segment that did not lose by a measure is never listed under it."""
    rows = list(zip(measured.document.segments, measured.scores, references))
    where = dict(zip((segment.id for segment in measured.document.segments), places))

    def errors(segment: Segment) -> list[str]:
        return [f"{i.check}: {i.message}" for i in segment.issues if i.severity == "error"]

    losses = {
        "chrf": lambda segment, score: 100 - (score.chrf or 0.0),
        "terms": lambda segment, score: len(score.missed_terms),
        "numbers": lambda segment, score: len(score.missed_numbers),
        "qa": lambda segment, score: len(errors(segment)),
    }
    worst = {}
    for measure_name, loss in losses.items():
        ranked = sorted((r for r in rows if loss(r[0], r[1]) > 0), key=lambda r: -loss(r[0], r[1]))
        worst[measure_name] = [
            {
                "segment": segment.id,
                "where": where.get(segment.id, ""),
                "source": segment.source,
                "reference": ref,
                "output": segment.target,
                "chrf": score.chrf,
                "missed_terms": score.missed_terms,
                "missed_numbers": score.missed_numbers,
                "qa_errors": errors(segment),
            }
            for segment, score, ref in ranked[:count]
        ]
    return worst


def read_reference(paths: Sequence[Path], max_input_bytes: int, year: int | None = None, kind: str = "") -> Reference:
    """The sentence pairs of TMX, XLIFF or CSV files, in their order; a unit holding a character no text may
    hold is left out and counted (``Reference.refused``)."""
    units, places, refused = [], [], []
    for path in paths:
        found = read_units(path, max_input_bytes)
        units += found.units
        # by name only: a report names no folder of the machine it ran on
        line = "line " if path.suffix.lower() == ".csv" else ""
        places += [f"{path.name} {line}{unit.segment}" for unit in found.units]
        refused += [str(error) for error in found.refused]
    if not units:
        raise UserError("no sentence pairs with both Chinese and English", paths[0] if len(paths) == 1 else None)
    return Reference(units, [path.name for path in paths], places, year, kind, refused)
