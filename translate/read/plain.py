"""Plain-text lines → paragraphs and headings.

Reports pasted from the web break sentences across blank lines (``菜市`` /
``场”``).  A line is joined to the paragraph before it unless that paragraph
ended a sentence or is a heading.  Headings are numbered lines (``一、…``,
``（一）…``) or short lines without sentence-final punctuation.
"""

from __future__ import annotations

import re

from glossary.script import CHINESE_NUMERALS
from translate.document import BlockKind, RawBlock
from translate.segment import CLAUSE_ENDS, CLOSERS, SENTENCE_ENDS

MAX_HEADING_CHARS = 30

_CHAPTER = re.compile(rf"^[{CHINESE_NUMERALS}]+、")
_SECTION = re.compile(rf"^[（(][{CHINESE_NUMERALS}]+[）)]")
_INLINE_PUNCTUATION = re.compile(r"[，,。；;！？!?]")


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence or a clause, so that the next line starts anew."""
    stripped = text.rstrip().rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in SENTENCE_ENDS + CLAUSE_ENDS


def heading_level(line: str) -> int | None:
    """The heading level of a line standing alone, or None for body text."""
    if _CHAPTER.match(line) and len(line) <= 2 * MAX_HEADING_CHARS:
        return 2
    if _SECTION.match(line) and len(line) <= 2 * MAX_HEADING_CHARS:
        return 3
    if len(line) <= MAX_HEADING_CHARS and not ends_sentence(line) and line[0] not in CLOSERS:
        # A short line that reads like a clause list is body text, not a title.
        if len(_INLINE_PUNCTUATION.findall(line)) <= 1:
            return 2
    return None


def _join(before: str, after: str) -> str:
    """Join a broken line: no space between Chinese, one between Latin words."""
    if before and after and before[-1].isascii() and after[0].isascii():
        if before[-1].isalnum() and after[0].isalnum():
            return before + " " + after
    return before + after


def lines_to_blocks(lines: list[str]) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    for raw in lines:
        line = raw.strip().replace("\u3000", " ")
        if not line:
            continue
        last = blocks[-1] if blocks else None
        continues = (
            last is not None
            and last.kind is BlockKind.PARAGRAPH
            and not ends_sentence(last.text)
            and not _CHAPTER.match(line)
            and not _SECTION.match(line)
        )
        if continues:
            last.text = _join(last.text, line)
            continue
        blocks.append(RawBlock.at_level(line, heading_level(line)))
    # The first heading, if it opens the document, is its title.
    if blocks and blocks[0].kind is BlockKind.HEADING:
        blocks[0].level = 1
    return blocks
