"""What the commands print: a line per input, a summary, the exit status."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from foundation.errors import Interrupted
from pipeline.job import Failure, Outcome


def interrupted_before(
    inputs: list[Path] | None, outcomes: list[Outcome] = (), failures: list[Failure] = ()
) -> Interrupted:
    """What a Ctrl-C outside the making of files leaves: the files said done are complete, the other inputs
    (``inputs``, when known) are not."""
    complete = [outcome.source for outcome in outcomes]
    failed = {failure.source for failure in failures}
    rest = None if inputs is None else [str(p) for p in inputs if p not in complete and p not in failed]
    return Interrupted([str(path) for path in complete], rest)


def run_batch(
    command: str, results: Iterable[Outcome | Failure], strict: bool, summary=None, inputs: list[Path] | None = None
) -> int:
    """Print each result as it comes (failures on standard error) and return the exit status:
    2 if any input failed, else 1 under ``strict`` if QA found errors or a segment is untranslated, else 0."""
    outcomes, failures = [], []
    try:
        for result in results:
            if isinstance(result, Failure):
                failures.append(result)
                print(f"{command}: {result.message}", file=sys.stderr)
                continue
            outcomes.append(result)
            untranslated = [f"{result.untranslated} untranslated"] if result.untranslated else []
            details = "; ".join([f"{result.errors} QA errors", *untranslated, *result.notes])
            print(f"{result.source}: {', '.join(str(p) for p in result.written)} ({details})")
    except KeyboardInterrupt as stop:  # stopped while a line was printed, not while files were made
        if isinstance(stop, Interrupted):
            raise
        raise interrupted_before(inputs, outcomes, failures) from None
    if summary and outcomes:  # with none, the failures' own lines have said everything: no "0 documents"
        print(summary(outcomes) + (f"; {len(failures)} input(s) failed" if failures else ""))
    if failures:
        return 2
    return 1 if strict and not all(o.finished for o in outcomes) else 0
