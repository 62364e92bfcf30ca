"""What the two XLIFF versions share: how a block's parts are told apart and checked when read back,
and the mark that tells a target as this tool wrote it from one a person changed."""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from foundation.errors import UserError
from foundation.text import check_tree
from glossary.entry import DOCUMENT_KINDS, STATUSES, Entry, Status
from translate.document import MAX_SPAN, MAX_TABLE_PLACES, Block, BlockKind, Cell, Document, Segment, State, TermHit

TOOL = "zhen-publish"


def document_facts(document: Document) -> dict[str, str]:
    """What both versions record about the document, the ones it has: title, glossary, source, date,
    and what reading its source could not take (``not-read``: "image 2, footnote 1")."""
    facts = {
        "title": document.title,
        "glossary-sha256": document.glossary_sha256,
        "source-file": document.source_file,
        "translated": document.translated,
        "not-read": ", ".join(f"{kind} {count}" for kind, count in document.skipped.items()),
        "year": str(document.year or ""),  # as the user gave them: what QA reads the document as
        "kind": document.kind,
    }
    return {key: value for key, value in facts.items() if value}


def read_occasion(document: Document, facts: dict[str, str]) -> None:
    """The year and kind the user gave, as ``document_facts`` wrote them; what is not one is left out."""
    year = facts.get("year", "")
    document.year = int(year) if year.isascii() and year.isdigit() and len(year) == 4 else None
    kind = facts.get("kind", "")
    document.kind = kind if kind in DOCUMENT_KINDS else ""


def read_not_read(value: str) -> dict[str, int]:
    """``not-read`` as written by ``document_facts``; what does not read as "kind count" is left out."""
    counts = {}
    for item in value.split(",")[:20]:
        kind, _, count = item.strip().rpartition(" ")
        if kind and len(kind) <= 40 and count.isascii() and count.isdigit():
            counts[kind] = int(count)
    return counts


def written_hash(target: str) -> str:
    """A short hash of a target as written, so that an import can tell whether someone edited it."""
    # surrogatepass: a target is hashed before the writer refuses what it holds, whatever it holds
    return hashlib.sha256(target.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def post_edited(segment: Segment) -> bool:
    """Whether a human stands behind this target: marked reviewed or final, saved by a person (the review
    app marks it so), or changed since it was written (a target from another tool, with no mark of ours,
    counts as a human's)."""
    if not segment.target.strip():
        return False
    edited = segment.origin == "human" or segment.written != written_hash(segment.target)
    return edited or segment.state in (State.REVIEWED, State.FINAL)


def entry_status(value: str | None) -> Status:
    return Status(value) if value in STATUSES else Status.PROPOSED


def heading_level(value: str | None, unit: str, label: str | Path) -> int:
    level = (value or "1").strip() or "1"
    if not (level.isascii() and level.isdigit() and 1 <= int(level) <= 6):
        raise UserError(f"unit {unit[:40]!r}: heading level {level[:20]!r} is not a number from 1 to 6", label)
    return int(level)


def block_kind(name: str) -> BlockKind:
    """A block's kind from what a file calls it; anything else is a paragraph."""
    return BlockKind(name) if name in (BlockKind.HEADING, BlockKind.TABLE) else BlockKind.PARAGRAPH


def cell_facts(cell: Cell) -> dict[str, str]:
    """Where a cell stands, as the values both versions write."""
    facts = {"row": str(cell.row), "column": str(cell.column)}
    for key, span in (("rowspan", cell.rowspan), ("colspan", cell.colspan)):
        if span > 1:
            facts[key] = str(span)
    if cell.header:
        facts["header"] = "yes"
    return facts


def read_cell(facts: dict[str, str], cell_id: str, segments: list[Segment], label: str | Path) -> Cell:
    """A cell from the values ``cell_facts`` wrote, each checked: a file from outside may say anything."""

    def number(key: str, default: str, most: int) -> int:
        value = facts.get(key, default).strip()
        if not (value.isascii() and value.isdigit() and 1 <= int(value) <= most):
            message = f"{key} {value[:20]!r} is not a number from 1 to {most}"
            raise UserError(f"table cell {cell_id[:40]!r}: {message}", label)
        return int(value)

    return Cell(
        cell_id,
        number("row", "", MAX_TABLE_PLACES),
        number("column", "", MAX_TABLE_PLACES),
        segments,
        number("rowspan", "1", MAX_SPAN),
        number("colspan", "1", MAX_SPAN),
        facts.get("header") == "yes",
    )


def checked_table(block_id: str, cells: list[Cell], label: str | Path) -> Block:
    """A table read back; two cells claiming one place in the grid, or a grid too large to draw, are refused."""
    height = max((cell.row + cell.rowspan - 1 for cell in cells), default=0)
    width = max((cell.column + cell.colspan - 1 for cell in cells), default=0)
    if height * width > MAX_TABLE_PLACES:
        raise UserError(f"table {block_id[:40]!r}: over {MAX_TABLE_PLACES:,} places in its grid", label)
    taken: set[tuple[int, int]] = set()
    for cell in cells:
        rows, columns = range(cell.row, cell.row + cell.rowspan), range(cell.column, cell.column + cell.colspan)
        places = {(row, column) for row in rows for column in columns}
        if places & taken:
            raise UserError(f"table {block_id[:40]!r}: cell {cell.id[:40]!r} overlaps another cell", label)
        taken |= places
    return Block.table(block_id, cells)


def source_with_marks(
    source: ET.Element, segment: Segment, mark: Callable[[ET.Element, int, TermHit], ET.Element]
) -> ET.Element:
    """``source`` holding the segment's text, each term hit in the element ``mark`` adds to it (the
    hit's number from 1); the text of the mark is set here."""
    text, position, last = segment.source, 0, None
    for number, hit in enumerate(segment.terms, start=1):
        chunk = text[position : hit.start]
        if last is None:
            source.text = chunk
        else:
            last.tail = chunk
        last = mark(source, number, hit)
        last.text = text[hit.start : hit.end]
        position = hit.end
    if last is None:
        source.text = text[position:]
    else:
        last.tail = text[position:]
    return source


def read_marked(element: ET.Element, term: Callable[[ET.Element, str], Entry | None]) -> tuple[str, list[TermHit]]:
    """A source's text and its term hits: ``term`` tells the entry a child marks (None: not a term);
    other inline elements give their text."""
    text, hits = element.text or "", []
    for child in element:
        inner = "".join(child.itertext())
        entry = term(child, inner)
        if entry is not None:
            hits.append(TermHit(len(text), len(text) + len(inner), entry))
        text += inner + (child.tail or "")
    return text, hits


def indent(element: ET.Element, is_text: Callable[[ET.Element], bool], depth: int = 0) -> None:
    """Pretty-print structure only: elements ``is_text`` names hold content, and are left alone."""
    if is_text(element) or not len(element):
        return
    pad = "\n" + "  " * (depth + 1)
    element.text = pad
    for child in element:
        indent(child, is_text, depth + 1)
        child.tail = pad
    element[-1].tail = "\n" + "  " * depth


def serialize(root: ET.Element, prefixes: dict[str, str]) -> bytes:
    # ElementTree's prefix table is global and other libraries write to it too,
    # so the prefixes are claimed again right before each serialisation.
    for prefix, uri in prefixes.items():
        ET.register_namespace(prefix, uri)
    check_tree(root)  # never a file that no XML reader would take back
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"
