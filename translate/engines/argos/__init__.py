"""The Argos engine: an Argos Translate package run directly on CTranslate2 +
SentencePiece (what argostranslate itself does, without its torch and stanza
dependencies and run-time downloads).  ``packages`` finds and installs the
packages; ``tiny`` builds the tiny test package."""

from __future__ import annotations

import os
from collections.abc import Sequence

from glossary.errors import UserError
from translate.engines import Progress
from translate.engines.argos.packages import Package


class ArgosEngine:
    name = "argos"

    def __init__(self, package: Package, batch_size: int = 32, beam_size: int = 4):
        import ctranslate2
        import sentencepiece

        self.package = package
        self.batch_size = batch_size
        self.beam_size = beam_size
        model = (package.model_dir / "model.bin").stat()
        self.identity = f"argos:{package.name}:{package.version}:{model.st_size}:{model.st_mtime_ns}:beam{beam_size}"
        try:
            self._tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(package.sentencepiece))
            self._translator = ctranslate2.Translator(
                str(package.model_dir),
                device="cpu",
                compute_type="auto",
                inter_threads=1,
                intra_threads=os.cpu_count() or 1,
            )
        except (OSError, RuntimeError, ValueError) as error:
            raise UserError(f"model does not load: {error}", package.path)

    def translate(self, sources: Sequence[str], progress: Progress | None = None) -> list[str]:
        results = [""] * len(sources)
        # Sorting by length keeps padding inside a batch small.
        order = sorted(range(len(sources)), key=lambda i: len(sources[i]))
        for start in range(0, len(order), self.batch_size):
            batch = order[start : start + self.batch_size]
            tokens = [self._tokenizer.encode(sources[i], out_type=str) for i in batch]
            longest = max(len(t) for t in tokens)
            outputs = self._translator.translate_batch(
                tokens,
                beam_size=self.beam_size,
                max_batch_size=self.batch_size,
                max_decoding_length=min(512, 2 * longest + 16),
            )
            for i, output in zip(batch, outputs):
                results[i] = self._tokenizer.decode(output.hypotheses[0]).strip()
            if progress:
                progress(len(batch))
        return results
