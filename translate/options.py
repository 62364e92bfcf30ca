"""Command-line options shared by ``translate`` and ``publish``."""

from __future__ import annotations

import argparse

from translate.read import DEFAULT_MAX_INPUT_MB, DOCX_INFLATION, MB


def add_input_limit(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-input-mb",
        type=_positive_megabytes,
        default=DEFAULT_MAX_INPUT_MB,
        metavar="MB",
        help=f"refuse input files larger than this (default: {DEFAULT_MAX_INPUT_MB}; "
        f"a .docx's parts may inflate to {DOCX_INFLATION}x)",
    )


def input_limit(args: argparse.Namespace) -> int:
    return int(args.max_input_mb * MB)


def _positive_megabytes(value: str) -> float:
    try:
        megabytes = float(value)
    except ValueError:
        megabytes = 0.0
    if not 0 < megabytes < 1e6:
        raise argparse.ArgumentTypeError(f"{value!r} is not a size in MB")
    return megabytes
