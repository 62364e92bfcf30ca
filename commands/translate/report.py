"""What the commands print: a line per input, a summary, the exit status."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from pipeline.job import Failure, Outcome


def run_batch(command: str, results: Iterable[Outcome | Failure], strict: bool, summary=None) -> int:
    """Print each result as it comes (failures on standard error) and return the exit status:
    2 if any input failed, else 1 under ``strict`` if QA found errors or a segment is untranslated, else 0."""
    outcomes, failures = [], []
    for result in results:
        if isinstance(result, Failure):
            failures.append(result)
            print(f"{command}: {result.message}", file=sys.stderr)
            continue
        outcomes.append(result)
        untranslated = [f"{result.untranslated} untranslated"] if result.untranslated else []
        details = "; ".join([f"{result.errors} QA errors", *untranslated, *result.notes])
        print(f"{result.source}: {', '.join(str(p) for p in result.written)} ({details})")
    if summary and outcomes:  # with none, the failures' own lines have said everything: no "0 documents"
        print(summary(outcomes) + (f"; {len(failures)} input(s) failed" if failures else ""))
    if failures:
        return 2
    return 1 if strict and not all(o.finished for o in outcomes) else 0
