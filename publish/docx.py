"""The DOCX of an edition: the same layouts as the PDF, with Word's own structure.

- Headings use Word's Heading 1–6 styles, so the navigation pane, the PDF
  outline LibreOffice exports and a table of contents find them; side by
  side, the Chinese cell's heading is the entry and the English one has a
  style of the same look at body level, so each heading is listed once.
- Every font slot is named in the document defaults and in every style, with
  no theme font left: python-docx's template leaves the slots to its theme
  (whose East Asian entries include Japanese faces) and tags text en-US, so
  text a run does not set (a field, a style's) was up to the reader's Word.
  Chinese text is tagged with its language (zh-CN, zh-TW, zh-HK), which is
  what makes LibreOffice pick the region's glyph forms from Noto CJK.
- Header with the short title and footer with PAGE / NUMPAGES fields; core
  properties from the settings; the template's thumbnail and "python-docx"
  author removed.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

from docx import Document as new_docx
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell

from publish.edition import Edition, header_rows, heading_rank, is_figure
from publish.fonts import Coverage
from publish.html import COLUMN_HEADS, GENERATOR, UNTRANSLATED
from publish.page import page
from publish.paging import fits_on_a_page
from translate.document import Block, BlockKind

CORE_PROPERTY_CHARS = 255  # python-docx refuses longer document properties
# Metric-compatible faces: the DOCX names the one Word has, LibreOffice substitutes the other.
WORD_NAMES = {"Liberation Serif": "Times New Roman", "Liberation Sans": "Arial"}
OFFICE_LANGUAGES = {"zh-Hans": "zh-CN", "zh-Hant": "zh-TW", "zh-Hant-TW": "zh-TW", "zh-Hant-HK": "zh-HK"}
ENGLISH = "en-GB"
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
# The order ECMA-376 sets for a table's properties; Word reports a file with them out of order as damaged.
_TBL_PR_ORDER = (
    "w:tblStyle w:tblpPr w:tblOverlap w:bidiVisual w:tblStyleRowBandSize w:tblStyleColBandSize w:tblW w:jc "
    "w:tblCellSpacing w:tblInd w:tblBorders w:shd w:tblLayout w:tblCellMar w:tblLook w:tblCaption w:tblDescription"
).split()


class _Fonts:
    """The faces and language tags of one edition, applied to styles and runs."""

    def __init__(self, edition: Edition, coverage: Coverage):
        self.east_asian = coverage.faces[0].family
        english = coverage.english.family if coverage.english else "Times New Roman"
        self.latin = WORD_NAMES.get(english, english)
        self.zh_lang = OFFICE_LANGUAGES[edition.zh_lang]

    def apply(self, r_pr_owner, lang: str | None = None) -> None:
        """All four font slots, no theme font, and the language of the text if given."""
        r_pr = r_pr_owner.get_or_add_rPr() if hasattr(r_pr_owner, "get_or_add_rPr") else r_pr_owner
        fonts = r_pr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            r_pr.insert(0, fonts)
        for slot in _THEME_SLOTS:
            fonts.attrib.pop(qn(slot), None)
        for slot, name in (("w:ascii", self.latin), ("w:hAnsi", self.latin), ("w:cs", self.latin)):
            fonts.set(qn(slot), name)
        fonts.set(qn("w:eastAsia"), self.east_asian)
        if lang:
            element = r_pr.find(qn("w:lang"))
            if element is None:
                element = OxmlElement("w:lang")
                r_pr.append(element)
            element.set(qn("w:val"), ENGLISH if lang == ENGLISH else self.zh_lang)
            element.set(qn("w:eastAsia"), self.zh_lang)


def _add_run(paragraph, text: str, fonts: _Fonts, lang: str, bold: bool = False, grey: bool = False):
    run = paragraph.add_run(text)
    fonts.apply(run._element, lang)
    run.bold = bold or None
    if grey:
        run.italic = True
        run.font.color.rgb = RGBColor(0x99, 0x99, 0x99)
    return run


def _block_text(block: Block, fonts: _Fonts, paragraph, lang: str) -> None:
    if lang == ENGLISH and not block.target:
        _add_run(paragraph, UNTRANSLATED, fonts, ENGLISH, grey=True)
    else:
        _add_run(paragraph, block.target if lang == ENGLISH else block.source, fonts, lang)


def _add_row(table: Table, widths_mm: tuple[float, float]) -> tuple[CT_Row, list[_Cell]]:
    """A new row of two cells of the columns' widths.

    Built on the XML directly: python-docx's ``add_row`` looks the grid up and
    ``row.cells`` rebuilds the whole table's cell grid on each call, which made
    rendering quadratic in rows (8k/16k/32k rows: 8/28/108 s).
    """
    tr = table._tbl.add_tr()
    cells = []
    for width in widths_mm:
        tc = tr.add_tc()
        tc.width = Mm(width)
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


def _heading_styles(doc, fonts: _Fonts) -> dict[tuple[int, bool], str]:
    """The style ids of Heading n and of "Heading n (English)", its look at body level, out of the
    navigation pane, by (n, English beside Chinese).  Set by id: python-docx looks a style up by
    name through the whole style sheet each time, which made rendering 6x slower."""
    ids = {}
    for level in range(1, 7):
        base = doc.styles[f"Heading {level}"]
        style = doc.styles.add_style(f"Heading {level} (English)", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = base
        outline = OxmlElement("w:outlineLvl")
        outline.set(qn("w:val"), "9")  # body text
        style.element.get_or_add_pPr().append(outline)
        fonts.apply(style.element)
        ids[level, False], ids[level, True] = base.style_id, style.style_id
    return ids


def _styled(paragraph, block: Block, heading_ids: dict[tuple[int, bool], str], english_beside_chinese: bool = False):
    """The paragraph in the style of its block: Normal, or the heading of its rank."""
    if block.kind is BlockKind.HEADING:
        paragraph._p.style = heading_ids[heading_rank(block), english_beside_chinese]
    return paragraph


def _light_rules(table: Table, color: str = "DDDDDD") -> None:
    """Thin grey rules between rows and columns, as in the PDF (Table Grid's are black)."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        rule = OxmlElement(f"w:{edge}")
        rule.set(qn("w:val"), "single")
        rule.set(qn("w:sz"), "4")  # eighths of a point
        rule.set(qn("w:color"), color)
        borders.append(rule)
    _add_table_property(table, borders)


def _add_table_property(table: Table, element) -> None:
    """``element`` in the table's properties at the place the schema gives it."""
    following = _TBL_PR_ORDER[_TBL_PR_ORDER.index(element.tag.replace(qn("w:"), "w:")) + 1 :]
    table._tbl.tblPr.insert_element_before(element, *following)


def _table(doc, widths_mm: tuple[float, float]) -> Table:
    """An empty two-column table with light rules, its grid in the columns' widths."""
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    _light_rules(table)
    for column, width in zip(table.columns, widths_mm):
        column.width = Mm(width)
    return table


def _cell_padding(table: Table, padding_mm: tuple[float, float] | None = None) -> None:
    """The PDF's cell padding (the stylesheet's, unless given), so that text does not touch the rules."""
    vertical, horizontal = padding_mm or page().cell_padding_mm
    margins = OxmlElement("w:tblCellMar")
    for edge, mm in (("top", vertical), ("left", horizontal), ("bottom", vertical), ("right", horizontal)):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), str(round(Mm(mm).twips)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    _add_table_property(table, margins)


def _side_by_side(doc, edition: Edition, fonts: _Fonts, heading_ids: dict[tuple[int, bool], str]) -> None:
    widths = page().columns_mm(edition.zh_share)
    table = _table(doc, widths)
    _cell_padding(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header, cells = _add_row(table, widths)
    for cell, text, lang in zip(cells, COLUMN_HEADS, (fonts.zh_lang, ENGLISH)):
        _add_run(cell.paragraphs[0], text, fonts, lang, bold=True)
    _row_property(header, "w:tblHeader")  # repeated at the top of every page
    _row_property(header, "w:cantSplit")
    for block in edition.document.body:
        if block.kind is BlockKind.TABLE:  # across both columns, as in the PDF
            tr = table._tbl.add_tr()
            tc = tr.add_tc()
            tc.width = Mm(sum(widths))
            span = OxmlElement("w:gridSpan")
            span.set(qn("w:val"), "2")
            tc.get_or_add_tcPr().append(span)
            inner = sum(widths) - 2 * page().cell_padding_mm[1]  # inside the cell's padding
            _data_table(_Cell(tc, table), block, edition, fonts, inner)
            continue
        tr, (zh_cell, en_cell) = _add_row(table, widths)
        zh = _styled(zh_cell.paragraphs[0], block, heading_ids)
        en = _styled(en_cell.paragraphs[0], block, heading_ids, english_beside_chinese=True)
        _block_text(block, fonts, zh, fonts.zh_lang)
        _block_text(block, fonts, en, ENGLISH)
        if block.kind is BlockKind.HEADING:
            for cell, paragraph in ((zh_cell, zh), (en_cell, en)):
                _shade(cell, "F2F2F2")
                paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(0)
        if fits_on_a_page(block, edition.zh_share):
            _row_property(tr, "w:cantSplit")


DATA_PADDING_MM = (1.0, 1.5)  # as table.data's cells in the stylesheet
DATA_FONT_PT = 9


def _data_table(container, block: Block, edition: Edition, fonts: _Fonts, width_mm: float) -> None:
    """A table of the text in ``container`` (the document, or a cell spanning both columns), as the PDF
    has it: each cell's Chinese above its English (``Edition.table_languages``), merged cells merged,
    header rows repeated on each page and shaded, figures flush right."""
    grid = block.grid
    table = container.add_table(rows=len(grid), cols=block.columns)
    table.style = "Table Grid"
    _light_rules(table, "999999")
    _cell_padding(table, DATA_PADDING_MM)
    column_mm = width_mm / block.columns
    for grid_column in table._tbl.tblGrid.gridCol_lst:
        grid_column.w = Mm(column_mm)
    places = table._cells  # the grid's cells row by row, read once: table.cell() rebuilds it at each call
    for row_number, row in enumerate(grid):
        for column, cell in enumerate(row):
            target = places[row_number * block.columns + column]
            target.width = Mm(column_mm)
            if cell is not None and (cell.row - 1, cell.column - 1) == (row_number, column):
                _fill_cell(target, cell, edition, fonts)
    for cell in block.cells:  # merged last, as merging changes the grid
        if cell.rowspan > 1 or cell.colspan > 1:
            first = table.cell(cell.row - 1, cell.column - 1)
            first.merge(table.cell(cell.row + cell.rowspan - 2, cell.column + cell.colspan - 2))
    for tr in table._tbl.tr_lst[: header_rows(block)]:
        _row_property(tr, "w:tblHeader")


def _fill_cell(target: _Cell, cell, edition: Edition, fonts: _Fonts) -> None:
    if not cell.segments:
        return
    texts = []
    for language in edition.table_languages:
        if language == "zh":
            texts.append((cell.source, fonts.zh_lang, False))
        else:
            texts.append((cell.target or UNTRANSLATED, ENGLISH, not cell.target))
    for index, (text, lang, grey) in enumerate(texts):
        paragraph = target.paragraphs[0] if index == 0 else target.add_paragraph()
        paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(0)
        if is_figure(cell.source):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = _add_run(paragraph, text, fonts, lang, bold=cell.header, grey=grey)
        run.font.size = Pt(DATA_FONT_PT)
    if cell.header:
        _shade(target, "F2F2F2")


def _flowing(doc, edition: Edition, fonts: _Fonts, heading_ids: dict[tuple[int, bool], str]) -> None:
    layout = edition.settings.layout
    for block in edition.document.body:
        if block.kind is BlockKind.TABLE:
            _data_table(doc, block, edition, fonts, page().text_width_mm)
            doc.add_paragraph()
            continue
        if layout != "en":
            zh = _styled(doc.add_paragraph(), block, heading_ids)
            _block_text(block, fonts, zh, fonts.zh_lang)
            if block.kind is BlockKind.PARAGRAPH:
                zh.paragraph_format.first_line_indent = Pt(2 * page().font_pt)
        if layout != "zh":
            en = _styled(doc.add_paragraph(), block, heading_ids, english_beside_chinese=layout == "interleaved")
            _block_text(block, fonts, en, ENGLISH)
            if layout == "interleaved" and block.kind is BlockKind.PARAGRAPH:
                en.paragraph_format.space_after = Pt(9)


def _title_block(doc, edition: Edition, fonts: _Fonts) -> None:
    layout = edition.settings.layout
    if edition.chinese_title:
        _add_run(doc.add_paragraph(style="Title"), edition.chinese_title, fonts, fonts.zh_lang)
    if edition.english_title:
        _add_run(
            doc.add_paragraph(style="Title" if layout == "en" else "Subtitle"), edition.english_title, fonts, ENGLISH
        )
    lang = fonts.zh_lang if layout == "zh" else ENGLISH
    for label, value in edition.facts():
        line = doc.add_paragraph()
        line.paragraph_format.space_after = Pt(0)
        run = _add_run(line, f"{label}: {value}", fonts, lang)
        run.font.size = Pt(8)
        run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    doc.add_paragraph()


def _appendix(doc, edition: Edition, fonts: _Fonts) -> None:
    if not edition.terms:
        return
    heading = doc.add_paragraph(style="Heading 1")
    _add_run(heading, edition.label("appendix"), fonts, fonts.zh_lang if edition.settings.layout == "zh" else ENGLISH)
    widths = (page().text_width_mm * 0.35, page().text_width_mm * 0.65)
    table = _table(doc, widths)
    header, cells = _add_row(table, widths)
    for cell, text, lang in zip(cells, COLUMN_HEADS, (fonts.zh_lang, ENGLISH)):
        _add_run(cell.paragraphs[0], text, fonts, lang, bold=True)
    _row_property(header, "w:tblHeader")
    for zh, en in edition.terms:
        tr, (zh_cell, en_cell) = _add_row(table, widths)
        _add_run(zh_cell.paragraphs[0], zh, fonts, fonts.zh_lang)
        _add_run(en_cell.paragraphs[0], en, fonts, ENGLISH)
        _row_property(tr, "w:cantSplit")


def _field(paragraph, instruction: str, fonts: _Fonts) -> None:
    """A field Word and LibreOffice compute when they lay the page out (PAGE, NUMPAGES)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    fonts.apply(run, ENGLISH)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _header_and_footer(doc, edition: Edition, fonts: _Fonts) -> None:
    """The short title at the head of every page but the first; page n / N at every foot."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    title = edition.running_title
    head = section.header.paragraphs[0]
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = _add_run(head, title[:120], fonts, ENGLISH if title == edition.english_title else fonts.zh_lang)
    run.font.size = Pt(8)
    for footer in (section.footer, section.first_page_footer):
        foot = footer.paragraphs[0]
        foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _field(foot, "PAGE", fonts)
        _add_run(foot, " / ", fonts, ENGLISH)
        _field(foot, "NUMPAGES", fonts)


def _properties(doc, edition: Edition) -> None:
    settings, document = edition.settings, edition.document
    properties = doc.core_properties
    properties.title = document.title[:CORE_PROPERTY_CHARS]
    properties.author = settings.author[:CORE_PROPERTY_CHARS]
    properties.last_modified_by = settings.author[:CORE_PROPERTY_CHARS]
    properties.subject = (settings.subject or document.english_title)[:CORE_PROPERTY_CHARS]
    properties.keywords = ", ".join(settings.keywords)[:CORE_PROPERTY_CHARS]
    properties.comments = f"{GENERATOR}; glossary {edition.glossary_version}"[:CORE_PROPERTY_CHARS]
    properties.language = {"en": ENGLISH, "zh": OFFICE_LANGUAGES[edition.zh_lang]}.get(
        settings.layout, f"{OFFICE_LANGUAGES[edition.zh_lang]}, {ENGLISH}"
    )
    properties.category = ""
    properties.revision = 1
    now = datetime.now(UTC).replace(microsecond=0)
    properties.created = properties.modified = now
    package = doc.part.package
    for rel_id, relationship in list(package.rels.items()):
        if relationship.reltype == RT.THUMBNAIL:  # python-docx's template page, not this document's
            package.rels.pop(rel_id)


def _page_and_styles(doc, fonts: _Fonts) -> None:
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    geometry = page()
    section.page_width, section.page_height = Mm(geometry.width_mm), Mm(geometry.height_mm)
    top, right, bottom, left = geometry.margins_mm
    section.top_margin, section.right_margin = Mm(top), Mm(right)
    section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts.apply(defaults, fonts.zh_lang)
    for style in doc.styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            fonts.apply(style.element)
    for r_pr in doc.styles.element.iter(qn("w:rPr")):  # table styles' conditional parts too
        if r_pr.find(qn("w:rFonts")) is not None:
            fonts.apply(r_pr)
    doc.styles["Normal"].font.size = Pt(geometry.font_pt)
    # The PDF's look rather than the template's blue: black headings sized as in the stylesheet.
    for name, size, color in (("Title", 18, "111111"), ("Subtitle", 14, "333333")):
        _restyle(doc.styles[name], size, color)
        element = doc.styles[name].element
        for unwanted in (
            element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}"),
            element.find(f"{qn('w:rPr')}/{qn('w:spacing')}"),
        ):
            if unwanted is not None:  # the template's rule under the title and letter-spaced subtitle
                unwanted.getparent().remove(unwanted)
    doc.styles["Subtitle"].font.italic = False
    for level in range(1, 7):
        _restyle(doc.styles[f"Heading {level}"], 11.5 if level == 1 else 10.5, "111111")


def _restyle(style, size_pt: float, color: str) -> None:
    style.font.size = Pt(size_pt)
    style.font.color.rgb = RGBColor.from_string(color)


def render_docx(edition: Edition, coverage: Coverage) -> bytes:
    doc = new_docx()
    fonts = _Fonts(edition, coverage)
    _page_and_styles(doc, fonts)
    heading_ids = _heading_styles(doc, fonts)
    _properties(doc, edition)
    _header_and_footer(doc, edition, fonts)
    _title_block(doc, edition, fonts)
    if edition.settings.layout == "side-by-side":
        _side_by_side(doc, edition, fonts, heading_ids)
    else:
        _flowing(doc, edition, fonts, heading_ids)
    _appendix(doc, edition, fonts)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
