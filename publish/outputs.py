"""All outputs of one document, made in memory and then written together.

Nothing is written until every requested format has rendered, and each file
is written atomically: a failure leaves no partial output behind.
"""

from __future__ import annotations

import copy
from pathlib import Path

from glossary.atomic import write_bytes_atomic
from glossary.script import to_simplified, to_traditional
from publish.docx import render_docx
from publish.filenames import safe_stem
from publish.fonts import fonts_for
from publish.html import rendered_text
from publish.pdf import render_pdf
from translate.bitext import to_xliff
from translate.document import Document
from translate.languages import check_language_tag
from translate.qa import qa_json

FORMATS = ("xlf", "docx", "pdf")
SCRIPTS = ("original", "simplified", "traditional")


def in_script(document: Document, script: str) -> Document:
    """A copy whose Chinese is shown in ``script``; the bilingual file keeps the original."""
    if script == "original":
        return document
    convert = to_simplified if script == "simplified" else to_traditional
    shown = copy.deepcopy(document)
    shown.title = convert(shown.title)
    for segment in shown.segments:
        segment.original = convert(segment.original)
    return shown


def parse_formats(value: str, allowed: tuple[str, ...] = FORMATS) -> list[str]:
    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = [f for f in formats if f not in allowed]
    if unknown or not formats:
        raise ValueError(f"unknown format {', '.join(unknown) or '(none)'}: use {','.join(allowed)}")
    return formats


def output_path(out_dir: Path, document: Document, fmt: str) -> Path:
    """``out_dir/<stem>.zh-en.<fmt>``: a name made from the document, always directly inside ``out_dir``."""
    stem = safe_stem(document.stem)
    if fmt == "qa":
        return out_dir / f"{stem}.qa.json"
    languages = "-".join(check_language_tag(code) for code in (document.source_lang, document.target_lang))
    return out_dir / f"{stem}.{languages}.{fmt}"


def render_outputs(
    document: Document, formats: list[str], with_qa: bool = True, zh_script: str = "original"
) -> dict[str, bytes]:
    shown = in_script(document, zh_script)
    if "docx" in formats or "pdf" in formats:
        faces = fonts_for(rendered_text(shown))  # raises before anything renders
    rendered: dict[str, bytes] = {}
    for fmt in formats:
        if fmt == "xlf":
            rendered[fmt] = to_xliff(document)
        elif fmt == "docx":
            rendered[fmt] = render_docx(shown, faces[0].family)
        elif fmt == "pdf":
            rendered[fmt] = render_pdf(shown, faces)
    if with_qa:
        rendered["qa"] = qa_json(document).encode("utf-8")
    return rendered


def write_outputs(document: Document, rendered: dict[str, bytes], out_dir: Path) -> list[Path]:
    paths = []
    for fmt, data in rendered.items():
        path = output_path(out_dir, document, fmt)
        write_bytes_atomic(path, data)
        paths.append(path)
    return paths
