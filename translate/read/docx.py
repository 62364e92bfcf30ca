"""Word reports: the body's paragraphs and tables in order, headings from their styles; what the
text cannot carry (images, charts, text boxes, embedded objects, footnotes, endnotes, comments) counted.

The zip's directory is checked before anything is inflated, so a small file
that would inflate to gigabytes is refused in one line.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import Path

from foundation.errors import UserError
from foundation.files import MB
from translate.document import MAX_TABLE_PLACES, RawBlock
from translate.read.tables import CellText, TableTooLarge, cells_in_grid, span, table_block

# What the parts of a .docx (XML, images) may inflate to, as a multiple of the input limit.
DOCX_INFLATION = 20
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{W}val"
# What a paragraph may hold that is not its text, by the element that holds it, and what a reader calls it.
_NOT_TEXT = {
    f"{W}footnoteReference": "footnote",
    f"{W}endnoteReference": "endnote",
    f"{W}commentReference": "comment",
    f"{W}object": "embedded object",
}
_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_TEXT_BOX = f"{W}txbxContent"


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


def docx_blocks(data: bytes, path: Path, max_input_bytes: int) -> tuple[list[RawBlock], Counter[str]]:
    """The blocks of a .docx, and what it holds that they do not, by kind."""
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
    reader = _BodyReader(document)
    reader.read(document.element.body)
    return reader.blocks, reader.skipped


class _BodyReader:
    """Walks the body in order: paragraphs, tables, content controls (whose contents are read)."""

    def __init__(self, document):
        self.document = document
        self.blocks: list[RawBlock] = []
        self.skipped: Counter[str] = Counter()
        self._styles = {style.style_id: style.name for style in document.styles}

    def read(self, container) -> None:
        for child in container.iterchildren():
            if child.tag == f"{W}p":
                text = self.paragraph_text(child)
                if text:
                    self.blocks.append(RawBlock.at_level(text, _heading_level(self._style(child))))
            elif child.tag == f"{W}tbl":
                block = table_block(cells_in_grid(self.rows(child)))
                if block is not None:
                    self.blocks.append(block)
            elif child.tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    self.read(content)

    def paragraph_text(self, p) -> str:
        from docx.text.paragraph import Paragraph

        self._count_what_is_not_text(p)
        return Paragraph(p, self.document).text.strip()

    def _count_what_is_not_text(self, p) -> None:
        for element in p.iter(*_NOT_TEXT, f"{W}drawing", "{urn:schemas-microsoft-com:vml}shape"):
            if element.tag in _NOT_TEXT:
                self.skipped[_NOT_TEXT[element.tag]] += 1
            elif element.tag == f"{W}drawing" or element.getparent().tag == f"{W}pict":
                self.skipped[_drawing_kind(element)] += 1

    def _style(self, p) -> str:
        style = p.find(f"{W}pPr/{W}pStyle")
        return self._styles.get(style.get(_VAL), "") if style is not None else ""

    def cell_text(self, tc) -> str:
        """A cell's paragraphs joined by spaces; a table inside it gives its cells' text the same way."""
        parts = []
        for child in tc.iterchildren():
            if child.tag == f"{W}p":
                parts.append(self.paragraph_text(child))
            elif child.tag == f"{W}tbl":
                parts += [cell.text for row in self.rows(child) for cell in row if cell is not None]
            elif child.tag == f"{W}sdt":
                parts += [self.paragraph_text(p) for p in child.iter(f"{W}p")]
        return " ".join(part for part in parts if part)

    def rows(self, tbl) -> list[list[CellText | None]]:
        """The table's rows as Word lays them out: a cell per grid column it starts in, None where a
        cell merged down from above continues (``w:vMerge``), its row span added to the cell above."""
        grid: list[list[CellText | None]] = []
        above: dict[int, CellText] = {}  # the cell that started a vertical merge, by grid column
        for tr in tbl.iterchildren(f"{W}tr"):
            header = _on(tr.find(f"{W}trPr/{W}tblHeader"))
            before = tr.find(f"{W}trPr/{W}gridBefore")
            column = span(before.get(_VAL)) if before is not None else 0
            row: list[CellText | None] = [None] * column
            for tc in tr.iterchildren(f"{W}tc"):
                span_element = tc.find(f"{W}tcPr/{W}gridSpan")
                colspan = span(span_element.get(_VAL) if span_element is not None else None)
                merge = tc.find(f"{W}tcPr/{W}vMerge")
                continues = merge is not None and merge.get(_VAL, "continue") == "continue"
                if continues and column in above:
                    above[column].rowspan += 1
                    row += [None] * colspan
                else:
                    cell = CellText(self.cell_text(tc), colspan=colspan, header=header)
                    if merge is not None:
                        above[column] = cell
                    else:
                        above.pop(column, None)
                    row += [cell] + [None] * (colspan - 1)
                column += colspan
                if (len(grid) + 1) * column > MAX_TABLE_PLACES:  # checked as it grows: a hostile file is large
                    raise TableTooLarge(f"a table of over {MAX_TABLE_PLACES:,} cells")
            grid.append(row)
        return grid


def _on(element) -> bool:
    """A Word on/off property: present and not switched off."""
    return element is not None and element.get(_VAL, "true") not in ("false", "0", "off")


def _drawing_kind(element) -> str:
    if element.find(f".//{_TEXT_BOX}") is not None:
        return "text box"
    if any(g.get("uri") == _CHART for g in element.iter("{*}graphicData")):
        return "chart"
    return "image"


def _heading_level(style: str) -> int | None:
    if style == "Title":
        return 1
    match = re.fullmatch(r"Heading (\d)", style)
    return int(match.group(1)) if match else None
