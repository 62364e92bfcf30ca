"""The document model every stage reads and writes; publish reads it too."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from glossary.match import TermHit  # part of the model: a term found in a segment, with its entry

# A table's limits, whatever a file says: cells span at most MAX_SPAN rows or columns, and a grid holds
# at most MAX_TABLE_PLACES places (a statistics table has hundreds), so no input makes a renderer loop.
MAX_SPAN = 1000
MAX_TABLE_PLACES = 100_000


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    TABLE = "table"


@dataclass
class RawCell:
    """A table cell as reading found it: its text and where it stands in the table's grid (from 1)."""

    text: str
    row: int
    column: int
    rowspan: int = 1
    colspan: int = 1
    header: bool = False  # a header cell (a header row's, or one marked so)


@dataclass
class RawBlock:
    """A heading or paragraph as reading found it, before it is split into segments."""

    kind: BlockKind
    text: str
    level: int = 1
    numbering: str = ""  # a heading's section numbering (一、, （一）…), which sets its level
    cells: list[RawCell] = field(default_factory=list)  # a table's, row by row

    @classmethod
    def at_level(cls, text: str, level: int | None) -> RawBlock:
        """A heading of ``level``, or a paragraph when the level is None."""
        return cls(BlockKind.PARAGRAPH, text) if level is None else cls(BlockKind.HEADING, text, level)


@dataclass
class RawDocument:
    """What reading a file gives: its title and blocks."""

    path: Path
    title: str
    blocks: list[RawBlock]
    encoding: str = ""  # as detected, for text files ("" for .docx, whose XML declares it)
    encoding_guessed: bool = False  # another encoding was nearly as plausible: say which was assumed
    skipped: dict[str, int] = field(default_factory=dict)  # what reading could not take, by kind: {"image": 2}


class State(StrEnum):
    """XLIFF 2.1 segment states, in the order work moves through them."""

    INITIAL = "initial"  # nothing usable yet: a human must translate
    TRANSLATED = "translated"
    REVIEWED = "reviewed"
    FINAL = "final"


@dataclass(frozen=True)
class Issue:
    """A QA finding on one segment."""

    check: str  # missing-term, avoided-term, number-mismatch, year-by-context, chinese-left, empty
    message: str
    severity: str = "error"  # error | warning


@dataclass(frozen=True)
class Candidate:
    """A translation-memory unit close to a segment's source, offered to the translator (XLIFF ``mtc``)."""

    source: str
    target: str
    similarity: float  # per cent, character-level
    origin: str  # human | mt


@dataclass
class Segment:
    """A sentence, as written and as processed.

    ``normalized`` is ``source`` in Simplified script with one set of
    punctuation (``translate.normalize``).  Normalising never changes the
    length, so an offset into one is the same offset into the other: term hits
    are found on ``normalized`` and marked on ``source`` (in the XLIFF).  The
    test over the 1954-2024 reports in tests/test_normalize.py holds it to that.
    """

    id: str
    source: str  # as the document wrote it (Traditional stays Traditional): the XLIFF <source>
    normalized: str  # Simplified, normalised: what matching and MT see
    target: str = ""
    state: State = State.INITIAL
    origin: str = ""  # who made the target: mt (the engine), glossary, tm-human, tm-mt, tm-fuzzy-*, human
    terms: list[TermHit] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)  # fuzzy matches from the memory
    written: str = ""  # from an XLIFF: the hash of the target as this tool wrote it (to tell a post-edit)


class Sentences:
    """What a run of segments reads as: the Chinese as written, the English joined by spaces."""

    segments: list[Segment]

    @property
    def source(self) -> str:
        return "".join(s.source for s in self.segments)

    @property
    def target(self) -> str:
        return " ".join(s.target for s in self.segments if s.target)


@dataclass
class Cell(Sentences):
    """A table cell: its sentences, and where it stands in the table's grid (rows and columns from 1)."""

    id: str
    row: int
    column: int
    segments: list[Segment] = field(default_factory=list)
    rowspan: int = 1
    colspan: int = 1
    header: bool = False


@dataclass
class Block(Sentences):
    """A heading, a paragraph or a table.  A table's ``segments`` are its cells' segments, cell by cell
    (the same objects), so every stage that works on segments treats a table like any block."""

    id: str
    kind: BlockKind
    segments: list[Segment] = field(default_factory=list)
    level: int = 1  # heading level, 1 = chapter
    cells: list[Cell] = field(default_factory=list)  # a table's, row by row

    @classmethod
    def table(cls, id: str, cells: list[Cell]) -> Block:
        return cls(id, BlockKind.TABLE, [s for cell in cells for s in cell.segments], cells=cells)

    @property
    def rows(self) -> list[list[Cell]]:
        """A table's cells by row (a cell spanning rows is in the row it starts)."""
        rows: dict[int, list[Cell]] = {}
        for cell in self.cells:
            rows.setdefault(cell.row, []).append(cell)
        return [sorted(rows[row], key=lambda cell: cell.column) for row in sorted(rows)]

    @property
    def columns(self) -> int:
        return max((cell.column + cell.colspan - 1 for cell in self.cells), default=0)

    @property
    def grid(self) -> list[list[Cell | None]]:
        """A table's places row by row: the cell covering each (a spanning cell in every place it
        covers), None where no cell is (an empty cell a file left out)."""
        height = max((cell.row + cell.rowspan - 1 for cell in self.cells), default=0)
        grid: list[list[Cell | None]] = [[None] * self.columns for _ in range(height)]
        for cell in self.cells:
            for row in range(cell.row - 1, cell.row - 1 + cell.rowspan):
                grid[row][cell.column - 1 : cell.column - 1 + cell.colspan] = [cell] * cell.colspan
        return grid


@dataclass
class Document:
    title: str
    blocks: list[Block]
    stem: str  # the output name: out/<stem>.zh-en.*
    source_lang: str = "zh"
    target_lang: str = "en"
    glossary_sha256: str = ""
    source_file: str = ""  # the name of the file translated, for the reader (never a path to open)
    translated: str = ""  # the date of the translation, ISO 8601
    skipped: dict[str, int] = field(default_factory=dict)  # what reading could not take, by kind
    # When it was written and what kind of text it is, as the user gave them (``translate.occasion``
    # infers them when not given): which renderings were official then, which sense a term has.
    year: int | None = None
    kind: str = ""

    @property
    def segments(self) -> list[Segment]:
        return [s for b in self.blocks for s in b.segments]

    @property
    def english_title(self) -> str:
        """The translation of the title, when the title is the opening heading."""
        return self.blocks[0].target if self.opens_with_title else ""

    @property
    def opens_with_title(self) -> bool:
        """Whether the first block is the title heading (published as a cover, not a row)."""
        first = self.blocks[0] if self.blocks else None
        return first is not None and first.kind is BlockKind.HEADING and first.source == self.title

    @property
    def body(self) -> list[Block]:
        """The blocks below the title."""
        return self.blocks[1:] if self.opens_with_title else list(self.blocks)
