"""The Argos engine: an Argos Translate package run directly on CTranslate2 +
SentencePiece (what argostranslate itself does, without its torch and stanza
dependencies and run-time downloads).  ``packages`` finds and installs the
packages; ``tiny`` builds the tiny test package."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from glossary.errors import UserError
from translate.cpus import usable_cpus
from translate.engines import BatchDone
from translate.engines.argos.packages import Package

# Source tokens per batch, padding included.  A fixed count of sentences makes
# batches of long sentences huge and of short ones too small to keep the cores
# busy; a token budget keeps each batch's work about the same.  The figure is
# the best of bench/engine.py's sweep on transformer-base (see the README).
TOKENS_PER_BATCH = 1024


def decoding_cap(source_tokens: int) -> int:
    """The most target tokens a source of this length may get: twice its length, plus a margin for short
    titles, is more than any translation needs.  A model that does not emit </s> stops here instead of
    running every hypothesis of its batch to 512 steps."""
    return min(512, 2 * source_tokens + 16)


def token_batches(lengths: Sequence[int], budget: int) -> Iterator[list[int]]:
    """Indices of the sources in batches sorted by length (little padding), each at most ``budget`` tokens
    padded to its longest source, and never empty."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    batch: list[int] = []
    for index in order:
        if batch and (len(batch) + 1) * max(lengths[index], 1) > budget:
            yield batch
            batch = []
        batch.append(index)
    if batch:
        yield batch


class ArgosEngine:
    name = "argos"

    def __init__(self, package: Package, beam_size: int = 4, tokens_per_batch: int = TOKENS_PER_BATCH):
        import ctranslate2
        import sentencepiece

        self.package = package
        self.beam_size = beam_size
        self.tokens_per_batch = tokens_per_batch
        model = (package.model_dir / "model.bin").stat()
        self.identity = f"argos:{package.name}:{package.version}:{model.st_size}:{model.st_mtime_ns}:beam{beam_size}"
        try:
            self._tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(package.sentencepiece))
            self._translator = ctranslate2.Translator(
                str(package.model_dir),
                device="cpu",
                compute_type="auto",
                inter_threads=1,  # one batch at a time, all cores on it: batches are already large
                intra_threads=usable_cpus(),
            )
        except (OSError, RuntimeError, ValueError) as error:
            raise UserError(f"model does not load: {error}", package.path)

    def translate(self, sources: Sequence[str], batch_done: BatchDone | None = None) -> list[str]:
        results = [""] * len(sources)
        tokens = [self._tokenizer.encode(source, out_type=str) for source in sources]
        for batch in token_batches([len(t) for t in tokens], self.tokens_per_batch):
            # Sorted by length, a batch's sources are within a few tokens of each other: its cap is theirs.
            outputs = self._translator.translate_batch(
                [tokens[i] for i in batch],
                beam_size=self.beam_size,
                max_batch_size=len(batch),
                max_decoding_length=decoding_cap(max(len(tokens[i]) for i in batch)),
            )
            for i, output in zip(batch, outputs):
                results[i] = self._tokenizer.decode(output.hypotheses[0]).strip()
            if batch_done:
                batch_done(batch, [results[i] for i in batch])
        return results
