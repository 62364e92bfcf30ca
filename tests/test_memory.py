"""The translation memory: a human's translation is never lost, nothing is translated twice."""

from __future__ import annotations

import csv
import functools
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from foundation.errors import UserError
from glossary.store import load_glossary
from pipeline.job import Options, translate_file, translate_files
from translate.bitext import MTC, XLIFF
from translate.memory import Unit, memory_at

from .conftest import SEEDS, kill_after_first_line
from .paths import GWR_2024_EXCERPT
from .test_translation import CountingEngine as Counting


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


def xliff_only(out: Path, **extra) -> Options:
    return Options(formats=("xlf",), out_dir=out, **extra)


def test_a_second_run_of_the_seeds_makes_no_engine_calls(glossary, tmp_path):
    memory = memory_at(tmp_path / "tm.sqlite")
    first, second = Counting(), Counting()
    list(translate_files([SEEDS], glossary, first, memory, xliff_only(tmp_path / "a")))
    outcomes = list(translate_files([SEEDS], glossary, second, memory, xliff_only(tmp_path / "b")))
    assert first.seen and second.seen == []
    origins = sum((o.origins for o in outcomes), start=__import__("collections").Counter())
    assert set(origins) <= {"tm-mt", "glossary"} and origins["tm-mt"] > 90


def test_a_post_edited_xliff_imported_then_retranslated_keeps_every_human_sentence(glossary, run, tmp_path):
    seed = tmp_path / "report.txt"
    shutil.copy(SEEDS / "000_fd68bde13d4caed7.txt", seed)
    memory_path = tmp_path / "tm.sqlite"
    translate_file(seed, glossary, Counting(), memory_at(memory_path), xliff_only(tmp_path / "out"))
    xliff = tmp_path / "out" / "report.zh-en.xlf"
    tree = ET.parse(xliff)
    segments = list(tree.getroot().iter(f"{{{XLIFF}}}segment"))
    edited = {}
    for number, segment in enumerate(segments[2:8]):  # six sentences post-edited by a translator
        target = segment.find(f"{{{XLIFF}}}target")
        target.text = f"A human translation, number {number}."
        edited[segment.get("id")] = target.text
    segments[8].set("state", "final")  # one approved as it stands
    tree.write(xliff, encoding="utf-8", xml_declaration=True)
    result = run("translate", "import", str(xliff), "--tm", str(memory_path))
    assert result.code == 0, result.err
    assert "7 post-edited segments" in result.out

    seed.write_text(seed.read_text(encoding="utf-8") + "\n新增一段内容。\n", encoding="utf-8")  # a revised report
    engine = Counting()
    again = translate_file(seed, glossary, engine, memory_at(memory_path), xliff_only(tmp_path / "again"))
    by_id = {s.id: s for s in again.document.segments}
    assert {sid: by_id[sid].target for sid in edited} == edited
    assert all(by_id[sid].origin == "tm-human" for sid in [*edited, segments[8].get("id")])
    assert engine.seen == ["新增一段内容。"]  # only the new sentence went to the engine


def test_machine_output_never_overwrites_a_human_unit(glossary, tmp_path):
    memory = memory_at(tmp_path / "tm.sqlite")
    source = "社区开展文明实践活动。"
    memory.add_human([Unit(source, "Communities held civility practice activities.", "human", "final")])
    document = translate_file(_report(tmp_path, source), glossary, Counting(), memory, xliff_only(tmp_path)).document
    assert document.segments[0].target == "Communities held civility practice activities."
    assert memory.stats()["human"] == 1 and memory.human([source])[source].state == "final"


def _report(folder: Path, text: str) -> Path:
    path = folder / "r.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_near_matches_are_offered_in_the_xliff_and_used_only_when_asked(glossary, tmp_path):
    memory = memory_at(tmp_path / "tm.sqlite")
    memory.add_human([Unit("社区开展文明实践活动。", "Communities held civility practice activities.", "human")])
    report = _report(tmp_path, "社区开展文明实践宣传活动。")
    offered = translate_file(report, glossary, Counting(), memory, xliff_only(tmp_path / "a"))
    root = ET.parse(tmp_path / "a" / "r.zh-en.xlf").getroot()
    [match] = root.iter(f"{{{MTC}}}match")
    assert match.get("ref") == "#u1s1" and 75 <= float(match.get("similarity")) < 100
    assert match.find(f"{{{XLIFF}}}target").text == "Communities held civility practice activities."
    assert offered.document.segments[0].origin == "mt"  # offered, not used
    fresh = memory_at(tmp_path / "fresh.sqlite")  # without the first run's exact MT unit, which would win
    fresh.add_human([Unit("社区开展文明实践活动。", "Communities held civility practice activities.", "human")])
    filled = translate_file(report, glossary, Counting(), fresh, xliff_only(tmp_path / "b", fuzzy_fill=0.8))
    assert filled.document.segments[0].target == "Communities held civility practice activities."
    assert filled.document.segments[0].origin == "tm-fuzzy-human"


def test_the_official_2024_translation_imports_and_exports_as_tmx(run, tmp_path):
    reference = GWR_2024_EXCERPT
    memory_path = tmp_path / "tm.sqlite"
    result = run("translate", "tm", "import", str(reference), "--tm", str(memory_path))
    assert result.code == 0, result.err
    with reference.open(encoding="utf-8-sig") as handle:
        rows = sum(1 for row in csv.DictReader(handle) if row["中文"].strip() and row["英文"].strip())
    assert f"{rows} units read" in result.out
    stats = run("translate", "tm", "stats", "--tm", str(memory_path))
    assert stats.code == 0 and f"{memory_at(memory_path).stats()['human']} human" in stats.out
    exported = tmp_path / "memory.tmx"
    assert run("translate", "tm", "export", str(exported), "--tm", str(memory_path)).code == 0
    root = ET.parse(exported).getroot()
    units = root.findall("body/tu")
    assert root.get("version") == "1.4" and len(units) == memory_at(memory_path).stats()["human"]
    props = {p.get("type"): p.text for p in units[0].findall("prop")}
    assert props["x-origin"] == "human" and len(units[0].get("creationdate")) == 16  # 20261124T120000Z
    again = tmp_path / "again.sqlite"
    assert run("translate", "tm", "import", str(exported), "--tm", str(again)).code == 0
    original = {(u.source, u.target) for u in memory_at(memory_path).units()}
    assert {(u.source, u.target) for u in memory_at(again).units()} == original


def test_two_runs_at_once_on_one_memory_both_finish_and_lose_nothing(tmp_path):
    memory_path = tmp_path / "tm.sqlite"
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        sys.path.insert(0, {root!r})
        from glossary.store import load_glossary
        from pipeline.job import Options, translate_file
        from translate.memory import memory_at
        from tests.test_memory import Counting
        seed = Path(sys.argv[1])
        translate_file(seed, load_glossary(), Counting(), memory_at(Path({tm!r})),
                       Options(formats=("xlf",), out_dir=Path(sys.argv[2])))
        """
    ).format(root=str(Path(__file__).parent.parent), tm=str(memory_path))
    runs = [
        subprocess.Popen([sys.executable, "-c", script, str(seed), str(tmp_path / seed.stem)], stderr=subprocess.PIPE)
        for seed in sorted(SEEDS.glob("*.txt"))
    ]
    assert [r.wait(timeout=300) for r in runs] == [0, 0], [r.stderr.read() for r in runs]
    for r in runs:
        r.stderr.close()
    stored = {u.file for u in memory_at(memory_path).units() if u.origin == "mt"}
    assert {Path(f).name for f in stored} == {p.name for p in SEEDS.glob("*.txt")}


class LockedAtFirst(sqlite3.Connection):
    """A connection whose switch to WAL fails as SQLite fails one of two runs opening a new memory at once."""

    failures = 0

    def execute(self, sql, *parameters):
        if sql.startswith("PRAGMA journal_mode") and LockedAtFirst.failures:
            LockedAtFirst.failures -= 1
            raise sqlite3.OperationalError("database is locked")
        return super().execute(sql, *parameters)


@pytest.mark.parametrize("failures, opens", [(3, True), (10**6, False)])
def test_opening_a_memory_another_run_is_opening_waits_for_it_within_the_timeout(
    monkeypatch, tmp_path, failures, opens
):
    monkeypatch.setattr(
        "translate.memory.sqlite.sqlite3.connect", functools.partial(sqlite3.connect, factory=LockedAtFirst)
    )
    monkeypatch.setattr("translate.memory.sqlite.BUSY_TIMEOUT_SECONDS", 0.5)
    LockedAtFirst.failures = failures
    if opens:
        memory = memory_at(tmp_path / "tm.sqlite")
        memory.add_human([Unit("社区开展文明实践活动。", "Communities held activities.", "human")])
        assert (
            memory.human(["社区开展文明实践活动。"])["社区开展文明实践活动。"].target == "Communities held activities."
        )
    else:
        with pytest.raises(UserError, match="locked by another run"):
            memory_at(tmp_path / "tm.sqlite")


def test_an_import_killed_midway_leaves_the_memory_as_it_was_and_can_be_run_again(run, tmp_path):
    memory_path = tmp_path / "tm.sqlite"
    memory_at(memory_path).add_human([Unit("已有。", "Already there.", "human")])
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("zh,en\n" + "".join(f"句子{n}。,Sentence {n}.\n" for n in range(2000)), encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import time
        from translate.memory.sqlite import SQLiteMemory
        from commands.translate import main

        def stalled(self, statement, rows):
            with self._db:
                self._db.executemany(statement, rows)
                print("writing", flush=True)
                time.sleep(60)  # killed here, inside the transaction

        SQLiteMemory._run = stalled
        main(["tm", "import", {str(pairs)!r}, "--tm", {str(memory_path)!r}])
        """
    )
    assert kill_after_first_line(script) == b"writing\n"
    memory = memory_at(memory_path)
    assert memory._db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert memory.stats()["human"] == 1  # as it was before the import
    assert run("translate", "tm", "import", str(pairs), "--tm", str(memory_path)).code == 0
    assert memory_at(memory_path).stats()["human"] == 2001


def test_a_run_killed_midway_keeps_the_batches_it_finished_and_the_next_run_does_only_the_rest(glossary, tmp_path):
    memory_path, seed = tmp_path / "tm.sqlite", SEEDS / "000_fd68bde13d4caed7.txt"
    script = textwrap.dedent(
        """
        import sys, time
        from pathlib import Path
        sys.path.insert(0, {root!r})
        from glossary.store import load_glossary
        from pipeline.job import Options, translate_file
        from translate.memory import memory_at
        from tests.test_memory import Counting

        class SlowInBatches(Counting):
            def translate(self, sources, batch_done=None):
                outputs = super().translate(sources)
                for start in range(0, 30, 10):
                    batch_done(list(range(start, start + 10)), outputs[start : start + 10])
                print(len(sources), flush=True)
                time.sleep(60)  # killed here, with three batches done

        translate_file(Path({seed!r}), load_glossary(), SlowInBatches(), memory_at(Path({tm!r})),
                       Options(formats=("xlf",), out_dir=Path({out!r})))
        """
    ).format(root=str(Path(__file__).parent.parent), seed=str(seed), tm=str(memory_path), out=str(tmp_path))
    wanted = int(kill_after_first_line(script))
    assert memory_at(memory_path).stats()["mt"] == 30
    again = Counting()
    translate_file(seed, glossary, again, memory_at(memory_path), xliff_only(tmp_path / "again"))
    assert len(again.seen) == wanted - 30


def test_a_memory_made_before_sources_were_kept_as_written_opens_and_keeps_its_units(tmp_path):
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:  # the schema as it was, with one human unit
        db.executescript(
            "CREATE TABLE units (id INTEGER PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL, "
            "origin TEXT NOT NULL, state TEXT NOT NULL, engine TEXT NOT NULL DEFAULT '', key TEXT NOT NULL DEFAULT '', "
            "glossary_sha256 TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, changed TEXT NOT NULL, "
            "file TEXT NOT NULL DEFAULT '', segment TEXT NOT NULL DEFAULT '');"
            "INSERT INTO units (source, target, origin, state, created, changed) VALUES "
            "('党工委召开会议。', 'The committee met.', 'human', 'final', '2025-01-01', '2025-01-01');"
        )
    memory = memory_at(path)
    (unit,) = memory.units()
    assert (unit.source, unit.source_as_written, unit.target) == (
        "党工委召开会议。",
        "党工委召开会议。",
        "The committee met.",
    )
    memory.add_human([Unit("区委召开会议。", "The district committee met.", "human", written="区委召开会议.")])
    assert [u.source_as_written for u in memory_at(path).units()] == ["党工委召开会议。", "区委召开会议."]
