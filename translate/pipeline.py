"""One document through the stages: terms found, MT run, terms restored, QA."""

from __future__ import annotations

from glossary.store import Glossary
from translate.cache import TranslationCache, cache_key
from translate.document import Document, RawDocument, State
from translate.engine import Engine, Progress
from translate.qa import check_document
from translate.segment import build_document
from translate.terms import glossary_only, inject, restore


def prepare(raw: RawDocument, glossary: Glossary) -> Document:
    document = build_document(raw.title, raw.blocks, raw.path.stem)
    document.glossary_sha256 = glossary.sha256
    _find_terms(document, glossary)
    return document


def _find_terms(document: Document, glossary: Glossary) -> None:
    for segment in document.segments:
        segment.terms = glossary.find_terms(segment.source)


def recheck(document: Document, glossary: Glossary) -> Document:
    """QA again with the current glossary, e.g. on a post-edited XLIFF before publishing."""
    _find_terms(document, glossary)
    check_document(document)
    return document


def translate_document(
    document: Document,
    glossary: Glossary,
    engine: Engine | None,
    progress: Progress | None = None,
    cache: TranslationCache | None = None,
) -> Document:
    """Fill every segment's target; with no engine only what the glossary covers.

    With a cache, segments whose source and glossary terms are unchanged since
    an earlier run are not sent to the engine again.
    """
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
        outputs = _machine_translate(pending, glossary, engine, progress, cache)
        for segment, output in zip(pending, outputs):
            segment.target = restore(output, segment.terms)
            segment.state, segment.origin = State.TRANSLATED, "mt"
    check_document(document)
    return document


def _machine_translate(segments, glossary, engine, progress, cache) -> list[str]:
    if cache is None:
        return engine.translate([inject(s.source, s.terms) for s in segments], progress)
    keys = [cache_key(engine.identity, s) for s in segments]
    cached = cache.get_many(keys)
    if progress and cached:
        progress(sum(1 for k in keys if k in cached))
    missing = [i for i, k in enumerate(keys) if k not in cached]
    fresh = engine.translate([inject(segments[i].source, segments[i].terms) for i in missing], progress)
    new = {keys[i]: output for i, output in zip(missing, fresh)}
    cache.put_many(new)
    return [cached[k] if k in cached else new[k] for k in keys]
