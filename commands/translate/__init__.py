"""``translate``: the main job (``translate PATH... --to en``) and its subcommands.

The command only parses its arguments and calls the library (``pipeline.job``).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from commands.translate.engine import add_engine_options, engine_from
from commands.translate.memory import add_memory_commands, add_memory_options, open_memory
from commands.translate.models import add_models_command
from commands.translate.options import add_output_options, language, options_from
from commands.translate.progress import document_bar
from commands.translate.qa import add_qa_command
from commands.translate.report import run_batch
from commands.translate.review import add_review_command
from foundation.errors import guarded
from glossary.store import load_glossary
from pipeline.job import Outcome, translate_files
from publish.outputs import FORMATS
from translate.bitext import XLIFF_VERSIONS
from translate.qa import count_terms_applied

# The main job's own subcommand name: 'translate PATH...' means 'translate run PATH...'.
MAIN_JOB = "run"
EPILOG = (
    "'translate PATH...' is 'translate run PATH...'.  To translate a file or folder whose name is also a "
    "subcommand (say a folder called models), write it as a path: 'translate ./models'."
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="translate",
        description="Translate Chinese reports into aligned bilingual XLIFF, DOCX and PDF.",
        epilog=EPILOG,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = commands.add_parser(MAIN_JOB, help="translate files or folders: the main job (the default)", epilog=EPILOG)
    run.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="files or folders (.txt .md .html .docx .pdf; .doc .odt .rtf through LibreOffice)",
    )
    run.add_argument("--to", dest="target", type=language, default="en", help="target language (default: en)")
    run.add_argument("--from", dest="source", type=language, default="zh", help="source language (default: zh)")
    add_engine_options(run)
    add_output_options(run, FORMATS, Path("out"), "output folder (default: out/)")
    run.add_argument(
        "--xliff",
        choices=XLIFF_VERSIONS,
        help="the bilingual file's XLIFF version: 2.1 (default), or 1.2 for CAT tools that read only that "
        "(OmegaT, Trados, memoQ); also a publish.toml setting",
    )
    add_memory_options(run)
    run.add_argument(
        "--fuzzy-fill",
        type=_fraction,
        metavar="SIMILARITY",
        help="use a memory match at least this similar (0-1, e.g. 0.95) as the translation; "
        "by default near matches are only offered in the XLIFF",
    )
    run.set_defaults(run=run_main_job)
    add_qa_command(commands)
    add_review_command(commands)
    add_memory_commands(commands)
    add_models_command(commands)
    parser.set_defaults(subcommands=frozenset(commands.choices))
    return parser


def run_main_job(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    glossary = load_glossary(args.glossary)
    engine = engine_from(args, args.source, args.target)
    memory = open_memory(args)
    options = options_from(args, source_lang=args.source, target_lang=args.target, fuzzy_fill=args.fuzzy_fill)
    results = translate_files(args.paths, glossary, engine, memory, options, document_bar)

    def summary(outcomes: list[Outcome]) -> str:
        segments = sum(len(o.document.segments) for o in outcomes)
        origins = sum((o.origins for o in outcomes), Counter())
        fuzzy = sum(n for origin, n in origins.items() if origin.startswith("tm-fuzzy"))
        applied = sum(count_terms_applied(o.document) for o in outcomes)
        errors = sum(o.errors for o in outcomes)
        seconds = time.perf_counter() - started
        not_read = sum((Counter(o.document.skipped) for o in outcomes), Counter())
        unread = "; not read: " + ", ".join(f"{n} {kind}" for kind, n in sorted(not_read.items())) if not_read else ""
        return (
            f"{len(outcomes)} document(s), {segments} segments: {origins['tm-human']} from memory (human), "
            f"{origins['tm-mt']} from memory (MT), {fuzzy} filled from fuzzy matches, {origins['glossary']} "
            f"from the glossary, {origins['mt']} from the engine, {origins['']} untranslated; fuzzy candidates "
            f"offered for {sum(o.offered for o in outcomes)}; {applied} glossary terms applied, "
            f"{errors} QA errors, {seconds:.1f} s{unread}"
        )

    status = run_batch("translate", results, args.strict, summary)
    if memory is not None and memory.problem:
        _error(f"{memory.problem}; the rest of this run went on without it")
    return status


def _fraction(value: str) -> float:
    try:
        fraction = float(value)
    except ValueError:
        fraction = -1.0
    if not 0 < fraction <= 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a similarity between 0 and 1")
    return fraction


def _error(message: object) -> None:
    print(f"translate: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if argv and argv[0] not in parser.get_default("subcommands") and argv[0] not in ("-h", "--help"):
        argv.insert(0, MAIN_JOB)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    return guarded("translate", lambda: args.run(args))


if __name__ == "__main__":
    raise SystemExit(main())
