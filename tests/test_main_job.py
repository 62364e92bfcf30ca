"""The main job end to end: seeds in, XLIFF + DOCX + PDF + QA out, through the CLI."""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile

import docx
import pytest

from foundation.script import is_cjk
from translate.bitext import XLIFF, from_xliff, read_xliff, to_xliff
from translate.document import BlockKind, State
from translate.read import read_document

from .conftest import SEEDS
from .schemas import schema_errors

STEMS = sorted(p.stem for p in SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def translated(tmp_path_factory, tiny_package):
    """Translate both seeds once for the module, with the tiny model installed via the CLI."""
    from commands.translate import main

    base = tmp_path_factory.mktemp("main")
    out = base / "out"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("ARGOS_PACKAGES_DIR", str(base / "packages"))
        env.setenv("XDG_CACHE_HOME", str(base / "cache"))
        assert main(["models", "install", "--file", str(tiny_package)]) == 0
        assert main([str(SEEDS), "--to", "en", "--out", str(out)]) == 0
    return out


@pytest.mark.parametrize("stem", STEMS)
def test_each_seed_yields_xliff_docx_pdf_and_qa(translated, stem):
    for name in (f"{stem}.zh-en.xlf", f"{stem}.zh-en.docx", f"{stem}.zh-en.pdf", f"{stem}.zh-en.qa.json"):
        assert (translated / name).stat().st_size > 0, name
    assert not [p for p in translated.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("stem", STEMS)
def test_pdf_embeds_a_cjk_font_and_holds_every_chinese_character(translated, stem):
    pdf = translated / f"{stem}.zh-en.pdf"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    cjk_rows = [line for line in fonts.splitlines() if "CJK" in line]
    assert cjk_rows and all(" yes " in row for row in cjk_rows), fonts
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    source = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    missing = {c for c in source if is_cjk(c)} - set(text)
    assert not missing, f"characters lost in the PDF: {''.join(sorted(missing))}"


@pytest.mark.parametrize("stem", STEMS)
def test_pdf_pages_are_a4_with_page_numbers(translated, stem):
    pdf = translated / f"{stem}.zh-en.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+", info), info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    last = subprocess.run(
        ["pdftotext", "-f", str(pages), "-l", str(pages), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(rf"\b{pages} ?/ ?{pages}\b", last), last[-200:]


def test_pdf_has_bookmarks_from_headings(translated):
    from pypdf import PdfReader

    stem = STEMS[0]  # the Xicheng report has headings
    outline = PdfReader(translated / f"{stem}.zh-en.pdf").outline
    title, chapters = outline[0], outline[1]
    document = read_document(SEEDS / f"{stem}.txt")
    assert title["/Title"] == document.title
    headings = [b.text for b in document.blocks if b.kind is BlockKind.HEADING][1:]
    labels = [c["/Title"] for c in chapters]
    assert [label.split(" — ")[0] for label in labels[:-1]] == headings  # labelled in both languages
    assert all(len(label.split(" — ")[1]) > 3 for label in labels[:-1])
    assert labels[-1] == "本文术语 Glossary terms in this document"  # the appendix


@pytest.mark.parametrize("stem", STEMS)
def test_docx_has_a_row_per_paragraph_and_east_asian_font(translated, stem):
    document = read_document(SEEDS / f"{stem}.txt")
    body = [b for b in document.blocks if not (b.kind is BlockKind.HEADING and b.text == document.title)]
    table = docx.Document(str(translated / f"{stem}.zh-en.docx")).tables[0]
    assert len(table.rows) == 1 + len(body)  # the header row, then a row per block
    assert [row.cells[0].text for row in table.rows[1:]] == [b.text for b in body]
    xml = zipfile.ZipFile(translated / f"{stem}.zh-en.docx").read("word/document.xml").decode()
    assert 'w:eastAsia="Noto Serif CJK SC"' in xml
    assert "<w:tblHeader/>" in xml


@pytest.mark.parametrize("stem", STEMS)
def test_the_main_jobs_xliff_is_valid_against_the_oasis_schemas(translated, stem):
    assert schema_errors((translated / f"{stem}.zh-en.xlf").read_bytes()) == []


@pytest.mark.parametrize("stem", STEMS)
def test_xliff_round_trips(translated, stem):
    document = read_xliff(translated / f"{stem}.zh-en.xlf")
    assert from_xliff(to_xliff(document), f"{stem}.zh-en.xlf") == document
    raw = read_document(SEEDS / f"{stem}.txt")
    assert [b.source for b in document.blocks] == [b.text for b in raw.blocks]
    assert all(s.state is State.TRANSLATED and s.target for s in document.segments)


def test_xliff_marks_glossary_terms(translated):
    root = ET.parse(translated / f"{STEMS[0]}.zh-en.xlf").getroot()
    assert (root.tag, root.get("version"), root.get("srcLang"), root.get("trgLang")) == (
        f"{{{XLIFF}}}xliff",
        "2.1",
        "zh",
        "en",
    )
    marks = [(m.get("type"), m.get("value"), m.text) for m in root.iter(f"{{{XLIFF}}}mrk")]
    assert ("term", "Party Work Committee", "党工委") in marks
    assert all(kind == "term" and value for kind, value, _ in marks)


def test_qa_report_lists_findings_per_segment(translated):
    report = json.loads((translated / f"{STEMS[0]}.zh-en.qa.json").read_text(encoding="utf-8"))
    document = read_xliff(translated / f"{STEMS[0]}.zh-en.xlf")
    segments = {s.id: s for s in document.segments}
    assert report["segments"] == len(segments) == 49
    # The tiny model's English is nonsense, so the approved terms are missing.
    assert report["by_check"].get("missing-term", 0) > 0
    for finding in report["findings"]:
        segment = segments[finding["segment"]]
        assert (finding["source"], finding["target"]) == (segment.source, segment.target)
        assert all(issue["check"] and issue["message"] for issue in finding["issues"])
    assert sum(len(f["issues"]) for f in report["findings"]) == sum(report["by_check"].values())


def test_publish_renders_a_post_edited_xliff_without_translating(translated, run, tmp_path):
    stem = STEMS[0]
    xlf = (translated / f"{stem}.zh-en.xlf").read_text(encoding="utf-8")
    edited = re.sub(r"<target>[^<]*</target>", "<target>Reviewed by a human editor.</target>", xlf, count=1)
    path = tmp_path / f"{stem}.zh-en.xlf"
    path.write_text(edited, encoding="utf-8")
    result = run("publish", str(path))
    assert result.code == 0, result.err
    text = subprocess.run(
        ["pdftotext", str(tmp_path / f"{stem}.zh-en.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Reviewed by a human editor." in text
    assert (tmp_path / f"{stem}.zh-en.docx").exists()


def test_translation_is_stable_across_runs(translated, installed_model, run, tmp_path):
    result = run("translate", str(SEEDS / f"{STEMS[1]}.txt"), "--out", str(tmp_path), "--format", "xlf")
    assert result.code == 0, result.err
    again = read_xliff(tmp_path / f"{STEMS[1]}.zh-en.xlf")
    assert again == read_xliff(translated / f"{STEMS[1]}.zh-en.xlf")
    assert [s.target for s in again.segments] and all(s.target for s in again.segments)


def test_qa_findings_are_notes_in_the_xliff_for_cat_tools(translated):
    from glossary.store import load_glossary
    from pipeline.job import qa_file

    document = qa_file(translated / f"{STEMS[0]}.zh-en.xlf", load_glossary()).document  # the same QA again
    root = ET.parse(translated / f"{STEMS[0]}.zh-en.xlf").getroot()
    notes = {}
    for unit in root.iter(f"{{{XLIFF}}}unit"):
        children = [child.tag.rsplit("}", 1)[-1] for child in unit]
        assert children.index("notes") < children.index("segment") if "notes" in children else True
        for note in unit.iter(f"{{{XLIFF}}}note"):
            assert (note.get("category"), note.get("appliesTo")) == ("qa", "target")
            segment_id, check, message = note.text.split(": ", 2)
            notes.setdefault(segment_id, []).append((check, message, note.get("priority")))
    expected = {
        s.id: [(i.check, i.message, "1" if i.severity == "error" else "5") for i in s.issues]
        for s in document.segments
        if s.issues
    }
    assert notes == expected and notes
