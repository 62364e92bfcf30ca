"""Markdown reports: ``#`` headings, paragraphs, inline markup and links dropped."""

from __future__ import annotations

import re

from translate.document import BlockKind, RawBlock
from translate.read.plain import lines_to_blocks

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_INLINE = re.compile(r"\*\*|__|(?<!\w)[*_](?!\s)|(?<!\s)[*_](?!\w)|`")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def markdown_blocks(text: str) -> list[RawBlock]:
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
