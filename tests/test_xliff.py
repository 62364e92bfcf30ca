"""The bilingual file in both versions: valid against the OASIS schemas, the same content read back,
states mapped both ways, and read by a second reader no one here wrote (translate-toolkit)."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from glossary.store import load_glossary
from translate.bitext import XLIFF, XLIFF12, from_xliff, read_xliff, to_xliff
from translate.document import Block, BlockKind, Candidate, Cell, Document, Issue, Segment, State
from translate.normalize import normalize
from translate.terms import find_terms

from .conftest import ROOT, SEEDS
from .schemas import schema_errors

SEED = SEEDS / "000_fd68bde13d4caed7.txt"


def _segment(segment_id: str, source: str, target: str = "", state=State.INITIAL, origin: str = "") -> Segment:
    return Segment(segment_id, source, normalize(source), target, state, origin)


def sample_document() -> Document:
    """Every kind of block, state and origin, with terms, memory candidates and QA findings."""
    blocks = [
        Block("u1", BlockKind.HEADING, [_segment("u1s1", "西城街道工作报告")], level=1),
        Block(
            "u2", BlockKind.HEADING, [_segment("u2s1", "一、党建工作", "I. Party building", State.FINAL, "tm-human")], 2
        ),
        Block(
            "u3",
            BlockKind.PARAGRAPH,
            [
                _segment("u3s1", "党工委召开会议。", "The Party Work Committee met.", State.TRANSLATED, "mt"),
                _segment("u3s2", "完成拆迁32户。", "Relocated 23 households.", State.TRANSLATED, "tm-mt"),
                _segment("u3s3", "网格员走访居民。", "Grid workers visited residents.", State.REVIEWED, "human"),
                _segment("u3s4", "建设安置房。"),
            ],
        ),
        Block.table(
            "u4",
            [
                Cell("u4r1c1", 1, 1, [_segment("u4r1c1s1", "指标")], header=True),
                Cell(
                    "u4r1c2", 1, 2, [_segment("u4r1c2s1", "2020年", "2020", State.TRANSLATED, "glossary")], header=True
                ),
                Cell("u4r2c1", 2, 1, [_segment("u4r2c1s1", "户数")], rowspan=2),
                Cell("u4r2c2", 2, 2, [_segment("u4r2c2s1", "1913户")]),
                Cell(
                    "u4r3c2",
                    3,
                    2,
                    [_segment("u4r3c2s1", "34.98万平方米", "349,800 m²", State.TRANSLATED, "tm-fuzzy-human")],
                ),
                Cell("u4r4c1", 4, 1, [_segment("u4r4c1s1", "合计：共计"), _segment("u4r4c1s2", "两项。")], colspan=2),
            ],
        ),
    ]
    document = Document(
        "西城街道工作报告",
        blocks,
        "report",
        glossary_sha256="ab" * 32,
        source_file="report.docx",
        translated="2026-11-27",
    )
    find_terms(document, load_glossary())
    segments = {s.id: s for s in document.segments}
    segments["u3s4"].candidates = [Candidate("建设安置房屋。", "Resettlement housing was built.", 92.46, "human")]
    segments["u3s2"].issues = [Issue("number-mismatch", "32 households is not in the translation")]
    segments["u3s4"].issues = [Issue("untranslated", "no translation yet", "warning")]
    return document


def _content(document: Document) -> list:
    """What a reader of the file sees: blocks, cells and segments with their text, state, origin and terms."""
    return [
        (
            b.id,
            b.kind,
            b.level if b.kind is BlockKind.HEADING else 1,
            [(c.id, c.row, c.column, c.rowspan, c.colspan, c.header) for c in b.cells],
            [
                (s.id, s.source, s.target, s.state, s.origin, [(h.start, h.end, h.en, h.status) for h in s.terms])
                for s in b.segments
            ],
        )
        for b in document.blocks
    ]


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_every_xliff_written_is_valid_against_the_oasis_schema(version):
    data = to_xliff(sample_document(), version)
    assert schema_errors(data) == []


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_each_version_reads_back_the_same_content(version):
    document = sample_document()
    again = from_xliff(to_xliff(document, version), f"{document.stem}.zh-en.xlf")
    assert _content(again) == _content(document)
    assert (again.title, again.stem, again.glossary_sha256, again.source_file, again.translated) == (
        document.title,
        document.stem,
        document.glossary_sha256,
        document.source_file,
        document.translated,
    )
    assert again.blocks[3].rows[1][0].rowspan == 2 and again.blocks[3].columns == 2


def test_xliff_12_marks_terms_candidates_notes_and_states_in_its_own_terms():
    root = ET.fromstring(to_xliff(sample_document(), "1.2"))
    q = lambda tag: f"{{{XLIFF12}}}{tag}"  # noqa: E731
    units = {u.get("id"): u for u in root.iter(q("trans-unit"))}
    assert [g.get("restype") for g in root.find(q("file")).find(q("body"))] == [
        "x-heading",
        "x-heading",
        "x-paragraph",
        "x-table",
    ]
    marks = [(m.get("mtype"), m.get("comment"), m.text) for m in units["u3s1"].iter(q("mrk"))]
    assert ("term", "Party Work Committee", "党工委") in marks
    states = {
        i: (u.find(q("target")).get("state"), u.find(q("target")).get("state-qualifier")) for i, u in units.items()
    }
    assert states["u2s1"] == ("final", "leveraged-tm") and units["u2s1"].get("approved") == "yes"
    assert states["u3s1"] == ("needs-review-translation", "leveraged-mt")  # a machine's: to be reviewed
    assert states["u3s3"] == ("signed-off", "x-human")
    assert states["u3s4"] == ("needs-translation", None)
    assert units["u3s4"].find(q("target")).text == "建设安置房。"  # the source, for a CAT tool to translate
    alternative = units["u3s4"].find(q("alt-trans"))
    assert (alternative.get("match-quality"), alternative.get("origin")) == ("92.4", "translation memory (human)")
    assert alternative.find(q("target")).text == "Resettlement housing was built."
    note = units["u3s2"].find(q("note"))
    assert (note.get("from"), note.get("priority"), note.text) == (
        "qa",
        "1",
        "number-mismatch: 32 households is not in the translation",
    )


def _unit12(state: str | None, target: str | None, approved: bool = False) -> bytes:
    target_element = "" if target is None else f"<target{f' state={state!r}' if state else ''}>{target}</target>"
    return (
        f'<xliff xmlns="{XLIFF12}" version="1.2"><file original="r" source-language="zh" target-language="en" '
        f'datatype="plaintext"><body><trans-unit id="a"{" approved=" + repr("yes") if approved else ""}>'
        f"<source>党工委召开会议。</source>{target_element}</trans-unit></body></file></xliff>"
    ).encode()


@pytest.mark.parametrize(
    ("state", "target", "approved", "expected", "text"),
    [
        (None, None, False, State.INITIAL, ""),
        ("new", "党工委召开会议。", False, State.INITIAL, ""),  # the source copied: not a translation
        ("needs-translation", "党工委召开会议。", False, State.INITIAL, ""),
        ("needs-translation", "The committee met.", False, State.TRANSLATED, "The committee met."),  # OmegaT's
        ("needs-review-translation", "The committee met.", False, State.TRANSLATED, "The committee met."),
        ("translated", "The committee met.", False, State.TRANSLATED, "The committee met."),
        ("translated", "The committee met.", True, State.REVIEWED, "The committee met."),  # approved in a tool
        ("signed-off", "The committee met.", False, State.REVIEWED, "The committee met."),
        ("final", "The committee met.", False, State.FINAL, "The committee met."),
        (None, "The committee met.", False, State.TRANSLATED, "The committee met."),
        ("x-checked-by-editor", "The committee met.", False, State.TRANSLATED, "The committee met."),
    ],
)
def test_xliff_12_states_are_read_as_ours(state, target, approved, expected, text):
    segment = from_xliff(_unit12(state, target, approved), "other-tool.xlf").segments[0]
    assert (segment.state, segment.target) == (expected, text)


def test_a_file_is_read_by_its_namespace_whatever_its_name(tmp_path):
    document = sample_document()
    for version, namespace in (("1.2", XLIFF12), ("2.1", XLIFF)):
        path = tmp_path / f"{version}.xliff"
        path.write_bytes(to_xliff(document, version))
        assert ET.parse(path).getroot().tag == f"{{{namespace}}}xliff"
        assert _content(read_xliff(path)) == _content(document)


def test_xliff_1_2_from_the_command_line_and_publish_toml(run, tmp_path):
    out = tmp_path / "out"
    result = run("translate", str(SEED), "--engine", "none", "--xliff", "1.2", "--format", "xlf", "--out", str(out))
    assert result.code == 0, result.err
    written = out / f"{SEED.stem}.zh-en.xlf"
    assert ET.parse(written).getroot().tag == f"{{{XLIFF12}}}xliff" and schema_errors(written.read_bytes()) == []
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / SEED.name).write_bytes(SEED.read_bytes())
    (folder / "publish.toml").write_text('xliff = "1.2"\n', encoding="utf-8")
    result = run("translate", str(folder), "--engine", "none", "--format", "xlf", "--out", str(tmp_path / "o2"))
    assert result.code == 0, result.err
    assert ET.parse(tmp_path / "o2" / written.name).getroot().tag == f"{{{XLIFF12}}}xliff"
    (folder / "publish.toml").write_text('xliff = "3.0"\n', encoding="utf-8")
    result = run("translate", str(folder), "--engine", "none", "--format", "xlf", "--out", str(tmp_path / "o3"))
    assert result.code == 2 and "xliff must be one of 2.1, 1.2" in result.err


def test_every_command_that_reads_xliff_takes_1_2(run, tmp_path):
    document = sample_document()
    path = tmp_path / "report.zh-en.xlf"
    path.write_bytes(to_xliff(document, "1.2"))
    result = run("translate", "qa", str(path), "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["segments"] == len(document.segments)
    result = run("publish", str(path), "--format", "docx")
    assert result.code == 0, result.err and (tmp_path / "report.zh-en.docx").exists()
    memory = tmp_path / "tm.sqlite"
    result = run("translate", "import", str(path), "--tm", str(memory))
    assert result.code == 0, result.err
    result = run("translate", "tm", "import", str(path), "--tm", str(tmp_path / "tm2.sqlite"))
    assert result.code == 0 and "6 units read" in result.out, result.out + result.err


TOOLKIT_SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[1])  # translate-toolkit's folder (make setup)
from translate.storage import xliff
store = xliff.xlifffile.parsefile(sys.argv[2])
print(json.dumps([[u.getid(), u.source, u.target or "", u.isapproved(), u.isreview()] for u in store.units]))
"""


def test_translate_toolkit_reads_our_xliff_12_as_we_do(tmp_path):
    """A second reader: translate-toolkit's ``translate.storage.xliff``.  Its package is also called
    ``translate``, so it lives in a folder of its own and runs in a process that sees only that folder."""
    document = sample_document()
    path = tmp_path / "report.zh-en.xlf"
    path.write_bytes(to_xliff(document, "1.2"))
    packages = ROOT / "build" / "translate-toolkit"
    assert (packages / "translate" / "storage" / "xliff.py").exists(), "make setup installs translate-toolkit there"
    result = subprocess.run(
        [sys.executable, "-I", "-S", "-c", TOOLKIT_SCRIPT, str(packages), str(path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    theirs = json.loads(result.stdout)
    ours = from_xliff(path.read_bytes(), path)
    # Their ids carry the file's name; an untranslated unit's target is the source copy we wrote for CAT tools.
    assert [(i.split("\x04")[-1], source) for i, source, *_ in theirs] == [(s.id, s.source) for s in ours.segments]
    for (_, source, target, approved, review), segment in zip(theirs, ours.segments):
        assert (target if target != source else "") == segment.target
        assert approved == (segment.state in (State.REVIEWED, State.FINAL)), segment.id
        assert review == (segment.origin in ("mt", "tm-mt")), segment.id  # a machine's: to be reviewed
