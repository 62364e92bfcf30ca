"""Translating a report again keeps what a person did in the XLIFF it replaces (issue 27, item 7)."""

from __future__ import annotations

import pytest

from review.translation_view import TranslationView, segment_version
from translate.bitext import read_xliff
from translate.memory import memory_at

from .test_glossary import row, tsv

REPORT = "街道党工委召开会议。\n\n全年新增就业1200人。\n\n会议结束。\n"


@pytest.fixture
def glossary_file(tmp_path):
    return tsv(tmp_path, row("党工委", "Party Working Committee"))


@pytest.fixture
def translated(run, tmp_path, glossary_file):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"

    def translate(*more: str):
        return run(
            "translate", str(report), "--engine", "none", "--out", str(out), "--glossary", str(glossary_file), *more
        )

    assert translate("--no-tm").code == 0
    return report, out / "report.zh-en.xlf", translate


def cat_tool_edit(xliff, english: str, after: str = "1200人。</source>") -> None:
    """What a CAT tool does: a target written into the file for the segment whose source ends so, and nothing
    else changed (its state stays as it was)."""
    data = xliff.read_bytes().decode()
    assert data.count(after) == 1
    xliff.write_bytes(data.replace(after, f"{after}<target>{english}</target>").encode())


def targets(xliff):
    return [segment.target for segment in read_xliff(xliff).segments]


def test_a_target_post_edited_in_a_cat_tool_survives_translating_again(translated):
    _, xliff, translate = translated
    cat_tool_edit(xliff, "Employment rose by 1,200.")
    assert "Employment rose by 1,200." in targets(xliff)
    result = translate("--no-tm")
    assert result.code == 0, result.err
    assert "kept 1 post-edited segment from report.zh-en.xlf" in result.out
    assert "Employment rose by 1,200." in targets(xliff)
    again = translate("--no-tm")  # and again: the kept target is still a person's
    assert "kept 1 post-edited segment" in again.out and "Employment rose by 1,200." in targets(xliff)


def test_a_review_app_save_survives_translating_again(translated, glossary_file):
    _, xliff, translate = translated
    view = TranslationView(xliff, glossary_file, None)
    segment = read_xliff(xliff).segments[2]
    view.save(segment.id, segment_version(segment), "The meeting ended.", "reviewed")
    result = translate("--no-tm")
    assert result.code == 0 and "kept 1 post-edited" in result.out
    after = read_xliff(xliff).segments[2]
    assert (after.target, after.origin) == ("The meeting ended.", "human")


def test_force_is_the_only_way_to_discard_them(translated):
    _, xliff, translate = translated
    cat_tool_edit(xliff, "Employment rose by 1,200.")
    result = translate("--no-tm", "--force")
    assert result.code == 0 and "kept" not in result.out
    assert "Employment rose by 1,200." not in targets(xliff)


def test_a_post_edit_whose_chinese_is_gone_goes_into_the_memory_or_stops_the_run(translated, tmp_path):
    report, xliff, translate = translated
    cat_tool_edit(xliff, "Employment rose by 1,200.")
    report.write_text("街道党工委召开会议。\n\n会议结束。\n", encoding="utf-8")  # the sentence was cut
    before = xliff.read_bytes()
    stopped = translate("--no-tm")
    assert stopped.code == 2
    assert "1 post-edited segment whose Chinese is no longer in the report" in stopped.err
    assert xliff.read_bytes() == before
    memory = tmp_path / "tm.sqlite"
    memory_at(memory)  # the team's memory, there already
    kept = translate("--tm", str(memory))
    assert kept.code == 0, kept.err
    assert "1 post-edit of sentences no longer in the report went into the memory" in kept.out
    assert [u.target for u in memory_at(memory).units() if u.origin == "human"] == ["Employment rose by 1,200."]


def test_an_xliff_it_cannot_read_or_of_another_report_is_not_replaced(run, translated, tmp_path):
    report, xliff, translate = translated
    xliff.write_bytes(xliff.read_bytes().replace(b"</xliff>", b""))  # cut short
    broken = xliff.read_bytes()
    result = translate("--no-tm")
    assert result.code == 2 and "cannot read" in result.err and "--force" in result.err
    assert xliff.read_bytes() == broken
    assert translate("--no-tm", "--force").code == 0
    other = tmp_path / "report.md"
    other.write_text("会议结束。\n", encoding="utf-8")
    result = run("translate", str(other), "--engine", "none", "--out", str(xliff.parent), "--no-tm")
    assert result.code == 2 and "is the translation of report.txt, not of report.md" in result.err
