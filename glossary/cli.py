"""``glossary``: check and list the term base."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from glossary.entry import DOMAINS, STATUSES, Entry
from glossary.errors import UserError
from glossary.store import load_glossary


def check_entries(entries: list[Entry]) -> list[str]:
    """Problems the loader lets through: the same Chinese form claimed twice."""
    problems, owner = [], {}
    for entry in entries:
        for form in entry.forms:
            if form in owner:
                problems.append(f"line {entry.line}: {form} is already an entry or variant at line {owner[form].line}")
            else:
                owner[form] = entry
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="glossary", description="The governance term base.")
    parser.add_argument("--glossary", type=Path, help="a glossary TSV (default: the shipped one)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate the glossary; exit 1 on any error")
    listing = commands.add_parser("list", help="list entries")
    listing.add_argument("--status", choices=STATUSES)
    listing.add_argument("--domain", choices=DOMAINS)
    listing.add_argument("--search", help="text in zh, en, variants or note")
    args = parser.parse_args(argv)
    try:
        glossary = load_glossary(args.glossary)
    except UserError as error:
        print(f"glossary: {error}", file=sys.stderr)
        return 2 if "cannot read" in error.message else 1
    if args.command == "check":
        problems = check_entries(glossary.entries)
        for problem in problems:
            print(f"{glossary.path}:{problem}", file=sys.stderr)
        statuses = Counter(e.status for e in glossary.entries)
        print(
            f"{len(glossary.entries)} entries ({', '.join(f'{n} {s}' for s, n in sorted(statuses.items()))}), "
            f"{len(problems)} problem(s)"
        )
        return 1 if problems else 0
    for entry in glossary.entries:
        if args.status and entry.status != args.status or args.domain and entry.domain != args.domain:
            continue
        haystack = " ".join([*entry.forms, entry.en, entry.note])
        if args.search and args.search.lower() not in haystack.lower():
            continue
        print(f"{entry.zh}\t{entry.en}\t{entry.status}\t{entry.domain}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
