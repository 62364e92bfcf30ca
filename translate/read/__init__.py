"""The reading stage: files → raw documents (title, headings, paragraphs).

Supported: ``.txt`` and ``.md`` (UTF-8 with or without BOM, GB18030/GBK, Big5,
UTF-16 with or without BOM: see ``decode``), ``.html`` (a report saved from a
government website), ``.docx``, ``.pdf`` with a text layer, and ``.doc``,
``.odt``, ``.rtf`` through LibreOffice.  Anything else is refused with a
one-line error, and so is a file over the input limit.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from foundation.errors import UserError
from foundation.files import MB, read_bytes
from foundation.text import storable
from translate.document import BlockKind, RawBlock, RawDocument
from translate.read.decode import decode_text
from translate.read.docx import DOCX_INFLATION, docx_blocks
from translate.read.headings import numbering, settle_headings
from translate.read.html import html_blocks
from translate.read.markdown import markdown_blocks
from translate.read.office import OFFICE_SUFFIXES, office_to_docx
from translate.read.pdf import pdf_blocks
from translate.read.plain import lines_to_blocks
from translate.read.tables import TableTooLarge

__all__ = ["DEFAULT_MAX_INPUT_MB", "DOCX_INFLATION", "SUPPORTED_SUFFIXES", "input_files", "read_document"]

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".html", ".htm", ".pdf", *OFFICE_SUFFIXES)
# The longest national work report runs to about 40,000 characters (120 KB);
# 2 MB of text is about 700,000 characters, 17 times that; at the limit, text to PDF
# takes about a minute and 1.1 GB of memory before any machine translation.
DEFAULT_MAX_INPUT_MB = 2


def input_files(
    paths: list[Path], suffixes: tuple[str, ...], recursive: bool = False
) -> tuple[list[Path], list[UserError]]:
    """The files to read: each file named, and the files with one of ``suffixes`` in each folder named,
    directly in it or, ``recursive``, at any depth (hidden files and folders skipped); an error for each
    path that gives none, saying so when its subfolders hold some."""
    files, errors = [], []
    for path in paths:
        if path.is_dir():
            found = files_in(path, suffixes, recursive)
            if not found:
                deeper = [] if recursive else files_in(path, suffixes, recursive=True)
                hint = f"; its subfolders hold {len(deeper)}: add --recursive" if deeper else ""
                errors.append(UserError(f"no {', '.join(suffixes)} files in this folder{hint}", path))
            files += found
        elif path.exists():
            files.append(path)
        else:
            errors.append(UserError("no such file or folder", path))
    return files, errors


def files_in(folder: Path, suffixes: tuple[str, ...], recursive: bool) -> list[Path]:
    """The visible files with one of ``suffixes`` in ``folder`` (and below it, ``recursive``), sorted."""
    candidates = folder.rglob("*") if recursive else folder.iterdir()
    return sorted(
        path
        for path in candidates
        if path.suffix.lower() in suffixes
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and path.is_file()
    )


def read_document(path: Path, max_input_bytes: int = DEFAULT_MAX_INPUT_MB * MB) -> RawDocument:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UserError(f"unsupported file type {suffix or '(none)'}: use {', '.join(SUPPORTED_SUFFIXES)}", path)
    data = read_bytes(path, max_input_bytes)
    encoding, guessed, skipped = "", False, Counter()
    try:
        if suffix in OFFICE_SUFFIXES:
            blocks, skipped = docx_blocks(office_to_docx(data, path), path, max_input_bytes)
        elif suffix == ".docx":
            blocks, skipped = docx_blocks(data, path, max_input_bytes)
        elif suffix == ".pdf":
            blocks, skipped = pdf_blocks(data, path, max_input_bytes)
        else:
            decoded = decode_text(data, path)
            text, encoding, guessed = decoded.text, decoded.name, not decoded.certain
            if suffix == ".md":
                blocks, skipped = markdown_blocks(text)
            elif suffix in (".html", ".htm"):
                blocks, skipped = html_blocks(text)
            else:
                blocks = lines_to_blocks(text.splitlines())
    except TableTooLarge as error:
        raise UserError(str(error), path)
    skipped = Counter(skipped)
    skipped["control character"] += _make_storable(blocks)  # what a file of ours could not hold
    skipped = +skipped  # a count of 0 is no news
    blocks = settle_headings(blocks)
    if not blocks:
        raise UserError("no text found: nothing to translate", path)
    title = document_title(blocks) or path.stem
    return RawDocument(path, title, blocks, encoding, guessed, dict(sorted(skipped.items())))


def _make_storable(blocks: list[RawBlock]) -> int:
    """Every text read made storable under the project's one rule for text; how many characters went."""
    dropped = 0
    for block in blocks:
        block.text, count = storable(block.text)
        dropped += count
        for cell in block.cells:
            cell.text, count = storable(cell.text)
            dropped += count
    return dropped


def document_title(blocks: list[RawBlock]) -> str:
    """The heading that opens the text, else its first top-level heading; never a numbered section
    (一、总体要求 titles a part, not the document); "" when there is none."""
    titles = [b for b in blocks if b.kind is BlockKind.HEADING and not numbering(b.text)]
    if titles and titles[0] is blocks[0]:
        return titles[0].text
    return next((b.text for b in titles if b.level == 1), "")
