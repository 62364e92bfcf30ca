"""``publish X.zh-en.xlf``: render DOCX and PDF again from a (post-edited) XLIFF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from glossary.errors import UserError
from publish.outputs import SCRIPTS, parse_formats, render_outputs, write_outputs
from translate.bitext import read_xliff


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="publish", description="Render bilingual DOCX and PDF from XLIFF files.")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE.xlf")
    parser.add_argument("--format", default="docx,pdf", help="any of docx,pdf (default: both)")
    parser.add_argument("--out", type=Path, help="output folder (default: beside each XLIFF file)")
    parser.add_argument(
        "--zh-script", choices=SCRIPTS, default="original", help="script of the Chinese column (default: as written)"
    )
    args = parser.parse_args(argv)
    try:
        formats = parse_formats(args.format, ("docx", "pdf"))
    except ValueError as error:
        parser.error(str(error))
    failed = 0
    for path in args.files:
        try:
            document = read_xliff(path)
            written = write_outputs(
                document,
                render_outputs(document, formats, with_qa=False, zh_script=args.zh_script),
                args.out or path.parent,
            )
        except UserError as error:
            print(f"publish: {error}", file=sys.stderr)
            failed += 1
            continue
        print(f"{path}: {', '.join(str(p) for p in written)}")
    return 2 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
