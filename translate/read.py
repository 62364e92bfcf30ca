"""Files → raw documents: text decoded, paragraphs and headings found.

Supported: ``.txt`` (UTF-8 with or without BOM, GB18030/GBK, UTF-16 with BOM),
``.md``, ``.html`` (a report saved from a government website) and ``.docx``.
Anything else is refused with a one-line error.
"""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from glossary.corpus import decode_text
from glossary.errors import UserError
from glossary.files import MB, read_bytes
from translate.document import BlockKind, RawBlock, RawDocument
from translate.paragraphs import heading_level, lines_to_blocks

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".html", ".htm")
# The longest national work report runs to about 40,000 characters (120 KB);
# 2 MB of text is about 700,000 characters, 17 times that; at the limit, text to PDF
# takes about a minute and 1.1 GB of memory before any machine translation.
DEFAULT_MAX_INPUT_MB = 2
# What the parts of a .docx (XML, images) may inflate to, as a multiple of the input limit.
DOCX_INFLATION = 20


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


class _HtmlText(HTMLParser):
    """Headings and paragraphs of an HTML page; scripts, styles and navigation skipped."""

    BLOCKS = {"p", "li", "div", "td", "blockquote", "section", "article", "br"}
    SKIP = {"head", "script", "style", "nav", "header", "footer", "noscript", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[RawBlock] = []
        self._text: list[str] = []
        self._heading: int | None = None
        self._skipping = 0

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._text)).strip()
        self._text.clear()
        if not text:
            return
        level = self._heading or heading_level(text)
        kind = BlockKind.PARAGRAPH if level is None else BlockKind.HEADING
        self.blocks.append(RawBlock(kind, text, level or 1))

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skipping += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self._heading = int(tag[1])
        elif tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self._heading = None
        elif tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data):
        if not self._skipping:
            self._text.append(data)

    def close(self):
        super().close()
        self._flush()


def _html_blocks(text: str) -> list[RawBlock]:
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    return parser.blocks


def _check_inflated_size(data: bytes, path: Path, limit: int) -> None:
    """Refuse a .docx whose parts would inflate beyond ``limit``, from the zip's directory alone.

    The sizes in the directory can be trusted for this: zipfile never inflates
    a member beyond the size its header states (a lying member fails its CRC).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as error:
        raise UserError(f"not a readable .docx file ({error})", path)
    if inflated > limit:
        raise UserError(
            f"the parts of this .docx inflate to {inflated / MB:,.0f} MB, over the limit of {limit / MB:,.0f} MB "
            f"({DOCX_INFLATION} x --max-input-mb)",
            path,
        )


def _docx_blocks(data: bytes, path: Path, max_input_bytes: int) -> list[RawBlock]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    _check_inflated_size(data, path, DOCX_INFLATION * max_input_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UserError(f"not a readable .docx file ({error})", path)
    except XMLSyntaxError as error:
        raise UserError(f"not a readable .docx file: malformed XML inside ({error.msg})", path)
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


def read_document(path: Path, max_input_bytes: int = DEFAULT_MAX_INPUT_MB * MB) -> RawDocument:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UserError(f"unsupported file type {suffix or '(none)'}: use {', '.join(SUPPORTED_SUFFIXES)}", path)
    data = read_bytes(path, max_input_bytes)
    if suffix == ".docx":
        blocks = _docx_blocks(data, path, max_input_bytes)
    else:
        text = decode_text(data, path)
        if suffix == ".md":
            blocks = _markdown_blocks(text)
        elif suffix in (".html", ".htm"):
            blocks = _html_blocks(text)
        else:
            blocks = lines_to_blocks(text.splitlines())
    if not blocks:
        raise UserError("no text found: nothing to translate", path)
    headings = [b for b in blocks if b.kind is BlockKind.HEADING]
    title = headings[0].text if headings else path.stem
    return RawDocument(path, title, blocks)
