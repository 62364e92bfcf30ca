"""``translate review FILE.xlf...``: post-edit bilingual XLIFF files in the browser (a local web app)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from glossary.errors import UserError
from glossary.files import MB
from glossary.store import default_glossary_path, load_glossary
from translate.bitext import read_xliff
from translate.cli.memory import add_memory_options, open_memory
from translate.read import DEFAULT_MAX_INPUT_MB


def add_review_command(commands) -> None:
    review = commands.add_parser(
        "review", help="post-edit bilingual XLIFF files in the browser: QA, memory, glossary, publishing"
    )
    review.add_argument("files", nargs="+", type=Path, metavar="FILE.xlf")
    review.add_argument("--glossary", type=Path, help="the glossary TSV (default: the shipped one)")
    add_memory_options(review)
    review.add_argument("--port", type=int, default=0, help="listen on this port of 127.0.0.1 (default: a free one)")
    review.add_argument("--no-browser", action="store_true", help="print the address only; do not open a browser")
    review.set_defaults(run=run_review)


def run_review(args: argparse.Namespace) -> int:
    # The command-line entry is the one place that starts the web app (nothing else imports review).
    from review.app import create_app
    from review.glossary_view import GlossaryView
    from review.server import serve
    from review.translation_view import TranslationView

    glossary_path = args.glossary or default_glossary_path()
    load_glossary(glossary_path)  # a bad glossary is a one-line error before anything listens
    limit = DEFAULT_MAX_INPUT_MB * MB
    for path in args.files:
        if not path.is_file():
            raise UserError("no such file", path)
        read_xliff(path, limit)  # each file read once now: a bad one is named before the server starts
    memory = open_memory(args)
    views = [TranslationView(path, glossary_path, memory, limit) for path in args.files]
    print(f"translate review: {len(views)} file(s); memory: {memory.path if memory else 'none'}", file=sys.stderr)
    serve(create_app(glossary=GlossaryView(glossary_path), translations=views), args.port, not args.no_browser,
          "translate review")  # fmt: skip
    return 0
