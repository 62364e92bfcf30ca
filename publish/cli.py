"""``publish X.zh-en.xlf``: render DOCX and PDF again from a (post-edited) XLIFF,
and check the post-edited translation again (``<stem>.qa.json``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from glossary.errors import describe_error
from glossary.store import load_glossary
from publish.outputs import SCRIPTS, parse_formats, render_outputs, write_outputs
from translate.bitext import read_xliff
from translate.options import add_input_limit, input_limit
from translate.pipeline import recheck
from translate.qa import count_errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="publish", description="Render bilingual DOCX and PDF from XLIFF files.")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE.xlf")
    parser.add_argument("--format", default="docx,pdf", help="any of docx,pdf (default: both)")
    parser.add_argument("--out", type=Path, help="output folder (default: beside each XLIFF file)")
    parser.add_argument(
        "--zh-script", choices=SCRIPTS, default="original", help="script of the Chinese column (default: as written)"
    )
    parser.add_argument("--glossary", type=Path, help="the glossary QA checks against (default: the shipped one)")
    parser.add_argument("--strict", action="store_true", help="exit 1 if QA finds errors")
    add_input_limit(parser)
    args = parser.parse_args(argv)
    try:
        formats = parse_formats(args.format, ("docx", "pdf"))
    except ValueError as error:
        parser.error(str(error))
    try:
        return publish_files(args, formats)
    except Exception as error:
        print(f"publish: {describe_error(error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            "publish: interrupted: files already written are complete, nothing half-written was left", file=sys.stderr
        )
        return 130


def publish_files(args: argparse.Namespace, formats: list[str]) -> int:
    glossary = load_glossary(args.glossary)
    failed = qa_errors = 0
    for path in args.files:
        try:
            document = recheck(read_xliff(path, input_limit(args)), glossary)
            rendered = render_outputs(document, formats, zh_script=args.zh_script)
            written = write_outputs(document, rendered, args.out or path.parent)
        except Exception as error:  # one bad file does not stop the others
            print(f"publish: {describe_error(error, path)}", file=sys.stderr)
            failed += 1
            continue
        errors = count_errors(document)
        qa_errors += errors
        changed = "; the glossary changed since translation" if document.glossary_sha256 != glossary.sha256 else ""
        print(f"{path}: {', '.join(str(p) for p in written)} ({errors} QA errors{rendered.note()}{changed})")
    if failed:
        return 2
    return 1 if args.strict and qa_errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
