"""Senses and eras in the term model: where an entry holds (the kind of document, the words near it),
which renderings were official in which years; carried through the TSV, TBX, XLIFF and `translate qa`,
and proposed by `glossary evidence`.  Sentences written for the purpose."""

from __future__ import annotations

import csv
import json
import shlex
import tempfile
from pathlib import Path

import pytest

from bench.fidelity import write_xliff as write_plain_xliff
from glossary.entry import COLUMNS, Entry, Status
from glossary.exchange import from_tbx, to_tbx
from glossary.store import Glossary, load_glossary
from translate.bitext import read_xliff, to_xliff
from translate.document import Document, Segment
from translate.normalize import normalize
from translate.occasion import inferred_kind, stated_year
from translate.qa import check_document, check_segment
from translate.terms import find_terms

from .test_glossary import row, tsv

HEADER = "\t".join(COLUMNS)


def entry(zh, en, **fields) -> Entry:
    return Entry(zh=zh, en=en, status=Status.APPROVED, **fields)


def glossary(tmp_path, *entries: Entry) -> Glossary:
    path = tmp_path / "g.tsv"
    path.write_text("\n".join([HEADER, *("\t".join(e.to_row()) for e in entries)]) + "\n", encoding="utf-8")
    return load_glossary(path)


def document(pairs, year=None, kind="") -> Document:
    """The pairs as another tool's XLIFF read back: one paragraph a pair."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.zh-en.xlf"
        write_plain_xliff(pairs, path)
        read = read_xliff(path)
    read.year, read.kind = year, kind
    return read


def term_errors(doc: Document) -> list[str]:
    return [i.check for s in doc.segments for i in s.issues if i.severity == "error"]


# --- the TSV ---------------------------------------------------------------------------------------------


def test_the_sense_and_era_columns_are_read_and_written_back(tmp_path):
    g = glossary(
        tmp_path,
        entry("办事处", "subdistrict office", scope=["local-government"], context=["-驻", "+街道"],
              eras=["street office@-2008"]),
    )  # fmt: skip
    found = g.find("办事处")
    assert (found.scope, found.context, found.eras) == (["local-government"], ["-驻", "+街道"], ["street office@-2008"])


def test_a_glossary_of_the_earlier_layout_is_read_and_gains_only_a_header(tmp_path, run):
    old = "\t".join(COLUMNS[:9])
    path = tmp_path / "g.tsv"
    path.write_text(old + "\n" + row("区委", "district Party committee") + "\n", encoding="utf-8")
    assert run("glossary", "--glossary", str(path), "set", "区委", "--note", "why").code == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == HEADER and lines[1].count("\t") == 8  # the new columns, empty, are left off the row
    assert run("glossary", "--glossary", str(path), "set", "区委", "--eras", "district committee@-2012").code == 0
    assert load_glossary(path).find("区委").eras == ["district committee@-2012"]


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("--scope", "embassy", "unknown scope 'embassy'"),
        ("--context", "驻", "context item '驻': write +word"),
        ("--context=+国家|-国家", None, "context word '国家' both selects and excludes the entry"),
        ("--context=-美国,日本", None, "one word, without a comma"),
        ("--context=" + "|".join(f"-词{i}" for i in range(101)), None, "context: more than 100 items"),
        ("--eras", "x@2013-2017@2018-", "write rendering@first-last"),
        ("--eras", "x@２０１３-", "write rendering@first-last"),  # full-width digits are no year here
        ("--eras", "street office 2008", "write rendering@first-last"),
        ("--eras", "street office@2010-2008", "the years are the wrong way round (2010 after 2008)"),
        ("--eras", "street office@3013-", "a year between 1949 and 2100"),
        ("--eras", "district Party committee@2013-2017", "is accepted in every year already"),
    ],
)
def test_a_wrong_sense_or_era_is_refused_in_one_line(tmp_path, run, column, value, message):
    path = tsv(tmp_path, row("区委", "district Party committee"))
    before = path.read_bytes()
    given = [column] if value is None else [column, value]
    result = run("glossary", "--glossary", str(path), "set", "区委", *given)
    assert result.code != 0 and message in result.err and result.err.count("\n") == 1, result.err
    assert f"{path}:" not in result.err and "区委: " in result.err  # the entry named, not a line of the file
    assert path.read_bytes() == before


# --- words near a term ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hit"),
    [
        ("驻上海办事处负责联络。", False),  # 驻…办事处: an office in Shanghai
        ("街道办事处开展走访。", True),
        ("驻地单位与办事处共建。", False),  # 驻 near, in the same sentence
        ("部队驻防多年。办事处开展走访。", True),  # 驻 past a full stop says nothing
    ],
)
def test_a_word_near_a_term_excludes_its_entry(tmp_path, text, hit):
    g = glossary(tmp_path, entry("办事处", "subdistrict office", context=["-驻"]))
    assert bool(g.find_terms(text)) == hit


def test_a_word_that_selects_an_entry_must_stand_near_and_may_take_in_the_term(tmp_path):
    g = glossary(
        tmp_path,
        entry("主席", "Chairman", context=["-主席国"]),
        entry("网格", "grid", context=["+社区", "+管理"]),
    )
    assert not g.find_terms("中国担任主席国期间。")  # 主席国, the presidency, takes in the term
    assert g.find_terms("委员会主席出席会议。")
    assert [h.zh for h in g.find_terms("推进社区网格建设。")] == ["网格"]
    assert not g.find_terms("电力网格布局。")


# --- the kind of document ---------------------------------------------------------------------------------


def test_the_kind_of_a_document_is_inferred_only_where_it_is_plain():
    assert inferred_kind("外交部发言人表示，中方愿同各方加强双边合作，两国关系稳定。") == "diplomacy"
    assert inferred_kind("全区上下在区委领导下，街道社区共同发力。") == "local-government"
    assert inferred_kind("我们要推动高质量发展。") == ""  # no cue: not known
    assert inferred_kind("两国友好。区委召开会议。") == ""  # one cue each: not plain


def test_an_entry_scoped_to_other_kinds_is_neither_enforced_nor_checked(tmp_path):
    g = glossary(tmp_path, entry("局长", "Bureau Director", scope=["local-government", "central-government"]))
    pairs = [("外交部发言人说，两国外长通电话，中方欢迎。", "The spokesperson said the two ministers spoke."),
             ("该国安全局长将访华。", "The country's Director General of Security will visit China.")]  # fmt: skip
    inferred = document(pairs)
    find_terms(inferred, g)
    check_document(inferred)
    assert not [s.terms for s in inferred.segments if s.terms] and not term_errors(inferred)
    given = document(pairs, kind="central-government")  # the user says otherwise: the entry holds
    find_terms(given, g)
    check_document(given)
    assert term_errors(given) == ["missing-term"]


# --- eras -------------------------------------------------------------------------------------------------


def test_the_year_is_the_one_a_title_or_a_file_name_states():
    assert stated_year("2013年政府工作报告") == 2013
    assert stated_year("", "report-2019.docx") == 2019
    assert stated_year("关于12345热线的说明") is None


@pytest.mark.parametrize(
    ("year", "checks"),
    [
        (2014, []),  # a rendering of its era
        (2024, ["term-era"]),  # of another era: a warning that names the years
        (None, []),  # a year not known: any era's rendering is one the glossary knows
    ],
)
def test_a_rendering_of_an_era_is_accepted_in_its_years_and_warned_of_in_others(tmp_path, year, checks):
    g = glossary(tmp_path, entry("生态文明", "ecological civilization", eras=["ecological progress@2012-2017"]))
    source = "推进生态文明建设。"
    segment = Segment("s1", source, normalize(source), "We will promote ecological progress.")
    segment.terms = g.find_terms(segment.normalized)
    issues = check_segment(segment, (), year)
    assert [i.check for i in issues] == checks
    assert all(i.severity == "warning" for i in issues)
    if checks:
        assert "2012–2017" in issues[0].message and "ecological civilization" in issues[0].message


def test_the_year_and_kind_given_travel_in_the_xliff_and_translate_qa_uses_them(tmp_path, run):
    g = glossary(tmp_path, entry("生态文明", "ecological civilization", eras=["ecological progress@2012-2017"]))
    doc = document([("推进生态文明建设。", "We will promote ecological progress.")], year=2013, kind="party")
    path = tmp_path / "doc.zh-en.xlf"
    path.write_bytes(to_xliff(doc))
    back = read_xliff(path)
    assert (back.year, back.kind) == (2013, "party")
    result = run("translate", "qa", str(path), "--glossary", str(g.path), "--json")
    assert result.code == 0, result.err
    qa = json.loads(result.out)
    assert qa["errors"] == 0 and qa["warnings"] == 0, qa
    result = run("translate", "qa", str(path), "--glossary", str(g.path), "--json", "--year", "2024")
    assert json.loads(result.out)["by_check"] == {"term-era": 1}, result.out
    assert run("translate", "qa", str(path), "--year", "24").code == 2  # a year is four digits


# --- TBX --------------------------------------------------------------------------------------------------


def test_tbx_carries_senses_and_eras_both_ways():
    original = entry("办事处", "subdistrict office", scope=["local-government"], context=["-驻", "+街道"],
                     eras=["street office@-2008", "neighbourhood office@2009-"])  # fmt: skip
    data = to_tbx([original])
    assert b'type="usageNote">in: local-government<' in data and b"supersededTerm-admn-sts" in data
    (back,) = from_tbx(data, "t.tbx")
    assert (back.en, back.admitted, back.avoid) == ("subdistrict office", [], [])
    assert (back.scope, sorted(back.context), back.eras) == (original.scope, sorted(original.context), original.eras)


# --- evidence ---------------------------------------------------------------------------------------------


def test_evidence_proposes_an_era_and_a_word_that_excludes(tmp_path, run):
    glossary_rows = [
        row("一带一路", "Belt and Road", admitted="One Belt, One Road"),
        row("办事处", "subdistrict office", domain="government"),
    ]
    rows = [
        (2014, "推进一带一路建设。", "We will advance the One Belt, One Road initiative."),
        (2015, "一带一路建设取得进展。", "Progress was made on One Belt, One Road."),
        (2019, "共建一带一路。", "We will pursue Belt and Road cooperation."),
        (2023, "一带一路合作深化。", "Belt and Road cooperation deepened."),
        (2023, "驻上海办事处开展工作。", "The Shanghai representative office worked."),
        (2023, "驻广州办事处成立。", "The Guangzhou office was opened."),
        (2023, "街道办事处开展走访。", "The subdistrict office visited residents."),
        (2023, "办事处组织培训。", "The subdistrict office organised training."),
    ]
    found, path, corpus = _evidence_json(run, tmp_path, glossary_rows, rows)
    assert found["一带一路"]["proposed"]["eras"] == ["One Belt, One Road@2014-2015"]
    assert found["办事处"]["proposed"]["context"] == ["-驻"]
    text = run("glossary", "--glossary", str(path), "evidence", str(corpus)).out
    assert "proposed eras: One Belt, One Road@2014-2015" in text and "proposed context: -驻" in text


# --- traps: terms that are not the entry's sense, or are cut out of a longer word ----------------------------

# Each: Chinese, its correct English, and the term QA must not hold against it (the shipped glossary).
TRAPS = [
    ("人民生活水平不断提高。", "People's living standards kept rising.", "民生"),  # cut out of 人民生活
    ("自治区政府出台措施。", "The regional government issued measures.", "区政府"),  # 自治区
    ("特区政府依法施政。", "The SAR government governs in accordance with the law.", "区政府"),  # 特区
    ("自治区党委召开会议。", "The regional Party committee held a meeting.", "区委"),
    ("中国担任轮值主席国期间，推动合作。", "During China's rotating presidency, it promoted cooperation.", "主席"),
    ("书记员负责记录。", "The court clerk keeps the record.", "书记"),
    ("委员会中方主席将出席。", "The Co-Chair of the Chinese party of the committee will attend.", "主席"),
    ("驻上海办事处负责联络。", "The Shanghai representative office handles liaison.", "办事处"),
    ("美国国务院发表声明。", "The US Department of State issued a statement.", "国务院"),
    ("民生银行发布年报。", "China Minsheng Bank published its annual report.", "民生"),
    ("民生路拓宽工程开工。", "Work began on widening Minsheng Road.", "民生"),
    ("社区东路改造完成。", "Work on Shequ East Road was completed.", "社区"),
]
# Trap sentences that are sense traps only in a text on foreign affairs: the document around them says so.
DIPLOMACY = "外交部发言人表示，两国关系稳定，中方愿加强双边合作。"
FOREIGN_AFFAIRS_TRAPS = [
    ("瑞士联邦副主席将访华。", "The Vice President of the Swiss Confederation will visit China.", "副主席"),
    ("该国情报局局长会见中方代表。", "The country's Director General of Intelligence met China's envoy.", "局长"),
    ("两国街道整洁美丽。", "The streets of both countries are clean and beautiful.", "街道"),
    ("该国驻华办事处举办活动。", "The country's office in China held an event.", "办事处"),
    ("两国院长会晤。", "The heads of the two academies met.", "院长"),
]
# Controls: the same terms where they are the entry's, rendered wrongly: QA must report each.
CONTROLS = [
    ("持续改善民生。", "We will keep improving the matter.", "民生"),
    ("区政府出台措施。", "The matter issued measures.", "区政府"),
    ("区委召开会议。", "The matter held a meeting.", "区委"),
    ("政协主席出席会议。", "The matter of the CPPCC attended.", "主席"),
    ("区委书记讲话。", "The district Party committee's matter spoke.", "书记"),
    ("街道办事处开展走访。", "The matter visited residents.", "办事处"),
    ("国务院常务会议召开。", "An executive meeting of the matter was held.", "国务院"),
    ("街道社区共同发力。", "The matter and communities worked together.", "街道"),
    (
        "全区街道社区共同发力，局长带队。",
        "Across the district, communities and the matter worked; the matter led.",
        "局长",
    ),
]


def _term_checks(pairs, term):
    shipped = load_glossary()
    doc = document(pairs)
    find_terms(doc, shipped)
    check_document(doc)
    return [
        i.check for s in doc.segments for i in s.issues
        if i.severity == "error" and i.check in ("missing-term", "avoided-term") and term in i.message
    ]  # fmt: skip


@pytest.mark.parametrize(("zh", "en", "term"), TRAPS)
def test_a_trap_does_not_fire(zh, en, term):
    assert _term_checks([(zh, en)], term) == []


@pytest.mark.parametrize(("zh", "en", "term"), FOREIGN_AFFAIRS_TRAPS)
def test_a_trap_in_a_text_on_foreign_affairs_does_not_fire(zh, en, term):
    assert _term_checks([(DIPLOMACY, "The spokesperson said relations were stable."), (zh, en)], term) == []


@pytest.mark.parametrize(("zh", "en", "term"), CONTROLS)
def test_a_control_is_caught(zh, en, term):
    assert _term_checks([(zh, en)], term) == ["missing-term"]


def test_translate_qa_says_what_it_inferred_and_how_to_say_otherwise(tmp_path, run):
    path = tmp_path / "briefing-2014.zh-en.xlf"
    write_plain_xliff([(DIPLOMACY, "The spokesperson said relations were stable.")], path)
    result = run("translate", "qa", str(path))
    assert "read as year 2014 (from its title or name; --year to say otherwise)" in result.out
    assert "a diplomacy text (from its words; --kind to say otherwise)" in result.out
    given = run("translate", "qa", str(path), "--year", "2015", "--kind", "party")
    assert "read as" not in given.out


def _evidence_json(run, tmp_path, glossary_rows, rows):
    path = tsv(tmp_path, *glossary_rows)
    corpus = tmp_path / "parallel.csv"
    with corpus.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["year", "zh", "en"])
        writer.writerows(rows)
    result = run("glossary", "--glossary", str(path), "evidence", str(corpus), "--json")
    assert result.code == 0, result.err
    return {e["zh"]: e for e in json.loads(result.out)["entries"]}, path, corpus


def test_evidence_proposes_whole_words_and_no_word_where_the_english_words_it_otherwise(tmp_path, run):
    rows = [
        (2020, "外交部发言人说，两国常务委员会将会晤。", "The spokesperson said the two standing bodies will meet."),
        (2020, "两国常务委员会开展合作。", "The standing bodies of the two countries cooperate."),
        (2020, "全国人大常务委员会通过决定。", "The NPC Standing Committee adopted a decision."),
        (2021, "常务委员会会议闭幕。", "The session of the Standing Committee closed."),
    ]
    found, _, _ = _evidence_json(run, tmp_path, [row("常务委员会", "Standing Committee", domain="government")], rows)
    assert found["常务委员会"]["proposed"]["context"] == []  # "standing bodies" twice: a wording, not a sense
    rows[1] = (2020, "两国常务委员会开展合作。", "The two countries' joint committees cooperate.")
    found, _, _ = _evidence_json(run, tmp_path, [row("常务委员会", "Standing Committee", domain="government")], rows)
    assert found["常务委员会"]["proposed"]["context"] == ["-两国"]  # the word, never 两 or 国 cut out of it


def test_evidence_counts_an_eras_rendering_as_the_entrys_and_proposes_no_other_sense_as_an_era(tmp_path, run):
    rows = [
        (2013, "推进生态文明建设。", "We will promote ecological progress."),
        (2014, "加强生态文明建设。", "We will step up ecological progress."),
        (2020, "加快生态文明建设。", "We will build an ecological civilization faster."),
        (2023, "生态文明建设成效显著。", "Ecological civilization made headway."),
        (2015, "西安钟楼游人如织。", "The Bell Tower in Xi'an draws crowds."),
        (2016, "钟楼是古城地标。", "The Bell Tower is the old town's landmark."),
        (2022, "钟楼区经济增长。", "Zhonglou District's economy grew."),
        (2023, "钟楼区加快发展。", "Zhonglou District sped up its development."),
    ]
    glossary_rows = [
        row("生态文明", "ecological civilization", domain="environment") + "\t\t\tecological progress@2012-2017",
        row("钟楼", "Zhonglou District", domain="place"),
    ]
    found, path, corpus = _evidence_json(run, tmp_path, glossary_rows, rows)
    assert found["生态文明"]["neither"] == 0 and found["生态文明"]["proposed"] == {
        "eras": [],
        "context": [],
        "scope": [],
    }
    assert found["钟楼"]["proposed"]["eras"] == []  # the Bell Tower shares no word with the district: a sense
    text = run("glossary", "--glossary", str(path), "evidence", str(corpus)).out
    assert f"glossary --glossary {path} set" in text or "proposed" not in text


def test_an_import_never_narrows_an_approved_entry_and_says_what_it_changed(tmp_path, run):
    path = tsv(
        tmp_path,
        row("办事处", "subdistrict office", domain="government"),
        row("街道", "subdistrict", status="proposed", domain="government"),
        row("生态文明", "ecological civilization", domain="environment") + "\t\t\tecological progress@2014-2015",
    )
    incoming = [
        entry("办事处", "subdistrict office", context=["-驻"], scope=["local-government"]),
        Entry("街道", "subdistrict", Status.PROPOSED, scope=["local-government"]),
        entry("生态文明", "ecological civilization", eras=["ecological progress@2012-2017", "eco-progress@2012-2013"]),
    ]
    tbx = tmp_path / "in.tbx"
    tbx.write_bytes(to_tbx(incoming))
    result = run("glossary", "--glossary", str(path), "import", str(tbx))
    assert result.code == 0, result.err
    assert "0 added, 2 updated, 1 conflicts, 0 unchanged" in result.out, result.out
    assert (
        "办事处: kept the approved entry's senses, file has context -驻, scope local-government"
        in result.out + result.err
    )
    stored = load_glossary(path)
    assert (stored.find("办事处").context, stored.find("办事处").scope) == ([], [])  # approved: never narrowed
    assert stored.find("街道").scope == ["local-government"]  # proposed: takes them for its review
    assert stored.find("生态文明").eras == ["ecological progress@2014-2015", "eco-progress@2012-2013"]  # yours kept


def test_a_context_word_is_stored_as_one_word_after_its_sign(tmp_path, run):
    path = tsv(tmp_path, row("区委", "district Party committee"))
    assert run("glossary", "--glossary", str(path), "set", "区委", "--context=+ 街道|- 自治 |+街道").code == 0
    assert load_glossary(path).find("区委").context == ["+街道", "-自治"]


def test_the_printed_command_quotes_what_the_text_gave_and_moves_an_admitted_rendering(tmp_path, run):
    hostile = "İ" * 32 + ' ecological progress";:>31337;"'
    rows = [
        (2012, "推进生态文明建设。", f"{hostile} one."),
        (2013, "加强生态文明建设。", f"{hostile} two."),
        (2020, "加快生态文明建设。", "We will build an ecological civilization faster."),
        (2021, "生态文明建设成效显著。", "Ecological civilization made headway."),
        (2013, "全面深化改革。", "We will comprehensively deepen reform."),
        (2014, "全面深化改革取得进展。", "Progress was made in comprehensively deepening reform."),
        (2020, "全面深化改革。", "We will deepen reform comprehensively."),
        (2022, "全面深化改革。", "Deepen reform comprehensively."),
    ]
    glossary_rows = [
        row("生态文明", "ecological civilization", domain="environment"),
        row("全面深化改革", "deepening reform comprehensively", admitted="comprehensively deepening reform"),
    ]
    found, path, corpus = _evidence_json(run, tmp_path, glossary_rows, rows)
    for era in found["生态文明"]["proposed"]["eras"]:
        assert era.split("@")[0].lower() in hostile.lower()  # as the English writes it, never shifted
    text = run("glossary", "--glossary", str(path), "evidence", str(corpus)).out
    command = next(line for line in text.splitlines() if "proposed eras" in line and "全面深化改革" in line)
    command = command[command.index("(glossary") + 1 : -1]
    assert "--admitted=''" in command  # the admitted rendering moves to the eras
    words = shlex.split(command)
    assert run(*words).code == 0
    entry_ = load_glossary(path).find("全面深化改革")
    assert entry_.admitted == [] and entry_.eras == ["comprehensively deepening reform@2013-2014"]
    for line in text.splitlines():
        if "(glossary" in line:
            assert all(";" not in word or "'" in line for word in shlex.split(line[line.index("(glossary") + 1 : -1]))


def test_a_superseded_tbx_term_without_its_years_is_one_to_avoid():
    data = to_tbx([entry("生态文明", "ecological civilization", eras=["ecological progress@2012-2017"])])
    data = data.replace(b"official 2012-2017", b"official 2012\xe2\x80\x932017")  # an en dash
    data = data.replace(
        b"</langSet>\n      </termEntry>",
        b"<tig><term>old words</term><termNote "
        b'type="administrativeStatus">supersededTerm-admn-sts</termNote></tig></langSet>\n      </termEntry>',
    )
    (back,) = from_tbx(data, "t.tbx")
    assert back.eras == ["ecological progress@2012-2017"]
    assert "old words" in back.avoid and "old words" not in back.admitted


# Titles and bodies as official English names them (Xinhua's and the Foreign Ministry's forms): no term error.
OFFICIAL_NAMES = [
    (
        "全国人大常委会委员长栗战书会见了代表团。",
        "Li Zhanshu, chairman of the NPC Standing Committee, met the delegation.",
    ),
    ("全国政协主席汪洋出席会议。", "Wang Yang, chairman of the CPPCC National Committee, attended the meeting."),
    ("国家副主席王岐山出席典礼。", "Vice President Wang Qishan attended the ceremony."),
    ("中央军委主席习近平签署命令。", "Xi Jinping, chairman of the Central Military Commission, signed the order."),
    ("国务委员兼外交部长王毅表示。", "State Councilor and Foreign Minister Wang Yi said."),
    (
        "中共中央政治局常委、国务院副总理韩正出席。",
        "Han Zheng, member of the Standing Committee of the Political Bureau of the CPC Central Committee "
        "and vice premier, attended.",
    ),
    (
        "中共中央总书记、国家主席习近平发表讲话。",
        "Xi Jinping, general secretary of the CPC Central Committee and Chinese president, delivered a speech.",
    ),
    ("最高人民法院院长周强作报告。", "Zhou Qiang, president of the Supreme People's Court, delivered a report."),
    (
        "最高人民检察院检察长张军作报告。",
        "Zhang Jun, procurator-general of the Supreme People's Procuratorate, delivered a report.",
    ),
    (
        "中央纪委国家监委开展工作。",
        "The CPC Central Commission for Discipline Inspection and the National Commission of Supervision "
        "carried out work.",
    ),
    (
        "全国人民代表大会常务委员会通过法律。",
        "The Standing Committee of the National People's Congress adopted the law.",
    ),
    ("十四届全国人大一次会议开幕。", "The first session of the 14th National People's Congress opened."),
    ("党的二十大胜利召开。", "The 20th CPC National Congress was successfully held."),
    ("二十届三中全会通过决定。", "The third plenary session of the 20th CPC Central Committee adopted the decision."),
    (
        "香港特别行政区政府依法施政。",
        "The government of the Hong Kong Special Administrative Region governs in accordance with the law.",
    ),
    ("新疆维吾尔自治区党委书记马兴瑞。", "Ma Xingrui, Party secretary of the Xinjiang Uygur Autonomous Region."),
    ("北京市委书记尹力出席。", "Yin Li, secretary of the CPC Beijing Municipal Committee, attended."),
    ("上海市市长龚正出席。", "Shanghai Mayor Gong Zheng attended."),
    (
        "国家发展改革委主任郑栅洁介绍情况。",
        "Zheng Shanjie, head of the National Development and Reform Commission, briefed the press.",
    ),
    ("商务部部长王文涛出席。", "Commerce Minister Wang Wentao attended."),
]


# Governance terms in the wordings official English of the last fifteen years uses for them: no term error.
OFFICIAL_WORDINGS = [
    ("我们打赢了脱贫攻坚战。", "We won the battle against poverty."),
    ("加快构建新发展格局。", "We will accelerate efforts to foster a new development pattern."),
    ("加快构建新发展格局。", "We will accelerate efforts to create a new development paradigm."),
    ("发展全过程人民民主。", "We will develop whole-process people's democracy."),
    ("全面推进依法治国。", "We will advance law-based governance on all fronts."),
    ("坚持以人民为中心的发展思想。", "We will stay committed to a people-centered philosophy of development."),
    (
        "深化放管服改革。",
        "We will deepen reforms to streamline administration, delegate power, improve regulation, "
        "and upgrade services.",
    ),
    ("做好六稳工作、落实六保任务。", "We ensured stability on six fronts and security in six areas."),
    ("深化供给侧结构性改革。", "We will deepen supply-side structural reform."),
    ("推进碳达峰碳中和。", "We will work toward peaking carbon dioxide emissions and achieving carbon neutrality."),
    ("持续优化营商环境。", "We will keep improving the business environment."),
    ("全面贯彻一国两制方针。", "We will fully implement the policy of One Country, Two Systems."),
    ("扎实推动共同富裕。", "We will make solid progress toward common prosperity."),
    ("全面推进乡村振兴。", "We will advance rural revitalization across the board."),
    (
        "常态化开展扫黑除恶斗争。",
        "We will regularize the campaign to combat organized crime and root out local criminal gangs.",
    ),
    ("坚持和完善人民代表大会制度。", "We will uphold and improve the system of people's congresses."),
    ("加强基层治理。", "We will strengthen governance at the primary level."),
    ("加强基层治理。", "We will strengthen community-level governance."),
    ("推进国家治理体系和治理能力现代化。", "We will modernize China's system and capacity for governance."),
    ("弘扬社会主义核心价值观。", "We will promote the core socialist values."),
    ("坚持党的全面领导。", "We will uphold the Party's overall leadership."),
    ("推动构建人类命运共同体。", "We will work to build a human community with a shared future."),
    ("实施创新驱动发展战略。", "We will implement the innovation-driven development strategy."),
    ("大力发展数字经济。", "We will vigorously develop the digital economy."),
    ("加快建设全国统一大市场。", "We will accelerate the building of a unified national market."),
    ("稳步推进城镇化。", "We will steadily advance urbanization."),
    ("保障和改善民生。", "We will ensure and improve the people's well-being."),
    ("保障和改善民生。", "We will ensure and improve living standards."),
    ("打好污染防治攻坚战。", "We will fight the battle against pollution."),
    ("推动高质量发展。", "We will promote high-quality development."),
]


# A district's or city's report, as official local English words it: no term error.
LOCAL_WORDINGS = [
    ("推进老旧小区改造。", "We will renovate old residential compounds."),
    ("实施城市更新行动。", "We will carry out urban renewal initiatives."),
    ("深入推进垃圾分类。", "We will further promote waste sorting."),
    ("深化接诉即办改革。", "We will deepen the reform of swift response to public complaints."),
    ("完善网格化管理。", "We will improve grid-based management."),
    ("全面推行河长制。", "We will fully implement the river chief system."),
    ("做好信访工作。", "We will handle public complaints well."),
    ("做好信访工作。", "We will handle letters and calls from the public well."),
    ("建设安置房5000套。", "We will build 5,000 resettlement housing units."),
    (
        "依法依规推进征地拆迁。",
        "We will carry out land acquisition, demolition and relocation in accordance with the law.",
    ),
    ("加强社区建设。", "We will strengthen community development."),
    ("街道办事处负责实施。", "Subdistrict offices are responsible for implementation."),
    ("区委区政府高度重视。", "The district Party committee and the district government attach great importance to it."),
    ("一般公共预算收入增长5.2%。", "General public budget revenue rose by 5.2%."),
    (
        "城乡居民人均可支配收入分别增长5%和6%。",
        "Per capita disposable income of urban and rural residents rose by 5% and 6% respectively.",
    ),
    ("新增城镇就业1.2万人。", "We added 12,000 urban jobs."),
    ("PM2.5平均浓度下降到30微克/立方米。", "The average PM2.5 density dropped to 30 micrograms per cubic meter."),
    ("完成固定资产投资100亿元。", "Fixed-asset investment reached 10 billion yuan."),
    ("建成15分钟生活圈。", "We built 15-minute community service circles."),
]


@pytest.mark.parametrize(("zh", "en"), OFFICIAL_NAMES + OFFICIAL_WORDINGS + LOCAL_WORDINGS)
def test_official_wordings_raise_no_term_error(zh, en):
    shipped = load_glossary()
    segment = Segment("s1", zh, normalize(zh), en)
    segment.terms = shipped.find_terms(segment.normalized)
    assert [i.message for i in check_segment(segment) if i.severity == "error"] == []
