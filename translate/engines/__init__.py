"""MT engines behind one small interface: a batch of sources in, their
translations out.  Argos (``engines.argos``) is the one there is today."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from translate.document import Segment
from translate.protect import inject

# Called as each batch finishes, with the batch's indices into the sources and
# their outputs, so the job can show progress and keep the work at once; an engine
# that checks its outputs says which passed (only those are remembered), and an
# empty output is no translation.
BatchDone = Callable[..., None]  # (indices, outputs[, kept])


class Engine(Protocol):
    name: str
    identity: str  # what a cached translation was made by

    def translate(self, sources: Sequence[str], batch_done: BatchDone | None = None) -> list[str]: ...


ENGINES = ("argos", "llm", "libretranslate", "none")


def create_engine(
    name: str,
    source_lang: str,
    target_lang: str,
    model: str | None = None,
    llm=None,
    device: str | None = None,
    lt=None,
) -> Engine | None:
    """The engine called ``name`` for a language pair (``model``: an Argos package name or folder;
    ``device``: where Argos runs, auto, cpu or cuda; ``llm`` and ``lt``: the LLM's and LibreTranslate's
    settings); None for "none"."""
    if name == "none":
        return None
    if name == "llm":
        from translate.engines.llm import LLMEngine, LLMSettings

        return LLMEngine(llm or LLMSettings())
    if name == "libretranslate":
        from translate.engines.libretranslate import LibreTranslateEngine, LTSettings

        return LibreTranslateEngine(lt or LTSettings(), source_lang, target_lang)
    from translate.engines.argos import ArgosEngine
    from translate.engines.argos.packages import find_package

    return ArgosEngine(find_package(source_lang, target_lang, model), device=device)


def run_engine(engine: Engine, segments: list[Segment], batch_done: BatchDone | None = None) -> list[str]:
    """The engine's outputs for these segments, their approved terms and quantities injected into the input."""
    return engine.translate([inject(segment) for segment in segments], batch_done)
