"""Segmentation, glossary terms through MT, QA checks: behaviour that depends on
what a real model does is driven by scripted fake engines."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest

from glossary.store import load_glossary
from pipeline.job import Options, translate_file
from translate.document import State
from translate.quantities import missing_quantities
from translate.read.plain import lines_to_blocks
from translate.segment import split_sentences

from .conftest import SEEDS


class CopyLatinEngine:
    """Like a real NMT model: keeps the Latin spans it is given (in lower case),
    translates numbers literally, drops the Chinese."""

    name = "copy-latin"

    def translate(self, sources, batch_done=None):
        outputs = []
        for source in sources:
            latin = re.findall(r"[A-Za-z][A-Za-z' -]*[A-Za-z]|\d+(?:\.\d+)?", source)
            outputs.append(" ".join(latin).lower() + ".")
        if batch_done:
            batch_done(list(range(len(sources))), outputs)
        return outputs


class DropEverythingEngine:
    name = "drop"

    def translate(self, sources, batch_done=None):
        return ["The text." for _ in sources]


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


def translate_text(text, glossary, engine, memory=None):
    """The main job on ``text`` as a report file (XLIFF only): the translated document."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.txt"
        path.write_text(text, encoding="utf-8")
        return translate_file(path, glossary, engine, memory, Options(formats=("xlf",), out_dir=Path(folder))).document


def test_sentences_end_at_chinese_stops_and_keep_closing_quotes():
    text = "一是发展“答卷”提气亮眼。准确贯彻新发展理念;又面向长远!他说:“好!”然后……结束?末尾"
    assert split_sentences(text) == [
        "一是发展“答卷”提气亮眼。",
        "准确贯彻新发展理念;又面向长远!",
        "他说:“好!”",
        "然后……",
        "结束?",
        "末尾",
    ]


def test_semicolons_and_commas_do_not_end_sentences():
    assert split_sentences("新增个体工商户9762家;第二产业占比下降,第三产业增长。") == [
        "新增个体工商户9762家;第二产业占比下降,第三产业增长。"
    ]


def test_approved_terms_are_injected_and_restored_in_their_exact_form(glossary):
    document = translate_text("西城街道党工委全面贯彻新发展理念。", glossary, CopyLatinEngine())
    segment = document.segments[0]
    assert "Party Work Committee" in segment.target  # restored from the engine's lower case
    assert "Xicheng Subdistrict" in segment.target and "new development philosophy" in segment.target
    assert segment.state is State.TRANSLATED and segment.origin == "mt"
    assert not [i for i in segment.issues if i.severity == "error"], segment.issues


def test_a_term_the_engine_drops_is_reported_missing(glossary):
    document = translate_text("西城街道党工委全面贯彻新发展理念。", glossary, DropEverythingEngine())
    checks = {(i.check, i.message.split(" ")[0]) for i in document.segments[0].issues}
    assert ("missing-term", "党工委") in checks and ("missing-term", "新发展理念") in checks


def test_avoided_rendering_is_an_error(glossary):
    class Literal(DropEverythingEngine):
        def translate(self, sources, batch_done=None):
            return ["The Xicheng Street Party Work Committee."]

    document = translate_text("西城街道党工委推进各项工作。", glossary, Literal())
    assert any(i.check == "avoided-term" and "Xicheng Street" in i.message for i in document.segments[0].issues)


def test_variants_match_and_the_longest_term_wins(glossary):
    hits = [(hit.zh, hit.start, hit.end) for hit in glossary.find_terms("深入开展扫黑除恶专项斗争和街道党工委建设")]
    assert hits == [("扫黑除恶", 4, 12), ("街道党工委", 13, 18)]


def test_numbers_compare_by_value():
    def missing(source, target):
        return [q.shown() for q in missing_quantities(source, target)]

    assert missing("拆除房屋34.98万平方米,完成地区生产总值150亿元", "349,800 m² and 15 billion yuan") == []
    assert missing("增幅11.1%,共2378家", "up 11.1 percent, 2,378 firms") == []
    assert missing("预算1.8亿元", "180 million yuan") == []
    assert missing("涉及32个自然村1913户", "32 villages and 1,931 households") == ["1,913"]
    assert missing("实施了6个项目,3月份开展检测", "six projects; testing in March") == []


def test_number_mismatch_and_chinese_left_are_reported(glossary):
    class Sloppy(DropEverythingEngine):
        def translate(self, sources, batch_done=None):
            return ["2,368 new 企业 were registered."]

    issues = translate_text("新注册企业共计达2378家。", glossary, Sloppy()).segments[0].issues
    assert {i.check for i in issues} >= {"number-mismatch", "chinese-left"}


def test_segments_the_glossary_covers_skip_the_engine(glossary):
    document = translate_text("西城街道党工委。", glossary, DropEverythingEngine())
    segment = document.segments[0]
    assert segment.target == "Xicheng Subdistrict Party Work Committee." and segment.origin == "glossary"


def test_engine_none_fills_only_what_the_glossary_covers(glossary):
    document = translate_text("西城街道\n\n“十三五”工作回顾持续推进。", glossary, None)
    heading, body = document.segments
    assert heading.target == "Xicheng Subdistrict" and heading.state is State.TRANSLATED
    assert heading.origin == "glossary"
    assert body.target == "" and body.state is State.INITIAL
    assert [i.check for i in body.issues] == ["untranslated"]


def test_engine_none_through_the_cli_writes_initial_segments(packages_dir, run, tmp_path):
    source = tmp_path / "r.txt"
    source.write_text("营商环境\n\n持续优化营商环境。\n", encoding="utf-8")
    result = run("translate", str(source), "--engine", "none", "--out", str(tmp_path / "out"))
    assert result.code == 0, result.err
    from translate.bitext import read_xliff

    document = read_xliff(tmp_path / "out" / "r.zh-en.xlf")
    first, second = document.segments
    assert (first.state, first.origin, first.target) == ("translated", "glossary", "business environment")
    assert (second.state, second.origin, second.target) == ("initial", "", "")


def test_strict_exits_1_on_qa_errors(installed_model, run, tmp_path):
    source = tmp_path / "r.txt"
    source.write_text("西城街道党工委全面贯彻新发展理念。\n", encoding="utf-8")
    result = run("translate", str(source), "--out", str(tmp_path / "out"), "--format", "xlf", "--strict")
    assert result.code == 1  # the tiny model's nonsense misses the approved terms


def test_traditional_input_is_matched_but_published_as_written(glossary):
    document = translate_text("西城街道黨工委、辦事處全面貫徹新發展理念。", glossary, CopyLatinEngine())
    segment = document.segments[0]
    assert segment.source.startswith("西城街道黨工委、辦事處")
    assert {h.zh for h in segment.terms} >= {"党工委", "办事处", "新发展理念"}
    assert "Party Work Committee" in segment.target


def test_same_input_gives_same_segment_ids(glossary):
    first = translate_text("一句。两句!\n\n三句?", glossary, None)
    second = translate_text("一句。两句!\n\n三句?", glossary, None)
    assert [s.id for s in first.segments] == [s.id for s in second.segments] == ["u1s1", "u1s2", "u2s1"]


def test_headings_keep_their_own_block(glossary):
    body = "切实加大对各类市场主体、人员密集场所的消防安全监管力度,加快落实西城消防站选址建设"
    blocks = lines_to_blocks(["五、强化平安建设,打造和谐新西城", "", body, "", "确保不发生一起重大安全责任事故。"])
    assert [(b.kind.value, b.text) for b in blocks] == [
        ("heading", "五、强化平安建设,打造和谐新西城"),
        ("paragraph", body + "确保不发生一起重大安全责任事故。"),
    ]


class CountingEngine(CopyLatinEngine):
    """Records what it is asked to translate."""

    identity = "counting"

    def __init__(self):
        self.seen: list[str] = []

    def translate(self, sources, batch_done=None):
        self.seen += sources
        return super().translate(sources, batch_done)


def test_a_changed_entry_retranslates_only_the_segments_that_contain_it(tmp_path):
    from glossary.store import save_glossary
    from translate.memory import memory_at

    glossary = load_glossary()
    glossary.path = tmp_path / "g.tsv"
    save_glossary(glossary)
    text = "街道党工委推进各项工作。社区开展文明实践活动。区委部署工作任务。"
    cache = memory_at(tmp_path / "tm.sqlite")
    first = CountingEngine()
    translate_text(text, glossary, first, cache)
    assert len(first.seen) == 3
    again = CountingEngine()
    translate_text(text, glossary, again, cache)
    assert again.seen == []  # everything from the cache
    glossary.find("党工委").en = "Party Working Committee"
    glossary.find("街道党工委").en = "subdistrict Party Working Committee"
    changed = CountingEngine()
    document = translate_text(text, glossary, changed, cache)
    assert changed.seen == ["subdistrict Party Working Committee 推进各项工作。"]
    assert "subdistrict Party Working Committee" in document.segments[0].target


def test_traditional_seed_yields_the_same_terms_as_simplified(packages_dir, run, tmp_path):
    from foundation.script import to_traditional
    from translate.bitext import read_xliff

    seed = SEEDS / "000_fd68bde13d4caed7.txt"
    traditional = tmp_path / "trad.txt"
    traditional.write_text(to_traditional(seed.read_text(encoding="utf-8")), encoding="utf-8")
    assert traditional.read_text(encoding="utf-8") != seed.read_text(encoding="utf-8")
    out = tmp_path / "out"
    result = run("translate", str(seed), str(traditional), "--engine", "none", "--format", "xlf", "--out", str(out))
    assert result.code == 0, result.err
    simplified_doc = read_xliff(out / f"{seed.stem}.zh-en.xlf")
    traditional_doc = read_xliff(out / "trad.zh-en.xlf")
    terms = [[(h.zh, h.start) for h in s.terms] for s in simplified_doc.segments]
    assert terms == [[(h.zh, h.start) for h in s.terms] for s in traditional_doc.segments]
    assert sum(map(len, terms)) > 30
    assert "黨工委" in traditional_doc.segments[1].source  # published as written


def foreign_xliff(path, pairs, state="final"):
    """An XLIFF 2.1 file as another tool writes it: no term marks, nothing of ours."""
    units = "".join(
        f'<unit id="p{n}"><segment id="p{n}s1" state="{state}"><source>{zh}</source><target>{en}</target>'
        "</segment></unit>"
        for n, (zh, en) in enumerate(pairs, start=1)
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" '
        f'srcLang="zh" trgLang="en"><file id="f1" original="other-tool">{units}</file></xliff>',
        encoding="utf-8",
    )
    return path


def test_translate_qa_on_another_tools_xliff_counts_each_missing_term_and_quantity(run, tmp_path):
    xliff = foreign_xliff(
        tmp_path / "other.xlf",
        [
            ("街道党工委和区委部署工作，新注册企业2378家。", "The committees deployed work; 2,378 firms registered."),
            ("扫黑除恶专项斗争取得成效。", "The campaign against organized crime and local criminal gangs worked."),
        ],
    )
    result = run("translate", "qa", str(xliff), "--json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["checked"] == {"terms": 3, "numbers": 1}
    assert report["by_check"] == {"missing-term": 2}  # 街道党工委 and 区委 in the first paragraph; 2,378 is there
    table = run("translate", "qa", str(xliff))
    assert table.code == 0
    assert table.out.split("\n")[1].split()[:6] == ["2", "0", "3", "2", "1", "0"]  # none untranslated
    assert run("translate", "qa", str(xliff), "--strict").code == 1


def test_a_proposed_term_already_rendered_draws_no_warning(glossary):
    entry = next(e for e in glossary.entries if e.status == "proposed" and e.en and len(e.zh) > 2)

    class Renders(DropEverythingEngine):
        def translate(self, sources, batch_done=None):
            return [f"We promoted {entry.en}." for _ in sources]

    issues = translate_text(f"推进{entry.zh}工作。", glossary, Renders()).segments[0].issues
    assert not [i for i in issues if i.check == "proposed-term"]
    issues = translate_text(f"推进{entry.zh}工作。", glossary, DropEverythingEngine()).segments[0].issues
    assert [i.check for i in issues if i.check == "proposed-term"] == ["proposed-term"]
