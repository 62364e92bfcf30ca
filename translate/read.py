"""Files → raw documents: text decoded, paragraphs and headings found.

Supported: ``.txt`` (UTF-8 with or without BOM, GB18030/GBK, UTF-16 with BOM),
``.md`` and ``.docx``.  Anything else is refused with a one-line error.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from glossary.corpus import decode_text
from glossary.errors import UserError
from translate.document import BlockKind
from translate.paragraphs import RawBlock, lines_to_blocks

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx")


@dataclass
class RawDocument:
    path: Path
    title: str
    blocks: list[RawBlock]


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_INLINE = re.compile(r"\*\*|__|(?<!\w)[*_](?!\s)|(?<!\s)[*_](?!\w)|`")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def _markdown_blocks(text: str) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.extend(lines_to_blocks(["".join(paragraph)]))
            paragraph.clear()

    for line in text.splitlines():
        line = _MD_INLINE.sub("", _MD_LINK.sub(r"\1", line)).strip()
        heading = _MD_HEADING.match(line)
        if heading:
            flush()
            blocks.append(RawBlock(BlockKind.HEADING, heading.group(2), len(heading.group(1))))
        elif not line:
            flush()
        else:
            paragraph.append(re.sub(r"^([-+*]|\d+\.)\s+", "", line).lstrip("> "))
    flush()
    return blocks


def _docx_blocks(path: Path) -> list[RawBlock]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UserError(f"not a readable .docx file ({error})", path)
    blocks: list[RawBlock] = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = paragraph.style.name if paragraph.style is not None else ""
        level = _docx_heading_level(style)
        if level is None:
            blocks.append(RawBlock(BlockKind.PARAGRAPH, text))
        else:
            blocks.append(RawBlock(BlockKind.HEADING, text, level))
    return blocks


def _docx_heading_level(style: str) -> int | None:
    if style == "Title":
        return 1
    match = re.fullmatch(r"Heading (\d)", style)
    return int(match.group(1)) if match else None


def read_document(path: Path) -> RawDocument:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UserError(f"unsupported file type {suffix or '(none)'}: use {', '.join(SUPPORTED_SUFFIXES)}", path)
    try:
        if suffix == ".docx":
            blocks = _docx_blocks(path)
        else:
            text = decode_text(path.read_bytes(), path)
            blocks = _markdown_blocks(text) if suffix == ".md" else lines_to_blocks(text.splitlines())
    except OSError as error:
        raise UserError(f"cannot read: {error.strerror}", path)
    if not blocks:
        raise UserError("no text found: nothing to translate", path)
    headings = [b for b in blocks if b.kind is BlockKind.HEADING]
    title = headings[0].text if headings else path.stem
    return RawDocument(path, title, blocks)
