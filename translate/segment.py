"""The segmentation stage: blocks → sentences.  ``。！？…`` end a sentence; a closing quote or bracket
that follows stays with it.  Semicolons separate clauses, they do not end one.
"""

from __future__ import annotations

import re

from translate.document import Block, BlockKind, Cell, Document, RawBlock, RawDocument, Segment
from translate.normalize import normalize

# What ends a sentence: full-width stops, an ellipsis, and ASCII ! ? before white space.
_FULL_WIDTH_ENDS = "。！？"
_ASCII_ENDS = "!?"
SENTENCE_ENDS = _FULL_WIDTH_ENDS + "…" + _ASCII_ENDS
# What ends a clause inside a sentence: a line that ends so is not continued by the next one.
CLAUSE_ENDS = "；;：:"
# A closing quote or bracket after the end stays with its sentence.
CLOSERS = "”’」』）)】》\"'"

_SENTENCE = re.compile(
    rf".*?(?:[{_FULL_WIDTH_ENDS}]+|…+|[{_ASCII_ENDS}]+(?=\s|$))[{re.escape(CLOSERS)}]*|.+$",
    re.S,
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; white space between sentences goes with the one before."""
    spans: list[tuple[int, int]] = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        if start == end:
            continue
        lead = len(match.group(0)) - len(match.group(0).lstrip())
        if spans and lead:
            spans[-1] = (spans[-1][0], start + lead)
            start += lead
        if start < end:
            spans.append((start, end))
        elif spans:
            spans[-1] = (spans[-1][0], end)
    return spans


def split_sentences(text: str) -> list[str]:
    """Split text into sentences; joining them gives back the text exactly.

    Boundaries are found on the normalised text (where ``!`` beside Chinese is
    already ``！``) and cut at the same offsets in the text as written.
    """
    return [text[start:end] for start, end in sentence_spans(normalize(text))]


def segments_of(text: str, prefix: str) -> list[Segment]:
    """The sentences of a text as segments ``<prefix>s1``, ``<prefix>s2``…"""
    return [
        Segment(id=f"{prefix}s{index}", source=sentence, normalized=normalize(sentence))
        for index, sentence in enumerate(split_sentences(text), start=1)
    ]


def segment_blocks(raw_blocks: list[RawBlock]) -> list[Block]:
    """Segment ids are positional (``u3`` / ``u3s2``; in a table, ``u3r2c1s1`` for row 2, column 1):
    the same input gives the same ids."""
    blocks = []
    for number, raw in enumerate(raw_blocks, start=1):
        if raw.kind is BlockKind.TABLE:
            cells = [
                Cell(f"u{number}r{c.row}c{c.column}", c.row, c.column, [], c.rowspan, c.colspan, c.header)
                for c in raw.cells
            ]
            for cell, raw_cell in zip(cells, raw.cells):
                cell.segments = segments_of(raw_cell.text, cell.id)
            blocks.append(Block.table(f"u{number}", cells))
        else:
            blocks.append(Block(f"u{number}", raw.kind, segments_of(raw.text, f"u{number}"), raw.level))
    return blocks


def segment_document(raw: RawDocument) -> Document:
    """The document of a file as read: its blocks split into segments, each kept as written and normalised.

    Sentence ends are found on the normalised block (where ``!`` beside Chinese
    is already ``！``); each sentence is then normalised on its own, as it is
    again when a post-edited XLIFF is read back.
    """
    return Document(title=raw.title, blocks=segment_blocks(raw.blocks), stem=raw.path.stem, skipped=dict(raw.skipped))
