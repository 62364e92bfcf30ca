"""Reports read whole: tables from Word, HTML and Markdown are translated cell by cell and published
as tables; what a reader cannot take is counted, never dropped in silence."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
import zipfile

import docx
import pytest

from glossary.store import load_glossary
from pipeline.job import Options, translate_file
from publish.settings import LAYOUTS, Settings
from translate.bitext import XLIFF, XLIFF12, read_xliff
from translate.document import BlockKind
from translate.read import read_document

from .reports import CELL_TEXTS, INTRO, NOTE, OUTRO, html_report, markdown_report, word_report
from .schemas import schema_errors
from .test_distribution import libreoffice_pdf
from .test_translation import DropEverythingEngine

REPORTS = {"docx": word_report, "html": html_report, "md": markdown_report}
NOT_READ = {
    "docx": {"comment": 1, "embedded object": 1, "footnote": 1, "image": 1, "text box": 1},
    "html": {"embedded object": 1, "image": 1},
    "md": {"image": 1},
}


@pytest.fixture(params=sorted(REPORTS))
def report(request, tmp_path):
    kind = request.param
    return kind, REPORTS[kind](tmp_path / f"report.{kind}")


def table_of(blocks):
    (table,) = [b for b in blocks if b.kind is BlockKind.TABLE]
    return table


def test_a_table_is_a_block_of_its_own_with_its_header_row_and_merged_cells(report):
    kind, path = report
    raw = read_document(path)
    texts = [b.text for b in raw.blocks if b.kind is not BlockKind.TABLE]
    assert INTRO in texts and OUTRO in texts  # the paragraphs around it, in order
    cells = {(c.row, c.column): c for c in table_of(raw.blocks).cells}
    assert [c.text for c in cells.values() if c.text] == CELL_TEXTS
    assert all(cells[1, column].header for column in (1, 2, 3)) and not cells[2, 2].header
    if kind != "md":  # Markdown's pipe tables have no merged cells
        assert cells[2, 1].rowspan == 2 and (3, 1) not in cells  # 新增就业 over two rows
        assert cells[5, 2].text == NOTE[1] and cells[5, 2].colspan == 2  # the note across both years
    assert raw.skipped == NOT_READ[kind]


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_every_cell_is_segmented_translated_and_checked_and_in_the_xliff(report, tmp_path, version):
    kind, path = report
    out = tmp_path / "out"
    options = Options(formats=("xlf",), out_dir=out, settings=Settings(xliff=version))
    outcome = translate_file(path, load_glossary(), DropEverythingEngine(), None, options)
    xliff = out / "report.zh-en.xlf"
    assert schema_errors(xliff.read_bytes()) == []
    namespace = XLIFF12 if version == "1.2" else XLIFF
    sources = ["".join(s.itertext()) for s in ET.parse(xliff).getroot().iter(f"{{{namespace}}}source")]
    for text in CELL_TEXTS + [INTRO, OUTRO]:
        assert text in sources
    table = table_of(read_xliff(xliff).blocks)
    assert [c.source for c in table.cells if c.source] == CELL_TEXTS
    assert all(s.target == "The text." for s in table.segments)
    # Cells are checked like paragraphs: a term and a figure the engine dropped are flagged.
    issues = {s.source: {i.check for i in s.issues} for s in table_of(outcome.document.blocks).segments}
    assert "missing-term" in issues["改造老旧小区（个）"]  # 老旧小区: old residential compounds
    assert "number-mismatch" in issues["1350"]
    report = json.loads((out / "report.zh-en.qa.json").read_text(encoding="utf-8"))
    assert report["not_read"] == NOT_READ[kind]
    assert outcome.notes[-1] == "not read: " + ", ".join(f"{n} {what}" for what, n in NOT_READ[kind].items())


def test_the_summary_line_counts_what_was_not_read_per_kind(run, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    word_report(folder / "a.docx")
    html_report(folder / "b.html")
    result = run("translate", str(folder), "--engine", "none", "--format", "xlf", "--out", str(tmp_path / "out"))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert "not read: 1 comment, 1 embedded object, 1 footnote, 1 image, 1 text box" in lines[0]
    assert lines[-1].endswith("not read: 1 comment, 2 embedded object, 1 footnote, 2 image, 1 text box")


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The Word report translated and published in each layout."""
    base = tmp_path_factory.mktemp("tables")
    source = word_report(base / "report.docx")
    glossary = load_glossary()
    for layout in LAYOUTS:
        options = Options(out_dir=base / layout, settings=Settings(layout=layout))
        translate_file(source, glossary, DropEverythingEngine(), None, options)
    return base


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_pdf_shows_the_table_as_a_table_in_each_layout(published, layout):
    text = pdf_text(published / layout / "report.zh-en.pdf")
    if layout != "en":
        for cell in CELL_TEXTS:
            assert cell in text.replace(" ", "")
        # One row of the grid on one line: the label and both years' figures.
        assert any("改造老旧小区" in line and "23" in line and "31" in line for line in text.splitlines())
    if layout != "zh":
        assert text.count("The text.") >= len(CELL_TEXTS)


def test_the_pdf_html_keeps_spans_and_repeats_the_header_row(published):
    from publish.edition import make_edition
    from publish.html import render_html

    document = read_xliff(published / "side-by-side" / "report.zh-en.xlf")
    html = render_html(make_edition(document, Settings()))
    assert '<table class="data"><thead><tr><th>' in html
    assert 'rowspan="2"' in html and 'colspan="2"' in html
    assert '<td class="number">' in html  # figures set flush right


@pytest.mark.parametrize("layout", ["side-by-side", "en"])
def test_the_docx_has_the_table_with_merged_cells_and_a_repeated_header(published, layout, tmp_path):
    path = published / layout / "report.zh-en.docx"
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert xml.count('<w:vMerge w:val="restart"/>') == 1 and '<w:gridSpan w:val="2"/>' in xml
    tables = docx.Document(str(path)).tables
    if layout == "side-by-side":  # inside the row that spans both columns
        data = next(cell.tables[0] for row in tables[0].rows for cell in row.cells if cell.tables)
    else:
        data = tables[0]
    texts = {cell.text for row in data.rows for cell in row.cells}
    if layout == "side-by-side":
        assert {"指标\nThe text.", "1350\nThe text.", "数据来自街道统计。\nThe text."} <= texts
    else:
        assert texts <= {"The text.", ""}
    assert "<w:tblHeader/>" in xml
    pdf = libreoffice_pdf(path, tmp_path / "lo")  # as a reader opens it
    shown = pdf_text(pdf).replace(" ", "")
    assert ("改造老旧小区（个）" in shown) == (layout != "en")


def test_a_table_beyond_the_limits_is_refused_in_one_line(run, tmp_path):
    path = tmp_path / "huge.md"
    path.write_text("| a |" + " b |" * 2000 + "\n|---|\n" + "| 1 |\n" * 100, encoding="utf-8")
    result = run("translate", str(path), "--engine", "none", "--format", "xlf", "--out", str(tmp_path / "out"))
    assert result.code == 2 and "over 100,000 cells" in result.err and len(result.err.strip().splitlines()) == 1
    page = tmp_path / "spans.html"
    page.write_text('<table><tr><td colspan="999999999" rowspan="999999999">表</td></tr></table>', encoding="utf-8")
    raw = read_document(page)
    (cell,) = table_of(raw.blocks).cells
    assert (cell.colspan, cell.rowspan) == (1000, 1)  # cut at the limit and at the table's last row


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ({"row": "1", "column": "x"}, "column 'x' is not a number"),
        ({"row": "1", "column": "1", "rowspan": "99999"}, "rowspan '99999' is not a number from 1 to 1000"),
        ({"row": "100000", "column": "1000"}, "over 100,000 places"),
        ({"row": "1", "column": "1", "colspan": "2"}, "overlaps another cell"),
    ],
)
def test_a_table_in_an_xliff_from_outside_is_checked_cell_by_cell(run, tmp_path, facts, message):
    from translate.bitext import to_xliff

    document = read_xliff_of_the_word_report(tmp_path)
    data = to_xliff(document, "1.2").decode()
    # The first body cell (row 2, column 2) claims another place.
    context = "".join(f'<context context-type="x-{key}">{value}</context>' for key, value in facts.items())
    original = '<context context-type="x-row">2</context>\n            <context context-type="x-column">2</context>'
    assert original in data
    path = tmp_path / "edited.zh-en.xlf"
    path.write_text(data.replace(original, context, 1), encoding="utf-8")
    result = run("publish", str(path), "--format", "docx")
    assert result.code == 2 and message in result.err and len(result.err.strip().splitlines()) == 1, result.err


def read_xliff_of_the_word_report(tmp_path):
    out = tmp_path / "first"
    translate_file(
        word_report(tmp_path / "report.docx"), load_glossary(), None, None, Options(formats=("xlf",), out_dir=out)
    )
    return read_xliff(out / "report.zh-en.xlf")
