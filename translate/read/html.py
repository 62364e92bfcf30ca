"""HTML reports saved from government websites: headings and paragraphs;
navigation, scripts and styles skipped; numbered headings inside ``<p>`` found."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from translate.document import BlockKind, RawBlock
from translate.read.headings import raw_block


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
        self.blocks.append(RawBlock(BlockKind.HEADING, text, self._heading) if self._heading else raw_block(text))

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


def html_blocks(text: str) -> list[RawBlock]:
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    return parser.blocks
