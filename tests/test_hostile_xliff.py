"""XLIFF files come back from outside: whatever they hold, publishing neither
reads local files, nor fetches URLs, nor writes outside the output folder."""

from __future__ import annotations

import http.server
import subprocess
import threading
import xml.etree.ElementTree as ET
import zipfile

import pypdf
import pytest

from publish.filenames import MAX_STEM_BYTES, safe_stem
from publish.pdf import html_to_pdf
from translate.languages import is_language_tag

XLIFF = "urn:oasis:names:tc:xliff:document:2.0"
MDA = "urn:oasis:names:tc:xliff:metadata:2.0"


@pytest.fixture
def loopback_server():
    """A web server on 127.0.0.1 that records every request it gets."""
    requests: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the name http.server calls)
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"body { color: red }")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("TOP-SECRET-7f3a9c", encoding="utf-8")
    return path


def _payload(secret, url: str) -> str:
    return (
        f'"><link rel="attachment" href="file://{secret}"><img src="{url}/img">'
        f'<style>@import url({url}/css);</style><a rel="attachment" href="{url}/a">x</a>'
    )


def _q(tag: str, ns: str = XLIFF) -> str:
    return f"{{{ns}}}{tag}"


def hostile_xliff(payload: str, original: str = "report", src: str = "zh", trg: str = "en", level: str = "2") -> bytes:
    """An XLIFF 2.1 file with ``payload`` in every field an XLIFF carries."""
    root = ET.Element(_q("xliff"), version="2.1", srcLang=src, trgLang=trg)
    file = ET.SubElement(root, _q("file"), id="f" + payload, original=original)
    notes = ET.SubElement(file, _q("notes"))
    ET.SubElement(notes, _q("note"), id="n" + payload).text = payload
    group = ET.SubElement(ET.SubElement(file, _q("metadata", MDA)), _q("metaGroup", MDA), category="document")
    ET.SubElement(group, _q("meta", MDA), type="title").text = "标题" + payload
    ET.SubElement(group, _q("meta", MDA), type="glossary-sha256").text = payload
    ET.SubElement(group, _q("meta", MDA), type="source-file").text = "report.txt" + payload
    ET.SubElement(group, _q("meta", MDA), type="translated").text = "2024-01-01" + payload  # not a date: left out
    for number, kind in enumerate(("heading", "paragraph", "paragraph"), start=1):
        unit = ET.SubElement(file, _q("unit"), id=f"u{number}{payload}", type=f"zhen:{kind}", name=payload)
        if kind == "heading":
            meta = ET.SubElement(ET.SubElement(unit, _q("metadata", MDA)), _q("metaGroup", MDA), category="block")
            ET.SubElement(meta, _q("meta", MDA), type="level").text = level
        segment = ET.SubElement(unit, _q("segment"), id=f"s{number}{payload}", state="translated")
        segment.set("subState", "zhen:" + payload)
        source = ET.SubElement(segment, _q("source"))
        source.text = "街道党工委" + payload
        mark = ET.SubElement(source, _q("mrk"), id="m" + payload, type="term", value=payload)
        mark.text = "放管服"
        mark.tail = "。"
        ET.SubElement(segment, _q("target")).text = f"Target {number} {payload}"
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"


def hostile_xliff12(
    payload: str, original: str = "report", src: str = "zh", trg: str = "en", level: str = "2"
) -> bytes:
    """An XLIFF 1.2 file with ``payload`` in every field it carries."""
    q = lambda tag: f"{{{XLIFF12}}}{tag}"  # noqa: E731
    root = ET.Element(q("xliff"), version="1.2")
    attributes = {"original": original, "source-language": src, "target-language": trg, "datatype": payload}
    file = ET.SubElement(root, q("file"), attributes)
    header = ET.SubElement(file, q("header"))
    for fact, value in (
        ("title", "标题"),
        ("glossary-sha256", ""),
        ("source-file", "report.txt"),
        ("translated", "2024"),
    ):
        ET.SubElement(header, q("note"), {"from": f"zhen-publish:{fact}"}).text = value + payload
    body = ET.SubElement(file, q("body"))
    for number, kind in enumerate(("heading", "paragraph", "paragraph"), start=1):
        group = ET.SubElement(body, q("group"), id=f"u{number}{payload}", restype=f"x-{kind}", resname=payload)
        if kind == "heading":
            context = ET.SubElement(group, q("context-group"), name="zhen-publish:u1")
            ET.SubElement(context, q("context"), {"context-type": "x-level"}).text = level
        unit = ET.SubElement(group, q("trans-unit"), id=f"s{number}{payload}")
        source = ET.SubElement(unit, q("source"))
        source.text = "街道党工委" + payload
        mark = ET.SubElement(source, q("mrk"), mtype="term", comment=payload)
        mark.text = "放管服"
        mark.tail = "。"
        target = ET.SubElement(unit, q("target"), {"state": payload, "state-qualifier": "x-" + payload})
        target.text = f"Target {number} {payload}"
        ET.SubElement(unit, q("note"), {"from": payload}).text = payload
        alternative = ET.SubElement(unit, q("alt-trans"), {"match-quality": payload, "origin": payload})
        ET.SubElement(alternative, q("target")).text = payload
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


HOSTILE = {"2.1": hostile_xliff, "1.2": hostile_xliff12}


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("version", sorted(HOSTILE))
def test_markup_in_every_xliff_field_is_shown_as_text_and_fetches_nothing(
    run, tmp_path, secret, loopback_server, version
):
    url, requests = loopback_server
    payload = _payload(secret, url)
    xliff = tmp_path / "hostile.zh-en.xlf"
    xliff.write_bytes(HOSTILE[version](payload))
    out = tmp_path / "out"
    result = run("publish", str(xliff), "--out", str(out), "--index")
    assert result.code == 0, result.err
    pdf = out / "hostile.zh-en.pdf"  # named after the file, whatever its original says
    reader = pypdf.PdfReader(pdf)
    assert list(reader.attachments) == []
    assert b"TOP-SECRET" not in pdf.read_bytes()
    assert requests == []
    text = pdf_text(pdf)
    assert '<link rel="attachment"' in text  # shown to the reader as the text it is
    assert "Target 2" in text and "TOP-SECRET" not in text
    with zipfile.ZipFile(out / "hostile.zh-en.docx") as docx_file:
        body = docx_file.read("word/document.xml").decode("utf-8")
    assert "&lt;link rel=" in body and "<link" not in body  # text in the DOCX's XML as well, not markup
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "&lt;link rel=" in index and "<link" not in index and "<img" not in index  # the index escapes it too


def test_the_renderer_itself_refuses_every_url_but_its_own_stylesheet(tmp_path, secret, loopback_server):
    """Defence in depth: even markup that got into the HTML loads nothing."""
    url, requests = loopback_server
    html = (
        f'<html><head><link rel="stylesheet" href="zhen-resource:ours.css">'
        f'<link rel="stylesheet" href="{url}/theirs.css"><link rel="attachment" href="file://{secret}">'
        f'<link rel="attachment" href="data:text/plain,hello"></head>'
        f'<body><p class="big">text</p><img src="file://{secret}"><img src="{url}/i.png"></body></html>'
    )
    pdf, refused, _ = html_to_pdf(html, {"ours.css": (b"@page { size: A5 }", "text/css")})
    reader = pypdf.PdfReader(__import__("io").BytesIO(pdf))
    assert round(float(reader.pages[0].mediabox.width)) == 420  # A5: our stylesheet was served
    assert list(reader.attachments) == []
    assert requests == []
    assert sorted(refused) == sorted(
        [f"{url}/theirs.css", f"file://{secret}", "data:text/plain,hello", f"file://{secret}", f"{url}/i.png"]
    )


@pytest.mark.parametrize(
    "original",
    ["../../escaped", "/tmp/escaped-absolute", "..", "a/../../b", "sub\\..\\..\\c", ".hidden", "x\t\u202egpj\n.exe"],
)
@pytest.mark.parametrize("version", sorted(HOSTILE))
def test_xliff_original_never_puts_a_file_outside_the_output_folder(run, tmp_path, original, version):
    """Outputs are named after the XLIFF file, so the same hostile names go into the file's name where a file
    system allows them (not '/'), and into its ``original``, which no output is named after."""
    name = original if "/" not in original and original != ".." else "t"
    xliff = tmp_path / "in" / f"{name}.zh-en.xlf"
    xliff.parent.mkdir()
    xliff.write_bytes(HOSTILE[version]("", original=original))
    out = tmp_path / "deep" / "out"
    before = set(tmp_path.rglob("*"))
    result = run("publish", str(xliff), "--out", str(out), "--format", "docx")
    assert result.code == 0, result.err
    created = set(tmp_path.rglob("*")) - before
    assert created and all(path.parent == out or out.is_relative_to(path) for path in created), created
    names = [p.name for p in out.iterdir()]
    assert all(
        not name.startswith(".") and "\u202e" not in name and "\t" not in name and "\n" not in name for name in names
    )


@pytest.mark.parametrize("attribute", ["src", "trg"])
@pytest.mark.parametrize("code", ["../../x", "en/../../y", "en.pdf", "zh CN", "a" * 60])
@pytest.mark.parametrize("version", sorted(HOSTILE))
def test_xliff_language_codes_must_be_bcp47(run, tmp_path, attribute, code, version):
    xliff = tmp_path / "t.zh-en.xlf"
    xliff.write_bytes(HOSTILE[version]("", **{attribute: code}))
    result = run("publish", str(xliff), "--out", str(tmp_path / "out"))
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1 and str(xliff) in result.err
    assert not (tmp_path / "out").exists()


def test_translate_refuses_a_target_language_that_is_not_a_tag(run, tmp_path):
    result = run("translate", str(tmp_path), "--to", "../../x")
    assert result.code == 2 and "not a language tag" in result.err


def test_long_and_odd_stems_make_short_distinct_names():
    long_a, long_b = "报告" * 200 + "甲", "报告" * 200 + "乙"
    assert safe_stem(long_a) != safe_stem(long_b)
    assert len(safe_stem(long_a).encode()) <= MAX_STEM_BYTES
    assert safe_stem("2024年政府工作报告") == "2024年政府工作报告"
    assert safe_stem("..") == safe_stem("") == safe_stem("/") == "document"
    assert "/" not in safe_stem("a/b") and not safe_stem("...x").startswith(".")
    assert safe_stem("CON") != "CON"


@pytest.mark.parametrize("tag", ["zh", "en", "zh-Hans", "zh-Hant-TW", "en-GB", "de-CH-1901", "x-private"])
def test_well_formed_language_tags_pass(tag):
    assert is_language_tag(tag)


@pytest.mark.parametrize("level", ["abc", "0", "-3", "99", "１"])
@pytest.mark.parametrize("version", sorted(HOSTILE))
def test_a_bad_heading_level_is_one_line(run, tmp_path, level, version):
    xliff = tmp_path / "t.zh-en.xlf"
    xliff.write_bytes(HOSTILE[version]("", level=level))
    result = run("publish", str(xliff), "--out", str(tmp_path / "out"))
    assert result.code == 2
    assert "heading level" in result.err and len(result.err.strip().splitlines()) == 1
