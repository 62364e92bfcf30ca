"""Plain-text lines → paragraphs and headings.

Reports pasted from the web break sentences across blank lines (``菜市`` /
``场”``).  A line is joined to the paragraph before it unless that paragraph
ended a sentence, is a heading, a dateline or a byline (``headings`` says
which lines are).
"""

from __future__ import annotations

from translate.document import BlockKind, RawBlock
from translate.read.headings import ends_sentence, line_role, raw_block


def join_broken_line(before: str, after: str) -> str:
    """Join a broken line: no space between Chinese, one between Latin words."""
    if before and after and before[-1].isascii() and after[0].isascii():
        if before[-1].isalnum() and after[0].isalnum():
            return before + " " + after
    return before + after


def lines_to_blocks(lines: list[str]) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    alone = False  # the last block is a dateline or byline: nothing joins it
    for raw in lines:
        line = raw.strip().replace("\u3000", " ")
        if not line:
            continue
        last = blocks[-1] if blocks else None
        role = line_role(line)
        continues = (
            last is not None
            and last.kind is BlockKind.PARAGRAPH
            and not alone
            and not ends_sentence(last.text)
            and not role.numbering
            and not role.alone
        )
        if continues:
            last.text = join_broken_line(last.text, line)
            continue
        blocks.append(raw_block(line))
        alone = role.alone
    # The first heading, if it opens the document, is its title; a numbered section (一、…) never is.
    if blocks and blocks[0].kind is BlockKind.HEADING and not blocks[0].numbering:
        blocks[0].level = 1
    return blocks
