"""``translate``: the main job (``translate PATH... --to en``) and its subcommands.

The command only parses its arguments and calls the library (``pipeline.job``).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from commands.glossary import notice_shipped_changes
from commands.parsing import USAGE_ERROR, Parser, add_version, arguments, suggestion
from commands.translate.engine import add_engine_options, engine_from
from commands.translate.evaluate import add_eval_command
from commands.translate.memory import add_memory_commands, add_memory_options, memory_location, open_memory
from commands.translate.models import add_models_command
from commands.translate.options import add_output_options, language_of, options_from
from commands.translate.progress import document_bar
from commands.translate.qa import add_qa_command
from commands.translate.queue import add_queue_commands, add_queue_option, enqueue_documents
from commands.translate.report import interrupted_before, run_batch
from commands.translate.review import add_review_command
from foundation.errors import Interrupted, guarded
from glossary.entry import Status
from glossary.store import load_glossary
from pipeline.job import Outcome, translate_files
from publish.outputs import FORMATS
from translate.bitext import XLIFF_VERSIONS
from translate.qa import count_terms_applied
from translate.read import SUPPORTED_SUFFIXES, input_files

# The main job's own subcommand name: 'translate PATH...' means 'translate run PATH...'.
MAIN_JOB = "run"
EPILOG = (
    "'translate PATH...' is 'translate run PATH...'.  To translate a file or folder whose name is also a "
    "subcommand (say a folder called models), write it as a path: 'translate ./models'."
)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="translate",
        description="Translate Chinese reports into aligned bilingual XLIFF, DOCX and PDF.",
        epilog=EPILOG,
    )
    add_version(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = commands.add_parser(MAIN_JOB, help="translate files or folders: the main job (the default)", epilog=EPILOG)
    run.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="files or folders (.txt .md .html .docx .pdf; .doc .odt .rtf through LibreOffice); a folder's "
        "files directly in it, or with --recursive in its subfolders too",
    )
    run.add_argument(
        "-r",
        "--recursive",
        action="store_true",
        help="search folders' subfolders too; each file's outputs go to the same subfolder of --out",
    )
    run.add_argument(
        "--to", dest="target", type=language_of("en", "target"), default="en", help="target language: en (or en-GB...)"
    )
    run.add_argument(
        "--from", dest="source", type=language_of("zh", "source"), default="zh", help="source language: zh (zh-Hant...)"
    )
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
    add_queue_option(run)
    run.set_defaults(run=run_main_job)
    add_qa_command(commands)
    add_eval_command(commands)
    add_review_command(commands)
    add_memory_commands(commands)
    add_queue_commands(commands)
    add_models_command(commands)
    parser.set_defaults(subcommands=frozenset(commands.choices))
    return parser


def run_main_job(args: argparse.Namespace) -> int:
    inputs: list[Path] = []
    try:
        return _main_job(args, inputs)
    except KeyboardInterrupt as stop:  # while loading the glossary, the engine or the memory: no file begun
        raise stop if isinstance(stop, Interrupted) else interrupted_before(inputs) from None


def _main_job(args: argparse.Namespace, inputs: list[Path]) -> int:
    """The run; ``inputs`` is filled with the files it will translate as soon as they are known."""
    started = time.perf_counter()
    # What the user typed is checked before anything is loaded: a missing model must not hide a typo.
    paths, missing = _existing_paths(args.paths, sorted(args.subcommands))
    if not paths:
        return 2
    memory_location(args)  # a mistyped --tm is said before anything is loaded
    options = options_from(
        args, source_lang=args.source, target_lang=args.target, fuzzy_fill=args.fuzzy_fill, recursive=args.recursive
    )
    if args.queue:
        return enqueue_documents(args, paths) or (2 if missing else 0)
    inputs += input_files(paths, SUPPORTED_SUFFIXES, args.recursive)[0]
    notice_shipped_changes(args.glossary, "translate")
    glossary = load_glossary(args.glossary)
    engine = engine_from(args, args.source, args.target)
    memory = open_memory(args)
    results = translate_files(paths, glossary, engine, memory, options, document_bar)

    def summary(outcomes: list[Outcome]) -> str:
        segments = sum(len(o.document.segments) for o in outcomes)
        origins = sum((o.origins for o in outcomes), Counter())
        fuzzy = sum(n for origin, n in origins.items() if origin.startswith("tm-fuzzy"))
        hits = [hit for o in outcomes for segment in o.document.segments for hit in segment.terms]
        approved = sum(1 for hit in hits if hit.status == Status.APPROVED)
        applied = sum(count_terms_applied(o.document) for o in outcomes)
        errors = sum(o.errors for o in outcomes)
        seconds = time.perf_counter() - started
        not_read = sum((Counter(o.document.skipped) for o in outcomes), Counter())
        unread = "; not read: " + ", ".join(f"{n} {kind}" for kind, n in sorted(not_read.items())) if not_read else ""
        return (
            f"{len(outcomes)} document(s), {segments} segments: {origins['tm-human']} from memory (human), "
            f"{origins['tm-mt']} from memory (MT), {fuzzy} filled from fuzzy matches, {origins['glossary']} "
            f"from the glossary, {origins['mt']} from the engine, {origins['']} untranslated; fuzzy candidates "
            f"offered for {sum(o.offered for o in outcomes)}; {len(hits)} glossary terms marked, {approved} of them "
            f"approved, {applied} rendered in the translations, "
            f"{errors} QA errors, {seconds:.1f} s{unread}"
        )

    status = run_batch("translate", results, args.strict, summary, inputs)
    if memory is not None and memory.problem:
        _error(f"{memory.problem}; the rest of this run went on without it")
    return 2 if missing else status


def _existing_paths(paths: list[Path], commands: list[str]) -> tuple[list[Path], list[Path]]:
    """The paths that exist, and those that do not, each said in one line (a bare word may be a command
    mistyped: 'translate qq' is 'translate qa')."""
    missing = [path for path in paths if not path.exists()]
    for path in missing:
        word = len(path.parts) == 1 and not path.suffix
        hint = f", nor a command{suggestion(str(path), commands)}" if word else ""
        _error(f"{path}: no such file or folder{hint}")
    return [path for path in paths if path.exists()], missing


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
    parser = build_parser()
    argv = arguments(parser, argv, implied=MAIN_JOB)
    if argv is None:
        return USAGE_ERROR
    if argv[0] not in parser.get_default("subcommands") and argv[0] not in ("-h", "--help", "--version"):
        argv.insert(0, MAIN_JOB)
    args = parser.parse_args(argv)
    args.argv = argv  # as typed (with the subcommand): what a queued task replays for one document
    return guarded("translate", lambda: args.run(args))


if __name__ == "__main__":
    raise SystemExit(main())
