"""PDF reports with a text layer, read with pypdf (BSD licence): the text of each page by position,
running heads, footers and page numbers removed, lines rejoined into paragraphs, headings found as
for text (and from a larger type size).

A page's lines are rebuilt from where pypdf says each run of text starts.  A line starts a new
paragraph when it is indented (Chinese reports indent a paragraph's first line by two characters),
when the line before stopped short of the right margin after a sentence's end, or when the gap
above it is wider than the text's line pitch; otherwise it continues the paragraph, across pages.  A line in the top or
bottom margin band that is a page number, or that recurs (digits aside) on at least half the pages,
is a running head or footer.

Untrusted PDFs are read inside pypdf's own resource limits, set from the input limit: no stream may
inflate beyond the limit a .docx's parts have, decoding work is capped, and the pages are read
against a deadline.  A PDF with no text at all is a scan: refused with the advice to run OCR.
"""

from __future__ import annotations

import io
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from foundation.errors import UserError
from translate.document import BlockKind, RawBlock
from translate.read.docx import DOCX_INFLATION
from translate.read.headings import ends_sentence, numbering, raw_block
from translate.read.plain import join_broken_line

READING_SECONDS = 60  # a report of a hundred pages reads in a few seconds
MARGIN_BAND = 0.1  # the top and bottom tenth of a page, where running heads and footers stand
_PAGE_NUMBER = re.compile(
    r"^[-—–－\s]*(?:\d{1,4}|[ivxlcdm]{1,7}|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})[-—–－\s]*$",
    re.I,
)


@dataclass
class _Line:
    x: float  # where the line starts
    y: float  # its baseline, from the page's foot
    size: float  # the type size
    text: str = ""
    end: float = 0.0  # where it ends, estimated from its characters

    def add(self, x: float, text: str) -> None:
        if self.text and self.text[-1].isascii() and text[:1].isascii() and x - self.end > 0.2 * self.size:
            self.text += " "  # a gap between Latin words
        self.text += text
        self.end = max(self.end, x + _advance(text, self.size))


@dataclass
class _Page:
    height: float
    lines: list[_Line] = field(default_factory=list)


def _advance(text: str, size: float) -> float:
    """The width of ``text`` at ``size``: a Chinese character is an em, a Latin one about half."""
    return sum(size if ord(char) > 0x2E7F else 0.5 * size for char in text)


def pdf_blocks(data: bytes, path: Path, max_input_bytes: int) -> tuple[list[RawBlock], Counter[str]]:
    """The blocks of a PDF's text layer, and what it holds that is not text (images, pages of image only)."""
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError, PyPdfError

    limit = DOCX_INFLATION * max_input_bytes
    limits = {
        "zlib_maximum_output_length": limit,
        "lzw_maximum_output_length": limit,
        "run_length_maximum_output_length": limit,
        "jbig2_maximum_output_length": limit,
        "brotli_maximum_output_length": limit,
        "array_based_stream_maximum_output_length": limit,
        "maximum_declared_stream_length": limit,
        "image_maximum_buffer_size": limit,
        "stream_decoding_work_maximum_length": 4 * limit,
    }
    skipped: Counter[str] = Counter()
    try:
        with apply_configuration(**limits):
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise UserError("the PDF is encrypted with a password: save an unprotected copy", path)
            pages = _pages(reader, path, skipped, limit)
    except LimitReachedError:
        raise UserError(
            f"the PDF inflates beyond the limit of {limit // 2**20} MB ({DOCX_INFLATION} x --max-input-mb)", path
        )
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as error:
        raise UserError(f"not a readable PDF ({type(error).__name__}: {str(error)[:120]})", path)
    if not any(page.lines for page in pages):
        raise UserError(
            "the PDF has no text layer (scanned pages): it needs OCR first, for example 'ocrmypdf -l chi_sim'", path
        )
    _drop_running_lines(pages)
    return _paragraphs(pages), +skipped


def _pages(reader, path: Path, skipped: Counter[str], limit: int) -> list[_Page]:
    from pypdf.errors import LimitReachedError

    deadline = time.monotonic() + READING_SECONDS
    inflated = 0
    pages = []
    for page in reader.pages:
        if time.monotonic() > deadline:
            raise UserError(f"the PDF takes over {READING_SECONDS} s to read: not a report's text layer", path)
        # Decoded here, where pypdf's limits raise (its text extraction swallows them), and counted
        # over the whole file: a hundred pages just under the limit are a bomb too.
        contents = page.get_contents()
        inflated += len(contents.get_data()) if contents is not None else 0
        if inflated > limit:
            raise LimitReachedError("the pages' contents together")
        height = float(page.mediabox.height) or 842.0
        lines: list[_Line] = []

        def visit(text, cm, tm, font, size, lines=lines):
            text = text.replace("\n", "")
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            effective = abs(size * tm[3] * cm[3]) or abs(size)
            line = next((line for line in reversed(lines[-3:]) if abs(line.y - y) < 0.4 * effective), None)
            if line is None:
                line = _Line(x, y, effective)
                lines.append(line)
            line.x = min(line.x, x)
            line.add(x, text)

        page.extract_text(visitor_text=visit)
        lines.sort(key=lambda line: (-round(line.y, 1), line.x))
        images = _image_count(page)
        skipped["image"] += images
        if not lines and images:
            skipped["page without text (scanned)"] += 1
        pages.append(_Page(height, lines))
    if skipped["page without text (scanned)"] and skipped["page without text (scanned)"] == len(pages):
        return [_Page(page.height) for page in pages]
    return pages


def _image_count(page) -> int:
    """Images the page draws, from its resources, without decoding them."""
    try:
        objects = page.get("/Resources", {}).get("/XObject", {}) or {}
        return sum(1 for ref in list(objects.values())[:1000] if ref.get_object().get("/Subtype") == "/Image")
    except (AttributeError, TypeError, KeyError):
        return 0


def _shape(text: str) -> str:
    """A line with its digits as one mark: a running footer "第 3 页" recurs as "第 # 页"."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_running_lines(pages: list[_Page]) -> None:
    """Running heads, footers and page numbers out: lines in the margin bands that are page numbers or
    recur on at least half the pages (and two)."""

    def in_band(page: _Page, line: _Line) -> bool:
        return line.y > page.height * (1 - MARGIN_BAND) or line.y < page.height * MARGIN_BAND

    recurring = Counter(
        shape for page in pages for shape in {_shape(line.text) for line in page.lines if in_band(page, line)}
    )
    common = {shape for shape, count in recurring.items() if count >= max(2, len(pages) / 2)}
    for page in pages:
        page.lines = [
            line
            for line in page.lines
            if not (in_band(page, line) and (_PAGE_NUMBER.match(line.text) or _shape(line.text) in common))
        ]


def _paragraphs(pages: list[_Page]) -> list[RawBlock]:
    lines = [line for page in pages for line in page.lines]
    if not lines:
        return []
    body_size = statistics.median(line.size for line in lines)
    left = min(line.x for line in lines if abs(line.size - body_size) < 0.5)
    right = max(line.end for line in lines if abs(line.size - body_size) < 0.5)
    pitches = [
        above.y - below.y
        for page in pages
        for above, below in zip(page.lines, page.lines[1:])
        if 0 < above.y - below.y < 3 * body_size
    ]
    pitch = statistics.median(pitches) if pitches else 1.5 * body_size
    paragraphs: list[tuple[str, bool]] = []  # the text, and whether it is set larger than the body
    previous: _Line | None = None
    previous_page = None
    for page in pages:
        for line in page.lines:
            text = line.text.strip()
            if not text:
                continue
            larger = line.size > 1.15 * body_size
            starts = (
                previous is None
                or larger != (previous.size > 1.15 * body_size)
                or line.x > left + 0.8 * line.size  # indented
                or _stopped_short(previous, right)
                or (previous_page is page and previous.y - line.y > 1.4 * pitch)  # a gap
                or bool(numbering(text))
            )
            if starts:
                paragraphs.append((text, larger))
            else:
                paragraphs[-1] = (join_broken_line(paragraphs[-1][0], text), larger)
            previous, previous_page = line, page
    return [_block(text, larger, first=index == 0) for index, (text, larger) in enumerate(paragraphs)]


def _stopped_short(line: _Line, right: float) -> bool:
    """Whether a line ends its paragraph by stopping short of the right margin: by 3 ems after a
    sentence's end, by 8 without one (the estimate of its width misses what justification adds)."""
    return line.end < right - (3 if ends_sentence(line.text) else 8) * line.size


def _block(text: str, larger: bool, first: bool) -> RawBlock:
    """A paragraph's block: a heading when it is set larger and short (the title when it opens the
    text), else what its words make it (``headings``)."""
    if larger and len(text) <= 60:
        return RawBlock(BlockKind.HEADING, text, 1 if first else 2, numbering(text))
    return raw_block(text)
