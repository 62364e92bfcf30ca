"""The glossary store refuses what it cannot hold and never loses an entry:
odd text from the command line or an imported file is normalised or refused
in one line, and writers that run at once queue instead of overwriting each other."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest

import glossary.store as store
from glossary.review import review
from glossary.store import load_glossary

from .test_glossary import row, tsv


def test_tabs_and_line_breaks_in_a_note_become_spaces(run, tmp_path):
    path = tsv(tmp_path, row("区委", "district Party committee"))
    result = run(
        "glossary",
        "--glossary",
        str(path),
        "add",
        "网格员",
        "--en",
        "grid\tworker",
        "--note",
        "line one\nline\ttwo\r\n",
    )
    assert result.code == 0, result.err
    entry = load_glossary(path).find("网格员")  # read back: the file still loads
    assert (entry.en, entry.note) == ("grid worker", "line one line two")
    assert run("glossary", "--glossary", str(path), "check").code == 0
    assert load_glossary(path).find("区委").en == "district Party committee"


def test_a_headword_with_surrounding_spaces_is_trimmed_and_found_again(run, tmp_path):
    path = tsv(tmp_path, row("区委", "district Party committee"))
    assert run("glossary", "--glossary", str(path), "add", "  网格长 ", "--en", "grid head").code == 0
    assert load_glossary(path).find("网格长").en == "grid head"
    assert run("glossary", "--glossary", str(path), "set", " 网格长", "--status", "approved").code == 0
    assert load_glossary(path).find("网格长").status == "approved"
    assert run("glossary", "--glossary", str(path), "check").code == 0


def test_control_characters_are_refused_and_nothing_is_written(run, tmp_path):
    path = tsv(tmp_path, row("区委", "district Party committee"))
    before = path.read_bytes()
    result = run("glossary", "--glossary", str(path), "add", "网格员", "--en", "grid\x1b[31m worker")
    assert result.code == 2 and "control character" in result.err and len(result.err.splitlines()) == 1
    assert path.read_bytes() == before


def test_csv_import_with_quoted_line_breaks_and_tabs_keeps_the_glossary_loadable(run, tmp_path):
    path = tsv(tmp_path, row("区委", "district Party committee"))
    incoming = tmp_path / "colleague.csv"
    incoming.write_text('zh,en\n"网格员","grid\nworker"\n"\t接诉即办 ","handling\tcomplaints promptly"\n', "utf-8")
    result = run("glossary", "--glossary", str(path), "import", str(incoming))
    assert result.code == 0, result.err
    saved = load_glossary(path)
    assert saved.find("网格员").en == "grid worker"
    assert saved.find("接诉即办").en == "handling complaints promptly"
    assert run("glossary", "--glossary", str(path), "check").code == 0


def test_tbx_import_normalises_notes_and_refuses_a_term_that_holds_the_separator(run, tmp_path):
    path = tsv(tmp_path, row("区委", "district Party committee"))
    tbx = tmp_path / "colleague.tbx"
    concept = (
        '<termEntry><note>first line\n\tsecond line</note><langSet xml:lang="zh"><tig><term>网格员</term></tig>'
        '<tig><term>{variant}</term></tig></langSet><langSet xml:lang="en"><tig><term>grid\nworker</term></tig>'
        "</langSet></termEntry>"
    )
    document = '<martif type="TBX-Basic"><text><body>{}</body></text></martif>'
    tbx.write_text(document.format(concept.format(variant="网格管理员")), encoding="utf-8")
    assert run("glossary", "--glossary", str(path), "import", str(tbx)).code == 0
    entry = load_glossary(path).find("网格员")
    assert (entry.en, entry.note, entry.variants) == ("grid worker", "first line second line", ["网格管理员"])

    before = path.read_bytes()
    tbx.write_text(document.format(concept.format(variant="网格|员")).replace("网格员<", "网格长<"), "utf-8")
    result = run("glossary", "--glossary", str(path), "import", str(tbx))
    assert result.code == 2 and "'|'" in result.err and str(tbx) in result.err
    assert path.read_bytes() == before


def test_writers_running_at_once_all_keep_their_entries(tmp_path):
    path = tsv(tmp_path, row("区委", "district Party committee"))
    command = [sys.executable, "-m", "commands.glossary", "--glossary", str(path), "add"]
    writers = [subprocess.Popen([*command, f"并发条目{n}", "--en", f"entry {n}"]) for n in range(12)]
    assert [writer.wait(timeout=120) for writer in writers] == [0] * 12
    saved = load_glossary(path)
    assert {f"并发条目{n}" for n in range(12)} <= {e.zh for e in saved.entries}
    assert saved.find("区委") is not None


def test_a_review_decision_keeps_what_another_process_wrote_meanwhile(run, tmp_path):
    path = tsv(tmp_path, row("健康驿站", "health station", status="proposed"))
    glossary = load_glossary(path)

    def key_after_someone_else_adds(prompt: str) -> str:
        assert run("glossary", "--glossary", str(path), "add", "网格员", "--en", "grid worker").code == 0
        return "a"

    review(glossary, [], key=key_after_someone_else_adds)
    saved = load_glossary(path)
    assert saved.find("健康驿站").status == "approved"
    assert saved.find("网格员") is not None


def test_a_lock_held_too_long_is_one_line_and_changes_nothing(run, tmp_path, monkeypatch):
    path = tsv(tmp_path, row("区委", "district Party committee"))
    before = path.read_bytes()
    monkeypatch.setattr(store, "LOCK_TIMEOUT_SECONDS", 0.3)
    with open(tmp_path / f".{path.name}.lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        result = run("glossary", "--glossary", str(path), "add", "网格员", "--en", "grid worker")
    assert result.code == 2 and "lock" in result.err and len(result.err.splitlines()) == 1
    assert path.read_bytes() == before


@pytest.mark.parametrize("field", ["--variants", "--avoid"])
def test_list_items_are_trimmed_and_empty_ones_dropped(run, tmp_path, field):
    path = tsv(tmp_path, row("区委", "district Party committee"))
    assert run("glossary", "--glossary", str(path), "set", "区委", field, " 区党委 || 中共区委\t").code == 0
    entry = load_glossary(path).find("区委")
    assert (entry.variants if field == "--variants" else entry.avoid) == ["区党委", "中共区委"]


def test_eight_writers_at_once_lose_nothing_and_leave_no_lock_file(tmp_path):
    """The holder removes the lock file before letting go (a reviewer saw an empty .X.lock after every
    save); writers that waited on the removed file take the lock again on the new one."""
    path = tsv(tmp_path, row("区委", "district Party committee"))
    glossary = Path(sys.executable).parent / "glossary"
    environment = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    words = [f"测试{chr(0x4E00 + n)}词" for n in range(8)]
    writers = [
        subprocess.Popen([str(glossary), "--glossary", str(path), "add", word, "--en", f"term {n}"], env=environment)
        for n, word in enumerate(words)
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0] * 8
    stored = load_glossary(path)
    assert all(stored.find(word) for word in words) and len(stored.entries) == 9
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".lock")] == []
