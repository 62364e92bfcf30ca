"""``glossary``: check, list, add, set, stats, review, extract, export, import."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from glossary.check import check_glossary
from glossary.entry import COLUMNS, DOMAINS, STATUSES, Entry, Status
from glossary.errors import UserError, describe_error
from glossary.exchange import from_csv, from_tbx, merge, to_csv, to_tbx
from glossary.files import read_bytes, write_bytes_atomic
from glossary.store import Glossary, checked, default_glossary_path, editing, load_glossary, one_line, parse_row
from translate.read.corpus import read_corpus


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="glossary", description="The governance term base.")
    parser.add_argument("--glossary", type=Path, help="the glossary TSV (default: the shipped one)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate the glossary; exit 1 on any problem")
    listing = commands.add_parser("list", help="list entries")
    listing.add_argument("--status", choices=STATUSES)
    listing.add_argument("--domain", choices=DOMAINS)
    listing.add_argument("--search", help="text in zh, variants, en or note")
    for name, help_text in (("add", "add an entry"), ("set", "change an entry")):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("zh")
        command.add_argument("--en")
        command.add_argument("--status", choices=STATUSES)
        command.add_argument("--domain", choices=DOMAINS)
        command.add_argument("--variants", help="|-separated Chinese forms")
        command.add_argument("--avoid", help="|-separated renderings not to use")
        command.add_argument("--note")
        command.add_argument("--source")
    commands.add_parser("stats", help="counts per status and domain")
    review = commands.add_parser("review", help="work through the proposed entries")
    review.add_argument("--corpus", type=Path, nargs="+", help="texts for context lines (default: the seed reports)")
    extract = commands.add_parser("extract", help="candidate terms not yet in the glossary")
    extract.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    extract.add_argument("--add", action="store_true", help="append the candidates as proposed entries")
    extract.add_argument("--limit", type=int, default=40)
    extract.add_argument("--min-frequency", type=int, default=3, help="for noun phrases (default: 3)")
    export = commands.add_parser("export", help="write TBX-Basic or two-column CSV")
    export.add_argument("--format", choices=("tbx", "csv"), required=True)
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")
    export.add_argument("--header", action="store_true", help="CSV: a zh,en header row (Amazon Translate wants one)")
    importing = commands.add_parser("import", help="merge a TBX, CSV or TSV glossary in")
    importing.add_argument("file", type=Path)
    return parser


def _matches(entry: Entry, args: argparse.Namespace) -> bool:
    if args.status and entry.status != args.status or args.domain and entry.domain != args.domain:
        return False
    haystack = " ".join([*entry.forms, entry.en, entry.note]).lower()
    return not args.search or args.search.lower() in haystack


def _edit(glossary: Glossary, args: argparse.Namespace) -> str:
    zh = one_line(args.zh)
    entry = glossary.find(zh)
    if args.command == "add":
        if entry is not None:
            raise UserError(f"{zh} is already in the glossary (line {entry.line}): use 'glossary set'")
        entry = Entry(zh=zh, en="")
    elif entry is None:
        raise UserError(f"{zh} is not in the glossary: use 'glossary add'")
    row = entry.to_row()
    for index, name in enumerate(COLUMNS):
        value = getattr(args, name, None)
        if value is not None and name != "zh":
            row[index] = value
    updated = parse_row(row, glossary.path, entry.line or len(glossary.entries) + 2)  # validates
    if args.command == "add":
        glossary.add(updated)
    else:
        glossary.replace(entry, updated)
    verb = "added" if args.command == "add" else "set"
    return f"{verb}: {updated.zh} → {updated.en or '(no English)'} ({updated.status})"


def _stats(glossary: Glossary) -> str:
    statuses = Counter(e.status for e in glossary.entries)
    lines = [f"{len(glossary.entries)} entries: " + ", ".join(f"{statuses[s]} {s}" for s in STATUSES)]
    by_domain = Counter((e.domain, e.status) for e in glossary.entries)
    for domain in DOMAINS:
        counts = [by_domain[(domain, s)] for s in STATUSES]
        if any(counts):
            lines.append(f"  {domain:<12}" + "  ".join(f"{n:>4} {s}" for n, s in zip(counts, STATUSES)))
    sourced = sum(1 for e in glossary.by_status(Status.APPROVED) if e.source)
    lines.append(f"approved entries citing a source: {sourced} of {statuses['approved']}")
    return "\n".join(lines)


def _read_import(path: Path) -> list[Entry]:
    """The entries of a file to import, each checked by the store's rules before anything is merged."""
    data = read_bytes(path)
    suffix = path.suffix.lower()
    if suffix == ".tbx":
        incoming = from_tbx(data, str(path))
    elif suffix == ".csv":
        incoming = from_csv(data, str(path))
    elif suffix == ".tsv":
        incoming = load_glossary(path).entries
    else:
        raise UserError("import reads .tbx, .csv or .tsv", path)
    return [checked(entry, path, entry.line) for entry in incoming]


def _import(glossary: Glossary, incoming: list[Entry]) -> str:
    report = merge(glossary, incoming)
    for conflict in report.conflicts:
        print(f"conflict: {conflict}")
    return (
        f"{len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.conflicts)} conflicts, {report.unchanged} unchanged"
    )


def _extract(glossary: Glossary, args: argparse.Namespace) -> str:
    from glossary.extract import extract_candidates

    texts = [text for _, text in read_corpus(args.paths)]
    known = {form for entry in glossary.entries for form in entry.forms}
    candidates = extract_candidates(texts, known, args.min_frequency, args.limit)
    for rank, c in enumerate(candidates, start=1):
        print(f"{rank:>3}  {c.term}\t{c.kind}\t{c.frequency}\t{'  '.join(c.contexts)}")
    if not args.add:
        return f"{len(candidates)} candidates"
    with editing(glossary.path) as current:  # entries added meanwhile are kept, and not added twice
        known = {form for entry in current.entries for form in entry.forms}
        new = [c for c in candidates if c.term not in known]
        for c in new:
            current.add(Entry(zh=c.term, en="", note=f"extracted: {c.kind}, {c.frequency}x", source="glossary extract"))
    return f"{len(new)} candidates added as proposed"


def run(args: argparse.Namespace) -> int:
    path = args.glossary or default_glossary_path()
    if args.command == "check":
        if not path.is_file():
            raise UserError("no such glossary file", path)
        try:
            entries, problems = check_glossary(path)
        except UserError as error:  # not UTF-8, or no header: the file itself fails the check
            print(f"glossary: {error}", file=sys.stderr)
            return 1
        for problem in problems:
            print(f"{path}:{problem.line}: {problem.message}", file=sys.stderr)
        print(f"{len(entries)} entries, {len(problems)} problem(s)")
        return 1 if problems else 0
    if args.command in ("add", "set"):
        with editing(path) as glossary:
            print(_edit(glossary, args))
        return 0
    if args.command == "import":
        incoming = _read_import(args.file)
        with editing(path) as glossary:
            print(_import(glossary, incoming))
        return 0
    glossary = load_glossary(path)
    if args.command == "list":
        for entry in (e for e in glossary.entries if _matches(e, args)):
            print(f"{entry.zh}\t{entry.en}\t{entry.status}\t{entry.domain}")
    elif args.command == "stats":
        print(_stats(glossary))
    elif args.command == "review":
        from glossary.review import review
        from glossary.script import to_simplified

        corpus = args.corpus or _default_corpus()
        if corpus:
            texts = [to_simplified(text) for _, text in read_corpus(corpus)]
        else:
            print("glossary: no seeds/ folder here: reviewing without context lines (use --corpus)", file=sys.stderr)
            texts = []
        print(review(glossary, texts))
    elif args.command == "extract":
        print(_extract(glossary, args))
    elif args.command == "export":
        data = to_tbx(glossary.entries) if args.format == "tbx" else to_csv(glossary.entries, args.header)
        if args.out:
            write_bytes_atomic(args.out, data)
        else:
            sys.stdout.buffer.write(data)
    return 0


def _default_corpus() -> list[Path]:
    """seeds/ in the working folder, else the project's own seeds beside the package."""
    for folder in (Path("seeds"), Path(__file__).resolve().parent.parent / "seeds"):
        if folder.is_dir():
            return [folder]
    return []


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return run(args)
    except Exception as error:
        print(f"glossary: {describe_error(error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("glossary: interrupted; every decision made so far is saved", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
