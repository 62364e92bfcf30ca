"""The translation memory on the command line: ``--tm``/``--no-tm``, ``translate import``,
``translate tm import|export|stats``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from foundation.errors import UserError
from foundation.files import MB, write_bytes_atomic
from translate.bitext import post_edited, read_xliff
from translate.memory import TranslationMemory, default_memory_path, memory_at
from translate.memory.location import ENVIRONMENT, environment_location, is_server_address, parse_location, shown
from translate.read import DEFAULT_MAX_INPUT_MB
from translate.tm_files import UnitsRead, keeping_the_rule, read_units, segment_units, to_tmx, units_of


def add_memory_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--tm",
        type=memory_argument,
        metavar="PATH|URI",
        help=f"the translation memory: a SQLite file, or a team's postgresql://user@host:5432/db (default: "
        f"${ENVIRONMENT} if set, else {_shown(default_memory_path())})",
    )
    parser.add_argument("--no-tm", action="store_true", help="neither read nor write the translation memory")


def _shown(path: Path) -> str:
    home = str(Path.home())
    return "~" + str(path)[len(home) :] if str(path).startswith(home) else str(path)


def memory_argument(value: str) -> Path | str:
    """An argparse type for --tm: a file's path or a PostgreSQL address, read before a Path would fold an
    address's '//' into a local file's name; an address with a password in it is refused unprinted."""
    try:
        return parse_location(value)
    except UserError as error:
        raise argparse.ArgumentTypeError(str(error).removeprefix("--tm ")) from None


def memory_location(args: argparse.Namespace, creates: bool = False) -> Path | str | None:
    """Where the memory the options name is, checked before any work: None with --no-tm; else --tm, else
    ``ZHEN_TM``, else the default file.  A named memory file that is not there is an error unless the
    command makes memories (``creates``: the imports), so a mistyped --tm never becomes a new, empty
    memory; the default one is made on the first run.  A server's database is made on first use."""
    if getattr(args, "no_tm", False):
        return None
    location = args.tm if args.tm is not None else environment_location()
    if location is None:
        return default_memory_path()
    if is_server_address(location):
        return location
    named = "--tm" if args.tm is not None else ENVIRONMENT
    if location.is_dir():
        raise UserError(f"{named} {location}: is a folder; give the memory's file (a .sqlite file)")
    if not creates and not location.exists():
        raise UserError(
            f"{named} {location}: no translation memory here (a new one is made by 'translate tm import FILE "
            f"--tm {location}')"
        )
    return location


def open_memory(args: argparse.Namespace, command: str = "translate") -> TranslationMemory | None:
    """The memory the options name (checked as ``memory_location`` says).  A file that exists but cannot
    be opened is one line, and the work goes on without it; a team's server that cannot be reached stops
    the command before any work: a team's run without its shared memory would ignore the team's work."""
    location = memory_location(args)
    if location is None:
        return None
    try:
        return memory_at(location)
    except UserError:
        if is_server_address(location):
            raise
        error = sys.exc_info()[1]
        print(f"{command}: {error}; going on without it", file=sys.stderr)
        return None


def _require_memory(args: argparse.Namespace, creates: bool = False) -> TranslationMemory:
    return memory_at(memory_location(args, creates))  # raises its one-line UserError


def add_memory_commands(commands) -> None:
    importing = commands.add_parser(
        "import", help="take post-edited XLIFF segments into the memory as human translations"
    )
    importing.add_argument(
        "files", nargs="+", type=Path, metavar="FILE.xlf", help="post-edited XLIFF files (2.1 or 1.2)"
    )
    add_memory_options(importing)
    importing.set_defaults(run=run_import)

    tm = commands.add_parser("tm", help="the translation memory: import, export, stats, copy")
    actions = tm.add_subparsers(dest="action", required=True, metavar="ACTION")
    tm_import = actions.add_parser("import", help="import TMX 1.4b, XLIFF 2.x or 1.2, or zh,en CSV files as human")
    tm_import.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="TMX, XLIFF or zh,en CSV files; - reads standard input"
    )
    tm_export = actions.add_parser("export", help="write the memory as TMX 1.4b (origin and dates as <prop>)")
    tm_export.add_argument(
        "file", type=Path, metavar="FILE.tmx", help="the TMX file to write; - writes to standard output"
    )
    tm_export.add_argument("--origin", choices=("human", "mt"), help="only units of this origin")
    actions.add_parser("stats", help="how many units, by origin")
    for action in actions.choices.values():
        action.add_argument("--tm", type=memory_argument, metavar="PATH|URI", help="the translation memory")
    copy = actions.add_parser(
        "copy",
        help="copy every unit of one memory into another (SQLite file or postgresql:// address), counts checked",
    )
    copy.add_argument("source", type=memory_argument, metavar="SRC", help="the memory to copy from: a SQLite "
                      "file or a postgresql:// address")  # fmt: skip
    copy.add_argument("destination", type=memory_argument, metavar="DST", help="the memory to copy into (made if "
                      "new): a SQLite file or a postgresql:// address")  # fmt: skip
    tm.set_defaults(run=run_tm)


def run_import(args: argparse.Namespace) -> int:
    memory = _require_memory(args, creates=True)
    failed = False
    for path in args.files:
        try:
            document = read_xliff(path, DEFAULT_MAX_INPUT_MB * MB)
        except UserError as error:
            print(f"translate: {error}", file=sys.stderr)
            failed = True
            continue
        units, refused = keeping_the_rule(segment_units([s for s in document.segments if post_edited(s)], path), path)
        _say_refused(refused)
        stored = memory.add_human(units, document.glossary_sha256)
        print(
            f"{path}: {len(units)} post-edited segments of {len(document.segments)}{_refused_count(refused)}; "
            f"{stored} stored as human"
        )
    if memory.problem:
        raise memory.problem
    return 2 if failed else 0


def _say_refused(refused: list) -> None:
    for problem in refused:
        print(f"translate: refused: {problem}", file=sys.stderr)


def _refused_count(refused: list) -> str:
    return f" ({len(refused)} refused)" if refused else ""


STDIO = Path("-")  # as a file name: standard input for imports, standard output for exports
MAX_MEMORY_FILE_BYTES = DEFAULT_MAX_INPUT_MB * MB * 10


def _units_from(path: Path) -> UnitsRead:
    if path != STDIO:
        return read_units(path, MAX_MEMORY_FILE_BYTES)
    data = sys.stdin.buffer.read(MAX_MEMORY_FILE_BYTES + 1)
    if len(data) > MAX_MEMORY_FILE_BYTES:
        raise UserError(f"larger than {MAX_MEMORY_FILE_BYTES // MB} MB", "standard input")
    return units_of(data, "standard input")


def run_copy(args: argparse.Namespace) -> int:
    """Every unit of SRC into DST, a page at a time, each of its origin with its dates and people; then
    the counts: each origin of DST must hold at least what SRC holds, and exactly that when it was empty."""
    if not is_server_address(args.source) and not args.source.is_file():
        raise UserError(f"{args.source}: no translation memory here")
    if _same_memory(args.source, args.destination):
        raise UserError(f"{shown(str(args.source))}: SRC and DST are one memory; a copy needs another")
    source, destination = memory_at(args.source), memory_at(args.destination)
    before, read = destination.stats(), {"human": 0, "mt": 0}
    for page in source.pages():
        destination.add_units(page)
        for unit in page:
            read[unit.origin] += 1
        for memory in (source, destination):
            if memory.problem:
                raise memory.problem
    after = destination.stats()
    empty = not (before["human"] or before["mt"])
    short = [o for o in read if after[o] < read[o] or (empty and after[o] != read[o])]
    print(
        f"{source.label} → {destination.label}: {read['human']} human and {read['mt']} MT units read; "
        f"{destination.label} now holds {after['human']} human and {after['mt']} MT units"
        + (f" (it held {before['human']} and {before['mt']})" if not empty else "")
    )
    if short:
        raise UserError(f"the copy is short of {' and '.join(short)} units: {destination.label} was not fully written")
    return 0


def _same_memory(one: Path | str, other: Path | str) -> bool:
    if is_server_address(one) or is_server_address(other):
        return str(one) == str(other)
    return Path(one).resolve() == Path(other).resolve()


def run_tm(args: argparse.Namespace) -> int:
    if args.action == "copy":
        return run_copy(args)
    memory = _require_memory(args, creates=args.action == "import")
    failed = False
    if args.action == "import":
        for path in args.files:
            try:
                units, refused = _units_from(path)
            except UserError as error:  # one bad file does not stop the others
                print(f"translate: {error}", file=sys.stderr)
                failed = True
                continue
            _say_refused(refused)
            stored = memory.add_human(units)
            shown = "standard input" if path == STDIO else path
            read = f"{len(units)} units read{_refused_count(refused)}"
            print(f"{shown}: {read}; {stored} stored as human in {memory.label}")
    elif args.action == "export":
        units = [u for u in memory.units() if not args.origin or u.origin == args.origin]
        if args.file == STDIO:
            sys.stdout.buffer.write(to_tmx(units))
            sys.stdout.flush()
            print(f"{len(units)} units", file=sys.stderr)  # standard output holds the TMX alone
        else:
            write_bytes_atomic(args.file, to_tmx(units))
            print(f"{args.file}: {len(units)} units")
    else:
        counts = memory.stats()
        print(f"{memory.label}: {counts['human']} human and {counts['mt']} MT units, {counts['sources']} sources")
    if memory.problem:
        raise memory.problem
    return 2 if failed else 0
