"""HTML reports saved from government websites: headings, paragraphs and tables; navigation,
scripts and styles skipped; numbered headings inside ``<p>`` found; images, embedded objects and
media counted, since their content is not text to translate."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from translate.document import BlockKind, RawBlock
from translate.read.headings import raw_block
from translate.read.tables import CellText, place_cells, span, table_block

# Elements whose content is not text: counted, by what a reader calls them.
NOT_TEXT = {
    "img": "image",
    "svg": "image",
    "picture": "image",
    "object": "embedded object",
    "embed": "embedded object",
    "iframe": "embedded object",
    "video": "media",
    "audio": "media",
    "canvas": "image",
}


class _Table:
    """A table being read: its rows of cells, the cell being filled, whether rows are header rows."""

    def __init__(self):
        self.rows: list[list[CellText]] = []
        self.cell: CellText | None = None
        self.parts: list[str] = []
        self.in_head = False
        self.caption: list[str] = []  # the <caption>'s text
        self.in_caption = False

    def open_row(self) -> None:
        self.close_cell()
        self.rows.append([])

    def open_cell(self, attributes: dict[str, str | None], header: bool) -> None:
        self.close_cell()
        if not self.rows:
            self.rows.append([])
        self.cell = CellText(
            "", span(attributes.get("rowspan")), span(attributes.get("colspan")), header or self.in_head
        )

    def close_cell(self) -> None:
        if self.cell is not None:
            self.cell.text = re.sub(r"\s+", " ", " ".join(self.parts)).strip()
            self.rows[-1].append(self.cell)
        self.cell, self.parts = None, []


class _HtmlText(HTMLParser):
    """Headings, paragraphs and tables of an HTML page; scripts, styles and navigation skipped."""

    BLOCKS = {"p", "li", "div", "blockquote", "section", "article", "br"}
    SKIP = {"head", "script", "style", "nav", "header", "footer", "noscript", "template"}
    VOID = {"img", "embed", "br"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[RawBlock] = []
        self.skipped: Counter[str] = Counter()
        self._text: list[str] = []
        self._heading: int | None = None
        self._skipping = 0
        self._tables: list[_Table] = []  # open tables, innermost last; an inner table's text joins its cell
        self._not_text = 0  # inside an element whose content is not text (an <svg>, an <object>)

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._text)).strip()
        self._text.clear()
        if not text:
            return
        self.blocks.append(RawBlock(BlockKind.HEADING, text, self._heading) if self._heading else raw_block(text))

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skipping += 1
        if self._skipping:
            return
        if tag in NOT_TEXT:
            if not self._not_text:
                self.skipped[NOT_TEXT[tag]] += 1
            if tag not in self.VOID:
                self._not_text += 1
            return
        table = self._tables[-1] if self._tables else None
        if tag == "table":
            if table is None:
                self._flush()
            self._tables.append(_Table())
        elif table is not None:
            if tag == "tr":
                table.open_row()
            elif tag in ("td", "th"):
                table.open_cell(dict(attrs), tag == "th")
            elif tag == "caption":
                table.in_caption = True
            elif tag == "thead":
                table.in_head = True
            elif tag in ("tbody", "tfoot"):
                table.in_head = False
            elif tag in self.BLOCKS:
                table.parts.append(" ")
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self._heading = int(tag[1])
        elif tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self._skipping = max(0, self._skipping - 1)
            return
        if self._skipping:
            return
        if tag in NOT_TEXT:
            self._not_text = max(0, self._not_text - 1) if tag not in self.VOID else self._not_text
            return
        if tag == "table" and self._tables:
            self._close_table()
        elif self._tables:
            if tag in ("td", "th"):
                self._tables[-1].close_cell()
            elif tag == "caption":
                self._tables[-1].in_caption = False
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self._heading = None
        elif tag in self.BLOCKS:
            self._flush()

    def _close_table(self) -> None:
        table = self._tables.pop()
        table.close_cell()
        if self._tables:  # a table inside a cell: its text stays in that cell
            outer = self._tables[-1]
            outer.parts += ["".join(table.caption)] + [cell.text for row in table.rows for cell in row]
            return
        caption = re.sub(r"\s+", " ", "".join(table.caption)).strip()
        if caption:  # the table's title, before it
            self.blocks.append(raw_block(caption))
        block = table_block(place_cells([row for row in table.rows if row]))
        if block is not None:
            self.blocks.append(block)

    def handle_data(self, data):
        if self._skipping or self._not_text:
            return
        if self._tables:
            table = self._tables[-1]
            if table.cell is not None:
                table.parts.append(data)
            elif table.in_caption:
                table.caption.append(data)
            return
        self._text.append(data)

    def close(self):
        super().close()
        while self._tables:
            self._close_table()
        self._flush()


def html_blocks(text: str) -> tuple[list[RawBlock], Counter[str]]:
    """The blocks of an HTML page, and what it holds that is not text, by kind."""
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    return parser.blocks, parser.skipped
