"""Markdown reports: ``#`` headings, paragraphs, pipe tables (GitHub's: a header row, a row of
dashes, body rows); inline markup and links dropped, images counted."""

from __future__ import annotations

import re
from collections import Counter

from translate.document import BlockKind, RawBlock
from translate.read.plain import lines_to_blocks
from translate.read.tables import CellText, place_cells, table_block

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_INLINE = re.compile(r"\*\*|__|(?<!\w)[*_](?!\s)|(?<!\s)[*_](?!\w)|`")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
# The row under a table's header: cells of dashes, colons for alignment.
_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def _inline(text: str) -> str:
    return _MD_INLINE.sub("", _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", text))).strip()


def _cells(line: str) -> list[str]:
    """A table row's cells: split at pipes that are not escaped (``\\|`` is a pipe in a cell)."""
    line = line.strip()
    line = line[1:] if line.startswith("|") else line
    line = line[:-1] if line.endswith("|") and not line.endswith("\\|") else line
    return [_inline(cell.replace("\\|", "|")) for cell in re.split(r"(?<!\\)\|", line)]


def _is_table_start(lines: list[str], index: int) -> bool:
    return (
        "|" in lines[index]
        and index + 1 < len(lines)
        and "-" in lines[index + 1]
        and bool(_DELIMITER_ROW.match(lines[index + 1]))
    )


def markdown_blocks(text: str) -> tuple[list[RawBlock], Counter[str]]:
    """The blocks of a Markdown file, and the images it holds, counted."""
    blocks: list[RawBlock] = []
    paragraph: list[str] = []
    skipped: Counter[str] = Counter()
    lines = text.splitlines()

    def flush() -> None:
        if paragraph:
            blocks.extend(lines_to_blocks(["".join(paragraph)]))
            paragraph.clear()

    index = 0
    while index < len(lines):
        skipped["image"] += len(_MD_IMAGE.findall(lines[index]))
        if _is_table_start(lines, index):
            flush()
            rows = [[CellText(cell, header=True) for cell in _cells(lines[index])]]
            index += 2
            while index < len(lines) and "|" in lines[index] and lines[index].strip():
                skipped["image"] += len(_MD_IMAGE.findall(lines[index]))
                rows.append([CellText(cell) for cell in _cells(lines[index])])
                index += 1
            block = table_block(place_cells(rows))
            if block is not None:
                blocks.append(block)
            continue
        line = _inline(lines[index])
        heading = _MD_HEADING.match(line)
        if heading:
            flush()
            blocks.append(RawBlock(BlockKind.HEADING, heading.group(2), len(heading.group(1))))
        elif not line:
            flush()
        else:
            paragraph.append(re.sub(r"^([-+*]|\d+\.)\s+", "", line).lstrip("> "))
        index += 1
    flush()
    return blocks, +skipped
