"""The glossary and its tools: check, list, add/set, review, extract, exchange."""

from __future__ import annotations

import io
import sys

import pytest

from glossary.entry import COLUMNS
from glossary.exchange import from_tbx, to_tbx
from glossary.store import default_glossary_path, load_glossary

from .conftest import SEEDS

HEADER = "\t".join(COLUMNS)


def tsv(tmp_path, *rows: str):
    path = tmp_path / "g.tsv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def row(zh, en, status="approved", variants="", avoid="", domain="party", note="", source="", admitted=""):
    return "\t".join([zh, en, status, variants, admitted, avoid, domain, note, source])


def test_shipped_glossary_passes_check(run):
    result = run("glossary", "check")
    assert result.code == 0, result.err
    assert "0 problem(s)" in result.out


def test_shipped_glossary_is_large_and_sourced():
    glossary = load_glossary()
    assert len(glossary.entries) >= 400
    approved = glossary.by_status("approved")
    assert all(e.en for e in approved)
    assert sum(1 for e in approved if e.source or e.note) >= 0.9 * len(approved)


@pytest.mark.parametrize(
    ("rows", "line", "message"),
    [
        ((row("党工委", "Party Work Committee"), row("党工委", "Party Working Committee")), 3, "duplicate zh 党工委"),
        (
            (row("扫黑除恶", "anti-crime"), row("扫黑除恶专项斗争", "x", variants="扫黑除恶")),
            3,
            "rendered 'x'",
        ),
        ((row("党工委", "Party Work Committee"), row("街道党工委", "street Party committee")), 3, "does not contain"),
        ((row("区委", ""),), 2, "has no en"),
        ((row("区委", "district Party committee", status="final"),), 2, "unknown status 'final'"),
        ((row("区委", "district Party committee", domain="politics"),), 2, "unknown domain 'politics'"),
        ((row("区委", "district Party committee ", note="x"),), 2, "stray whitespace"),
        ((row("黨工委", "Party Work Committee"),), 2, "黨工委 is Traditional: store 党工委"),
        ((row("区委", "区 committee"),), 2, "Chinese in the English"),
        (("区委\tdistrict Party committee",), 2, "expected 12 tab-separated columns"),
    ],
)
def test_check_names_the_line_of_each_problem(run, tmp_path, rows, line, message):
    path = tsv(tmp_path, *rows)
    result = run("glossary", "--glossary", str(path), "check")
    assert result.code == 1
    assert f"{path}:{line}: " in result.err and message in result.err, result.err


def test_a_longer_term_may_depart_from_a_shorter_one_when_its_note_says_so(run, tmp_path):
    path = tsv(
        tmp_path,
        row("社区", "community"),
        row("社区干部", "neighbourhood officials", note="not 'community': the usual English for these posts"),
    )
    assert run("glossary", "--glossary", str(path), "check").code == 0


def test_translate_refuses_a_malformed_glossary_naming_the_line(packages_dir, run, tmp_path):
    path = tsv(tmp_path, row("区委", "district Party committee"), "broken line")
    result = run("translate", str(SEEDS), "--glossary", str(path), "--engine", "none", "--out", str(tmp_path / "o"))
    assert result.code == 2 and f"{path}:3:" in result.err
    assert not (tmp_path / "o").exists()


def test_list_filters(run):
    result = run("glossary", "list", "--domain", "environment", "--search", "lake")
    assert result.code == 0 and result.out.strip()
    assert "退田还湖\treturning farmland to lakes\tapproved\tenvironment" in result.out
    assert all("\tenvironment" in line for line in result.out.splitlines())


def test_add_and_set_validate_and_save(run, tmp_path):
    path = tsv(tmp_path, row("区委", "district Party committee"))
    g = ["glossary", "--glossary", str(path)]
    assert run(*g, "add", "网格员", "--en", "grid worker", "--domain", "urban").code == 0
    assert run(*g, "add", "网格员", "--en", "x").code == 2  # already there
    assert run(*g, "set", "网格员", "--status", "approved", "--avoid", "grid member").code == 0
    assert run(*g, "set", "不存在", "--en", "x").code == 2
    entry = load_glossary(path).find("网格员")
    assert (entry.en, entry.status, entry.avoid, entry.domain) == ("grid worker", "approved", ["grid member"], "urban")
    result = run(*g, "set", "区委", "--en", "")
    assert result.code == 2 and "has no en" in result.err
    assert load_glossary(path).find("区委").en == "district Party committee"  # nothing lost


def test_stats_counts_per_status_and_domain(run):
    result = run("glossary", "stats")
    assert result.code == 0
    glossary = load_glossary()
    assert result.out.startswith(f"{len(glossary.entries)} entries: ")
    assert "  party " in result.out


def _review(run, monkeypatch, path, keys: str, corpus):
    monkeypatch.setattr(sys, "stdin", io.StringIO(keys))
    return run("glossary", "--glossary", str(path), "review", "--corpus", str(corpus))


def test_review_saves_each_decision_and_resumes_where_it_stopped(run, monkeypatch, tmp_path):
    path = tsv(
        tmp_path,
        row("党群服务中心", "Party-community service center", status="proposed"),
        row("红色物业", "", status="proposed"),
        row("区委", "district Party committee"),
        row("健康驿站", "health station", status="proposed"),
    )
    result = _review(run, monkeypatch, path, "a\na\ne\nParty-led property management\nPilot\na\nq\n", SEEDS)
    assert result.code == 0, result.err
    assert "九洲里社区和城南村【党群服务中心】" in result.out  # context from the seeds
    assert "needs an English rendering" in result.out
    saved = load_glossary(path)
    assert saved.find("党群服务中心").status == "approved"
    assert (saved.find("红色物业").en, saved.find("红色物业").status) == ("Party-led property management", "approved")
    assert saved.find("红色物业").note == "Pilot"
    assert saved.find("健康驿站").status == "proposed"
    # Starting again carries on with the next proposed entry.
    result = _review(run, monkeypatch, path, "r\n", SEEDS)
    assert "[1/1] 健康驿站" in result.out
    assert load_glossary(path).find("健康驿站").status == "rejected"
    assert "no more proposed entries" in result.out


def test_review_end_of_input_quits_without_losing_anything(run, monkeypatch, tmp_path):
    path = tsv(tmp_path, row("健康驿站", "health station", status="proposed"))
    before = path.read_bytes()
    result = _review(run, monkeypatch, path, "", SEEDS)
    assert result.code == 0 and "0 approved" in result.out
    assert path.read_bytes() == before


def test_extract_finds_and_ranks_quoted_phrases_formulas_and_phrases(run, tmp_path):
    """Rank = kind weight (quoted and formula 3, phrase 1) x frequency x sqrt(length)."""
    corpus = tmp_path / "report.txt"
    corpus.write_text(
        "全力做好六稳工作,落实六保任务。推进“两违三乱”整治和“一站式办理”。"
        "六稳六保取得成效,六稳持续巩固。开展263专项行动,263专项行动成效明显。"
        "加快推进智慧城市建设,智慧城市建设水平提升,智慧城市建设获评先进。",
        encoding="utf-8",
    )
    path = tsv(tmp_path, row("一站式办理", "one-stop service"))
    result = run("glossary", "--glossary", str(path), "extract", str(corpus), "--min-frequency", "2")
    assert result.code == 0, result.err
    lines = [line for line in result.out.splitlines() if "\t" in line]
    found = {line.split()[1]: line.split("\t")[1] for line in lines}
    # 263专项行动 (formula, 2x, 7 characters) over 六稳 (formula, 3x) over 六保 (formula, 2x),
    # then the phrase seen 3 times, then the quoted phrase seen once.
    assert [line.split()[1] for line in lines] == ["263专项行动", "六稳", "六保", "智慧城市建设", "两违三乱"]
    assert [line.split()[0] for line in lines] == ["1", "2", "3", "4", "5"]
    assert found.get("两违三乱") == "quoted"
    assert found.get("六稳") == "formula" and found.get("263专项行动") == "formula"
    assert found.get("智慧城市建设") == "phrase"
    assert "一站式办理" not in found  # already in the glossary
    assert "【六稳】" in result.out  # a context line
    added_run = run("glossary", "--glossary", str(path), "extract", str(corpus), "--min-frequency", "2", "--add")
    assert added_run.code == 0 and "5 candidates added as proposed" in added_run.out
    added = load_glossary(path).find("两违三乱")
    assert added.status == "proposed" and added.en == ""


def test_extract_reads_a_jsonl_corpus(run, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"year": 2020, "content": "做好“六稳”工作,全面落实“六保”任务。"}\n', encoding="utf-8")
    path = tsv(tmp_path, row("区委", "district Party committee"))
    result = run("glossary", "--glossary", str(path), "extract", str(corpus))
    assert result.code == 0, result.err
    assert "六稳" in result.out and "六保" in result.out
    corpus.write_text("not json\n", encoding="utf-8")
    bad = run("glossary", "--glossary", str(path), "extract", str(corpus))
    assert bad.code == 2 and f"{corpus}:1:" in bad.err


def test_tbx_round_trip_keeps_status_variants_and_avoid():
    entries = load_glossary().entries
    again = from_tbx(to_tbx(entries), "t.tbx")
    strip = [(e.zh, e.en, e.status, e.variants, e.avoid, e.domain, e.note, e.source) for e in entries]
    assert [(e.zh, e.en, e.status, e.variants, e.avoid, e.domain, e.note, e.source) for e in again] == strip


def test_export_then_import_into_an_empty_glossary(run, tmp_path):
    exported = tmp_path / "g.tbx"
    assert run("glossary", "export", "--format", "tbx", "--out", str(exported)).code == 0
    empty = tsv(tmp_path)
    result = run("glossary", "--glossary", str(empty), "import", str(exported))
    assert result.code == 0, result.err
    assert [e.to_row() for e in load_glossary(empty).entries] == [e.to_row() for e in load_glossary().entries]


def test_csv_export_has_a_row_per_approved_form(run, tmp_path):
    out = tmp_path / "g.csv"
    assert run("glossary", "export", "--format", "csv", "--out", str(out)).code == 0
    rows = out.read_text(encoding="utf-8").splitlines()
    assert "扫黑除恶专项斗争,campaign against organized crime and local criminal gangs" in rows
    proposed = {e.zh for e in load_glossary().by_status("proposed")}
    assert not any(r.split(",")[0] in proposed for r in rows)


def test_import_never_overwrites_an_approved_entry_and_reports_conflicts(run, tmp_path):
    path = tsv(tmp_path, row("区委", "district Party committee"), row("网格", "grid", status="proposed"))
    incoming = tmp_path / "deepl.csv"
    incoming.write_text("zh,en\n区委,District Committee\n网格,grid cell\n信访,public complaints\n", encoding="utf-8")
    result = run("glossary", "--glossary", str(path), "import", str(incoming))
    assert result.code == 0
    assert "conflict: 区委: kept approved 'district Party committee'" in result.out
    assert "conflict: 网格" in result.out  # proposed vs proposed: kept, reported
    assert "1 added, 0 updated, 2 conflicts" in result.out
    saved = load_glossary(path)
    assert saved.find("区委").en == "district Party committee"
    assert saved.find("信访").status == "proposed"


def test_import_of_an_approved_tbx_entry_replaces_a_proposed_one(run, tmp_path):
    path = tsv(tmp_path, row("网格", "grid", status="proposed"))
    tbx = tmp_path / "in.tbx"
    from glossary.entry import Entry

    tbx.write_bytes(to_tbx([Entry("网格", "grid unit", "approved", domain="urban", source="review 2026")]))
    result = run("glossary", "--glossary", str(path), "import", str(tbx))
    assert result.code == 0, result.err
    assert "0 added, 1 updated, 0 conflicts" in result.out
    assert load_glossary(path).find("网格").en == "grid unit"


def test_default_glossary_is_the_shipped_tsv():
    assert default_glossary_path().name == "governance.tsv" and default_glossary_path().is_file()


def test_extract_finds_the_seed_formulas_when_the_glossary_lacks_them(run, tmp_path):
    path = tsv(tmp_path, row("区委", "district Party committee"))
    result = run("glossary", "--glossary", str(path), "extract", str(SEEDS), "--limit", "400", "--min-frequency", "2")
    assert result.code == 0, result.err
    found = {line.split()[1] for line in result.out.splitlines() if "\t" in line}
    assert {"三级三色", "两违三乱", "三个服务、两个亲民", "六个百分百", "散乱污"} <= found


def test_check_fails_on_a_file_that_is_not_a_glossary(run, tmp_path):
    path = tmp_path / "notes.tsv"
    path.write_bytes("zh\ten\n党工委\tParty Work Committee\n".encode("gbk"))
    result = run("glossary", "--glossary", str(path), "check")
    assert result.code == 1 and "glossary is not UTF-8" in result.err
    assert run("glossary", "--glossary", str(tmp_path / "missing.tsv"), "check").code == 2
