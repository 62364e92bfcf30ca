"""The PDF and DOCX as a press office hands them out, checked as a reader would see them: rendered to
pictures (the DOCX through LibreOffice), their text, their structure and their properties."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from PIL import Image

from glossary.store import load_glossary
from pipeline.job import Failure, Options, Outcome, publish_files, translate_file
from publish.page import page
from translate.bitext import read_xliff, to_xliff
from translate.memory import memory_at
from translate.tm_files import read_units

from .conftest import SEEDS

STEM = "000_fd68bde13d4caed7"  # the Xicheng report: a title, headings, 49 segments
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def xliff(tmp_path_factory) -> Path:
    """The Xicheng report translated from its reference English (the seeds' TMX), as an XLIFF."""
    folder = tmp_path_factory.mktemp("xicheng")
    memory = memory_at(folder / "tm.sqlite")
    memory.add_human(read_units(SEEDS / f"{STEM}.en.tmx", 10**7).units)
    options = Options(formats=("xlf",), out_dir=folder)
    outcome = translate_file(SEEDS / f"{STEM}.txt", load_glossary(), None, memory, options)
    return next(path for path in outcome.written if path.suffix == ".xlf")


def publish(run, xliff: Path, out: Path, *options: str) -> dict[str, Path]:
    result = run("publish", str(xliff), "--out", str(out), *options)
    assert result.code == 0, result.out + result.err
    return {path.suffix.lstrip("."): path for path in out.iterdir()}


def pdf_text(pdf: Path, first: int = 1, last: int = 0) -> str:
    pages = ["-f", str(first)] + (["-l", str(last)] if last else [])
    return subprocess.run(["pdftotext", *pages, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def picture(pdf: Path, number: int, folder: Path, dpi: int = 50) -> Image.Image:
    """Page ``number`` as pdftoppm draws it (at 50 dpi unless told), in grey."""
    prefix = folder / f"{pdf.stem}-{dpi}dpi-page"
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", str(number), "-l", str(number), str(pdf), str(prefix)], check=True
    )
    return Image.open(next(folder.glob(f"{prefix.name}-*{number}.png"))).convert("L")


def ink(image: Image.Image, box: tuple[float, float, float, float], darker_than: int = 128) -> float:
    """The share of dark pixels in a box given in millimetres from the top left."""
    scale = image.width / page().width_mm
    crop = image.crop(tuple(round(v * scale) for v in box))
    pixels = crop.tobytes()
    return sum(1 for p in pixels if p < darker_than) / max(1, len(pixels))


def text_columns(image: Image.Image, top_mm: float, bottom_mm: float) -> list[tuple[float, float]]:
    """The columns of text between two heights: runs of millimetres with ink, split at gaps of 2 mm or more."""
    _, right, _, left = page().margins_mm
    inked = [
        x
        for x in range(int(left) - 2, int(page().width_mm - right) + 2)
        if ink(image, (x, top_mm, x + 1, bottom_mm)) > 0.002
    ]
    columns, start = [], None
    for x, following in zip(inked, inked[1:] + [10_000]):
        start = x if start is None else start
        if following - x > 2:
            columns.append((start, x + 1))
            start = None
    return [c for c in columns if c[1] - c[0] > 15]  # text, not a stray mark


def clearance_mm(image: Image.Image, left_mm: float, right_mm: float) -> float:
    """The least distance between a row's rule and the nearest text above or below it, across a column.

    Rules are the light grey lines drawn between rows (nine tenths of their pixels grey, lighter than
    text, darker than a heading row's shading); text is dark ink.
    """
    scale = image.width / page().width_mm
    xs = range(round(left_mm * scale), round(right_mm * scale))
    pixels = image.load()

    def is_rule(y: int) -> bool:
        return sum(1 for x in xs if 150 < pixels[x, y] < 236) > 0.9 * len(xs)  # not the shading (242)

    def has_text(y: int) -> bool:
        return 0 <= y < image.height and any(pixels[x, y] < 128 for x in xs)

    top, _, bottom, _ = page().margins_mm
    rules = [y for y in range(round(top * scale), round((page().height_mm - bottom) * scale)) if is_rule(y)]
    assert len(rules) >= 3, "no rows found on the page"
    reach = round(10 * scale)
    distances = [
        next((d for d in range(1, reach) if has_text(y + sign * d)), reach)
        for y in rules
        for sign, neighbour in ((-1, y - 1), (1, y + 1))
        if neighbour not in rules  # from the rule's outer edge
    ]
    return min(distances) / scale


def libreoffice_pdf(document: Path, folder: Path) -> Path:
    """The document as LibreOffice prints it, with a profile of the test's own (a user's open
    LibreOffice would otherwise take the conversion and ignore it)."""
    profile = (folder / "profile").as_uri()
    command = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run([*command, "--outdir", str(folder), str(document)], check=True, capture_output=True, timeout=180)
    return folder / f"{document.stem}.pdf"


def looks_like_a_page_of_the_document(image: Image.Image, columns: int) -> None:
    top, _, bottom, _ = page().margins_mm
    height = page().height_mm
    assert ink(image, (0, top, page().width_mm, height - bottom)) > 0.02  # not blank
    assert ink(image, (0, height - bottom + 3, page().width_mm, height - 3), darker_than=200) > 0  # the footer
    assert len(text_columns(image, 100, height - bottom - 5)) == columns  # below the title block


def test_side_by_side_pages_show_two_columns_and_the_footer(run, xliff, tmp_path):
    pdf = publish(run, xliff, tmp_path / "out", "--format", "pdf")["pdf"]
    pages = page_count(pdf)
    for number in (1, (pages + 1) // 2):
        looks_like_a_page_of_the_document(picture(pdf, number, tmp_path), columns=2)
    (zh_left, zh_right), (en_left, en_right) = text_columns(picture(pdf, 2, tmp_path), 40, 250)
    assert 0.3 < (zh_right - zh_left) / (en_right - en_left) < 0.6  # the English gets the wider column
    assert clearance_mm(picture(pdf, 2, tmp_path, dpi=100), en_left, en_right) >= 1.5  # text clear of the rules


def test_the_docx_through_libreoffice_has_two_columns_the_footer_and_the_headings_as_bookmarks(run, xliff, tmp_path):
    from pypdf import PdfReader

    files = publish(run, xliff, tmp_path / "out", "--format", "docx")
    pdf = libreoffice_pdf(files["docx"], tmp_path / "lo")
    for number in (1, (page_count(pdf) + 1) // 2):
        looks_like_a_page_of_the_document(picture(pdf, number, tmp_path), columns=2)
    _, (en_left, en_right) = text_columns(picture(pdf, 2, tmp_path), 40, 250)
    assert clearance_mm(picture(pdf, 2, tmp_path, dpi=100), en_left, en_right) >= 1.5  # the PDF's cell padding
    document = read_xliff(xliff)
    headings = [b.source for b in document.body if b.kind.value == "heading"]
    outline = [item["/Title"] for item in PdfReader(pdf).outline if not isinstance(item, list)]
    assert outline[: len(headings)] == headings  # Word's navigation pane: the Heading styles, in the table
    assert re.search(r"\b2\s*/\s*\d+\s*$", pdf_text(pdf, 2, 2).strip())  # PAGE / NUMPAGES


def test_interleaved_puts_each_paragraph_before_its_english(run, xliff, tmp_path):
    pdf = publish(run, xliff, tmp_path / "out", "--format", "pdf", "--layout", "interleaved")["pdf"]
    looks_like_a_page_of_the_document(picture(pdf, 2, tmp_path), columns=1)
    text = " ".join(pdf_text(pdf).split())
    body = [b for b in read_xliff(xliff).body if b.kind.value == "paragraph"]
    at = [(text.index(b.source[:12]), text.index(" ".join(b.target.split()[:4]))) for b in body[:3]]
    assert at[0][0] < at[0][1] < at[1][0] < at[1][1] < at[2][0] < at[2][1]


@pytest.mark.parametrize(
    ("layout", "shown", "left_out"), [("en", "english", HAN), ("zh", "chinese", re.compile(r"\bthe\b"))]
)
def test_one_language_alone(run, xliff, tmp_path, layout, shown, left_out):
    pdf = publish(run, xliff, tmp_path / "out", "--format", "pdf", "--layout", layout)["pdf"]
    looks_like_a_page_of_the_document(picture(pdf, 2, tmp_path), columns=1)
    text = pdf_text(pdf)
    body = text[: text.index("Glossary terms" if layout == "en" else "本文术语")]  # the appendix is bilingual
    assert not left_out.search(body.split("\n", 1)[1] if layout == "zh" else body)
    assert len(body) > (5000 if layout == "en" else 2000)


def test_the_title_block_says_where_the_text_came_from(run, xliff, tmp_path):
    pdf = publish(run, xliff, tmp_path / "out", "--format", "pdf")["pdf"]
    document = read_xliff(xliff)
    first = " ".join(pdf_text(pdf, 1, 1).split())
    assert document.title in first and document.english_title in first
    assert "源文件 Source file" in first and f"{STEM}.txt" in first
    assert "翻译日期 Translated" in first and re.search(r"\d{4}-\d{2}-\d{2}", first)
    assert document.glossary_sha256[:12] in first
    assert "49 / 49" in first  # all from the human memory


def test_the_appendix_lists_the_glossary_terms_in_order_of_first_appearance(run, xliff, tmp_path):
    document = read_xliff(xliff)
    files = publish(run, xliff, tmp_path / "out")
    text = pdf_text(files["pdf"])
    appendix = text[text.index("Glossary terms in this document") :]
    glossary = load_glossary()
    marked = [hit.zh for s in document.segments for hit in s.terms if hit.entry.status.value == "approved"]
    terms = [line.strip() for line in appendix.split("\n") if HAN.search(line) and glossary.find(line.strip())]
    assert len(terms) > 20
    assert terms == list(dict.fromkeys(marked))  # the terms the XLIFF marks, each once, as they come
    for zh in terms[:5]:
        assert " ".join(glossary.find(zh).en.split()) in " ".join(appendix.split())
    table = docx.Document(str(files["docx"])).tables[-1]
    assert [row.cells[0].text for row in table.rows[1:]] == terms
    without = publish(run, xliff, tmp_path / "without", "--no-glossary-appendix", "--format", "pdf")
    assert "Glossary terms" not in pdf_text(without["pdf"])


def test_properties_come_from_the_options_and_never_say_python_docx(run, xliff, tmp_path):
    from pypdf import PdfReader

    files = publish(
        run,
        xliff,
        tmp_path / "out",
        "--author",
        "Xicheng Press Office",
        "--subject",
        "Work report",
        "--keywords",
        "Xicheng, 2021",
    )
    info = PdfReader(files["pdf"]).metadata
    assert (info.author, info.subject, info["/Keywords"]) == ("Xicheng Press Office", "Work report", "Xicheng, 2021")
    assert PdfReader(files["pdf"]).trailer["/Root"]["/Lang"] == "zh-Hans"
    properties = docx.Document(str(files["docx"])).core_properties
    assert (properties.author, properties.subject, properties.keywords) == (
        "Xicheng Press Office",
        "Work report",
        "Xicheng, 2021",
    )
    assert properties.language == "zh-CN, en-GB" and properties.title == read_xliff(xliff).title
    names = zipfile.ZipFile(files["docx"]).namelist()
    assert not any("thumbnail" in name for name in names)
    everything = b"".join(zipfile.ZipFile(files["docx"]).read(name) for name in names)
    assert b"python-docx" not in everything


def test_the_docx_has_word_headings_page_numbers_chinese_fonts_and_table_properties_word_accepts(run, xliff, tmp_path):
    document = docx.Document(str(publish(run, xliff, tmp_path / "out", "--format", "docx")["docx"]))
    styles = {p.style.name for cell in document.tables[0].columns[0].cells for p in cell.paragraphs}
    assert {"Heading 1", "Normal"} <= styles
    section = document.sections[0]
    assert section.header.paragraphs[0].text == read_xliff(xliff).english_title
    footer = section.footer._element.xml
    assert 'w:instr=" PAGE "' in footer and 'w:instr=" NUMPAGES "' in footer
    xml = document.styles.element.xml
    assert "Theme=" not in xml.replace("w:themeColor", "")  # no theme fonts: they pointed LibreOffice at Japanese forms
    assert xml.count('w:eastAsia="Noto Serif CJK SC"') >= len([s for s in document.styles if s.type in (1, 2)])
    assert re.search(r'<w:lang [^>]*w:eastAsia="zh-CN"', xml)
    # Table properties in the order ECMA-376 sets: Word calls a file with them out of order damaged.
    order = "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
    order = (order + "tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription").split()
    for table in document.tables:
        names = [child.tag.rsplit("}", 1)[1] for child in table._tbl.tblPr]
        assert names == sorted(names, key=order.index), names


def test_pdf_a_and_pdf_ua_pass_qpdf_and_say_what_they_are(run, xliff, tmp_path):
    archived = publish(run, xliff, tmp_path / "a", "--format", "pdf", "--pdf-variant", "pdf/a-3u")["pdf"]
    subprocess.run(["qpdf", "--check", str(archived)], check=True, capture_output=True)
    xmp = subprocess.run(["pdfinfo", "-meta", str(archived)], capture_output=True, text=True, check=True).stdout
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="U"' in xmp
    accessible = publish(run, xliff, tmp_path / "ua", "--format", "pdf", "--pdf-variant", "pdf/ua-1")["pdf"]
    subprocess.run(["qpdf", "--check", str(accessible)], check=True, capture_output=True)
    info = subprocess.run(["pdfinfo", str(accessible)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Tagged:\s+yes", info)
    fonts = subprocess.run(["pdffonts", str(accessible)], capture_output=True, text=True, check=True).stdout
    assert all(line.split()[-5:-3] == ["yes", "yes"] for line in fonts.splitlines()[2:])  # embedded, subset


def test_taiwan_readers_get_their_characters_vocabulary_and_glyph_forms(run, xliff, tmp_path):
    pdf = publish(run, xliff, tmp_path / "out", "--format", "pdf", "--zh-script", "taiwan")["pdf"]
    text = pdf_text(pdf)
    assert "專案" in text and "项目" not in text  # 项目 is 專案 in Taiwan, not 項目
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Noto-Serif-CJK-TC" in fonts and "CJK-SC" not in fonts


def test_a_publish_toml_beside_the_inputs_sets_what_options_do_not(run, xliff, tmp_path):
    from pypdf import PdfReader

    (xliff.parent / "publish.toml").write_text(
        'author = "Config Office"\nlayout = "en"\nkeywords = ["a", "b"]\n', encoding="utf-8"
    )
    try:
        files = publish(run, xliff, tmp_path / "out", "--format", "pdf", "--author", "Option Office")
        info = PdfReader(files["pdf"]).metadata
        assert (info.author, info["/Keywords"]) == ("Option Office", "a, b")
        assert not HAN.search(pdf_text(files["pdf"], 2, 2))  # the file's layout: English alone
        (xliff.parent / "publish.toml").write_text('layout = "sideways"\n', encoding="utf-8")
        result = run("publish", str(xliff), "--out", str(tmp_path / "bad"))
        assert result.code == 2 and len(result.err.strip().splitlines()) == 1
        assert "publish.toml" in result.err and "layout must be one of" in result.err
    finally:
        (xliff.parent / "publish.toml").unlink()


def test_the_index_lists_every_document_published_into_the_folder(run, xliff, tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    hostile = [{"stem": "x", "title": "<script>alert(1)</script>", "files": {"pdf": "../../etc/passwd"}}]
    (out / "index.json").write_text(json.dumps(hostile), encoding="utf-8")
    publish(run, xliff, out, "--index")
    other = tmp_path / "other.txt"
    other.write_text("街道工作报告\n\n社区开展文明实践活动。\n", encoding="utf-8")
    assert run("translate", str(other), "--engine", "none", "--out", str(out), "--index").code == 0
    page_html = (out / "index.html").read_text(encoding="utf-8")
    document = read_xliff(xliff)
    assert document.title in page_html and document.english_title in page_html and "街道工作报告" in page_html
    for name in (f"{STEM}.zh-en.pdf", f"{STEM}.zh-en.docx", "other.zh-en.pdf", "other.zh-en.docx"):
        assert f'href="{name}"' in page_html
    assert re.search(r"\d+ KB", page_html) and '<td class="meta">8</td>' in page_html
    assert "<script>" not in page_html and "passwd" not in page_html  # the planted entry is gone


def test_an_unreadable_index_listing_is_kept_aside_not_overwritten_and_the_run_says_so(run, tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    damaged = b'[{"stem": "report-2023", "title": "\xe6\x94\xbf'  # cut off mid-character
    (out / "index.json").write_bytes(damaged)
    text = tmp_path / "other.txt"
    text.write_text("街道工作报告\n\n社区开展文明实践活动。\n", encoding="utf-8")
    result = run("translate", str(text), "--engine", "none", "--format", "docx", "--out", str(out), "--index")
    assert result.code == 0, result.err
    assert "index.json could not be read: kept as index.json.unreadable" in result.out + result.err
    assert (out / "index.json.unreadable").read_bytes() == damaged
    assert [entry["stem"] for entry in json.loads((out / "index.json").read_text(encoding="utf-8"))] == ["other"]


def test_a_set_is_published_a_process_per_cpu_in_order_as_one_at_a_time_and_a_bad_file_fails_alone(
    run, xliff, tmp_path
):
    text = tmp_path / "other.txt"
    text.write_text("街道工作报告\n\n社区开展文明实践活动。\n", encoding="utf-8")
    assert run("translate", str(text), "--engine", "none", "--format", "xlf", "--out", str(tmp_path)).code == 0
    bad = tmp_path / "bad.zh-en.xlf"
    bad.write_bytes(b"\x00\x01 not XLIFF")
    paths = [xliff, bad, tmp_path / "other.zh-en.xlf"]
    texts = {}
    for workers in (1, 2):
        out = tmp_path / f"{workers}-at-a-time"
        options = Options(formats=("pdf",), out_dir=out, index=True)
        outcomes = list(publish_files(paths, load_glossary(), options, workers=workers))
        assert [(type(o).__name__, o.source) for o in outcomes] == [
            ("Outcome", paths[0]),
            ("Failure", paths[1]),
            ("Outcome", paths[2]),
        ]
        texts[workers] = [pdf_text(pdf) for pdf in sorted(out.glob("*.pdf"))]
        listed = {entry["stem"] for entry in json.loads((out / "index.json").read_text(encoding="utf-8"))}
        assert listed == {STEM, "other"}  # the workers took turns at the index
    assert len(texts[2]) == 2 and texts[2] == texts[1]


def test_a_worker_killed_midway_fails_its_files_with_a_reason_and_the_command_goes_on(xliff, tmp_path, monkeypatch):
    import os
    import signal

    import pipeline.job

    def killed_on_the_second(path, glossary, options):
        if path.name.startswith("second"):
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel does when memory runs out
        return Outcome(path, read_xliff(path), [])

    monkeypatch.setattr(pipeline.job, "publish_file", killed_on_the_second)
    paths = []
    for name in ("first", "second", "third"):
        paths.append(tmp_path / f"{name}.zh-en.xlf")
        paths[-1].write_bytes(xliff.read_bytes())
    outcomes = list(publish_files(paths, load_glossary(), Options(out_dir=tmp_path / "out"), workers=2))
    assert [o.source for o in outcomes] == paths
    assert isinstance(outcomes[1], Failure) and "a publishing process was killed" in outcomes[1].message


def test_ctrl_c_while_a_set_is_published_stops_every_worker_at_once_and_leaves_no_partial_file(xliff, tmp_path):
    import copy
    import os
    import signal
    import time

    document = read_xliff(xliff)
    document.blocks = [copy.deepcopy(block) for _ in range(12) for block in document.blocks]  # seconds a PDF
    paths = []
    for number in range(4):
        document.stem = f"report-{number}"
        paths.append(tmp_path / f"report-{number}.zh-en.xlf")
        paths[-1].write_bytes(to_xliff(document))
    out = tmp_path / "out"
    command = [str(Path(sys.executable).parent / "publish"), *map(str, paths), "--out", str(out)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    children = Path(f"/proc/{child.pid}/task/{child.pid}/children")
    deadline = time.monotonic() + 60
    while len(children.read_text().split()) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1)  # both workers are laying out their first PDF (each takes seconds)
    os.killpg(child.pid, signal.SIGINT)  # as a terminal sends Ctrl-C: to the command and its workers
    interrupted = time.monotonic()
    _, err = child.communicate(timeout=120)
    assert child.returncode == 130 and "interrupted" in err.decode()
    assert time.monotonic() - interrupted < 2  # not after the files already queued
    for path in out.iterdir() if out.exists() else []:  # what is there is whole: nothing half-written
        assert path.suffix in (".pdf", ".docx", ".json") and not path.name.startswith(".")
        if path.suffix == ".pdf":
            assert page_count(path) > 0


def glyph_top(image: Image.Image) -> Image.Image:
    """The top of a glyph's ink (where 骨's forms differ), scaled to a fixed size, black or white."""
    box = image.point(lambda p: 255 if p < 128 else 0).getbbox()
    return image.crop(box).resize((64, 64)).crop((0, 0, 64, 28)).point(lambda p: 0 if p < 128 else 255)


def differing(a: Image.Image, b: Image.Image) -> int:
    return sum(1 for x, y in zip(a.tobytes(), b.tobytes()) if x != y)


def test_libreoffice_draws_the_docx_chinese_in_simplified_forms_not_japanese(run, tmp_path):
    """骨 differs between Noto CJK's faces: LibreOffice picks the form by the language the run is tagged with."""
    from PIL import ImageDraw, ImageFont

    from publish.fonts import find_font

    source = tmp_path / "bone.txt"
    source.write_text("骨\n\n骨头。\n", encoding="utf-8")
    options = ("--engine", "none", "--format", "docx", "--layout", "zh", "--no-glossary-appendix")
    assert run("translate", str(source), "--out", str(tmp_path), *options).code == 0
    libreoffice_pdf(tmp_path / "bone.zh-en.docx", tmp_path / "lo")
    prefix = tmp_path / "bone"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "400", "-f", "1", "-l", "1", str(tmp_path / "lo" / "bone.zh-en.pdf"), str(prefix)],
        check=True,
    )
    drawn = Image.open(next(tmp_path.glob("bone-*1.png"))).convert("L")
    top, _, _, left = page().margins_mm
    scale = 400 / 25.4
    title = glyph_top(drawn.crop(tuple(round(mm * scale) for mm in (left, top, left + 15, top + 13))))  # the title: 骨

    def reference(region: str) -> Image.Image:
        face = find_font(f"Noto Serif CJK {region}")
        canvas = Image.new("L", (260, 260), 255)
        ImageDraw.Draw(canvas).text((30, 0), "骨", font=ImageFont.truetype(face.path, 180, index=face.index), fill=0)
        return glyph_top(canvas)

    distance = {region: differing(title, reference(region)) for region in ("SC", "JP", "TC")}
    assert differing(reference("SC"), reference("JP")) > 100  # the forms do differ at this size
    assert distance["SC"] < 0.8 * min(distance["JP"], distance["TC"]), distance


def test_a_text_without_a_title_is_not_given_its_file_name_as_one(run, tmp_path):
    source = tmp_path / "report_2021_v3.txt"
    source.write_text("街道全年完成各项工作任务。社区开展文明实践活动。\n", encoding="utf-8")
    assert run("translate", str(source), "--engine", "none", "--out", str(tmp_path / "out")).code == 0
    first = pdf_text(tmp_path / "out" / "report_2021_v3.zh-en.pdf", 1, 1)
    assert first.lstrip().startswith("源文件 Source file") and "report_2021_v3.txt" in first
    document = docx.Document(str(tmp_path / "out" / "report_2021_v3.zh-en.docx"))
    assert "Title" not in {p.style.name for p in document.paragraphs}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00bad", "not UTF-8"),
        (b'author = "x"\nfoo = 1\n', "unknown setting 'foo'"),
        (b"author = 3\n", "author must be text"),
        (b'author = "a\\u001bb"\n', "one line, without control characters"),
        (b"layout = [\n", "not a readable TOML file"),
        (b"#" * 70_000, "over 64 KB"),
    ],
)
def test_a_bad_publish_toml_is_refused_in_one_line(tmp_path, content, message):
    from foundation.errors import UserError
    from publish.settings import read_config

    (tmp_path / "publish.toml").write_bytes(content)
    with pytest.raises(UserError, match=re.escape(message)) as error:
        read_config(tmp_path)
    assert "\n" not in str(error.value)
