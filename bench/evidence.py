"""``glossary evidence`` at scale: a translation memory of 100,000 human units.

Two memories, each read from SQLite and gathered whole (matching, rendering tests, boundary checks,
candidates), timed as a user runs it (the glossary's matcher and jieba's dictionary loaded first,
as the command loads them once):

- real English: the official 2024 sentence pairs, each copy marked so no two units are equal
  (a clause of its own, so the marks add no term); most occurrences render their entry, so the
  English rendering tests dominate;
- unrelated English: the memory bench's units (every sentence of the 1954-2024 reports and
  variants, with stand-in English), where every occurrence renders nothing, so every one is checked
  for word boundaries with jieba: the worst case for that check.

Target: under 3 s for each (median of 3).
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from bench.data import CORPUS, REFERENCE, missing
from bench.memory import UNITS, build_memory
from bench.timing import median_seconds
from glossary.store import load_glossary
from translate.evidence import gather, read_pairs
from translate.memory import TranslationMemory, Unit, memory_at
from translate.normalize import normalize

TARGET = 3.0


def real_english_memory(path: Path) -> TranslationMemory:
    with REFERENCE.open(encoding="utf-8-sig", newline="") as handle:
        rows = [(r["中文"].strip(), r["英文"].strip()) for r in csv.DictReader(handle) if r["中文"].strip()]
    units = [
        Unit(normalize(f"{zh}（{copy}）"), f"{en} ({copy})", "human")
        for copy in range(UNITS // len(rows) + 1)
        for zh, en in rows
    ]
    memory = memory_at(path)
    memory.add_human(units[:UNITS])
    return memory


def run() -> bool:
    if missing("evidence", REFERENCE, CORPUS):
        return False
    glossary = load_glossary()
    glossary.matcher.boundaries  # noqa: B018 (loaded once, as the command does before it reads)
    met = True
    print(f"evidence: glossary evidence --tm over {UNITS:,} human units (target < {TARGET:g} s, median of 3)")
    with tempfile.TemporaryDirectory() as folder:
        for label, memory in (
            ("real English (the 2024 pairs, marked copies)", real_english_memory(Path(folder) / "real.sqlite")),
            ("unrelated English (every occurrence checked)", build_memory(Path(folder) / "other.sqlite")[0]),
        ):

            def work(memory=memory):
                if glossary.matcher._boundaries is not None:
                    glossary.matcher.boundaries.clear_cache()  # no clause segmented in an earlier run
                return gather(read_pairs([], memory, 0), glossary)

            seconds, results = median_seconds(work, 3)
            occurrences = sum(r.count for r in results)
            neither = sum(r.neither for r in results)
            ok = seconds < TARGET
            met &= ok
            print(
                f"  {label}: {seconds:5.2f} s, {len(results)} entries, {occurrences:,} occurrences "
                f"({neither:,} rendering neither)  {'met' if ok else 'MISSED'}"
            )
    return met


if __name__ == "__main__":
    raise SystemExit(0 if run() else 1)
