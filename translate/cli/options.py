"""Command-line options shared by ``translate`` and ``publish``, and what they make."""

from __future__ import annotations

import argparse
from pathlib import Path

from glossary.errors import UserError
from glossary.files import MB
from publish.outputs import SCRIPTS, parse_formats
from translate.job import Options
from translate.languages import check_language_tag
from translate.read import DEFAULT_MAX_INPUT_MB, DOCX_INFLATION


def add_check_options(parser: argparse.ArgumentParser) -> None:
    """What every command that reads inputs and runs QA takes: the glossary, --strict, the input limit."""
    parser.add_argument("--glossary", type=Path, help="the glossary TSV (default: the shipped one)")
    parser.add_argument("--strict", action="store_true", help="exit 1 if QA finds errors")
    parser.add_argument(
        "--max-input-mb",
        type=_positive_megabytes,
        default=DEFAULT_MAX_INPUT_MB,
        metavar="MB",
        help=f"refuse input files larger than this (default: {DEFAULT_MAX_INPUT_MB}; "
        f"a .docx's parts may inflate to {DOCX_INFLATION}x)",
    )


def add_output_options(
    parser: argparse.ArgumentParser, formats: tuple[str, ...], out_default: Path | None, out_help: str
) -> None:
    """The options of the commands that write files, besides the check options: what to write, where."""
    add_check_options(parser)
    parser.add_argument("--out", type=Path, default=out_default, help=out_help)
    parser.add_argument(
        "--format",
        type=_formats(formats),
        default=",".join(formats),
        help=f"any of {','.join(formats)} (default: all)",
    )
    parser.add_argument(
        "--zh-script",
        choices=SCRIPTS,
        default="original",
        help="script of the Chinese column in DOCX and PDF (default: as written); the XLIFF keeps the original",
    )


def options_from(args: argparse.Namespace, **languages: str) -> Options:
    defaults = Options(out_dir=None)
    return Options(
        formats=tuple(getattr(args, "format", defaults.formats)),  # argparse ran the default through the type
        zh_script=getattr(args, "zh_script", defaults.zh_script),
        out_dir=getattr(args, "out", None),
        max_input_bytes=int(args.max_input_mb * MB),
        **languages,
    )


def language(value: str) -> str:
    """An argparse type: a BCP 47 language tag."""
    try:
        return check_language_tag(value)
    except UserError as error:
        raise argparse.ArgumentTypeError(error.message)


def _formats(allowed: tuple[str, ...]):
    def parse(value: str) -> list[str]:
        try:
            return parse_formats(value, allowed)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error))

    return parse


def _positive_megabytes(value: str) -> float:
    try:
        megabytes = float(value)
    except ValueError:
        megabytes = 0.0
    if not 0 < megabytes < 1e6:
        raise argparse.ArgumentTypeError(f"{value!r} is not a size in MB")
    return megabytes
