"""One document through the stages: terms found, MT run, terms restored, QA."""

from __future__ import annotations

from glossary.match import TermMatcher
from glossary.store import Glossary
from translate.document import Document, State
from translate.engine import Engine, Progress
from translate.qa import check_document
from translate.read import RawDocument
from translate.segment import build_document
from translate.terms import find_terms, glossary_only, inject, restore


def prepare(raw: RawDocument, glossary: Glossary, matcher: TermMatcher) -> Document:
    document = build_document(raw.title, raw.blocks, raw.path.stem)
    document.glossary_hash = glossary.content_hash
    for segment in document.segments:
        segment.terms = find_terms(segment, matcher)
    return document


def translate_document(
    document: Document, glossary: Glossary, engine: Engine | None, progress: Progress | None = None
) -> Document:
    """Fill every segment's target; with no engine only what the glossary covers."""
    pending = []
    for segment in document.segments:
        covered = glossary_only(segment.source, segment.terms)
        if covered is not None:
            segment.target, segment.state, segment.origin = covered, State.TRANSLATED, "glossary"
        elif engine is None:
            segment.target, segment.state, segment.origin = "", State.INITIAL, ""
        else:
            pending.append(segment)
    if progress:
        progress(len(document.segments) - len(pending))
    if engine is not None and pending:
        outputs = engine.translate([inject(s.source, s.terms) for s in pending], progress)
        for segment, output in zip(pending, outputs):
            segment.target = restore(output, segment.terms)
            segment.state, segment.origin = State.TRANSLATED, "mt"
    check_document(document, glossary.entries)
    return document
