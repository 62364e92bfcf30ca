"""Reports published as PDF, and in older word-processor formats: read whole, page furniture left
out; hostile PDFs refused in one line, in bounded time and memory."""

from __future__ import annotations

import io
import resource
import subprocess
import sys
import time
import zlib

import pytest

from translate.bitext import read_xliff
from translate.document import BlockKind
from translate.read import read_document

from .reports import (
    CELL_TEXTS,
    INTRO,
    OUTRO,
    corpus_paragraphs,
    pdf_report,
    word_of_corpus_report,
    word_report,
)
from .test_hostile_input import errors_of, good_file

YEARS = ("1978", "2008", "2019")


def flat(text: str) -> str:
    return "".join(text.split())


def libreoffice_pdf_of(year: str, folder) -> object:
    """The report as LibreOffice prints a Word file of it: its own line breaking, head and footer."""
    word = word_of_corpus_report(folder / f"{year}.docx", year, running_head="国务院公报")
    profile = (folder / "profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(folder / "pdf"), str(word)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return folder / "pdf" / f"{year}.pdf"


@pytest.mark.parametrize("maker", ["weasyprint", "libreoffice"])
@pytest.mark.parametrize("year", YEARS)
def test_a_reports_pdf_reads_back_as_its_paragraphs_without_heads_or_page_numbers(tmp_path, year, maker):
    if maker == "weasyprint":
        pdf = pdf_report(tmp_path / f"{year}.pdf", year, running_head=f"{year}年政府工作报告")
    else:
        pdf = libreoffice_pdf_of(year, tmp_path)
    raw = read_document(pdf)
    paragraphs = [flat(p) for p in corpus_paragraphs(year)]
    blocks = [flat(b.text) for b in raw.blocks]
    assert "".join(blocks) == "".join(paragraphs)  # every character, in order; no head, no page number
    assert len(set(blocks) & set(paragraphs)) >= 0.9 * len(paragraphs)  # rejoined into the same paragraphs
    assert abs(len(blocks) - len(paragraphs)) <= 0.05 * len(paragraphs)
    headings = [b.text for b in raw.blocks if b.kind is BlockKind.HEADING]
    assert headings and all(len(h) <= 60 for h in headings)


def test_page_numbers_in_other_forms_and_a_footer_are_left_out(tmp_path):
    pdf = pdf_report(tmp_path / "r.pdf", "2008", running_head="国务院公报", pages_numbered="第{}页")
    text = "".join(b.text for b in read_document(pdf).blocks)
    assert "国务院公报" not in text and "第2页" not in flat(text)


def test_the_pdf_goes_through_the_main_job_to_xliff(run, tmp_path):
    pdf = pdf_report(tmp_path / "report.pdf", "2019")
    result = run("translate", str(pdf), "--engine", "none", "--format", "xlf", "--out", str(tmp_path / "out"))
    assert result.code == 0, result.err
    document = read_xliff(tmp_path / "out" / "report.zh-en.xlf")
    assert flat("".join(b.source for b in document.blocks)) == flat("".join(corpus_paragraphs("2019")))


def test_a_pdf_without_a_text_layer_needs_ocr(run, tmp_path):
    from PIL import Image

    scan = tmp_path / "scan.pdf"
    Image.new("RGB", (600, 800), "white").save(scan, "PDF")
    result = run("translate", str(scan), str(good_file(tmp_path)), "--engine", "none", "--out", str(tmp_path / "out"))
    assert result.code == 2
    [line] = errors_of(result)
    assert str(scan) in line and "no text layer" in line and "OCR" in line


def raw_pdf(stream: bytes, filters: str = "/FlateDecode") -> bytes:
    """A one-page PDF whose page content is ``stream``, with a correct cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(stream), filters.encode()) + stream + b"\nendstream",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.7\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def test_a_decompression_bomb_is_refused_in_one_line_in_bounded_time_and_memory(tmp_path):
    """200 MB of content in a 200 KB file: refused at the inflation limit, in a process whose memory
    is capped at a fraction of what inflating it would take."""
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(raw_pdf(zlib.compress(b"0 0 Td " * (200 * 2**20 // 7), 9)))
    assert bomb.stat().st_size < 2**20
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))\n"
        "from commands.translate import main\n"
        "sys.exit(main([sys.argv[1], '--engine', 'none', '--format', 'xlf', '--out', sys.argv[2]]))\n"
    )
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", script, str(bomb), str(tmp_path / "out")], capture_output=True, text=True, timeout=120
    )
    assert time.monotonic() - started < 60
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr[-2000:]
    [line] = [line for line in result.stderr.splitlines() if line.startswith("translate:")]
    assert str(bomb) in line and "inflates beyond the limit of 40 MB" in line
    assert resource.getrlimit(resource.RLIMIT_AS)  # the cap applied to the child only


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.7\n" + bytes(range(256)) * 40,  # a header and garbage
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R",  # cut off
        b"",  # empty
        raw_pdf(b"BT /F1 12 Tf (x) Tj ET", "/NoSuchFilter"),  # a filter no reader knows
    ],
    ids=["garbage", "truncated", "empty", "unknown-filter"],
)
def test_a_malformed_pdf_is_one_line_and_the_batch_goes_on(run, tmp_path, content):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(content)
    out = tmp_path / "out"
    result = run(
        "translate", str(bad), str(good_file(tmp_path)), "--engine", "none", "--format", "xlf", "--out", str(out)
    )
    assert result.code == 2 and "Traceback" not in result.err
    [line] = errors_of(result)
    assert str(bad) in line
    assert (out / "good.zh-en.xlf").exists()


def test_an_encrypted_pdf_is_refused_with_what_to_do(run, tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(pdf_report(tmp_path / "open.pdf", "2019")))
    writer.encrypt(user_password="secret", owner_password="owner")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as out:
        writer.write(out)
    result = run("translate", str(locked), "--engine", "none", "--out", str(tmp_path / "out"))
    assert result.code == 2 and "encrypted with a password" in result.err


@pytest.mark.parametrize("suffix", [".odt", ".rtf", ".doc"])
def test_older_formats_are_read_through_libreoffice(tmp_path, suffix):
    source = word_report(tmp_path / "report.docx")
    profile = (tmp_path / "profile").as_uri()
    filters = {".odt": "odt", ".rtf": "rtf", ".doc": "doc:MS Word 97"}
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", filters[suffix], "--outdir",
         str(tmp_path / "old"), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    raw = read_document(tmp_path / "old" / f"report{suffix}")
    texts = [b.text for b in raw.blocks]
    assert INTRO in texts and OUTRO in texts
    (table,) = [b for b in raw.blocks if b.kind is BlockKind.TABLE]
    assert [c.text for c in table.cells if c.text] == CELL_TEXTS


def test_without_libreoffice_an_older_format_names_the_package(run, tmp_path, monkeypatch):
    import shutil

    old = tmp_path / "report.odt"
    old.write_bytes(b"PK\x03\x04 not really")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    result = run("translate", str(old), "--engine", "none", "--out", str(tmp_path / "out"))
    assert result.code == 2 and "apt-get install libreoffice-writer-nogui" in result.err
    assert len(result.err.strip().splitlines()) == 1
