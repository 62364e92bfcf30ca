"""All outputs of one document, made in memory and then written together.

Nothing is written until every requested format has rendered, and each file
is written atomically: a failure leaves no partial output behind.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from foundation.errors import UserError
from foundation.files import write_bytes_atomic
from publish.docx import render_docx
from publish.edition import Edition, make_edition
from publish.filenames import safe_stem
from publish.fonts import Coverage, glyph_marker
from publish.html import edition_fonts
from publish.pdf import render_pdf
from publish.settings import Settings
from translate.bitext import to_xliff
from translate.document import Document, Issue
from translate.languages import check_language_tag
from translate.qa import qa_json

FORMATS = ("xlf", "docx", "pdf")
NO_GLYPH = "no-glyph"  # the QA check for characters no installed font can draw


def parse_formats(value: str, allowed: tuple[str, ...] = FORMATS) -> list[str]:
    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = [f for f in formats if f not in allowed]
    if unknown or not formats:
        raise ValueError(f"unknown format {', '.join(unknown) or '(none)'}: use {','.join(allowed)}")
    return formats


def output_path(out_dir: Path, document: Document, fmt: str) -> Path:
    """``out_dir/<stem>.zh-en.<fmt>``: a name made from the document, always directly inside ``out_dir``."""
    stem = safe_stem(document.stem)
    languages = "-".join(check_language_tag(code) for code in (document.source_lang, document.target_lang))
    if fmt == "qa":  # named for its pair too: QA of zh-en and of zh-Hant-en beside each other stay apart
        return out_dir / f"{stem}.{languages}.qa.json"
    return out_dir / f"{stem}.{languages}.{fmt}"


@dataclass
class Rendered:
    """The files of one document, by format, and the characters no font could draw in its PDF."""

    files: dict[str, bytes]
    missing_glyphs: list[str] = field(default_factory=list)
    pages: int = 0  # the PDF's
    with_qa: bool = True  # the QA report is written with them (made when written: it names the folder's XLIFF)

    def note(self) -> str:
        """For the summary line: which characters the PDF shows as markers."""
        if not self.missing_glyphs:
            return ""
        listed = ", ".join(f"{c} {glyph_marker(c)}" for c in self.missing_glyphs[:5])
        more = f" and {len(self.missing_glyphs) - 5} more" if len(self.missing_glyphs) > 5 else ""
        return f"; no installed font has {listed}{more}: marked in the PDF"


def report_missing_glyphs(document: Document, shown: Document, coverage: Coverage) -> None:
    """A QA finding on each segment holding a character no font has (found in ``shown``, the script shown)."""
    missing = set(coverage.missing)
    for segment, displayed in zip(document.segments, shown.segments):
        segment.issues = [i for i in segment.issues if i.check != NO_GLYPH]
        chars = sorted(missing.intersection(displayed.source + displayed.target))
        if chars:
            listed = ", ".join(f"{c} {glyph_marker(c)}" for c in chars)
            message = f"no installed font has {listed}: the PDF shows the marker{coverage.advice()}"
            segment.issues.append(Issue(NO_GLYPH, message))


def check_fonts(document: Document, edition: Edition) -> Coverage:
    """The faces the edition's text needs, found before anything renders; QA marks each segment of
    ``document`` holding a character none of them has."""
    coverage = edition_fonts(edition)
    report_missing_glyphs(document, edition.document, coverage)
    return coverage


def render_outputs(
    document: Document, formats: list[str], settings: Settings | None = None, with_qa: bool = True
) -> Rendered:
    """Every requested format in memory; nothing is written yet."""
    settings = settings or Settings()
    edition = make_edition(document, settings)
    coverage = check_fonts(document, edition) if "docx" in formats or "pdf" in formats else None  # checked once
    rendered = Rendered({}, coverage.missing if coverage else [], with_qa=with_qa)
    for fmt in formats:
        if fmt == "xlf":
            rendered.files[fmt] = to_xliff(document, settings.xliff)
        elif fmt == "docx":
            rendered.files[fmt] = render_docx(edition, coverage)
        elif fmt == "pdf":
            rendered.files[fmt], rendered.pages = render_pdf(edition, coverage)
    return rendered


class OutputsOfAnother(UserError):
    """The outputs' names are taken in the folder by another document's outputs."""


def _owner(out_dir: Path, document: Document) -> str | None:
    """The XLIFF the outputs of this name in ``out_dir`` were made from, as their QA report records it
    (relative to the folder); "" when they are ours but older than the record; None when there are none."""
    try:
        report = json.loads(output_path(out_dir, document, "qa").read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return "?"  # a QA report no one can read: not knowably ours
    return str(report.get("xliff", "")) if isinstance(report, dict) else "?"


def write_outputs(document: Document, rendered: Rendered, out_dir: Path, made_from: Path, force: bool = False):
    """The files written together, named after ``made_from`` (the XLIFF they come from), which the QA report
    records.  Outputs of the same names made from another XLIFF stop it, unless ``force``: two documents
    published into one folder never overwrite each other's files without a word."""
    record = Path(os.path.relpath(made_from.resolve(), out_dir.resolve())).as_posix()
    files = dict(rendered.files)
    if rendered.with_qa:
        files["qa"] = qa_json(document, record).encode("utf-8")
    paths = {fmt: output_path(out_dir, document, fmt) for fmt in files}
    owner = _owner(out_dir, document)
    taken = [path.name for path in paths.values() if path.exists() and path != made_from]
    if not force and taken and owner not in ("", record):
        whose = f"made from {owner}" if owner not in (None, "?") else "not made by this tool from it"
        raise OutputsOfAnother(
            f"{out_dir} already holds {', '.join(taken)}, {whose}: publish into another folder (--out), rename "
            f"{made_from.name}, or overwrite them with --force"
        )
    for fmt, data in files.items():
        write_bytes_atomic(paths[fmt], data)
    return list(paths.values())
