"""Tables as reading finds them (HTML rows of cells with spans, Markdown rows, Word's grid) → a table
block whose cells know their place in the grid.

Spans are trusted only within reason: a row span is cut at the table's last row, a column span at
``MAX_SPAN``, so a hostile file cannot make a grid of millions of places.
"""

from __future__ import annotations

from dataclasses import dataclass

from translate.document import MAX_SPAN, MAX_TABLE_PLACES, BlockKind, RawBlock, RawCell


@dataclass
class CellText:
    """A cell as a row of a table lists it: its text, its spans, whether it heads its row or column."""

    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False


class TableTooLarge(ValueError):
    """A table whose grid would have over MAX_TABLE_PLACES places."""


def span(value: str | None) -> int:
    """A span attribute as a number from 1 to MAX_SPAN; anything unreadable is 1."""
    value = (value or "").strip()
    return min(int(value), MAX_SPAN) if value.isascii() and value.isdigit() and int(value) > 0 else 1


def place_cells(rows: list[list[CellText]]) -> list[RawCell]:
    """Each cell at its place: a cell goes to the first column of its row not taken by a cell spanning
    down from a row above (as HTML lays out a table)."""
    taken: set[tuple[int, int]] = set()
    cells: list[RawCell] = []
    width = 0
    for row_number, row in enumerate(rows, start=1):
        column = 1
        for item in row:
            while (row_number, column) in taken:
                column += 1
            rowspan = min(item.rowspan, len(rows) - row_number + 1)
            width = max(width, column + item.colspan - 1)
            if len(rows) * width > MAX_TABLE_PLACES:
                raise TableTooLarge(
                    f"a table of {len(rows):,} rows and {width:,} columns: over {MAX_TABLE_PLACES:,} cells"
                )
            for r in range(row_number, row_number + rowspan):
                for c in range(column, column + item.colspan):
                    taken.add((r, c))
            cells.append(RawCell(item.text, row_number, column, rowspan, item.colspan, item.header))
            column += item.colspan
    return cells


def cells_in_grid(grid: list[list[CellText | None]]) -> list[RawCell]:
    """Cells already at their places in a grid (Word's: a cell in the first place it covers, None in
    the places its spans cover)."""
    cells = []
    for row_number, row in enumerate(grid, start=1):
        for column, cell in enumerate(row, start=1):
            if cell is not None:
                rowspan = min(cell.rowspan, len(grid) - row_number + 1)
                cells.append(RawCell(cell.text, row_number, column, rowspan, cell.colspan, cell.header))
    return cells


def table_block(cells: list[RawCell]) -> RawBlock | None:
    """A table block of these cells, or None for a table with no text at all (a layout grid left empty)."""
    height = max((cell.row + cell.rowspan - 1 for cell in cells), default=0)
    width = max((cell.column + cell.colspan - 1 for cell in cells), default=0)
    if height * width > MAX_TABLE_PLACES:
        raise TableTooLarge(f"a table of {height:,} rows and {width:,} columns: over {MAX_TABLE_PLACES:,} cells")
    if not any(cell.text.strip() for cell in cells):
        return None
    for cell in cells:
        cell.text = cell.text.strip()
    return RawBlock(BlockKind.TABLE, "", cells=cells)
