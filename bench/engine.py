"""The engine at the speed of the hardware.

A random-weight model of the real Argos zh→en size (transformer-base: 6+6
layers, d_model 512, 8 heads, FFN 2048, 65,000 pieces, int8), built the way
the tiny test model is (``translate.engines.argos.tiny``), never downloaded.
Its weights never choose </s>, so every sentence decodes to its cap: the same
work in each way of running it.  On the segments of the 2024 report:

(a) the pipeline's engine stage: ``run_engine`` on segments (terms injected,
    batches by tokens, each batch kept as it finishes);
(b) raw ``translate_batch`` on the same input pre-tokenized, in the same
    length-sorted token batches and caps, at the best token budget of a sweep;
(c) one ``translate_batch`` call per sentence, as argostranslate's
    ``translate()`` does.

Targets: (a) >= 0.9 x (b), (a) >= 3 x (c).  ``--segments N`` takes every
k-th segment, to keep the length mix, for a quicker run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from bench.memory import SEEDS, report_2024
from bench.timing import median_seconds
from foundation.cpus import usable_cpus
from glossary.store import load_glossary
from translate.document import Segment
from translate.engines import run_engine
from translate.engines.argos import TOKENS_PER_BATCH, ArgosEngine, decoding_cap, token_batches
from translate.engines.argos.packages import read_package
from translate.engines.argos.tiny import PACKAGE_FOLDER, TRANSFORMER_BASE, build_tiny_package
from translate.protect import inject

BUDGETS = (256, 512, 1024, 2048)
TARGETS = {"raw": 0.9, "per-sentence": 3.0}


def _segments(sources: list[str]) -> list[Segment]:
    """The sources as the pipeline has them at the engine stage: terms found, to be injected."""
    glossary = load_glossary()
    segments = [Segment(f"s{n}", source, source) for n, source in enumerate(sources)]
    for segment in segments:
        segment.terms = glossary.find_terms(segment.normalized)
    return segments


def _raw(engine: ArgosEngine, tokens: list[list[str]], budget: int) -> None:
    translator = engine._translator
    for batch in token_batches([len(t) for t in tokens], budget):
        translator.translate_batch(
            [tokens[i] for i in batch],
            beam_size=engine.beam_size,
            max_batch_size=len(batch),
            max_decoding_length=decoding_cap(max(len(tokens[i]) for i in batch)),
        )


def _per_sentence(engine: ArgosEngine, tokens: list[list[str]]) -> None:
    for sentence in tokens:
        engine._translator.translate_batch(
            [sentence], beam_size=engine.beam_size, max_decoding_length=decoding_cap(len(sentence))
        )


def run(limit: int | None = None, runs: int = 3) -> bool:
    _, sources = report_2024()
    if limit:
        sources = sources[:: max(1, len(sources) // limit)][:limit]
    with tempfile.TemporaryDirectory() as folder:
        package_file = build_tiny_package(SEEDS, Path(folder) / "base.argosmodel", size=TRANSFORMER_BASE)
        megabytes = (package_file.stat().st_size) / 1e6
        with zipfile.ZipFile(package_file) as archive:
            archive.extractall(folder)
        engine = ArgosEngine(read_package(Path(folder) / PACKAGE_FOLDER))
        segments = _segments(sources)
        # (b) and (c) get what the pipeline gives the engine: the sources with their terms injected.
        tokens = [engine._tokenizer.encode(inject(s), out_type=str) for s in segments]
        count = len(sources)

        sweep = {b: median_seconds(lambda b=b: _raw(engine, tokens, b), 1)[0] for b in BUDGETS}
        best = min(sweep, key=sweep.get)
        # Rounds of (a), (b), (c) in turn, so that a noisy minute slows all three alike; each ratio is the
        # median of the rounds' ratios.
        ways = {
            "pipeline": lambda: run_engine(engine, segments, lambda i, o: None),
            "raw": lambda: _raw(engine, tokens, best),
            "per-sentence": lambda: _per_sentence(engine, tokens),
        }
        rounds = [{name: median_seconds(work, 1)[0] for name, work in ways.items()} for _ in range(runs)]

    rates = {name: count / statistics.median(r[name] for r in rounds) for name in ways}
    ratios = {k: statistics.median(r[k] / r["pipeline"] for r in rounds) for k in ("raw", "per-sentence")}
    met = all(ratios[k] >= TARGETS[k] for k in TARGETS)
    mean_tokens = statistics.mean(len(t) for t in tokens)
    print(f"engine: random transformer-base ({megabytes:.0f} MB package, int8), {count} segments of the 2024 report "
          f"({mean_tokens:.0f} source tokens on average), beam {engine.beam_size}, "
          f"{usable_cpus()} threads")  # fmt: skip
    swept = ", ".join(f"{budget}: {count / seconds:.2f} seg/s" for budget, seconds in sweep.items())
    print(f"  raw token-budget sweep (one run each): {swept}")
    rounds_note = f"median of {runs} rounds; budget {TOKENS_PER_BATCH}"
    print(f"  (a) pipeline engine stage   {rates['pipeline']:6.2f} seg/s ({rounds_note})")
    print(f"  (b) raw translate_batch     {rates['raw']:6.2f} seg/s (budget {best})")
    print(f"  (c) one call per sentence   {rates['per-sentence']:6.2f} seg/s")
    for key, label in (("raw", "(a)/(b)"), ("per-sentence", "(a)/(c)")):
        verdict = "met" if ratios[key] >= TARGETS[key] else "MISSED"
        print(f"  {label} = {ratios[key]:.2f} (median of the rounds' ratios)  target >= {TARGETS[key]}: {verdict}")
    return met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="engine throughput on transformer-base")
    parser.add_argument("--segments", type=int, help="a sample of this many segments (default: all)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    met = run(args.segments, args.runs)
    print(f"  ({time.perf_counter() - start:.0f} s in all)")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
