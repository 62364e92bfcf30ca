"""The Argos engine: an Argos Translate package run directly on CTranslate2 +
SentencePiece (what argostranslate itself does, without its torch and stanza
dependencies and run-time downloads).  ``packages`` finds and installs the
packages; ``tiny`` builds the tiny test package."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

from foundation.cpus import usable_cpus
from foundation.errors import UserError
from translate.engines import BatchDone
from translate.engines.argos.packages import Package

# Source tokens per batch, padding included.  A fixed count of sentences makes
# batches of long sentences huge and of short ones too small to keep the cores
# busy; a token budget keeps each batch's work about the same.  The figure is
# the best of bench/engine.py's sweep on transformer-base (see the README).
TOKENS_PER_BATCH = 1024
# On a GPU a batch can be much larger before it stops paying: the device works on it in parallel.
TOKENS_PER_BATCH_CUDA = 8192
DEVICES = ("auto", "cpu", "cuda")


def choose_device(requested: str | None, cuda_devices: int) -> str:
    """cpu or cuda, from ``--device`` or else Argos's own ``ARGOS_DEVICE_TYPE`` (auto: CUDA when
    CTranslate2 sees a device); a one-line error for CUDA where there is none."""
    wanted = (requested or os.environ.get("ARGOS_DEVICE_TYPE") or "auto").strip().lower()
    if wanted not in DEVICES:
        raise UserError(f"unknown device {wanted!r} (from ARGOS_DEVICE_TYPE): use auto, cpu or cuda")
    if wanted == "auto":
        return "cuda" if cuda_devices > 0 else "cpu"
    if wanted == "cuda" and cuda_devices == 0:
        raise UserError("no CUDA device: CTranslate2 sees none (a CUDA build and driver are needed); use --device cpu")
    return wanted


def cuda_device_count() -> int:
    import ctranslate2

    try:
        return ctranslate2.get_cuda_device_count()
    except (RuntimeError, OSError):  # a build without CUDA, or no driver
        return 0


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

    def __init__(
        self, package: Package, beam_size: int = 4, tokens_per_batch: int | None = None, device: str | None = None
    ):
        import ctranslate2
        import sentencepiece

        self.package = package
        self.beam_size = beam_size
        self.device = choose_device(device, cuda_device_count())
        on_gpu = self.device == "cuda"
        self.tokens_per_batch = tokens_per_batch or (TOKENS_PER_BATCH_CUDA if on_gpu else TOKENS_PER_BATCH)
        model = (package.model_dir / "model.bin").stat()
        self.identity = f"argos:{package.name}:{package.version}:{model.st_size}:{model.st_mtime_ns}:beam{beam_size}"
        try:
            self._tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(package.sentencepiece))
            self._translator = ctranslate2.Translator(
                str(package.model_dir),
                device=self.device,
                compute_type="auto",  # the fastest the device supports: int8 on a CPU, float16 kinds on a GPU
                inter_threads=1,  # one batch at a time, all cores on it: batches are already large
                intra_threads=0 if on_gpu else usable_cpus(),
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
                # A segment has words: an end before the first word is no translation, however likely the
                # model finds it (a small or random model does, and which segment hit it varied by CPU).
                min_decoding_length=1,
            )
            for i, output in zip(batch, outputs):
                results[i] = self._tokenizer.decode(output.hypotheses[0]).strip()
            if batch_done:
                batch_done(batch, [results[i] for i in batch])
        return results
