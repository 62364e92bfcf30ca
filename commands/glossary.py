"""``glossary``: check, list, add, set, stats, review, extract, export, import, evidence, serve.

The command only parses its arguments and calls the library; reading a
corpus (for review and extract) goes through ``translate.read``, as a report
would.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from commands.parsing import USAGE_ERROR, Parser, add_version, parsed
from foundation.errors import UserError, guarded
from foundation.files import write_bytes_atomic
from glossary.check import check_glossary
from glossary.entry import COLUMNS, DOCUMENT_KINDS, DOMAINS, SENSE_COLUMNS, STATUSES
from glossary.eras import eras_of
from glossary.exchange import merge, read_exchange_file, to_csv, to_tbx
from glossary.own import editable_glossary_path, shipped_changed, update_from_shipped
from glossary.stats import summary
from glossary.store import (
    Glossary,
    add_entry,
    default_glossary_path,
    editing,
    load_glossary,
    set_entry,
    user_glossary_path,
)
from translate.read.corpus import read_corpus

GLOSSARY_HELP = "the glossary TSV (default: your own, made from the shipped one on the first edit)"
# The statuses as the user types them (argparse would show the enum's repr in its messages).
STATUS_NAMES = [status.value for status in STATUSES]


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="glossary", description="The governance term base.")
    add_version(parser)
    parser.add_argument("--glossary", type=Path, help=GLOSSARY_HELP)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("check", help="validate the glossary; exit 1 on any problem")
    listing = commands.add_parser("list", help="list entries")
    listing.add_argument("--status", choices=STATUS_NAMES, help="only entries of this status")
    listing.add_argument("--domain", choices=DOMAINS, help="only entries of this domain")
    listing.add_argument("--search", help="text in zh, variants, en or note")
    for name, help_text in (("add", "add an entry"), ("set", "change an entry")):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("zh", help="the Chinese headword")
        command.add_argument("--en", help="the preferred English rendering")
        command.add_argument("--status", choices=STATUS_NAMES, help="proposed (default for a new entry), approved...")
        command.add_argument("--domain", choices=DOMAINS, help="where the term belongs (default: general)")
        command.add_argument("--variants", help="|-separated Chinese forms")
        command.add_argument("--admitted", help="|-separated renderings QA accepts too (abbreviations, word orders)")
        command.add_argument("--avoid", help="|-separated renderings not to use")
        command.add_argument("--note", help="why this rendering, for the next reviewer")
        command.add_argument("--source", help="where the rendering is attested (document, year, paragraph)")
        command.add_argument(
            "--scope",
            help=f"|-separated kinds of document the sense holds in ({', '.join(DOCUMENT_KINDS)}; replaces the list)",
        )
        command.add_argument(
            "--context",
            help="|-separated words near the term: +word selects it, -word excludes it (write --context=-驻; replaces "
            "the list)",
        )
        command.add_argument(
            "--eras",
            help="|-separated renderings official in some years: 'rendering@2013-2017', open: @2018- or @-2012 "
            '(replaces the entry\'s list; "" clears it)',
        )
    commands.add_parser("stats", help="counts per status and domain")
    commands.add_parser(
        "update",
        help="merge a newer shipped glossary into your own: new entries added, an approved one of yours never "
        "overwritten",
    )
    review = commands.add_parser("review", help="work through the proposed entries")
    review.add_argument("--corpus", type=Path, nargs="+", help="texts for context lines (default: the seed reports)")
    extract = commands.add_parser("extract", help="candidate terms not yet in the glossary")
    extract.add_argument("paths", type=Path, nargs="+", metavar="PATH", help="reports or folders of reports")
    extract.add_argument("--add", action="store_true", help="append the candidates as proposed entries")
    extract.add_argument("--limit", type=int, default=40, help="at most this many candidates (default: 40)")
    extract.add_argument("--min-frequency", type=int, default=3, help="for noun phrases (default: 3)")
    export = commands.add_parser("export", help="write TBX-Basic or two-column CSV")
    export.add_argument("--format", choices=("tbx", "csv"), required=True, help="TBX-Basic, or zh,en CSV")
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")
    export.add_argument("--header", action="store_true", help="CSV: a zh,en header row (Amazon Translate wants one)")
    importing = commands.add_parser("import", help="merge a TBX, CSV or TSV glossary in")
    importing.add_argument("file", type=Path, help="a TBX, CSV or TSV glossary")
    evidence = commands.add_parser(
        "evidence",
        help="how parallel text renders each entry: preferred, admitted, neither, candidate renderings, and the "
        "senses and eras it proposes",
        description="How parallel text renders each entry, and the senses and eras it proposes.  A text's year "
        "comes from a CSV's year column, else from the year in the file's name; proposed eras need it.",
    )
    evidence.add_argument(
        "files", type=Path, nargs="*", metavar="FILE", help="TMX, XLIFF 1.2 or 2.x, zh,en CSV (a year column too)"
    )
    evidence.add_argument(
        "--tm",
        nargs="?",
        const=True,
        metavar="PATH|URI",
        help="the translation memory's human units too ($ZHEN_TM or your default memory, or a SQLite file or "
        "postgresql:// address)",
    )
    evidence.add_argument("--json", action="store_true", help="the report as JSON")
    evidence.add_argument("--limit", type=int, default=0, help="show this many entries (default: all)")
    evidence.add_argument("--examples", type=int, default=3, help="segments shown per entry (default: 3)")
    evidence.add_argument("--max-input-mb", type=float, default=2, metavar="MB", help="per file (default: 2)")
    serve = commands.add_parser("serve", help="review the glossary in the browser (a local web app)")
    serve.add_argument("--corpus", type=Path, nargs="+", default=[], metavar="PATH", help="texts for context lines")
    serve.add_argument(
        "--evidence", type=Path, nargs="+", default=[], metavar="FILE", help="parallel text: TMX, XLIFF, zh,en CSV"
    )
    serve.add_argument(
        "--tm",
        nargs="?",
        const=True,
        metavar="PATH|URI",
        help="the translation memory's human units as evidence too ($ZHEN_TM or your default memory, or a SQLite "
        "file or postgresql:// address)",
    )
    serve.add_argument("--port", type=int, default=0, help="listen on this port of 127.0.0.1 (default: a free one)")
    serve.add_argument("--no-browser", action="store_true", help="print the address only; do not open a browser")
    serve.add_argument("--max-input-mb", type=float, default=2, metavar="MB", help="per evidence file (default: 2)")
    for command in commands.choices.values():  # before or after the subcommand, as 'translate run --glossary'
        command.add_argument("--glossary", type=Path, default=argparse.SUPPRESS, help=GLOSSARY_HELP)
    return parser


def _check(path: Path) -> int:
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


def _edit(path: Path, args: argparse.Namespace) -> None:
    fields = {name: getattr(args, name) for name in COLUMNS[1:] if getattr(args, name, None) is not None}
    with editing(path) as glossary:
        entry = (add_entry if args.command == "add" else set_entry)(glossary, args.zh, **fields)
    verb = "added" if args.command == "add" else "set"
    print(f"{verb}: {entry.zh} → {entry.en or '(no English)'} ({entry.status})")


def _import(path: Path, args: argparse.Namespace) -> None:
    incoming, refused = read_exchange_file(args.file)
    for problem in refused:
        print(f"glossary: refused: {problem}", file=sys.stderr)
    with editing(path) as glossary:
        report = merge(glossary, incoming)
    for conflict in report.conflicts:
        print(f"conflict: {conflict}")
    print(report.summary() + (f", {len(refused)} refused" if refused else ""))


def _review(glossary: Glossary, args: argparse.Namespace) -> None:
    from foundation.script import to_simplified
    from glossary.review import default_corpus, review

    corpus = args.corpus or default_corpus()
    if not corpus:
        print("glossary: no seeds/ folder here: reviewing without context lines (use --corpus)", file=sys.stderr)
    print(review(glossary, [to_simplified(text) for _, text in read_corpus(corpus)] if corpus else []))


def _extract(glossary: Glossary, args: argparse.Namespace) -> None:
    from glossary.extract import add_candidates, extract_candidates

    texts = [text for _, text in read_corpus(args.paths)]
    known = {form for entry in glossary.entries for form in entry.forms}
    candidates = extract_candidates(texts, known, args.min_frequency, args.limit)
    for rank, c in enumerate(candidates, start=1):
        print(f"{rank:>3}  {c.term}\t{c.kind}\t{c.frequency}\t{'  '.join(c.contexts)}")
    if args.add:
        print(f"{add_candidates(glossary.path, candidates)} candidates added as proposed")
    else:
        print(f"{len(candidates)} candidates")


def _pairs(files: list[Path], tm: str | bool | None, max_input_mb: float) -> list:
    """Parallel text from files and, with ``--tm``, the memory's human units."""
    from translate.evidence import read_pairs
    from translate.memory import default_memory_path, memory_at
    from translate.memory.location import environment_location, is_server_address, parse_location

    memory = None
    if tm:
        location = (environment_location() or default_memory_path()) if tm is True else parse_location(tm)
        if not is_server_address(location) and not location.is_file():
            raise UserError("no translation memory here", location)
        memory = memory_at(location)
    return read_pairs(files, memory, int(max_input_mb * 2**20))


def _evidence(glossary: Glossary, args: argparse.Namespace) -> None:
    import json

    from translate.evidence import gather
    from translate.evidence_proposals import proposals

    if not args.files and not args.tm:
        raise UserError("give parallel text: TMX, XLIFF or CSV files, or --tm for the translation memory")
    pairs = _pairs(args.files, args.tm, args.max_input_mb)
    results = gather(pairs, glossary)
    shown = results[: args.limit] if args.limit else results
    if args.json:
        words = glossary.matcher.boundaries.words
        entries = [e.as_json(args.examples) | {"proposed": vars(proposals(e, words))} for e in shown]
        report = {"pairs": len(pairs), "entries": entries}
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    print(f"{len(pairs)} parallel segments; {len(results)} entries occur; preferred rendering share, lowest first")
    for evidence in shown:
        admitted = ", ".join(f"{r!r} {n}" for r, n in evidence.admitted.items())
        print(
            f"{evidence.entry.zh}\t{evidence.entry.en}\t{evidence.entry.status}\t{evidence.count} "
            f"occurrence{'s' if evidence.count != 1 else ''}: "
            f"preferred {evidence.preferred} ({evidence.preferred_share:.0%})"
            + (f", admitted {admitted}" if admitted else "")
            + f", neither {evidence.neither}"
        )
        if evidence.suggested_preferred:
            print(
                f"    suggestion: make {evidence.suggested_preferred!r} preferred: it stands at all "
                f"{evidence.count} occurrences, the preferred at none"
            )
        if evidence.candidates:
            print("    candidates: " + "; ".join(f"{c.text!r} ({c.coverage:.0%})" for c in evidence.candidates))
        proposed = proposals(evidence, glossary.matcher.boundaries.words)
        for column, items in (("eras", proposed.eras), ("context", proposed.context), ("scope", proposed.scope)):
            if items:
                command = _set_command(glossary, evidence.entry, column, items)
                print(f"    proposed {column}: {'|'.join(items)}  ({command})")
        for occurrence in [o for o in evidence.occurrences if not o.found][: args.examples]:
            print(f"    neither, {occurrence.pair.where}: {occurrence.pair.target[:160]}")


def _set_command(glossary: Glossary, entry, column: str, items: list[str]) -> str:
    """The command that adds ``items`` to what the entry has in ``column``, for this glossary file, every
    value quoted for the shell (--x='…': a value may begin with "-", which argparse would take for an
    option).  An era of an admitted rendering takes it out of the admitted ones: one list or the other."""
    value = "|".join([*getattr(entry, column), *items])
    where = "" if glossary.path == default_glossary_path() else f"--glossary {shlex.quote(str(glossary.path))} "
    moved = ""
    if column == "eras":
        dated = {era.rendering.lower() for era in eras_of(items)}
        kept = [a for a in entry.admitted if a.lower() not in dated]
        moved = f" --admitted={shlex.quote('|'.join(kept))}" if len(kept) < len(entry.admitted) else ""
    return f"glossary {where}set {shlex.quote(entry.zh)} --{column}={shlex.quote(value)}{moved}"


def _serve(path: Path, args: argparse.Namespace) -> None:
    # The command-line entry is the one place that starts the web app (nothing else imports review).
    from foundation.script import to_simplified
    from glossary.review import default_corpus
    from review.app import create_app
    from review.glossary_view import GlossaryView
    from review.server import serve

    load_glossary(path)  # a bad glossary is a one-line error before anything listens
    corpus = args.corpus or default_corpus()
    texts = [to_simplified(text) for _, text in read_corpus(corpus)] if corpus else []
    pairs = _pairs(args.evidence, args.tm, args.max_input_mb) if args.evidence or args.tm else []
    print(f"glossary serve: {path}; {len(texts)} corpus texts, {len(pairs)} parallel segments", flush=True)
    view = GlossaryView(path, texts, pairs)
    view.evidence()  # gathered now, so that the first page that needs it does not wait
    view.problems()
    serve(create_app(glossary=view), args.port, not args.no_browser, "glossary serve")


def _export(glossary: Glossary, args: argparse.Namespace) -> None:
    data = to_tbx(glossary.entries) if args.format == "tbx" else to_csv(glossary.entries, args.header)
    if args.out:
        write_bytes_atomic(args.out, data)
    else:
        sys.stdout.buffer.write(data)


EDITING = ("add", "set", "import", "review", "serve")  # and extract --add


def glossary_for(command: str, args: argparse.Namespace) -> Path:
    """The glossary named, else the default; a command that edits works on the user's own glossary, never
    on the copy inside the installed package (an upgrade would lose the edits)."""
    if args.glossary:
        return args.glossary
    if command in EDITING or getattr(args, "add", False):
        path, made = editable_glossary_path()
        if made:
            print(f"glossary: your own glossary is {path}, a copy of the shipped one: edits go there", file=sys.stderr)
        return path
    return default_glossary_path()


def notice_shipped_changes(named: Path | None, command: str) -> None:
    """One line when the glossary read by default is the user's own and a newer shipped one is not in it."""
    if named is None and shipped_changed():
        print(
            f"{command}: the shipped glossary has changed since your own was made from it: "
            "'glossary update' merges its new entries into yours",
            file=sys.stderr,
        )


def _update() -> int:
    if not user_glossary_path().is_file():
        print("glossary: you have no glossary of your own yet: the shipped one is read as it is")
        return 0
    report = update_from_shipped()
    for conflict in report.conflicts:
        print(f"conflict: {conflict}")
    print(f"{user_glossary_path()}: {report.summary()}")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.command == "update":
        return _update()
    notice_shipped_changes(args.glossary, "glossary")
    path = glossary_for(args.command, args)
    if args.command == "check":
        return _check(path)
    if args.command in ("add", "set"):
        _edit(path, args)
    elif args.command == "import":
        _import(path, args)
    elif args.command == "serve":
        _serve(path, args)
    else:
        glossary = load_glossary(path)
        if args.command == "list":
            for entry in glossary.search(args.status, args.domain, args.search):
                senses = [f"{name}: {'|'.join(items)}" for name in SENSE_COLUMNS if (items := getattr(entry, name))]
                print("\t".join([entry.zh, entry.en, str(entry.status), entry.domain, *senses]))
        elif args.command == "stats":
            print(summary(glossary))
        else:
            commands = {"review": _review, "extract": _extract, "export": _export, "evidence": _evidence}
            commands[args.command](glossary, args)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parsed(build_parser(), argv)
    if args is None:
        return USAGE_ERROR
    return guarded("glossary", lambda: run(args), "interrupted; every decision made so far is saved")


if __name__ == "__main__":
    raise SystemExit(main())
