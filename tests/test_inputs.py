"""Bad and unusual input files: one clear line, no partial output, the rest still done."""

from __future__ import annotations

import codecs

import docx
import pytest

from translate.read import read_document

from .conftest import SEEDS

SAMPLE = "西城街道党工委、办事处全面落实区委、区政府决策部署。\n新注册企业共计达2378家。\n"


def outputs(folder, stem):
    return sorted(p.name for p in folder.glob(f"{stem}.*")) if folder.exists() else []


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \r\n", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("notes.pdf", b"%PDF-1.4", "not a readable PDF"),
        ("slides.pptx", b"PK", "unsupported file type .pptx"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "not a readable .docx"),
    ],
)
def test_bad_file_gets_one_line_error_and_no_output(installed_model, run, tmp_path, name, data, message):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "out"
    result = run("translate", str(bad), str(good), "--to", "en", "--out", str(out))
    assert result.code == 2
    errors = [line for line in result.err.splitlines() if line.startswith("translate:")]
    assert len(errors) == 1 and str(bad) in errors[0] and message in errors[0], result.err
    assert "Traceback" not in result.err
    assert outputs(out, bad.stem) == []
    assert outputs(out, "good") == ["good.zh-en.docx", "good.zh-en.pdf", "good.zh-en.qa.json", "good.zh-en.xlf"]


TRADITIONAL_SAMPLE = "臺北市政府推動都市更新，新設立企業共計達二千三百家。\n區公所全面落實各項工作部署。\n"


@pytest.mark.parametrize(
    ("encoding", "prefix", "sample", "detected"),
    [
        ("utf-8", b"", SAMPLE, "UTF-8"),
        ("utf-8", codecs.BOM_UTF8, SAMPLE, "UTF-8"),
        ("gbk", b"", SAMPLE, "GB18030"),
        ("gb18030", b"", SAMPLE, "GB18030"),
        ("big5", b"", TRADITIONAL_SAMPLE, "Big5-HKSCS"),
        ("utf-16-le", codecs.BOM_UTF16_LE, SAMPLE, "UTF-16 LE"),
        ("utf-16-be", codecs.BOM_UTF16_BE, SAMPLE, "UTF-16 BE"),
        ("utf-16-le", b"", SAMPLE, "UTF-16 LE"),
        ("utf-16-be", b"", SAMPLE, "UTF-16 BE"),
    ],
)
def test_each_encoding_is_detected_and_named(tmp_path, encoding, prefix, sample, detected):
    path = tmp_path / "report.txt"
    path.write_bytes(prefix + sample.encode(encoding))
    document = read_document(path)
    assert [b.text for b in document.blocks] == sample.split()
    assert (document.encoding, document.encoding_guessed) == (detected, False)


def test_big5_is_not_taken_for_gb18030_though_it_decodes_as_it(tmp_path):
    data = TRADITIONAL_SAMPLE.encode("big5")
    assert data.decode("gb18030")  # no error: only plausibility tells them apart
    path = tmp_path / "taipei.txt"
    path.write_bytes(data)
    assert read_document(path).blocks[0].text == TRADITIONAL_SAMPLE.split()[0]


def test_an_uncertain_guess_is_said(packages_dir, run, tmp_path):
    path = tmp_path / "short.txt"
    path.write_bytes("價億".encode("big5"))  # in GB18030 the same bytes read 基货: both common characters
    result = run("translate", str(path), "--engine", "none", "--format", "xlf", "--out", str(tmp_path / "out"))
    assert result.code == 0, result.err
    assert "read as GB18030, a guess: check the Chinese" in result.out


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (bytes(range(128, 256)) * 8, "cannot tell the encoding: not UTF-8, GB18030, Big5 or UTF-16"),
        (b"\x00\xd8\x00\xd8" * 50, "binary file, not text (nor UTF-16)"),
    ],
)
def test_bytes_no_encoding_fits_are_one_line(run, packages_dir, tmp_path, data, message):
    path = tmp_path / "noise.txt"
    path.write_bytes(data)
    result = run("translate", str(path), "--engine", "none", "--out", str(tmp_path / "out"))
    assert result.code == 2
    assert result.err.strip() == f"translate: {path}: {message}"


def test_gbk_file_translates_through_the_cli(installed_model, run, tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(SAMPLE.encode("gbk"))
    result = run("translate", str(path), "--out", str(tmp_path / "out"), "--format", "xlf")
    assert result.code == 0, result.err
    assert "党工委" in (tmp_path / "out" / "gbk.zh-en.xlf").read_text(encoding="utf-8")


def test_missing_file_and_empty_folder_are_reported(installed_model, run, tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("translate", str(tmp_path / "nope.txt"), str(tmp_path / "empty"), "--out", str(tmp_path / "out"))
    assert result.code == 2
    assert (
        "no such file" in result.err and "no .txt, .md, .docx, .html, .htm, .pdf, .doc, .odt, .rtf files" in result.err
    )


def test_broken_lines_are_rejoined_and_headings_found():
    document = read_document(SEEDS / "000_fd68bde13d4caed7.txt")
    texts = [b.text for b in document.blocks]
    assert any("新建“江苏省健康菜市场”1家。" in t for t in texts)
    headings = [b.text for b in document.blocks if b.kind.value == "heading"]
    assert document.title == "西城街道： 全力打造“宜居、和美、幸福”新西城"
    assert "2021年重点工作安排" in headings and "一、盘活资产资源,挖掘发展新空间。" in headings
    assert "全力服务项目建设 协同保障扎实有力" in headings
    assert not any(h.startswith("场") for h in headings)


def test_document_without_heading_is_titled_by_its_file_name():
    document = read_document(SEEDS / "003_6fa28a9df15b94fd.txt")
    assert document.title == "003_6fa28a9df15b94fd"
    assert all(b.kind.value == "paragraph" for b in document.blocks)


def test_docx_headings_come_from_heading_styles(tmp_path):
    source = docx.Document()
    source.add_heading("2021年重点工作安排", level=1)
    source.add_paragraph("加快攻坚突破。全面完成拆迁。")
    source.add_heading("（一）城市经济", level=2)
    source.add_paragraph("")
    source.add_paragraph("深入谋划城市经济业态布局。")
    path = tmp_path / "plan.docx"
    source.save(path)
    document = read_document(path)
    assert [(b.kind.value, b.level, b.text) for b in document.blocks] == [
        ("heading", 1, "2021年重点工作安排"),
        ("paragraph", 1, "加快攻坚突破。全面完成拆迁。"),
        ("heading", 2, "（一）城市经济"),
        ("paragraph", 1, "深入谋划城市经济业态布局。"),
    ]
    assert document.title == "2021年重点工作安排"


def test_markdown_headings_and_paragraphs(tmp_path):
    path = tmp_path / "notes.md"
    text = "# 工作报告\n\n第一段**重点**内容,\n继续一行。\n\n## 二、民生\n\n- 新建[书屋](http://x)24家。\n"
    path.write_text(text, "utf-8")
    document = read_document(path)
    assert [(b.kind.value, b.text) for b in document.blocks] == [
        ("heading", "工作报告"),
        ("paragraph", "第一段重点内容,继续一行。"),
        ("heading", "二、民生"),
        ("paragraph", "新建书屋24家。"),
    ]


def test_html_page_saved_from_a_website(tmp_path):
    page = """<!DOCTYPE html><html><head><meta charset="gbk"><title>站点</title>
    <style>p { color: red }</style><script>var x = "不是正文";</script></head>
    <body><nav><a href="/">首页</a> | <a href="/zw">政务</a></nav>
    <h1>西城街道2021年工作报告</h1>
    <p>2020年,西城街道党工委、办事处&nbsp;全面贯彻党的十九大精神。</p>
    <p><strong>一、盘活资产资源,挖掘发展新空间。</strong></p>
    <div>加快攻坚突破。<br>全面完成拆迁。</div>
    <footer>版权所有</footer></body></html>"""
    path = tmp_path / "report.html"
    path.write_bytes(page.encode("gbk"))
    document = read_document(path)
    assert [(b.kind.value, b.level, b.text) for b in document.blocks] == [
        ("heading", 1, "西城街道2021年工作报告"),
        ("paragraph", 1, "2020年,西城街道党工委、办事处 全面贯彻党的十九大精神。"),
        ("heading", 2, "一、盘活资产资源,挖掘发展新空间。"),
        ("paragraph", 1, "加快攻坚突破。"),
        ("paragraph", 1, "全面完成拆迁。"),
    ]
    assert document.title == "西城街道2021年工作报告"
