"""Glossary matching over the 1954–2024 national work reports (~1.5 M characters).

Target: the whole corpus matched against the shipped glossary in under 1 s
(median of several runs).  Baseline, measured in the same run: one Python
regular expression alternating every form, longest first, which is what a
matcher without Aho-Corasick would do.
"""

from __future__ import annotations

import re
from pathlib import Path

from bench.timing import median_seconds
from glossary.entry import Status
from glossary.match import TermMatcher
from glossary.script import to_simplified
from glossary.store import load_glossary
from translate.read.corpus import read_corpus

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "gwr-1954-2024-zh.jsonl"
TARGET_SECONDS = 1.0
RUNS = 5


def run(corpus: Path = CORPUS) -> bool:
    if not corpus.is_file():
        print(f"glossary_match: corpus not found at {corpus} (it lives in ../shared/corpus)")
        return False
    texts = [text for _, text in read_corpus([corpus])]
    characters = sum(len(t) for t in texts)
    glossary = load_glossary()
    build, matcher = median_seconds(lambda: TermMatcher(glossary.entries), RUNS)  # what Glossary.matcher builds
    seconds, hits = median_seconds(lambda: sum(len(matcher.find(t)) for t in texts), RUNS)
    with_script, _ = median_seconds(lambda: sum(len(matcher.find(to_simplified(t))) for t in texts), RUNS)

    forms = sorted(
        {f for e in glossary.entries if e.status is not Status.REJECTED for f in e.forms if len(f) > 1}, key=len
    )
    pattern = re.compile("|".join(re.escape(f) for f in reversed(forms)))
    baseline, baseline_hits = median_seconds(lambda: sum(len(pattern.findall(t)) for t in texts), 3)

    met = seconds < TARGET_SECONDS
    print(f"glossary_match: {len(texts)} reports, {characters:,} characters, {len(glossary.entries)} entries")
    print(f"  automaton build   {build * 1000:8.1f} ms (median of {RUNS})")
    print(f"  match corpus      {seconds * 1000:8.1f} ms (median of {RUNS})  target < {TARGET_SECONDS * 1000:.0f} ms: "
          f"{'met' if met else 'MISSED'}")  # fmt: skip
    print(f"  OpenCC t2s + match{with_script * 1000:8.1f} ms (median of {RUNS}), as the translate pipeline runs it")
    print(f"  throughput        {characters / seconds / 1e6:8.2f} M characters/s, {hits:,} hits")
    print(f"  regex baseline    {baseline * 1000:8.1f} ms (median of 3), {baseline_hits:,} hits; "
          f"Aho-Corasick is {baseline / seconds:.1f}x faster")  # fmt: skip
    return met
