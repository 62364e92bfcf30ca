"""One rule for text at every door (foundation/text.py): random Unicode thrown at every writer, pasted
characters cleaned or refused, outside files refused unit by unit."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from foundation.errors import UserError
from foundation.text import NotAllowedCharacter, allowed, clean, first_not_allowed, storable
from glossary.entry import Entry, Status
from glossary.exchange import from_csv, from_tbx, to_csv, to_tbx
from glossary.store import MAX_FIELD, Glossary, load_glossary, save_glossary
from translate.bitext import from_xliff, to_xliff
from translate.document import Block, BlockKind, Document, Segment, State
from translate.memory import Unit, memory_at
from translate.tm_files import to_tmx, units_of

from .test_glossary import row, tsv

# The characters that break files, and the ones that must pass untouched.
C0 = [chr(c) for c in range(0x20)]
C1 = [chr(c) for c in range(0x7F, 0xA0)]
HOSTILE = [*C0, *C1, "\ud800", "\udfff", "\ufffe", "\uffff", "\ufdd0", "\U0010ffff", "\u2028", "\u2029"]
BIDI = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
ORDINARY = ["党工委", "六稳六保", "Party", " ", "1,200", "&", "<", ">", '"', "'", "]]>", "\t", "\n", "\U0001f600"]

pieces = st.one_of(
    st.sampled_from(HOSTILE + BIDI + ORDINARY),
    st.text(alphabet=st.characters(blacklist_categories=()), max_size=12),  # every plane, surrogates too
)
short_texts = st.lists(pieces, max_size=12).map("".join)
# Now and then one of 10,000 characters: the same text repeated, so generating it costs nothing.
texts = st.one_of(short_texts, short_texts.filter(bool).map(lambda text: (text * (10_000 // len(text) + 1))[:10_000]))
CHECKS = settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def document_with(target: str) -> Document:
    source = "街道党工委召开会议。"
    segment = Segment("b1s1", source, source, target, State.TRANSLATED if target else State.INITIAL, "human")
    return Document("title", [Block("b1", BlockKind.PARAGRAPH, [segment])], "report")


def test_the_rule():
    assert allowed("党工委 Party\tWorking\nCommittee \u202e\u200d\U0001f600")
    for char in HOSTILE:
        if char not in "\t\n\u2028\u2029":  # the separators are XML text; only a paste turns them into breaks
            assert not allowed(f"a{char}b"), hex(ord(char))
    assert first_not_allowed("ab\x01c") == (3, "\x01")


def test_pasted_text_is_cleaned_where_its_meaning_is_plain():
    assert clean("line\x0bbreak\u2028and\u2029more\r\nend\rx", "t") == "line\nbreak\nand\nmore\nend\nx"
    assert clean(" a\x0b b\u2028 ", "t", one_line=True) == "a b"
    with pytest.raises(NotAllowedCharacter, match=r"U\+0001 \(a control character\) at character 3"):
        clean("a\x0b\x01", "the translation")
    with pytest.raises(NotAllowedCharacter, match=r"U\+D800 \(a lone surrogate\) at character 2"):
        clean("a\ud800", "the translation")
    with pytest.raises(NotAllowedCharacter, match=r"U\+001B \(ESCAPE, a control character\)"):
        clean("\x1b[31m", "the translation")


def test_text_read_or_answered_by_an_engine_is_made_storable():
    assert storable("a\x0bb\x01c\x85d\ufffe") == ("a\nbc\nd", 2)


@CHECKS
@given(target=texts, version=st.sampled_from(["2.1", "1.2"]))
def test_xliff_either_refuses_or_reads_back_what_it_stored(target, version):
    if not allowed(target):
        with pytest.raises(NotAllowedCharacter):
            to_xliff(document_with(target), version)
        return
    data = to_xliff(document_with(target), version)
    ET.fromstring(data)  # well-formed
    assert from_xliff(data, "report.zh-en.xlf").segments[0].target == target


@CHECKS
@given(source=texts, target=texts)
def test_the_memory_either_refuses_or_keeps_it_and_exports_a_tmx_that_parses(tmp_path, source, target):
    memory = memory_at(tmp_path / "tm.sqlite")
    # A TMX reader trims the ends of a <seg> (tools indent them), so the texts stored here have none.
    source, target = source.strip(), target.strip()
    assume(source and target)
    before = memory.units()
    unit = Unit(source, target, "human", State.TRANSLATED.value, file="x.tmx", segment="1")
    if not (allowed(source) and allowed(target)):
        with pytest.raises(NotAllowedCharacter):
            memory.add_human([unit])
        assert memory.units() == before  # nothing stored, nothing lost
        return
    memory.add_human([unit])
    stored = next(u for u in memory.units() if u.source == source and u.target == target)
    tmx = to_tmx(memory.units())
    ET.fromstring(tmx)
    back = units_of(tmx, "export.tmx", ".tmx")
    assert not back.refused
    assert any(u.source_as_written == stored.source_as_written and u.target == stored.target for u in back.units)


def entry_with(en: str, note: str) -> Entry:
    return Entry("党工委", en, Status.APPROVED if en.strip() else Status.PROPOSED, note=note)


@CHECKS
@given(en=texts, note=texts)
def test_the_glossary_file_either_refuses_or_reads_back_what_it_stored(tmp_path, en, note):
    path = tsv(tmp_path, row("区委", "district Party committee"))
    before = path.read_bytes()
    glossary = load_glossary(path)
    glossary.add(entry_with(en, note))
    try:
        save_glossary(glossary)
    except UserError as refused:
        too_long = len(" ".join(en.split())) > MAX_FIELD // 10 or len(" ".join(note.split())) > MAX_FIELD
        assert not (allowed(en) and allowed(note)) or not en.strip() or too_long, refused  # only for a reason
        assert path.read_bytes() == before
        return
    stored = load_glossary(path).find("党工委")
    assert (stored.en, stored.note) == (" ".join(en.split()), " ".join(note.split()))  # fields are one line


@CHECKS
@given(en=texts)
def test_tbx_and_csv_either_refuse_or_read_back_what_they_wrote(en):
    en = " ".join(en.split())
    assume(en)
    entry = Entry("党工委", en, Status.APPROVED)
    for write, read in ((to_tbx, from_tbx), (lambda entries: to_csv(entries, header=True), from_csv)):
        if not allowed(en):
            with pytest.raises(NotAllowedCharacter):
                write([entry])
            continue
        data = write([entry])
        assert [e.en for e in read(data, "g")] == [en]
    if allowed(en):
        ET.fromstring(to_tbx([entry]))


def test_a_glossary_object_never_written_half(tmp_path):
    path = tsv(tmp_path, row("区委", "district Party committee"))
    glossary = Glossary(path, [*load_glossary(path).entries, Entry("街道", "sub\x01district", Status.APPROVED)], "")
    with pytest.raises(NotAllowedCharacter):
        save_glossary(glossary)
    assert load_glossary(path).find("区委").en == "district Party committee"


# Outside files: a unit that breaks the rule is refused with where it stands; the rest come in.


def test_tm_import_refuses_the_unit_not_the_file(run, tmp_path):
    tmx = tmp_path / "in.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="zh-CN"/><body>'
        '<tu tuid="good"><tuv xml:lang="zh-CN"><seg>召开会议。</seg></tuv>'
        '<tuv xml:lang="en"><seg>A meeting.</seg></tuv></tu>'
        '<tu tuid="bad"><tuv xml:lang="zh-CN"><seg>就业。</seg></tuv>'
        '<tuv xml:lang="en"><seg>Jobs\u0085 up.</seg></tuv></tu>'
        "</body></tmx>",
        encoding="utf-8",
    )
    rows = io.StringIO()
    csv.writer(rows).writerows([["zh", "en"], ["完成目标。", "Targets met."], ["会议结束。", "It \x01ended."]])
    table = tmp_path / "in.csv"
    table.write_text(rows.getvalue(), encoding="utf-8")
    memory = tmp_path / "tm.sqlite"
    result = run("translate", "tm", "import", str(tmx), str(table), "--tm", str(memory))
    assert result.code == 0, result.err
    assert f"{tmx}: unit bad: its English holds U+0085 (NEXT LINE, a control character) at character 5" in result.err
    assert f"{table}: unit 3: its English holds U+0001 (a control character) at character 4" in result.err
    assert "1 units read (1 refused)" in result.out
    assert sorted(u.target for u in memory_at(memory).units()) == ["A meeting.", "Targets met."]


def test_translate_import_refuses_the_segment_not_the_file(run, tmp_path):
    document = document_with("The committee met.")
    other = Segment("b1s2", "就业增加。", "就业增加。", "JOBS", State.FINAL, "human")
    document.blocks[0].segments.append(other)
    xliff = tmp_path / "report.zh-en.xlf"  # as another tool wrote it: U+009F is XML, but no text we keep
    edited = to_xliff(document).replace(b">The committee met.<", b">The Party committee met.<")  # post-edited both
    xliff.write_bytes(edited.replace(b"JOBS", "Jobs\u009f rose.".encode()))
    memory = tmp_path / "tm.sqlite"
    result = run("translate", "import", str(xliff), "--tm", str(memory))
    assert result.code == 0, result.err
    assert "unit b1s2: its English holds U+009F (a control character) at character 5" in result.err
    assert "(1 refused)" in result.out
    assert [u.target for u in memory_at(memory).units()] == ["The Party committee met."]


def test_glossary_import_refuses_the_entry_not_the_file(run, tmp_path):
    path = tsv(tmp_path, row("区委", "district Party committee"))
    table = tmp_path / "terms.csv"
    table.write_text("zh,en\n街道,subdistrict\n网格,grid\x07 cell\n", encoding="utf-8")
    result = run("glossary", "--glossary", str(path), "import", str(table))
    assert result.code == 0, result.err
    assert "terms.csv:3: the field 'grid\\x07 cell' holds U+0007 (a control character) at character 5" in result.err
    assert "1 added" in result.out and "1 refused" in result.out
    assert load_glossary(path).find("街道") and not load_glossary(path).find("网格")


def test_a_report_with_control_characters_translates_to_a_file_that_reads(run, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("街道党工委\x85召开会议。\n\n全年新增就业\x9f1200人。\n", encoding="utf-8")  # C1: cp1252 mojibake
    result = run("translate", str(report), "--engine", "none", "--out", str(tmp_path / "out"), "--no-tm")
    assert result.code == 0, result.err
    xliff = (tmp_path / "out" / "report.zh-en.xlf").read_bytes()
    assert all(allowed(s.source) for s in from_xliff(xliff, "x").segments)
