"""``translate review PATH...``: post-edit translations in the browser (a local web app).

A bilingual XLIFF (``.xlf``, ``.xliff``) is opened as it is; a report (any input the main job reads, or
a folder of them) is translated first, into ``--out``, as the main job would with ``--engine``, and its
XLIFF opened.  So one command takes a report from Chinese to a post-edited, published translation.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

from commands.parsing import plain
from commands.translate.engine import add_engine_options, engine_from
from commands.translate.memory import add_memory_options, open_memory
from commands.translate.progress import document_bar
from foundation.errors import UserError
from foundation.files import MB
from glossary.own import editable_glossary_path
from glossary.store import load_glossary
from pipeline.job import Failure, Options, translate_files
from translate.bitext import read_xliff
from translate.read import DEFAULT_MAX_INPUT_MB

XLIFF_SUFFIXES = (".xlf", ".xliff")


def add_review_command(commands) -> None:
    review = commands.add_parser(
        "review",
        help="post-edit in the browser: bilingual XLIFF files, or reports translated first",
        description=plain(__doc__),
    )
    review.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="XLIFF files, reports or folders")
    review.add_argument("--glossary", type=Path, help="the glossary TSV (default: your own, made from the shipped one)")
    add_memory_options(review)
    add_engine_options(review, "for reports, the engine that translates them first: ")
    review.add_argument("--out", type=Path, default=Path("out"), help="for reports: where their XLIFF goes (out/)")
    review.add_argument("--port", type=int, default=0, help="listen on this port of 127.0.0.1 (default: a free one)")
    review.add_argument("--no-browser", action="store_true", help="print the address only; do not open a browser")
    review.add_argument(
        "--reviewer",
        action="append",
        type=_reviewer,
        default=[],
        metavar="NAME[:ROLE]",
        help="a reviewer of a team, with an address of their own (ROLE: review, the default, or read for "
        "read-only); repeat for each; every change carries their name (default: you alone)",
    )
    review.set_defaults(run=run_review)


def _reviewer(value: str):
    from review.security import reviewer  # the web app's own notion; loaded with the command's arguments

    try:
        return reviewer(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _bilingual_files(args: argparse.Namespace, glossary_path: Path, memory) -> list[Path]:
    """The XLIFF files named, and the XLIFF of each report named, translated now."""
    limit = DEFAULT_MAX_INPUT_MB * MB
    xliffs = [p for p in args.paths if p.suffix.lower() in XLIFF_SUFFIXES]
    reports = [p for p in args.paths if p not in xliffs]
    for path in xliffs:
        if not path.is_file():
            raise UserError("no such file", path)
        read_xliff(path, limit)  # a bad file is named before the server starts
    if reports:
        engine = engine_from(args)
        options = Options(formats=("xlf",), out_dir=args.out, max_input_bytes=limit)
        for outcome in translate_files(reports, load_glossary(glossary_path), engine, memory, options, document_bar):
            if isinstance(outcome, Failure):
                print(f"translate: {outcome.message}", file=sys.stderr)
            else:
                xliffs += [p for p in outcome.written if p.suffix == ".xlf"]
    if not xliffs:
        raise UserError("nothing to review: no XLIFF file, and no report could be translated")
    return xliffs


def _prepare(views: list) -> None:
    for view in views:
        try:
            view.document()
        except Exception:  # noqa: BLE001 - the page that asks for it says what is wrong, to the reviewer
            pass


def run_review(args: argparse.Namespace) -> int:
    # The command-line entry is the one place that starts the web app (nothing else imports review).
    from review.app import create_app
    from review.glossary_view import GlossaryView
    from review.security import Sessions
    from review.server import serve
    from review.translation_view import TranslationView

    glossary_path = args.glossary or editable_glossary_path()[0]  # the reviewer's proposals are kept there
    load_glossary(glossary_path)  # a bad glossary is a one-line error before anything listens
    try:
        sessions = Sessions(args.reviewer) if args.reviewer else Sessions()  # two reviewers of one name: said now
    except ValueError as error:
        raise UserError(str(error)) from None
    memory = open_memory(args)
    files = _bilingual_files(args, glossary_path, memory)
    views = [TranslationView(path, glossary_path, memory, DEFAULT_MAX_INPUT_MB * MB) for path in files]
    print(f"translate review: {len(views)} file(s); memory: {memory.label if memory else 'none'}", file=sys.stderr)
    # The first read of a process loads the word segmenter's dictionary and compiles QA's patterns (a second
    # or more): done for the first file before the link is given, so that the page it opens shows at once,
    # and for the others while the reviewer works.
    _prepare(views[:1])
    threading.Thread(target=_prepare, args=(views[1:],), daemon=True, name="prepare").start()
    app = create_app(glossary=GlossaryView(glossary_path), translations=views, sessions=sessions)
    serve(app, args.port, not args.no_browser, "translate review")
    return 0
