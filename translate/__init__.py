"""Translate Chinese reports into aligned bilingual XLIFF, DOCX and PDF.

The library the commands call, importable from here:

    from translate import Options, create_engine, load_glossary, translate_file

This package holds the document model, the stages and the bilingual file; the
main job that runs them and then publishes stands a floor above, in
``pipeline``, and so does ``publish``.  Its names are handed on from here when
first asked for (PEP 562): the public face, not an import of a higher floor, so
importing one stage module does not import the whole job.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "Options": "pipeline.job",
    "Outcome": "pipeline.job",
    "Failure": "pipeline.job",
    "translate_file": "pipeline.job",
    "translate_files": "pipeline.job",
    "publish_file": "pipeline.job",
    "publish_files": "pipeline.job",
    "create_engine": "translate.engines",
    "load_glossary": "glossary.store",
    "TranslationMemory": "translate.memory",
    "memory_at": "translate.memory",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'translate' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
