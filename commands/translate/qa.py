"""``translate qa FILE.xlf...``: QA on bilingual XLIFF 2.1 or 1.2 files, ours or another tool's.

Prints a table, a row per file (segments, untranslated segments, term
occurrences and quantities checked and missing, other errors, and warnings:
what QA could not verify, for a person to look at); ``--json``
prints one JSON document instead: for one file its report, as its qa.json
holds it; for several, an array of their reports, in the order given.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from commands.glossary import notice_shipped_changes
from commands.parsing import plain
from commands.translate.options import add_check_options, options_from
from glossary.store import load_glossary
from pipeline.job import Failure, Outcome, publish_files, qa_file
from translate.qa import qa_report

COLUMNS = ("segments", "untranslated", "terms", "missing", "quantities", "missing", "other errors", "warnings", "file")


def add_qa_command(commands) -> None:
    qa = commands.add_parser(
        "qa", help="check bilingual XLIFF files: terms, quantities, Chinese left", description=plain(__doc__)
    )
    qa.add_argument(
        "files", nargs="+", type=Path, metavar="FILE.xlf", help="XLIFF 2.1 or 1.2 files, ours or another tool's"
    )
    qa.add_argument("--json", action="store_true", help="print the report (as qa.json) instead of a table")
    add_check_options(qa)
    qa.set_defaults(run=run_qa)


def _row(report: dict, source: Path) -> tuple:
    by_check, checked = report["by_check"], report["checked"]
    terms, numbers = by_check.get("missing-term", 0), by_check.get("number-mismatch", 0)
    other = report["errors"] - terms - numbers
    untranslated = by_check.get("untranslated", 0)
    warnings = report["warnings"] - untranslated  # the untranslated segments have their own column
    return (
        report["segments"], untranslated, checked["terms"], terms, checked["numbers"], numbers, other, warnings,
        str(source),
    )  # fmt: skip


def run_qa(args: argparse.Namespace) -> int:
    notice_shipped_changes(args.glossary, "translate")
    results = publish_files(args.files, load_glossary(args.glossary), options_from(args), job=qa_file)
    reports: list[tuple[Outcome, dict]] = []
    failed = False
    for result in results:
        if isinstance(result, Failure):
            print(f"translate: {result.message}", file=sys.stderr)
            failed = True
        else:
            reports.append((result, qa_report(result.document)))
    if args.json:
        # One JSON document either way: a file's report as its qa.json holds it, or an array of them.
        found = [report for _, report in reports]
        print(json.dumps(found[0] if len(args.files) == 1 and found else found, ensure_ascii=False, indent=2))
    elif reports:
        rows = [COLUMNS] + [_row(report, outcome.source) for outcome, report in reports]
        widths = [max(len(str(row[i])) for row in rows) for i in range(len(COLUMNS) - 1)]
        for row in rows:
            print("  ".join(str(cell).rjust(width) for cell, width in zip(row, widths)) + "  " + str(row[-1]))
        for outcome, _ in reports:
            for note in outcome.notes:
                print(f"{outcome.source}: {note}")
    if failed:
        return 2
    return 1 if args.strict and not all(outcome.finished for outcome, _ in reports) else 0
