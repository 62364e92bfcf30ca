"""``glossary evidence``: how parallel text renders each entry, from files and from the memory."""

from __future__ import annotations

import json

import pytest

from translate.memory import Unit, memory_at
from translate.tm_files import to_tmx

from .paths import GWR_2024_EXCERPT

# 街道党工委 (preferred: subdistrict Party Work Committee) rendered once as preferred and three times
# as "Party Working Committee of the subdistrict"; 区委 always as preferred; 民生 once inside 人民生活
# (whose English renders no 民生: only there is the costly word-boundary check run).
PAIRS = [
    ("街道党工委召开全体会议。", "The subdistrict Party Work Committee held a plenary meeting."),
    ("街道党工委部署防汛工作。", "The Party Working Committee of the subdistrict arranged flood control work."),
    ("街道党工委走访困难群众。", "The Party Working Committee of the subdistrict visited families in need."),
    ("街道党工委推进垃圾分类。", "The Party Working Committee of the subdistrict promoted waste sorting."),
    ("区委召开会议。", "The district Party committee held a meeting."),
    ("区委听取汇报。", "The district Party committee heard reports."),
    ("人民生活水平不断提高。", "People are better off."),
    ("社区开展文明实践活动。", "Communities held activities to promote civility."),
    ("居民满意度不断提高。", "Residents grew more satisfied."),
]


@pytest.fixture
def tmx(tmp_path):
    path = tmp_path / "pairs.tmx"
    path.write_bytes(to_tmx([Unit(zh, en, "human", written=zh) for zh, en in PAIRS]))
    return path


def entries(result) -> dict[str, dict]:
    assert result.code == 0, result.err
    return {entry["zh"]: entry for entry in json.loads(result.out)["entries"]}


def test_evidence_on_an_imported_tmx_counts_renderings_and_mines_the_one_official_english_uses(run, tmx):
    found = entries(run("glossary", "evidence", str(tmx), "--json", "--examples", "10"))
    committee = found["街道党工委"]
    assert (committee["occurrences"], committee["preferred"], committee["neither"]) == (4, 1, 3)
    candidates = [c["text"] for c in committee["candidates"]]
    assert candidates[0] == "party working committee of the subdistrict"
    assert [s["found"] for s in committee["segments"]][:3] == ["", "", ""]  # what says neither, first
    assert found["区委"]["preferred"] == 2 and found["区委"]["neither"] == 0
    assert "民生" not in found  # 人民生活 is 人民 + 生活: no 民生 in it
    order = list(found)
    assert order.index("街道党工委") < order.index("区委")  # under half preferred: looked at first


def test_evidence_from_the_memory_takes_its_human_units(run, tmx, tmp_path):
    memory_path = tmp_path / "tm.sqlite"
    assert run("translate", "tm", "import", str(tmx), "--tm", str(memory_path)).code == 0
    memory = memory_at(memory_path)
    from translate.document import Segment
    from translate.normalize import normalize

    source = "区委部署工作。"
    segment = Segment("s1", source, normalize(source), "The committee worked.")
    memory.add_machine([("key", segment, "The committee worked.")], "engine", "", "f")  # an engine's: left out
    found = entries(run("glossary", "evidence", "--tm", str(memory_path), "--json"))
    assert found["街道党工委"]["occurrences"] == 4 and found["区委"]["occurrences"] == 2


def test_a_memory_unit_without_a_segment_is_named_by_its_place_among_all_units(tmp_path):
    from translate.document import Segment
    from translate.evidence import read_pairs

    memory = memory_at(tmp_path / "tm.sqlite")
    memory.add_human([Unit("区委召开会议。", "The committee met.", "human", segment="7")])
    source = "区委部署工作。"
    memory.add_machine([("key", Segment("s1", source, source, ""), "The committee worked.")], "engine", "", "f")
    memory.add_human([Unit("区委听取汇报。", "The committee heard reports.", "human")])
    pairs = read_pairs([], memory, 0)
    assert [(p.source, p.where) for p in pairs] == [("区委召开会议。", "memory#7"), ("区委听取汇报。", "memory#3")]


def test_evidence_on_the_dev_set_groups_its_paragraphs_and_finds_admitted_renderings(run):
    result = run("glossary", "evidence", str(GWR_2024_EXCERPT), "--json")
    report = json.loads(result.out)
    assert report["pairs"] == 16  # paragraphs (of 82 rows), whose sentence pairing is sometimes shifted
    found = {entry["zh"]: entry for entry in report["entries"]}
    cppcc = found["中国人民政治协商会议"]
    assert (cppcc["preferred"], cppcc["admitted"], cppcc["neither"]) == (0, {"CPPCC": 2}, 0)
    assert cppcc["suggested_preferred"] == ""  # an abbreviation: its long form stays preferred
    shares = [entry["preferred_share"] for entry in report["entries"]]
    first = [share for share in shares if share < 0.5]
    assert shares[: len(first)] == sorted(first) and all(share >= 0.5 for share in shares[len(first) :])


def test_the_table_says_what_to_look_at(run, tmx):
    result = run("glossary", "evidence", str(tmx))
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].startswith("9 parallel segments;")
    assert (
        "街道党工委\tsubdistrict Party Work Committee\tapproved\t4 occurrences: preferred 1 (25%), neither 3" in lines
    )
    assert any(line.startswith("    candidates: 'party working committee of the subdistrict'") for line in lines)


def test_one_occurrence_is_said_in_the_singular(run, tmp_path):
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("zh,en\n持续改善民生。,We will keep improving the people's wellbeing.\n", encoding="utf-8")
    result = run("glossary", "evidence", str(pairs))
    assert result.code == 0
    assert "\t1 occurrence: preferred 1 (100%)" in result.out


def test_evidence_without_parallel_text_is_one_line(run, tmp_path):
    result = run("glossary", "evidence")
    assert result.code == 2 and "give parallel text" in result.err
    result = run("glossary", "evidence", "--tm", str(tmp_path / "none.sqlite"))
    assert result.code == 2 and "no translation memory here" in result.err


CLIMATE = ("营商环境", "business climate", "business environment")


@pytest.mark.parametrize(
    ("entry", "english", "suggested"),
    [
        # an admitted rendering at every occurrence, the preferred at none: suggested
        (CLIMATE, ["a better business environment"] * 2, "business environment"),
        (CLIMATE, ["a better business environment"], ""),  # one occurrence is not enough
        (CLIMATE, ["business environment", "business climate"], ""),  # the preferred stands once
        # a short form of the preferred, or an abbreviation, stays admitted
        (("算力", "computing power", "computing"), ["computing resources", "computing systems"], ""),
        (("国有企业", "state-owned enterprises", "SOEs"), ["SOEs grew", "SOEs reformed"], ""),
    ],
)
def test_the_evidence_suggests_making_preferred_what_the_english_always_says(tmp_path, entry, english, suggested):
    from glossary.store import load_glossary
    from translate.evidence import Pair, gather

    from .test_glossary import row, tsv

    zh, en, admitted = entry
    glossary = load_glossary(tsv(tmp_path, row(zh, en, admitted=admitted)))
    pairs = [Pair(f"优化{zh}。", text, f"p{i}") for i, text in enumerate(english)]
    (evidence,) = gather(pairs, glossary)
    assert evidence.suggested_preferred == suggested


def test_the_table_gives_the_suggestion(run, tmp_path):
    from .test_glossary import row, tsv

    glossary = tsv(tmp_path, row("营商环境", "business climate", admitted="business environment"))
    pairs = tmp_path / "pairs.csv"
    rows = [
        "zh,en",
        "优化营商环境。,A better business environment.",
        "改善营商环境。,It improved the business environment.",
    ]
    pairs.write_text("\n".join(rows) + "\n")
    result = run("glossary", "--glossary", str(glossary), "evidence", str(pairs))
    assert result.code == 0, result.err
    suggestion = "make 'business environment' preferred: it stands at all 2 occurrences, the preferred at none"
    assert f"    suggestion: {suggestion}" in result.out.splitlines()
