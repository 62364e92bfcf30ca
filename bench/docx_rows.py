"""DOCX rendering time against the number of rows.

Target: linear.  Rendering 32k rows may take at most 5x as long as 8k rows
(linear is 4x; quadratic is 16x).  Baseline, measured in the same run at the
two smaller sizes: the same two-column table filled through python-docx's own
table API (``add_row``, ``row.cells``), the way ``publish.docx`` built it
before, which grows quadratically.  It is not run at 32k rows: it would take
minutes.
"""

from __future__ import annotations

import io

from bench.timing import median_seconds
from publish.docx import render_docx
from publish.edition import make_edition
from publish.fonts import fonts_for
from publish.settings import Settings
from translate.document import Block, BlockKind, Document, Segment

SIZES = (8_000, 16_000, 32_000)
TARGET_RATIO = 5.0
RUNS = 3
ZH = "街道党工委全面落实区委决策部署，新注册企业共计达2378家。"
EN = "The subdistrict Party Work Committee implemented the district's decisions; 2,378 new businesses registered."


def synthetic_document(rows: int) -> Document:
    blocks = [Block(f"u{n}", BlockKind.PARAGRAPH, [Segment(f"u{n}s1", ZH, ZH, EN)]) for n in range(1, rows + 1)]
    return Document(title="基准", blocks=blocks, stem="bench")


def _python_docx_table(document: Document) -> bytes:
    import docx

    doc = docx.Document()
    table = doc.add_table(rows=0, cols=2)
    for block in document.blocks:
        row = table.add_row()
        row.cells[0].text, row.cells[1].text = block.source, block.target
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def run() -> bool:
    print(f"docx_rows: bilingual DOCX of N rows, median of {RUNS} runs each")
    seconds = {}
    coverage = fonts_for(ZH + EN)
    for rows in SIZES:
        document = synthetic_document(rows)
        edition = make_edition(document, Settings(glossary_appendix=False))
        seconds[rows], _ = median_seconds(lambda e=edition: render_docx(e, coverage), RUNS)
        line = f"  {rows:>6} rows  {seconds[rows]:6.2f} s  {seconds[rows] / rows * 1e6:5.0f} µs/row"
        if rows < SIZES[-1]:
            baseline, _ = median_seconds(lambda d=document: _python_docx_table(d), RUNS)
            line += f"   baseline (python-docx table API) {baseline:6.2f} s: ours takes {seconds[rows] / baseline:.2f}x"
        print(line)
    ratio = seconds[SIZES[-1]] / seconds[SIZES[0]]
    met = ratio <= TARGET_RATIO
    print(
        f"  {SIZES[-1] // 1000}k/{SIZES[0] // 1000}k rows: {ratio:.2f}x the time for 4x the rows; "
        f"target <= {TARGET_RATIO:g}x: {'met' if met else 'MISSED'}"
    )
    return met
