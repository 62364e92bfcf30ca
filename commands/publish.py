"""``publish X.zh-en.xlf``: render DOCX and PDF again from a (post-edited) XLIFF,
and check the post-edited translation again (``<stem>.zh-en.qa.json``).

The command only parses its arguments and calls the library (``pipeline.job``).
"""

from __future__ import annotations

from pathlib import Path

from commands.glossary import notice_shipped_changes
from commands.parsing import USAGE_ERROR, Parser, add_version, parsed
from commands.translate.options import add_output_options, options_from
from commands.translate.report import interrupted_before, run_batch
from foundation.errors import Interrupted, guarded
from glossary.store import load_glossary
from pipeline.job import publish_files

FORMATS = ("docx", "pdf")


def build_parser() -> Parser:
    parser = Parser(
        prog="publish",
        description="Render bilingual DOCX and PDF from XLIFF files.",
        epilog="Several files are published at once, one per CPU, and reported in the order given.",
    )
    add_version(parser)
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE.xlf", help="XLIFF files that translate wrote")
    add_output_options(parser, FORMATS, None, "output folder (default: beside each XLIFF file)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = parsed(build_parser(), argv)
    if args is None:
        return USAGE_ERROR

    def work() -> int:
        try:
            notice_shipped_changes(args.glossary, "publish")
            results = publish_files(args.files, load_glossary(args.glossary), options_from(args))
            return run_batch("publish", results, args.strict, inputs=args.files)
        except KeyboardInterrupt as stop:  # before the first file began: none is complete
            raise stop if isinstance(stop, Interrupted) else interrupted_before(args.files) from None

    return guarded("publish", work)


if __name__ == "__main__":
    raise SystemExit(main())
