"""Publishing names outputs after the XLIFF file they come from, never after the ``original`` inside it, and
never overwrites another document's outputs without ``--force``."""

from __future__ import annotations

import json
import shutil

import pytest

from translate.bitext import read_xliff

REPORT = "街道党工委召开会议。\n\n全年新增就业1200人。\n"


@pytest.fixture
def xliff(run, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    result = run(
        "translate", str(report), "--engine", "none", "--format", "xlf", "--out", str(tmp_path / "x"), "--no-tm"
    )
    assert result.code == 0, result.err
    return tmp_path / "x" / "report.zh-en.xlf"


def copy(xliff, to, target=""):
    """A copy of the XLIFF at ``to``, its first target changed to ``target`` when given (told apart in outputs)."""
    to.parent.mkdir(parents=True, exist_ok=True)
    data = xliff.read_bytes()
    to.write_bytes(data.replace(b"<target>", f"<target>{target}".encode(), 1) if target else data)
    return to


def test_two_xliffs_with_the_same_original_publish_to_two_sets_of_outputs(run, xliff, tmp_path):
    first, second = copy(xliff, tmp_path / "p" / "copy-a.xlf", "A."), copy(xliff, tmp_path / "p" / "copy-b.xlf", "B.")
    assert b'original="report"' in first.read_bytes() and b'original="report"' in second.read_bytes()
    result = run("publish", str(first), str(second), "--format", "docx")
    assert result.code == 0, result.err
    names = sorted(path.name for path in (tmp_path / "p").iterdir())
    outputs = ["zh-en.docx", "zh-en.qa.json"]
    assert names == ["copy-a.xlf", *(f"copy-a.{o}" for o in outputs), "copy-b.xlf", *(f"copy-b.{o}" for o in outputs)]
    assert json.loads((tmp_path / "p" / "copy-b.zh-en.qa.json").read_text())["xliff"] == "copy-b.xlf"


def test_another_documents_outputs_stop_publishing_unless_forced(run, xliff, tmp_path):
    a = copy(xliff, tmp_path / "a" / "report.zh-en.xlf", "A.")
    b = copy(xliff, tmp_path / "b" / "report.zh-en.xlf", "B.")
    pub = tmp_path / "pub"
    assert run("publish", str(a), "--out", str(pub), "--format", "docx").code == 0
    again = run("publish", str(a), "--out", str(pub), "--format", "docx")
    assert again.code == 0, again.err  # the same document again: its own outputs, replaced
    docx = (pub / "report.zh-en.docx").read_bytes()
    refused = run("publish", str(b), "--out", str(pub), "--format", "docx")
    assert refused.code == 2
    assert "already holds report.zh-en.docx, report.zh-en.qa.json, made from ../a/report.zh-en.xlf" in refused.err
    assert "--force" in refused.err and len(refused.err.strip().splitlines()) == 1
    assert (pub / "report.zh-en.docx").read_bytes() == docx
    forced = run("publish", str(b), "--out", str(pub), "--format", "docx", "--force")
    assert forced.code == 0, forced.err
    assert json.loads((pub / "report.zh-en.qa.json").read_text())["xliff"] == "../b/report.zh-en.xlf"


def test_two_files_of_one_name_in_one_run_publish_one_and_say_why_not_the_other(run, xliff, tmp_path):
    a = copy(xliff, tmp_path / "a" / "report.zh-en.xlf", "A.")
    b = copy(xliff, tmp_path / "b" / "report.zh-en.xlf", "B.")
    result = run("publish", str(a), str(b), "--out", str(tmp_path / "pub"), "--format", "docx")
    assert result.code == 2
    assert f"{b}: not published: its outputs would overwrite those of {a}" in result.err
    assert json.loads((tmp_path / "pub" / "report.zh-en.qa.json").read_text())["xliff"] == "../a/report.zh-en.xlf"


def test_a_file_of_that_name_not_made_by_us_is_kept(run, xliff, tmp_path):
    mine = tmp_path / "handout" / "report.zh-en.docx"
    mine.parent.mkdir()
    mine.write_bytes(b"the editor's own DOCX")
    result = run("publish", str(xliff), "--out", str(mine.parent), "--format", "docx")
    assert result.code == 2 and "not made by this tool from it" in result.err
    assert mine.read_bytes() == b"the editor's own DOCX"


def test_translate_then_publish_in_the_same_folder_is_one_documents_outputs(run, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    assert run("translate", str(report), "--engine", "none", "--out", str(out), "--no-tm").code == 0
    assert run("publish", str(out / "report.zh-en.xlf")).code == 0
    assert run("translate", str(report), "--engine", "none", "--out", str(out), "--no-tm").code == 0
    assert read_xliff(out / "report.zh-en.xlf").stem == "report"
    shutil.rmtree(out)
