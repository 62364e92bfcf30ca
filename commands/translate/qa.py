"""``translate qa FILE.xlf...``: QA on bilingual XLIFF 2.1 or 1.2 files, ours or another tool's.

Prints a table, a row per file (segments, term occurrences and quantities
checked and missing, other errors); ``--json`` prints the report instead, in
the form of ``qa.json`` (one file: the report; several: one report a line).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from commands.translate.options import add_check_options, options_from
from glossary.store import load_glossary
from pipeline.job import Failure, Outcome, publish_files, qa_file
from translate.qa import qa_report

COLUMNS = ("segments", "terms", "missing", "quantities", "missing", "other errors", "file")


def add_qa_command(commands) -> None:
    qa = commands.add_parser(
        "qa", help="check bilingual XLIFF files: terms, quantities, Chinese left", description=__doc__
    )
    qa.add_argument("files", nargs="+", type=Path, metavar="FILE.xlf")
    qa.add_argument("--json", action="store_true", help="print the report (as qa.json) instead of a table")
    add_check_options(qa)
    qa.set_defaults(run=run_qa)


def _row(report: dict, source: Path) -> tuple:
    by_check, checked = report["by_check"], report["checked"]
    terms, numbers = by_check.get("missing-term", 0), by_check.get("number-mismatch", 0)
    other = report["errors"] - terms - numbers
    return (report["segments"], checked["terms"], terms, checked["numbers"], numbers, other, str(source))


def run_qa(args: argparse.Namespace) -> int:
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
        lines = [
            json.dumps(report, ensure_ascii=False, indent=None if len(reports) > 1 else 2) for _, report in reports
        ]
        print("\n".join(lines))
    else:
        rows = [COLUMNS] + [_row(report, outcome.source) for outcome, report in reports]
        widths = [max(len(str(row[i])) for row in rows) for i in range(len(COLUMNS) - 1)]
        for row in rows:
            print("  ".join(str(cell).rjust(width) for cell, width in zip(row, widths)) + "  " + str(row[-1]))
        for outcome, _ in reports:
            for note in outcome.notes:
                print(f"{outcome.source}: {note}")
    if failed:
        return 2
    return 1 if args.strict and any(outcome.errors for outcome, _ in reports) else 0
