"""Broken and oversized input, damaged caches, unexpected failures: each is one
line naming the file, the other files of the batch are still done."""

from __future__ import annotations

import io
import os
import sqlite3
import zipfile

import docx
import pytest

import translate.memory.sqlite as cache_module
from foundation.errors import UserError
from translate.read import MB, read_document

from .test_inputs import SAMPLE, outputs


def errors_of(result, command="translate"):
    return [line for line in result.err.splitlines() if line.startswith(f"{command}:")]


def good_file(folder):
    path = folder / "good.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def docx_bytes(paragraph: str = "西城街道工作报告。") -> bytes:
    document = docx.Document()
    document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rezip(data: bytes, change) -> bytes:
    """The same .docx with ``change(name, bytes)`` applied to each part; extra parts from ``change(None, None)``."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, change(item.filename, source.read(item.filename)))
        for name, extra in change(None, None) or []:
            target.writestr(name, extra)
    return out.getvalue()


def test_docx_with_malformed_xml_is_one_line_and_the_batch_goes_on(packages_dir, run, tmp_path):
    bad = tmp_path / "malformed.docx"
    bad.write_bytes(
        rezip(docx_bytes(), lambda name, data: data[: len(data) // 2] if name == "word/document.xml" else data)
    )
    out = tmp_path / "out"
    result = run("translate", str(bad), str(good_file(tmp_path)), "--engine", "none", "--out", str(out))
    assert result.code == 2 and "Traceback" not in result.err
    [line] = errors_of(result)
    assert str(bad) in line and "malformed XML" in line
    assert outputs(out, "good") == ["good.zh-en.docx", "good.zh-en.pdf", "good.zh-en.qa.json", "good.zh-en.xlf"]


def test_docx_that_inflates_past_the_limit_is_refused_before_it_is_parsed(packages_dir, run, tmp_path, monkeypatch):
    bomb = tmp_path / "bomb.docx"
    zeros = b"\0" * (25 * MB)
    bomb.write_bytes(rezip(docx_bytes(), lambda name, data: data if name else [("word/media/image1.png", zeros)]))
    assert bomb.stat().st_size < MB  # small on disk
    monkeypatch.setattr(docx, "Document", lambda *a: pytest.fail("the .docx was parsed"))
    result = run("translate", str(bomb), "--engine", "none", "--max-input-mb", "1", "--out", str(tmp_path / "out"))
    assert result.code == 2
    [line] = errors_of(result)
    assert str(bomb) in line and "inflate to 26 MB, over the limit of 20 MB" in line


def test_text_over_the_input_limit_is_refused_and_the_limit_can_be_raised(packages_dir, run, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(("西城街道推进工作。" * 50_000 + "\n").encode("utf-8"))  # 1.35 MB
    out = tmp_path / "out"
    result = run(
        "translate", str(big), str(good_file(tmp_path)), "--engine", "none", "--max-input-mb", "1", "--out", str(out)
    )
    assert result.code == 2
    [line] = errors_of(result)
    assert str(big) in line and "over the input limit of 1 MB" in line and "--max-input-mb" in line
    assert outputs(out, "big") == [] and outputs(out, "good")
    assert read_document(big, 2 * MB).blocks  # with the limit raised it is read


def test_a_device_posing_as_a_text_file_cannot_run_forever(tmp_path):
    endless = tmp_path / "endless.txt"
    os.symlink("/dev/zero", endless)
    with pytest.raises(UserError, match="over the input limit of 1 MB"):
        read_document(endless, 1 * MB)


def test_a_very_long_file_name_still_gives_outputs(packages_dir, run, tmp_path):
    long = tmp_path / ("西城街道工作报告" * 10 + ".txt")  # 240 bytes of name
    long.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "out"
    result = run("translate", str(long), "--engine", "none", "--out", str(out))
    assert result.code == 0, result.err
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 4 and all(len(name.encode()) < 150 for name in names)
    assert all(name.startswith("西城街道工作报告") for name in names)


def test_a_damaged_memory_is_reported_never_deleted_and_the_documents_are_still_made(installed_model, run, tmp_path):
    cache = tmp_path / "data" / "zhen-publish" / "tm.sqlite"  # XDG_DATA_HOME is tmp_path/data in tests
    cache.parent.mkdir(parents=True)
    cache.write_bytes(os.urandom(4096))
    out = tmp_path / "out"
    result = run("translate", str(good_file(tmp_path)), "--out", str(out))
    assert result.code == 0, result.err
    [line] = errors_of(result)
    assert str(cache) in line and "damaged" in line and "restore it from a copy" in line and "--no-tm" in line
    assert cache.read_bytes() != b""  # the memory holds human work: never deleted
    assert len(outputs(out, "good")) == 4


def test_a_locked_memory_is_waited_for_a_bounded_time_then_reported(installed_model, run, tmp_path, monkeypatch):
    first = good_file(tmp_path)
    assert run("translate", str(first), "--out", str(tmp_path / "out")).code == 0  # the cache exists now
    cache = tmp_path / "data" / "zhen-publish" / "tm.sqlite"
    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT_SECONDS", 0.2)
    other = sqlite3.connect(cache, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another run in the middle of writing
    other.execute(
        "INSERT INTO units (source, target, origin, state, created, changed) "
        "VALUES ('s', 't', 'human', 'final', '', '')"
    )
    second = tmp_path / "second.txt"
    second.write_text("新注册企业共计达2378家，同比增长百分之十。\n", encoding="utf-8")
    try:
        result = run("translate", str(second), "--out", str(tmp_path / "out"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.code == 0, result.err
    [line] = errors_of(result)
    assert "locked by another run for over 0.2 s" in line and "--no-tm" in line
    assert len(outputs(tmp_path / "out", "second")) == 4


def test_an_unexpected_failure_is_one_line_and_the_other_files_are_done(packages_dir, run, tmp_path, monkeypatch):
    import pipeline.job

    real = pipeline.job.read_document

    def fails_on_one(path, *args):
        if path.name == "cursed.txt":
            raise RuntimeError("something nobody foresaw\nacross two lines")
        return real(path, *args)

    monkeypatch.setattr(pipeline.job, "read_document", fails_on_one)
    cursed = tmp_path / "cursed.txt"
    cursed.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "out"
    result = run("translate", str(cursed), str(good_file(tmp_path)), "--engine", "none", "--out", str(out))
    assert result.code == 2 and "Traceback" not in result.err
    [line] = errors_of(result)
    assert str(cursed) in line and "unexpected error (RuntimeError: something nobody foresaw across two lines)" in line
    assert "ZHEN_DEBUG=1" in line
    assert len(outputs(out, "good")) == 4
