"""One behaviour for the memory in a SQLite file and in a team's PostgreSQL database (issue 29): each test
that takes ``tm_location`` runs against both, the PostgreSQL one on a real server the tests start."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from translate.document import Segment, State
from translate.memory import Unit, memory_at, mt_key

from .paths import SEEDS

SEED_TMX = SEEDS / "000_fd68bde13d4caed7.en.tmx"


def segment(source: str) -> Segment:
    return Segment("s1", source, source, "", State.INITIAL, "", [])


def test_a_human_unit_wins_and_machine_output_never_replaces_it(tm_location):
    memory = memory_at(tm_location)
    source = "推进基层治理现代化。"
    memory.add_machine([(mt_key("argos", segment(source)), segment(source), "Machine English.")], "argos", "", "a.txt")
    memory.add_human([Unit(source, "Human English.", "human")])
    memory.add_machine([(mt_key("argos", segment(source)), segment(source), "Newer machine.")], "argos", "", "a.txt")
    assert memory.human([source])[source].target == "Human English."
    assert memory.machine([mt_key("argos", segment(source))]) == {mt_key("argos", segment(source)): "Newer machine."}
    assert memory.stats() == {"human": 1, "mt": 1, "sources": 1}
    assert {u.origin for u in memory.units()} == {"human", "mt"}


def test_the_later_of_two_human_edits_wins_and_the_earlier_stays_in_the_history(tm_location):
    memory = memory_at(tm_location)
    source = "党工委召开会议。"
    memory.add_human(
        [Unit(source, "The Party Working Committee met.", "human", changed="2026-01-02T10:00:00Z")], person="li"
    )
    memory.add_human(
        [Unit(source, "The Working Committee met.", "human", changed="2026-01-01T09:00:00Z")], person="wang"
    )
    assert memory.human([source])[source].target == "The Party Working Committee met."  # later by its time
    memory.add_human([Unit(source, "The Party Working Committee held a meeting.", "human")], person="zhao")  # now
    history = memory.history(source)
    assert [u.changer for u in history] == ["wang", "li", "zhao"]
    assert memory.human([source])[source].target == "The Party Working Committee held a meeting."


def test_the_same_units_again_add_nothing_and_an_older_copy_changes_nothing(tm_location, run):
    assert run("translate", "tm", "import", str(SEED_TMX), "--tm", str(tm_location)).code == 0
    first = {(u.source, u.target, u.changed, u.changer) for u in memory_at(tm_location).units()}
    again = run("translate", "tm", "import", str(SEED_TMX), "--tm", str(tm_location))
    assert again.code == 0 and "0 stored as human" in again.out
    assert {(u.source, u.target, u.changed, u.changer) for u in memory_at(tm_location).units()} == first


def test_origins_sources_as_written_dates_and_people_survive_tmx_both_ways(tm_location, run, tmp_path):
    memory = memory_at(tm_location)
    written = "區委召開會議,部署工作。"  # Traditional script, an ASCII comma: normalised for matching
    unit = Unit(
        "区委召开会议，部署工作。",
        "The district committee met.",
        "human",
        "final",
        "2025-03-01T08:00:00Z",
        "2025-03-02T09:30:00Z",
        "report.xlf",
        "7",
        written,
    )
    memory.add_human([unit], person="Li Na")
    exported = tmp_path / "out.tmx"
    assert run("translate", "tm", "export", str(exported), "--tm", str(tm_location)).code == 0
    tu = ET.parse(exported).getroot().find("body/tu")
    assert (tu.get("creationid"), tu.get("changeid")) == ("Li Na", "Li Na")
    assert (tu.get("creationdate"), tu.get("changedate")) == ("20250301T080000Z", "20250302T093000Z")
    assert tu.find("tuv/seg").text == written
    copy = tmp_path / "copy.sqlite"
    assert run("translate", "tm", "import", str(exported), "--tm", str(copy)).code == 0
    (back,) = memory_at(copy).units()
    assert (back.source, back.written, back.created, back.changed, back.state) == (
        unit.source,
        written,
        unit.created,
        unit.changed,
        "final",
    )
    assert (back.creator, back.changer) == ("Li Na", "Li Na")


def test_csv_and_xliff_imports_feed_the_pipeline_alike(tm_location, run, tmp_path):
    import csv

    root = ET.parse(SEED_TMX).getroot()
    pairs = tmp_path / "pairs.csv"
    with pairs.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["zh", "en"])
        for tu in root.iter("tu"):
            writer.writerow([seg.text for seg in tu.iter("seg")])
    assert run("translate", "tm", "import", str(pairs), "--tm", str(tm_location)).code == 0
    out = tmp_path / "out"
    seed = str(SEEDS / "000_fd68bde13d4caed7.txt")
    first = run("translate", seed, "--engine", "none", "--tm", str(tm_location), "--out", str(out))
    assert first.code == 0 and "49 from memory (human)" in first.err + first.out, first.err
    other = tmp_path / "other.sqlite"
    xliff = out / "000_fd68bde13d4caed7.zh-en.xlf"
    assert run("translate", "tm", "import", str(xliff), "--tm", str(other)).code == 0
    assert {(u.source, u.target) for u in memory_at(other).units()} == {
        (u.source, u.target) for u in memory_at(tm_location).units()
    }


def test_fuzzy_matches_are_the_same_with_the_same_scores(postgres_server, run, tmp_path):
    from .postgres import fresh_database

    server = fresh_database(postgres_server, "fuzzy_alike")
    local = tmp_path / "tm.sqlite"
    for location in (local, server):
        for tmx in sorted(SEEDS.glob("*.en.tmx")):
            assert run("translate", "tm", "import", str(tmx), "--tm", str(location)).code == 0
    sources = [u.source for u in memory_at(local).units()]
    # each sentence with one character in five changed, or cut short, or as it is (no fuzzy match to itself)
    queries = (
        [s[:-4] + "。" for s in sources]
        + ["".join("改" if i % 5 == 2 else c for i, c in enumerate(s)) for s in sources]
        + sources[:5]
    )
    found = [memory_at(location).candidates(queries, 5) for location in (local, server)]
    shown = [[sorted((c.source, round(c.similarity, 6)) for c in hits) for hits in each] for each in found]
    assert shown[0] == shown[1]
    assert sum(map(bool, shown[0])) > len(sources)  # most queries found something


def test_the_trigram_index_serves_chinese(postgres_server):
    """On a memory of 20,000 sentences, the search for one goes through the trigram index on the sources."""
    import random

    from .postgres import fresh_database

    memory = memory_at(fresh_database(postgres_server, "explained"))
    draw = random.Random(29)
    characters = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    sentences = ["".join(draw.choices(characters, k=draw.randint(15, 60))) + "。" for _ in range(20_000)]
    memory.add_human([Unit(sentence, f"Sentence {n}.", "human") for n, sentence in enumerate(sentences)])
    memory._run("ANALYZE units", [()])
    query = sentences[77][:-6] + "改革发展。"
    plan = memory.explain_fuzzy(query)
    assert "units_by_trigram" in plan, plan
    assert memory.candidates([query])[0][0].source == sentences[77]


def test_a_password_in_the_address_is_refused_and_never_printed(run):
    result = run("translate", "tm", "stats", "--tm", "postgresql://zhen:hunter2@127.0.0.1:5432/zhen")
    assert result.code == 2 and "hunter2" not in result.out + result.err
    assert "PGPASSWORD" in result.err and "***" in result.err


@pytest.mark.parametrize(
    "given",
    [
        "postgresql://zhen@127.0.0.1:5432/zhen?password=hunter2",
        "postgresql://zhen@127.0.0.1:5432/zhen?user=zhen&password=hunter2",
        "host=127.0.0.1 password=hunter2 dbname=zhen",  # libpq's keyword form: no file of that name
    ],
)
def test_a_password_anywhere_in_the_address_is_refused_unprinted(run, monkeypatch, tmp_path, given):
    for command in (("translate", "tm", "stats", "--tm", given), ("translate", "tm", "copy", given, "x.sqlite")):
        result = run(*command)
        assert result.code == 2 and "hunter2" not in result.out + result.err, result.err
    monkeypatch.setenv("ZHEN_TM", given)
    result = run("translate", "tm", "stats")
    assert result.code == 2 and "hunter2" not in result.err and "ZHEN_TM" in result.err
    assert not list(tmp_path.glob("*hunter2*")) and not Path("host=127.0.0.1 password=hunter2 dbname=zhen").exists()


def test_a_memory_is_not_copied_into_itself(run, tmp_path):
    local = tmp_path / "tm.sqlite"
    assert run("translate", "tm", "import", str(SEED_TMX), "--tm", str(local)).code == 0
    result = run("translate", "tm", "copy", str(local), str(tmp_path / "." / "tm.sqlite"))
    assert result.code == 2 and "one memory" in result.err


def test_glossary_evidence_reads_the_memory_zhen_tm_names(postgres_server, run, monkeypatch):
    from .postgres import fresh_database

    team = fresh_database(postgres_server, "evidence_team")
    assert run("translate", "tm", "import", str(SEED_TMX), "--tm", team).code == 0
    monkeypatch.setenv("ZHEN_TM", team)
    result = run("glossary", "evidence", "--tm", "--limit", "3")
    assert result.code == 0 and result.out.startswith("49 parallel segments"), result.out + result.err


def test_a_server_that_is_down_is_one_line_and_nothing_is_written(run, tmp_path):
    down = "postgresql://zhen@127.0.0.1:9/zhen"  # nothing listens on the discard port
    out = tmp_path / "out"
    result = run(
        "translate", str(SEEDS / "000_fd68bde13d4caed7.txt"), "--engine", "none", "--tm", down, "--out", str(out)
    )
    assert result.code == 2 and len(result.err.strip().splitlines()) == 1, result.err
    assert "cannot be reached" in result.err and "Traceback" not in result.err
    assert not out.exists() or not any(out.iterdir())


def test_zhen_tm_names_the_memory_for_every_command(postgres_server, run, monkeypatch):
    from .postgres import fresh_database

    team = fresh_database(postgres_server, "team")
    monkeypatch.setenv("ZHEN_TM", team)
    assert run("translate", "tm", "import", str(SEED_TMX)).code == 0
    stats = run("translate", "tm", "stats")
    assert stats.code == 0 and stats.out.startswith(team) and " 49 human" in stats.out


def test_a_memory_copied_between_sqlite_and_postgresql_keeps_every_unit(postgres_server, run, tmp_path):
    from .postgres import fresh_database

    local = tmp_path / "tm.sqlite"
    memory = memory_at(local)
    memory.add_human([Unit("推进基层治理现代化。", "Human.", "human", creator="li", changer="wang")])
    source = "党工委召开会议。"
    memory.add_machine([(mt_key("argos", segment(source)), segment(source), "Machine.")], "argos", "", "a.txt")
    assert run("translate", "tm", "import", str(SEED_TMX), "--tm", str(local)).code == 0
    server = fresh_database(postgres_server, "copied")
    there = run("translate", "tm", "copy", str(local), server)
    assert there.code == 0 and "50 human and 1 MT units read" in there.out, there.out + there.err
    back = tmp_path / "back.sqlite"
    assert run("translate", "tm", "copy", server, str(back)).code == 0

    def everything(location):
        return sorted(
            (u.source, u.target, u.origin, u.created, u.changed, u.creator, u.changer, u.key, u.written)
            for u in memory_at(location).units()
        )

    assert everything(local) == everything(server) == everything(back)
    assert memory_at(back).machine([mt_key("argos", segment(source))])  # the MT unit still serves


def test_two_processes_making_the_schema_at_once_do_not_collide(postgres_server):
    from .postgres import fresh_database

    empty = fresh_database(postgres_server, "racing")
    script = textwrap.dedent(
        f"""
        from translate.memory import Unit, memory_at
        memory = memory_at({empty!r})
        memory.add_human([Unit("推进基层治理现代化。", "Human.", "human")])
        print(memory.stats()["human"])
        """
    )
    starts = [
        subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    results = [(process.wait(timeout=60), process.stdout.read(), process.stderr.read()) for process in starts]
    assert all(code == 0 for code, _, _ in results), results
    assert memory_at(empty).stats()["human"] == 1


def writers_script(location: str | Path, writer: int) -> str:
    """One of eight writers: imports (human units, some of one source with its own English, some shared
    with every writer), a reviewer's saves one by one, and a run's MT units, interleaved."""
    return textwrap.dedent(
        f"""
        from translate.document import Segment, State
        from translate.memory import Unit, memory_at, mt_key

        def machine(source):
            return Segment("s", source, source, "", State.INITIAL, "", [])

        memory = memory_at({str(location)!r})
        w = {writer}
        for batch in range(10):
            shared = range(batch * 5, batch * 5 + 5)
            memory.add_human([Unit(f"共同句子{{n}}。", f"Shared {{n}}.", "human") for n in shared])
            own = [Unit(f"写者{{w}}句{{batch}}-{{n}}。", f"W{{w}} {{batch}}-{{n}}.", "human") for n in range(20)]
            memory.add_human(own)
            memory.add_human([Unit("同一句子。", f"Reviewer {{w}}, edit {{batch}}.", "human")], person=f"r{{w}}")
            outputs = [machine(f"机器{{w}}-{{batch}}-{{n}}。") for n in range(10)] + [machine("同一句子。")]
            memory.add_machine([(mt_key("e", s), s, "MT.") for s in outputs], "e", "", "f.txt")
        assert not memory.problem, memory.problem
        """
    )


def test_eight_writers_at_once_lose_no_unit_and_replace_no_human_one(tm_location):
    memory_at(tm_location)  # made before the writers start (their making at once is tested above)
    writers = [
        subprocess.Popen([sys.executable, "-c", writers_script(tm_location, w)], stderr=subprocess.PIPE)
        for w in range(8)
    ]
    failures = [w.stderr.read() for w in writers if w.wait(timeout=300) != 0]
    assert not failures, failures
    memory = memory_at(tm_location)
    units = memory.units()
    human = [u for u in units if u.origin == "human"]
    assert len([u for u in human if u.source.startswith("共同句子")]) == 50  # shared: one each, not eight
    assert len([u for u in human if u.source.startswith("写者")]) == 8 * 10 * 20
    assert len(memory.history("同一句子。")) == 80  # every reviewer's every edit kept
    assert memory.human(["同一句子。"])["同一句子。"].target.startswith("Reviewer")  # MT never replaced it
    assert len([u for u in units if u.origin == "mt"]) == 8 * 10 * 10 + 1
