"""What the engine tests share: a small report with glossary terms and a number, the main job run on it
against a server, and what the run left (the XLIFF's segments, qa.json, the memory's MT units)."""

from __future__ import annotations

import json
import time

import pytest

from glossary.entry import COLUMNS
from translate.bitext import read_xliff
from translate.memory import memory_at

REPORT = "西城街道工作报告\n\n街道党工委召开会议。全年新增就业1200人。\n\n党工委书记讲话。会议圆满结束。\n"
SEGMENTS = 5  # the title and four sentences


@pytest.fixture
def glossary_file(tmp_path):
    path = tmp_path / "g.tsv"
    rows = [COLUMNS, ("党工委", "Party Working Committee", "approved", "", "", "", "party", "", "")]
    rows.append(("就业", "employment", "approved", "", "", "", "society", "", ""))
    path.write_text("\n".join("\t".join(cells) for cells in rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def run_engine(run, tmp_path, report, glossary_file, engine: list[str], *extra):
    """``translate REPORT`` with these engine options, its output and memory in ``tmp_path``; the result
    carries how long the run took (``seconds``)."""
    arguments = ["translate", str(report), *engine, "--format", "xlf", "--out", str(tmp_path / "out")]
    arguments += ["--tm", str(tmp_path / "tm.sqlite"), "--glossary", str(glossary_file)]
    memory_at(tmp_path / "tm.sqlite")  # a named memory must be there: the project's own, made once
    started = time.monotonic()
    result = run(*arguments, *extra)
    result.seconds = time.monotonic() - started
    return result


def segments(tmp_path):
    return read_xliff(tmp_path / "out" / "report.zh-en.xlf").segments


def qa(tmp_path):
    return json.loads((tmp_path / "out" / "report.zh-en.qa.json").read_text(encoding="utf-8"))


def mt_units(tmp_path):
    return [u for u in memory_at(tmp_path / "tm.sqlite").units() if u.origin == "mt"]
