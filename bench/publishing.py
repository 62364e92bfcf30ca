"""Publishing the 2024 national report to PDF and DOCX.

The Chinese of the official 2024 report (the dev set's CSV), read as a report
is read (headings found, sentences segmented), with stand-in English of 1.3
words per Chinese character, as the issue sets it (the official English has
0.79: this is the heavier load), its words taken in turn from the official
English so that word lengths and hyphenation are real.  Targets: under 3 s
median for each format; a PDF under 2 MB.  Printed: seconds, pages per
second, bytes.

Then a set, as ``publish out/*.xlf`` publishes one: the report at the official
English's length, four times, one file at a time and then a process per usable
CPU, in alternating rounds so that noise slows both alike; the ratio is the
median of the rounds' ratios.  No target: the figure says what the CPUs give.
"""

from __future__ import annotations

import csv
import itertools
import statistics
import tempfile
import time
from pathlib import Path

from bench.data import REFERENCE, missing
from bench.timing import median_seconds
from foundation.cpus import usable_cpus
from glossary.store import load_glossary
from pipeline.job import Failure, Options, publish_files
from publish.outputs import render_outputs
from publish.settings import Settings
from translate.bitext import to_xliff
from translate.document import RawDocument
from translate.read.headings import settle_headings
from translate.read.plain import lines_to_blocks
from translate.segment import segment_document
from translate.terms import find_terms

WORDS_PER_CHINESE_CHARACTER = 1.3
OFFICIAL_WORDS_PER_CHINESE_CHARACTER = 0.79
SET_SIZE = 4
RUNS = 3
TARGET_SECONDS = 3.0
TARGET_PDF_BYTES = 2_000_000


def report_2024(words_per_character: float = WORDS_PER_CHINESE_CHARACTER):
    with REFERENCE.open(encoding="utf-8-sig", newline="") as handle:
        rows = [(r["中文"].strip(), r["英文"].strip()) for r in csv.DictReader(handle)]
    blocks = settle_headings(lines_to_blocks(["政府工作报告"] + [zh for zh, _ in rows]))
    document = segment_document(RawDocument(REFERENCE, "政府工作报告", blocks))
    document.source_file, document.translated = REFERENCE.name, "2024-03-05"
    english = itertools.cycle(" ".join(en for _, en in rows).split())
    for segment in document.segments:
        words = max(1, round(len(segment.source) * words_per_character))
        segment.target = " ".join(next(english) for _ in range(words))
    find_terms(document, load_glossary())  # for the glossary appendix
    return document


def run() -> bool:
    if missing("publishing", REFERENCE):
        return False
    document = report_2024()
    words = sum(len(s.target.split()) for s in document.segments)
    print(
        f"publishing: the 2024 report, {len(document.segments)} segments, {len(document.blocks)} blocks, "
        f"{words:,} stand-in English words; median of {RUNS} runs"
    )
    met = True
    for fmt in ("pdf", "docx"):
        seconds, rendered = median_seconds(lambda f=fmt: render_outputs(document, [f], Settings(), with_qa=False), RUNS)
        size = len(rendered.files[fmt])
        ok = seconds < TARGET_SECONDS and (fmt != "pdf" or size < TARGET_PDF_BYTES)
        met &= ok
        pages = f", {rendered.pages} pages, {rendered.pages / seconds:.1f} pages/s" if fmt == "pdf" else ""
        print(
            f"  {fmt:4}  {seconds:5.2f} s{pages}, {size:,} bytes; target < {TARGET_SECONDS:g} s"
            + (f" and < {TARGET_PDF_BYTES / 1e6:g} MB" if fmt == "pdf" else "")
            + f": {'met' if ok else 'MISSED'}"
        )
    publish_a_set()
    return met


def publish_a_set() -> None:
    document = report_2024(OFFICIAL_WORDS_PER_CHINESE_CHARACTER)
    glossary = load_glossary()
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number in range(SET_SIZE):
            document.stem = f"report-{number}"
            paths.append(Path(folder) / f"report-{number}.zh-en.xlf")
            paths[-1].write_bytes(to_xliff(document))
        options = Options(formats=("docx", "pdf"), out_dir=Path(folder) / "out")

        def seconds(workers: int) -> float:
            start = time.perf_counter()
            failed = [o for o in publish_files(paths, glossary, options, workers=workers) if isinstance(o, Failure)]
            assert not failed, failed
            return time.perf_counter() - start

        rounds = [(seconds(1), seconds(usable_cpus())) for _ in range(RUNS)]
    one, parallel = (statistics.median(times) for times in zip(*rounds))
    ratio = statistics.median(a / b for a, b in rounds)
    print(
        f"  a set of {SET_SIZE} (official-length English), DOCX and PDF: one at a time {one:.1f} s, "
        f"a process per CPU ({usable_cpus()}) {parallel:.1f} s: {ratio:.2f}x; medians of {RUNS} rounds"
    )


if __name__ == "__main__":
    raise SystemExit(0 if run() else 1)
