"""Our XLIFF 1.2 and TMX in OmegaT, a CAT tool translators use (Debian's omegat, in console mode):
what it opens, what it pre-fills from our memory, and what it hands back to publish and import."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import docx
import pytest

from foundation.script import is_cjk
from translate.bitext import XLIFF12, read_xliff
from translate.memory import memory_at
from translate.tm_files import read_units, to_tmx

from .conftest import SEEDS

SEED = SEEDS / "000_fd68bde13d4caed7.txt"
PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>ZH-CN</source_lang>
    <target_lang>EN-GB</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneSmartChineseTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def omegat_project(folder: Path, sources: list[Path], memories: list[Path]) -> Path:
    for name in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (folder / name).mkdir(parents=True)
    (folder / "omegat.project").write_text(PROJECT, encoding="utf-8")
    for path in sources:
        (folder / "source" / path.name).write_bytes(path.read_bytes())
    for path in memories:
        (folder / "tm" / "auto" / path.name).write_bytes(path.read_bytes())
    return folder


def omegat_translate(project: Path) -> None:
    """OmegaT's console mode: load the project, fill from tm/auto, write target/ and the statistics."""
    home = project.parent / "omegat-home"
    home.mkdir(exist_ok=True)
    result = subprocess.run(
        ["omegat", str(project), "--mode=console-translate"],
        capture_output=True,
        text=True,
        timeout=300,
        env={"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )
    assert result.returncode == 0 and "Finished" in result.stdout, result.stdout[-2000:] + result.stderr[-2000:]


def translated_share(project: Path) -> tuple[int, int]:
    """(segments, translated segments) from omegat/project_stats.txt."""
    stats = (project / "omegat" / "project_stats.txt").read_text(encoding="utf-8")
    total = int(re.search(r"^Total:\s+(\d+)", stats, re.M).group(1))
    remaining = int(re.search(r"^Remaining:\s+(\d+)", stats, re.M).group(1))
    return total, total - remaining


def memory_of(units, path: Path) -> Path:
    memory_at(path).add_human(units)
    return path


def test_omegat_fills_every_segment_of_our_xliff_from_our_tmx_and_we_take_its_file_back(run, tmp_path):
    """Half the seed's sentences are translated in our XLIFF 1.2, the other half are in our TMX in
    tm/auto: OmegaT's target file has every segment in English, and publish and import take it."""
    units = read_units(SEEDS / f"{SEED.stem}.en.tmx", 10**7).units
    ours, theirs = units[::2], units[1::2]
    memory = memory_of(ours, tmp_path / "ours.sqlite")
    result = run(
        "translate", str(SEED), "--engine", "none", "--tm", str(memory), "--xliff", "1.2", "--format", "xlf",
        "--out", str(tmp_path / "out"),
    )  # fmt: skip
    assert result.code == 0, result.err
    xliff = tmp_path / "out" / f"{SEED.stem}.zh-en.xlf"
    before = read_xliff(xliff)
    untranslated = [s for s in before.segments if not s.target]
    assert len(untranslated) >= len(before.segments) // 3  # a real half to fill
    tmx = tmp_path / "theirs.tmx"
    result = run("translate", "tm", "export", str(tmx), "--tm", str(memory_of(theirs, tmp_path / "theirs.sqlite")))
    assert result.code == 0, result.err

    project = omegat_project(tmp_path / "omegat", [xliff], [tmx])
    omegat_translate(project)
    filled = project / "target" / xliff.name
    root = ET.parse(filled).getroot()
    targets = ["".join(t.itertext()) for t in root.iter(f"{{{XLIFF12}}}target")]
    assert len(targets) == len(before.segments)
    assert all(t.strip() and not any(is_cjk(c) for c in t) for t in targets), [t for t in targets if not t.strip()]

    after = read_xliff(filled)
    english = {s.id: s.target for s in after.segments}
    from_omegat = {s.id: english[s.id] for s in untranslated}
    assert all(from_omegat.values())
    assert set(from_omegat.values()) <= {u.target for u in theirs}

    result = run("publish", str(filled), "--out", str(tmp_path / "published"))
    assert result.code == 0, result.err
    pdf = tmp_path / "published" / f"{SEED.stem}.zh-en.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(re.sub(r"(?<=[a-z])-\n(?=[a-z])", "", text).split())  # words hyphenated at line ends joined
    docx_text = " ".join(
        cell.text
        for table in docx.Document(str(pdf.with_suffix(".docx"))).tables
        for row in table.rows
        for cell in row.cells
    )
    sample = sorted(from_omegat.values(), key=len)[len(from_omegat) // 2]  # a sentence OmegaT wrote
    assert sample in docx_text
    assert " ".join(sample.split()[:6]) in flat

    result = run("translate", "import", str(filled), "--tm", str(tmp_path / "after.sqlite"))
    assert result.code == 0, result.err
    kept = {u.source: u for u in memory_at(tmp_path / "after.sqlite").units()}
    for segment in untranslated:
        assert kept[segment.normalized].target == english[segment.id]
        assert kept[segment.normalized].origin == "human"


def test_omegat_prefills_the_seeds_from_the_tmx_export_of_the_demo_memory(run, tmp_path):
    memory = tmp_path / "demo.sqlite"
    for tmx in sorted(SEEDS.glob("*.en.tmx")):
        assert run("translate", "tm", "import", str(tmx), "--tm", str(memory)).code == 0
    export = tmp_path / "demo.tmx"
    assert run("translate", "tm", "export", str(export), "--tm", str(memory)).code == 0
    project = omegat_project(tmp_path / "omegat", sorted(SEEDS.glob("*.txt")), [export])
    omegat_translate(project)
    total, translated = translated_share(project)
    assert total >= 100 and translated / total >= 0.95, (translated, total)


def test_the_tmx_holds_the_source_as_written_and_a_unit_exports_as_it_came_in(run, tmp_path):
    written = "2020年,街道党工委召开会议(扩大)。"  # ASCII commas and brackets, as the seeds write them
    tmx = tmp_path / "in.tmx"
    units = read_units(SEEDS / f"{SEED.stem}.en.tmx", 10**7).units[:1]
    tmx.write_bytes(to_tmx([units[0].__class__(units[0].source, "The committee met.", "human", written=written)]))
    memory = tmp_path / "tm.sqlite"
    assert run("translate", "tm", "import", str(tmx), "--tm", str(memory)).code == 0
    (stored,) = memory_at(memory).units()
    assert stored.source == "2020年，街道党工委召开会议（扩大）。"  # matched on the normalised form
    export = tmp_path / "out.tmx"
    assert run("translate", "tm", "export", str(export), "--tm", str(memory)).code == 0
    segs = [seg.text for seg in ET.parse(export).getroot().iter("seg")]
    assert segs == [written, "The committee met."]


@pytest.mark.parametrize("stem", sorted(p.stem for p in SEEDS.glob("*.txt")))
def test_a_translated_seed_exports_its_sentences_as_the_report_writes_them(run, tmp_path, stem):
    memory = tmp_path / "tm.sqlite"
    assert run("translate", "tm", "import", str(SEEDS / f"{stem}.en.tmx"), "--tm", str(memory)).code == 0
    report = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    sources = [u.source_as_written for u in memory_at(memory).units()]
    assert sum(source in report for source in sources) >= 0.95 * len(sources)
