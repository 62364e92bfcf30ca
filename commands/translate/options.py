"""Command-line options shared by ``translate`` and ``publish``, and what they make."""

from __future__ import annotations

import argparse
from dataclasses import fields
from pathlib import Path

from commands.parsing import suggestion
from foundation.errors import UserError
from foundation.files import MB, writable_folder
from glossary.entry import DOCUMENT_KINDS
from pipeline.job import Options
from publish.outputs import parse_formats
from publish.settings import LAYOUTS, PDF_VARIANTS, SCRIPTS, Settings
from translate.languages import check_language_tag
from translate.read import DEFAULT_MAX_INPUT_MB, DOCX_INFLATION


def add_check_options(parser: argparse.ArgumentParser) -> None:
    """What every command that reads inputs and runs QA takes: the glossary, --strict, the input limit."""
    parser.add_argument(
        "--glossary", type=Path, help="the glossary TSV (default: your own once you have edited one, else the shipped)"
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 if QA finds errors or a segment is left untranslated"
    )
    parser.add_argument(
        "--max-input-mb",
        type=_positive_megabytes,
        default=DEFAULT_MAX_INPUT_MB,
        metavar="MB",
        help=f"refuse input files larger than this (default: {DEFAULT_MAX_INPUT_MB}; "
        f"a .docx's parts may inflate to {DOCX_INFLATION}x)",
    )
    parser.add_argument(
        "--year", type=_year, help="the year the documents were written: which renderings were official then "
        "(default: the year the title or file name states; else any year's)",
    )  # fmt: skip
    parser.add_argument(
        "--kind", choices=DOCUMENT_KINDS, help="what kind of text the documents are: which sense a term has "
        "(default: inferred where the text says it plainly; else every entry holds)",
    )  # fmt: skip


def add_output_options(
    parser: argparse.ArgumentParser, formats: tuple[str, ...], out_default: Path | None, out_help: str
) -> None:
    """The options of the commands that write files, besides the check options: what to write, where."""
    add_check_options(parser)
    parser.add_argument("--out", type=Path, default=out_default, help=out_help)
    chosen = parser.add_argument(
        "--format",
        type=_formats(formats),
        default=",".join(formats),
        help=f"any of {','.join(formats)} (default: all)",
    )
    chosen.completer = lambda **_: formats  # what shell completion offers (argcomplete's completer protocol)
    parser.add_argument(
        "--force",
        action="store_true",
        help="overwrite what is otherwise kept: outputs of another document of the same name in the folder"
        + (", and post-edits in an XLIFF written again" if "xlf" in formats else ""),
    )
    look = parser.add_argument_group("publishing (DOCX and PDF; also from a publish.toml beside the inputs)")
    look.add_argument("--layout", choices=LAYOUTS, help="side-by-side (default), interleaved, en or zh alone")
    look.add_argument(
        "--zh-script",
        choices=SCRIPTS,
        help="the Chinese shown: as written (default), simplified, traditional, or Taiwan's or Hong Kong's "
        "characters and vocabulary; the XLIFF keeps the text as written",
    )
    look.add_argument(
        "--no-glossary-appendix",
        dest="glossary_appendix",
        action="store_false",
        default=None,
        help="leave out the list of glossary terms after the text",
    )
    look.add_argument("--font-zh", metavar="FAMILY", help="the Chinese face (default: Noto Serif CJK, by script)")
    look.add_argument("--font-en", metavar="FAMILY", help="the English face (default: Liberation Serif)")
    look.add_argument("--author", help="the author in the PDF's and DOCX's properties")
    look.add_argument("--subject", help="the subject in the PDF's and DOCX's properties")
    look.add_argument("--keywords", type=_keywords, help="comma-separated keywords for the properties")
    look.add_argument("--index", action="store_true", help="keep an index.html of the documents in the output folder")
    look.add_argument("--pdf-variant", choices=PDF_VARIANTS, help="PDF/A-3u to archive, PDF/UA-1 (tagged) for access")


def settings_from(args: argparse.Namespace) -> tuple[Settings, frozenset[str]]:
    """The publishing settings given as options, and which were given (they win over publish.toml)."""
    given = {f.name: getattr(args, f.name) for f in fields(Settings) if getattr(args, f.name, None) is not None}
    return Settings(**given), frozenset(given)


def _year(value: str) -> int:
    if not (value.isascii() and value.isdigit() and len(value) == 4):
        raise argparse.ArgumentTypeError(f"{value!r} is not a year: write four digits, e.g. 2013")
    return int(value)


def options_from(args: argparse.Namespace, **languages: str) -> Options:
    """The job's options from the command line; ``--out`` is made and checked writable first, so a wrong one
    is one line before any work."""
    defaults = Options(out_dir=None)
    if getattr(args, "out", None) is not None:
        writable_folder(args.out, "--out")
    settings, given = settings_from(args)
    return Options(
        formats=tuple(getattr(args, "format", defaults.formats)),  # argparse ran the default through the type
        settings=settings,
        settings_given=given,
        index=getattr(args, "index", False),
        out_dir=getattr(args, "out", None),
        max_input_bytes=int(args.max_input_mb * MB),
        force=getattr(args, "force", False),
        year=getattr(args, "year", None),
        kind=getattr(args, "kind", None) or "",
        **languages,
    )


# Language names people type for a code; a name is never taken as a tag ('english' is well-formed BCP 47,
# a registered-language subtag of 5-8 letters, and would name every output '*.zh-english.*').
LANGUAGE_NAMES = {
    "english": "en", "chinese": "zh", "mandarin": "zh", "french": "fr", "german": "de", "spanish": "es",
    "japanese": "ja", "korean": "ko", "russian": "ru", "arabic": "ar", "portuguese": "pt", "italian": "it",
}  # fmt: skip


def language_tag(value: str) -> str:
    """A BCP 47 tag whose language is an ISO 639 code of two or three letters (en, zh, zh-Hant, en-GB)."""
    code = LANGUAGE_NAMES.get(value.strip().lower())
    if code:
        raise argparse.ArgumentTypeError(f"{value!r} is a language's name: write its code, {code!r}")
    try:
        tag = check_language_tag(value)
    except UserError as error:
        raise argparse.ArgumentTypeError(error.message)
    if not 2 <= len(tag.split("-")[0]) <= 3:
        raise argparse.ArgumentTypeError(f"{value!r} is not a language code (ISO 639: zh, en, zh-Hant, en-GB)")
    return tag


def language_of(expected: str, role: str):
    """An argparse type: a language tag of ``expected`` (zh or en), what the glossary and QA are built for;
    another is refused in one line rather than giving outputs whose terms and checks are all wrong."""

    def parse(value: str) -> str:
        tag = language_tag(value)
        if tag.split("-")[0].lower() != expected:
            raise argparse.ArgumentTypeError(
                f"{tag!r}: the glossary and QA work from Chinese into English only, so the {role} language is "
                f"{expected} (or a form of it, such as {'zh-Hant' if expected == 'zh' else 'en-GB'})"
            )
        return tag

    return parse


def _formats(allowed: tuple[str, ...]):
    def parse(value: str) -> list[str]:
        try:
            return parse_formats(value, allowed)
        except ValueError as error:
            unknown = [f.strip().lower() for f in value.split(",") if f.strip().lower() not in allowed]
            hint = suggestion(unknown[0], list(allowed)) if unknown else ""
            raise argparse.ArgumentTypeError(f"{error}{hint}")

    return parse


def _keywords(value: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in value.split(",") if word.strip())


def _positive_megabytes(value: str) -> float:
    try:
        megabytes = float(value)
    except ValueError:
        megabytes = 0.0
    if not 0 < megabytes < 1e6:
        raise argparse.ArgumentTypeError(f"{value!r} is not a size in MB")
    return megabytes
