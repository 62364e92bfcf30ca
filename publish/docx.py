"""The bilingual DOCX: a two-column table, Chinese | English, a row per paragraph.

python-docx's ``font.name`` sets only the Latin font slots; Chinese text would
be left to whatever Word picks.  So the East Asian slot (``w:eastAsia``) and
the language are set explicitly, in the styles and on every run.
"""

from __future__ import annotations

import io

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell

from publish.html import COLUMN_HEADS, UNTRANSLATED
from publish.page import page
from publish.paging import keep_together
from translate.document import Block, BlockKind, Document

LATIN_FONT = "Times New Roman"
CORE_PROPERTY_CHARS = 255  # python-docx refuses longer document properties


def _set_fonts(r_pr_owner, east_asian: str, lang: str | None = None) -> None:
    """Set all four font slots and, if given, the language on a run or style."""
    r_pr = r_pr_owner.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for slot, name in (
        ("w:ascii", LATIN_FONT),
        ("w:hAnsi", LATIN_FONT),
        ("w:cs", LATIN_FONT),
        ("w:eastAsia", east_asian),
    ):
        fonts.set(qn(slot), name)
    if lang:
        element = r_pr.find(qn("w:lang"))
        if element is None:
            element = OxmlElement("w:lang")
            r_pr.append(element)
        element.set(qn("w:eastAsia" if lang.startswith("zh") else "w:val"), lang)


def _add_run(paragraph, text: str, east_asian: str, lang: str, bold: bool = False, grey: bool = False):
    run = paragraph.add_run(text)
    _set_fonts(run._element, east_asian, lang)
    run.bold = bold or None
    if grey:
        run.italic = True
        run.font.color.rgb = RGBColor(0x99, 0x99, 0x99)
    return run


def _add_row(table: Table) -> tuple[CT_Row, list[_Cell]]:
    """A new row of two cells of the column width.

    Built on the XML directly: python-docx's ``add_row`` looks the grid up and
    ``row.cells`` rebuilds the whole table's cell grid on each call, which made
    rendering quadratic in rows (8k/16k/32k rows: 8/28/108 s).
    """
    tr = table._tbl.add_tr()
    cells = []
    for _ in range(2):
        tc = tr.add_tc()
        tc.width = Mm(page().column_mm)
        cells.append(_Cell(tc, table))
    return tr, cells


def _row_property(tr: CT_Row, tag: str) -> None:
    tr.get_or_add_trPr().append(OxmlElement(tag))


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _fill_row(table: Table, block: Block, east_asian: str) -> None:
    heading = block.kind is BlockKind.HEADING
    tr, (zh_cell, en_cell) = _add_row(table)
    _add_run(zh_cell.paragraphs[0], block.source, east_asian, "zh-CN", bold=heading)
    if block.target:
        _add_run(en_cell.paragraphs[0], block.target, east_asian, "en-GB", bold=heading)
    else:
        _add_run(en_cell.paragraphs[0], UNTRANSLATED, east_asian, "en-GB", grey=True)
    if heading:
        _shade(zh_cell, "F2F2F2")
        _shade(en_cell, "F2F2F2")
    if keep_together(block):
        _row_property(tr, "w:cantSplit")


def render_docx(document: Document, east_asian_font: str) -> bytes:
    doc = new_docx()
    section = doc.sections[0]
    geometry = page()
    section.page_width, section.page_height = Mm(geometry.width_mm), Mm(geometry.height_mm)
    top, right, bottom, left = geometry.margins_mm
    section.top_margin, section.right_margin, section.bottom_margin, section.left_margin = (
        Mm(top),
        Mm(right),
        Mm(bottom),
        Mm(left),
    )
    normal = doc.styles["Normal"]
    normal.font.size = Pt(geometry.font_pt)
    _set_fonts(normal.element, east_asian_font)
    doc.core_properties.title = document.title[:CORE_PROPERTY_CHARS]
    doc.core_properties.language = "zh-CN, en"

    title = doc.add_paragraph(style="Title")
    _add_run(title, document.title, east_asian_font, "zh-CN")
    if document.english_title:
        subtitle = doc.add_paragraph(style="Subtitle")
        _add_run(subtitle, document.english_title, east_asian_font, "en-GB")

    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for column in table.columns:
        column.width = Mm(geometry.column_mm)
    header, cells = _add_row(table)
    for cell, text, lang in zip(cells, COLUMN_HEADS, ("zh-CN", "en-GB")):
        _add_run(cell.paragraphs[0], text, east_asian_font, lang, bold=True)
    _row_property(header, "w:tblHeader")  # repeated at the top of every page
    _row_property(header, "w:cantSplit")
    for block in document.body:
        _fill_row(table, block, east_asian_font)

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
