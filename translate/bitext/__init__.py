"""The bilingual file: XLIFF 2.1 (``xliff2``) or, for the CAT tools that read only that, XLIFF 1.2
(``xliff12``), with the same content.  Read back, the two are told apart by their namespace, so
``publish``, ``translate import``, ``translate qa`` and ``tm import`` take either.
"""

from __future__ import annotations

import re
from pathlib import Path

from foundation.errors import UserError
from foundation.files import MB, parse_xml, read_bytes
from translate.bitext.units import post_edited, read_not_read, read_occasion, written_hash
from translate.bitext.xliff2 import MTC, XLIFF, from_xliff2, to_xliff2
from translate.bitext.xliff12 import XLIFF12, from_xliff12, to_xliff12
from translate.document import Document
from translate.languages import check_language_tag
from translate.read import DEFAULT_MAX_INPUT_MB, SUPPORTED_SUFFIXES

__all__ = [
    "MTC",
    "XLIFF",
    "XLIFF12",
    "XLIFF_VERSIONS",
    "from_xliff",
    "post_edited",
    "read_xliff",
    "to_xliff",
    "written_hash",
    "xliff_stem",
    "xliff_version",
]

XLIFF_VERSIONS = ("2.1", "1.2")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def to_xliff(document: Document, version: str = "2.1") -> bytes:
    if version not in XLIFF_VERSIONS:
        raise ValueError(f"XLIFF version must be one of {', '.join(XLIFF_VERSIONS)}")
    return to_xliff12(document) if version == "1.2" else to_xliff2(document)


NOT_XLIFF = "not an XLIFF file (2.x or 1.2): this takes the .xlf that 'translate' writes"


def _not_xliff(label: str | Path) -> UserError:
    """What to say of a file that is no XLIFF: an output whose XLIFF lies beside it, a report to translate
    first, or just the wrong file."""
    path = Path(str(label))
    bilingual = path.with_suffix(".xlf")
    if path.suffix.lower() != ".xlf" and bilingual.is_file():  # report.zh-en.docx beside report.zh-en.xlf
        return UserError(f"{NOT_XLIFF}; the one beside it is {bilingual}", label)
    if path.suffix.lower() in SUPPORTED_SUFFIXES:
        return UserError(f"{NOT_XLIFF}; this is a report: translate it first ('translate {label}')", label)
    return UserError(NOT_XLIFF, label)


# The language pair our file names carry (report.zh-en.xlf, report.zh-Hant-en.xlf): a dotted part of
# language subtags, the first and at least one more of them a language code.
_PAIR = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*-[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
XLIFF_SUFFIXES = (".xlf", ".xliff", ".xml")


def xliff_stem(path: str | Path) -> str:
    """What the outputs of an XLIFF file are named after: its name less the suffix and the language pair
    (``a/report.zh-en.xlf`` → ``report``); "" for what has no name (standard input)."""
    name = Path(str(path)).name
    stem, dot, suffix = name.rpartition(".")
    if not dot or f".{suffix.lower()}" not in XLIFF_SUFFIXES:
        stem = name
    head, dot, last = stem.rpartition(".")
    return head if dot and head and _PAIR.fullmatch(last) else stem


def from_xliff(data: bytes, label: str | Path) -> Document:
    """The document of an XLIFF 2.x or 1.2 file, its languages and facts checked."""
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):  # no XML at all: a report, JSON, a TMX's text
        raise _not_xliff(label)
    root = parse_xml(data, label)
    if root.tag == f"{{{XLIFF}}}xliff":
        document, facts = from_xliff2(root, label)
    elif root.tag == f"{{{XLIFF12}}}xliff":
        document, facts = from_xliff12(root, label)
    else:
        raise _not_xliff(label)
    # Outputs are named after the file itself, never after its ``original``: two copies of one report, or
    # XLIFFs of another tool that all say original="document", must not overwrite each other's outputs.
    document.stem = xliff_stem(label) or document.stem  # made safe when outputs are named
    document.title = facts.get("title", document.stem)
    document.source_lang = check_language_tag(document.source_lang, label)
    document.target_lang = check_language_tag(document.target_lang, label)
    document.glossary_sha256 = facts.get("glossary-sha256", "")
    document.source_file = facts.get("source-file", "")
    translated = facts.get("translated", "")
    document.translated = translated if ISO_DATE.fullmatch(translated) else ""
    document.skipped = read_not_read(facts.get("not-read", ""))
    read_occasion(document, facts)
    return document


def read_xliff(path: Path, max_input_bytes: int = DEFAULT_MAX_INPUT_MB * MB) -> Document:
    return from_xliff(read_bytes(Path(path), max_input_bytes), path)


def xliff_version(data: bytes, label: str | Path) -> str:
    """Which of ``XLIFF_VERSIONS`` a file is written in (what a rewrite of it keeps), told by its namespace."""
    return "1.2" if parse_xml(data, label).tag == f"{{{XLIFF12}}}xliff" else "2.1"
