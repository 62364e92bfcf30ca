"""Reports shaped as agencies publish them, made by the tests: a Word file, an HTML page and a
Markdown file, each with a statistics table (a header row, merged cells) and the things a reader
cannot take (images, a footnote, a comment, a text box, an embedded object)."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from .paths import CORPUS_EXCERPTS

INTRO = "2023年，街道党工委坚持以人民为中心，扎实推进各项工作。"
OUTRO = "下一步，我们将继续深化放管服改革。"
# The table: a header row; 指标 spans two rows; the last row's note spans both value columns.
HEADER = ("指标", "2022年", "2023年")
ROWS = (
    ("新增就业（人）", "1200", "1350"),
    ("", "城镇", "农村"),
    ("改造老旧小区（个）", "23", "31"),
)
NOTE = ("说明", "数据来自街道统计。")
CELL_TEXTS = [*HEADER, "新增就业（人）", "1200", "1350", "城镇", "农村", "改造老旧小区（个）", "23", "31", *NOTE]


def png() -> bytes:
    """A small picture, for an image the reader counts."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 20), "steelblue").save(out, "PNG")
    return out.getvalue()


def word_report(path: Path) -> Path:
    doc = Document()
    doc.add_heading("西城街道2023年工作报告", level=1)
    intro = doc.add_paragraph(INTRO)
    doc.add_comment(intro.runs[0], text="请核对数据", author="审校")
    table = doc.add_table(rows=5, cols=3)
    for row, texts in zip(table.rows, [HEADER, *ROWS]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    table.cell(1, 0).merge(table.cell(2, 0))  # 新增就业 over two rows (Word: vMerge)
    table.cell(1, 0).text = "新增就业（人）"
    note = table.cell(4, 1).merge(table.cell(4, 2))  # the note across both years (Word: gridSpan)
    table.cell(4, 0).text = NOTE[0]
    note.text = NOTE[1]
    figure = doc.add_paragraph()
    figure.add_run().add_picture(io.BytesIO(png()))
    footnoted = doc.add_paragraph(OUTRO)
    footnoted._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="1"/></w:r>'))
    _add_footnotes(doc, "数据来源：区统计局。")
    boxed = doc.add_paragraph()
    boxed._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
            "<w:p><w:r><w:t>文本框里的话。</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
    )
    boxed._p.append(
        parse_xml(f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:object><v:shape/></w:object></w:r>')
    )
    doc.save(str(path))
    return path


def _add_footnotes(doc, text: str) -> None:
    """The footnotes part a footnote reference points into, as Word writes it."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    w = nsdecls("w")
    xml = (
        f'<w:footnotes {w}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        f'</w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    part = Part(PackURI("/word/footnotes.xml"), content_type, xml.encode(), doc.part.package)
    doc.part.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes")


def html_report(path: Path) -> Path:
    rows = "".join(
        "<tr>" + "".join(f"<td>{text}</td>" for text in row if text) + "</tr>"
        for row in (ROWS[0], ROWS[1][1:], ROWS[2])
    )
    path.write_text(
        f"""<!DOCTYPE html><html><head><title>报告</title><script>var x = "不是正文";</script></head><body>
<nav>首页 | 新闻</nav>
<h1>西城街道2023年工作报告</h1>
<p>{INTRO}</p>
<table><caption>主要指标</caption>
<thead><tr>{"".join(f"<th>{t}</th>" for t in HEADER)}</tr></thead>
<tbody>{rows.replace("<td>新增就业（人）</td>", '<td rowspan="2">新增就业（人）</td>', 1)}
<tr><td>{NOTE[0]}</td><td colspan="2">{NOTE[1]}</td></tr></tbody></table>
<p><img src="chart.png" alt="图表">{OUTRO}</p>
<iframe src="https://example.invalid/video"></iframe>
</body></html>""",
        encoding="utf-8",
    )
    return path


def markdown_report(path: Path) -> Path:
    lines = [
        "# 西城街道2023年工作报告",
        "",
        INTRO,
        "",
        "| " + " | ".join(HEADER) + " |",
        "|:---|---:|---:|",
        *("| " + " | ".join(row) + " |" for row in ROWS),
        "| " + NOTE[0] + " | " + NOTE[1] + " | |",
        "",
        f"![图表](chart.png) {OUTRO}",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def corpus_report(year: str) -> str:
    """The excerpt of a national work report (tests/data/corpus), as its text."""
    import json

    with CORPUS_EXCERPTS.open(encoding="utf-8") as lines:
        for line in lines:
            report = json.loads(line)
            if str(report["year"]) == year:
                return report["content"]
    raise KeyError(year)


def corpus_paragraphs(year: str) -> list[str]:
    """The report's paragraphs (its lines broken inside a paragraph joined, as a reader sees them)."""
    text = corpus_report(year)
    return [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]


def pdf_report(path: Path, year: str, running_head: str = "", pages_numbered: str = "— {} —") -> Path:
    """The report as a publisher would print it to PDF (WeasyPrint): A4, paragraphs indented two
    characters, a running head on every page, a page number at every foot."""
    import json
    from html import escape

    from weasyprint import HTML

    number = json.dumps(pages_numbered, ensure_ascii=False).replace("{}", '" counter(page) "')
    css = (
        "@page { size: A4; margin: 25mm 22mm; "
        f"@top-center {{ content: {json.dumps(running_head, ensure_ascii=False)}; font-size: 9pt }} "
        f"@bottom-center {{ content: {number}; font-size: 9pt }} }}"
        "body { font-family: 'Noto Serif CJK SC'; font-size: 12pt; line-height: 1.6 }"
        "p { text-indent: 2em; margin: 0 0 0.3em; text-align: justify }"
    )
    body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in corpus_paragraphs(year))
    HTML(string=f"<html><head><style>{css}</style></head><body>{body}</body></html>").write_pdf(path)
    return path


def word_of_corpus_report(path: Path, year: str, running_head: str) -> Path:
    """The report as a Word file an office would print to PDF: indented paragraphs, a running head,
    a page number field in the footer."""
    from docx.shared import Pt

    doc = Document()
    doc.sections[0].header.paragraphs[0].text = running_head
    footer = doc.sections[0].footer.paragraphs[0]
    footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    for paragraph in corpus_paragraphs(year):
        added = doc.add_paragraph(paragraph)
        added.paragraph_format.first_line_indent = Pt(24)
        for run in added.runs:
            run.font.size = Pt(12)
            run.font.name = "Noto Serif CJK SC"
            run._element.get_or_add_rPr().get_or_add_rFonts().set(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", "Noto Serif CJK SC"
            )
    doc.save(str(path))
    return path
