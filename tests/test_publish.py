"""Publishing: no PDF with tofu, fonts checked first, bad XLIFF refused cleanly."""

from __future__ import annotations

import json
import re
import subprocess

import docx
import pytest

from foundation.errors import UserError


def test_a_character_no_font_has_is_marked_in_the_pdf_and_named_by_qa(installed_model, run, tmp_path):
    source = tmp_path / "odd.txt"
    source.write_text("西城街道推进工作\U000f0001。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("translate", str(source), "--out", str(out))
    assert result.code == 0, result.err
    assert "no installed font has \U000f0001 [U+F0001]: marked in the PDF" in result.out
    assert "apt-get install" not in result.out  # no font package would help with a private-use character
    pdf_text = subprocess.run(["pdftotext", str(out / "odd.zh-en.pdf"), "-"], capture_output=True, text=True).stdout
    assert re.search(r"推进工作\s*\[U\+F0001\]", pdf_text)
    findings = json.loads((out / "odd.zh-en.qa.json").read_text(encoding="utf-8"))
    assert findings["by_check"].get("no-glyph") == 1
    assert "\U000f0001" in (out / "odd.zh-en.xlf").read_text(encoding="utf-8")  # the character itself is kept
    assert "\U000f0001" in docx.Document(str(out / "odd.zh-en.docx")).tables[0].rows[1].cells[0].text
    assert run("translate", str(source), "--out", str(out), "--strict").code == 1


def test_emoji_are_drawn_by_the_emoji_font(packages_dir, run, tmp_path):
    source = tmp_path / "emoji.txt"
    source.write_text("群众满意度大幅提升😀👍。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("translate", str(source), "--engine", "none", "--out", str(out), "--format", "pdf")
    assert result.code == 0, result.err
    assert "marked in the PDF" not in result.out
    fonts = subprocess.run(["pdffonts", str(out / "emoji.zh-en.pdf")], capture_output=True, text=True).stdout
    assert "Noto-Color-Emoji" in fonts


def test_rare_cjk_characters_without_a_glyph_point_to_the_font_package(monkeypatch):
    import publish.fonts as fonts

    monkeypatch.setattr(fonts, "FONT_CHAIN", fonts.FONT_CHAIN[:1])  # as if the fallback fonts were not installed
    coverage = fonts.fonts_for("西城\U0002a6a5")
    assert coverage.missing == ["\U0002a6a5"] and "apt-get install fonts-hanazono" in coverage.advice()


def test_the_font_chain_adds_only_the_faces_a_text_needs(monkeypatch):
    import publish.fonts as fonts

    coverage = {"Body": set("西城街道"), "Fallback": set("涑溇"), "Unused": set("涑"), "Emoji": {"😀"}}
    monkeypatch.setattr(fonts, "FONT_CHAIN", tuple((family, f"fonts-{family.lower()}") for family in coverage))
    monkeypatch.setattr(fonts, "find_font", lambda family: fonts.FontFace(family, f"/{family}.ttf", 0))
    monkeypatch.setattr(fonts, "_codepoints", lambda face: frozenset(map(ord, coverage[face.family])))
    assert [f.family for f in fonts.fonts_for("西城街道").faces] == ["Body"]
    chosen = fonts.fonts_for("西城涑溇街道 😀\u200d\ufe0f")  # white space, joiners and selectors need no glyph
    assert ([f.family for f in chosen.faces], chosen.missing) == (["Body", "Fallback", "Emoji"], [])
    assert fonts.fonts_for("西城\u4e28").missing == ["\u4e28"]


def test_missing_body_font_names_the_package(monkeypatch):
    import publish.fonts as fonts

    monkeypatch.setattr(fonts, "FONT_CHAIN", (("No Such Font CJK", "fonts-no-such"),))
    with pytest.raises(UserError, match="apt-get install fonts-no-such"):
        fonts.fonts_for("中文")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<xliff", "not well-formed XML"),
        (b'<?xml version="1.0"?><html/>', "not an XLIFF file (2.x or 1.2)"),
        (
            b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="zh"><file id="f">'
            b'<unit id="u1"><segment id="s1" state="done"><source>x</source></segment></unit></file></xliff>',
            "unknown state 'done'",
        ),
    ],
)
def test_bad_xliff_is_refused_in_one_line(run, tmp_path, content, message):
    path = tmp_path / "bad.zh-en.xlf"
    path.write_bytes(content)
    result = run("publish", str(path))
    assert result.code == 2
    assert message in result.err and str(path) in result.err
    assert list(tmp_path.iterdir()) == [path]


def test_publish_refuses_unknown_formats(run, tmp_path):
    result = run("publish", str(tmp_path / "x.xlf"), "--format", "epub")
    assert result.code == 2 and "unknown format epub" in result.err


def test_chinese_column_in_the_script_asked_for(packages_dir, run, tmp_path):
    import subprocess

    from .conftest import SEEDS

    out = tmp_path / "out"
    seed = SEEDS / "000_fd68bde13d4caed7.txt"
    result = run("translate", str(seed), "--engine", "none", "--zh-script", "traditional", "--out", str(out))
    assert result.code == 0, result.err
    pdf = out / f"{seed.stem}.zh-en.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "黨工委" in text and "党工委" not in text
    assert "党工委" in (out / f"{seed.stem}.zh-en.xlf").read_text(encoding="utf-8")  # the file keeps the original
    again = run("publish", str(out / f"{seed.stem}.zh-en.xlf"), "--zh-script", "original", "--format", "pdf")
    assert again.code == 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "党工委" in text


def test_publish_checks_the_post_edited_translation_again(packages_dir, run, tmp_path):
    import json

    source = tmp_path / "r.txt"
    source.write_text("西城街道党工委推进各项工作。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run("translate", str(source), "--engine", "none", "--format", "xlf", "--out", str(out)).code == 0
    xlf = out / "r.zh-en.xlf"
    text = xlf.read_text(encoding="utf-8")
    wrong, right = "The Xicheng Street Party committee works.", "The Xicheng Subdistrict Party Work Committee works."
    edited = text.replace("</source>\n", f"</source>\n        <target>{wrong}</target>\n")
    edited = edited.replace('state="initial"', 'state="translated"')
    xlf.write_text(edited, encoding="utf-8")
    result = run("publish", str(xlf), "--strict")
    assert result.code == 1 and "QA errors" in result.out
    checks = {i["check"] for f in json.loads((out / "r.zh-en.qa.json").read_text())["findings"] for i in f["issues"]}
    assert {"missing-term", "avoided-term"} <= checks
    fixed = edited.replace(wrong, right)
    xlf.write_text(fixed, encoding="utf-8")
    assert run("publish", str(xlf), "--strict").code == 0


def test_page_geometry_is_read_from_the_stylesheet():
    from publish.page import parse_page

    geometry = parse_page(
        "@page { size: A5 landscape; margin: 10mm 12mm; @top-center { content: 'x' } }\n"
        "html { font-size: 12pt; line-height: 1.4 }\ntable.bitext td { padding: 1mm 2mm }"
    )
    assert (geometry.width_mm, geometry.height_mm) == (210, 148)
    assert geometry.margins_mm == (10, 12, 10, 12)
    assert (geometry.font_pt, geometry.line_height, geometry.cell_padding_mm) == (12, 1.4, (1, 2))
    with pytest.raises(ValueError, match="page geometry"):
        parse_page("html { font-size: 12pt }")


def test_the_docx_and_the_pdf_have_the_same_page(packages_dir, run, tmp_path):
    import pypdf

    from publish.page import page

    source = tmp_path / "short.txt"
    source.write_text("西城街道推进工作。\n", encoding="utf-8")
    assert run("translate", str(source), "--engine", "none", "--out", str(tmp_path)).code == 0
    mediabox = pypdf.PdfReader(tmp_path / "short.zh-en.pdf").pages[0].mediabox
    pdf_mm = (round(float(mediabox.width) * 25.4 / 72), round(float(mediabox.height) * 25.4 / 72))
    section = docx.Document(str(tmp_path / "short.zh-en.docx")).sections[0]
    docx_mm = (round(section.page_width.mm), round(section.page_height.mm))
    assert pdf_mm == docx_mm == (round(page().width_mm), round(page().height_mm)) == (210, 297)
    top, _, _, left = page().margins_mm
    assert (round(section.top_margin.mm, 1), round(section.left_margin.mm, 1)) == (top, left) == (20, 18)


def test_the_seeds_published_from_their_reference_translations(packages_dir, run, tmp_path):
    """The English shipped beside the seeds fills every segment, passes QA, and the PDF reads as English."""
    from .conftest import SEEDS

    memory = tmp_path / "tm.sqlite"
    for tmx in sorted(SEEDS.glob("*.en.tmx")):
        assert run("translate", "tm", "import", str(tmx), "--tm", str(memory)).code == 0
    out = tmp_path / "out"
    result = run("translate", str(SEEDS), "--engine", "none", "--tm", str(memory), "--out", str(out), "--strict")
    assert result.code == 0, result.out + result.err
    assert "107 segments: 107 from memory (human)" in result.out and "0 untranslated" in result.out
    pdf = out / "003_6fa28a9df15b94fd.zh-en.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era" in " ".join(text.split())
    assert "\u2010" not in text  # words broken at a line end take the body font's own hyphen, not a fallback glyph
    assert re.search(r"[a-z]-\n", text)  # and lines are hyphenated
    table = docx.Document(str(out / "003_6fa28a9df15b94fd.zh-en.docx")).tables[0]
    english = [row.cells[1].text for row in table.rows[1:]]
    assert all(english) and max(len(e) for e in english) > 1000  # every row filled; the long paragraphs too
