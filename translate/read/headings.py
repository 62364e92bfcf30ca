"""What a line of a report is: a section heading, a line that stands alone (a
byline, a dateline, a name, a salutation), or body text.

Headings are found from what they are, not from being short:

- **Numbered sections**, in the order GB/T 9704 (the layout standard for
  official documents) nests them, 一、 （一） 1. （1）, with 第…章/节 above them
  and the capital numerals 壹、 貳、 of Traditional-script documents above 一、.
  A document's levels are the ranks of the numberings it uses, so a report
  numbered 一、 then （一） and one numbered 壹、 then 一、 both nest right.
- **Run-in numbered headings**: a paragraph that opens with 一、 or （一） and a
  short sentence (``（一）大力推进现代化产业体系建设，加快发展新质生产力。`` then
  the body) is that heading and a paragraph.
- **Short lines that stand alone and read as headings**: no sentence-final
  punctuation, at most one comma; but not a dateline (``——2024年3月5日在…``,
  ``（2021年1月5日）``), a speaker's office (``国务院总理``) or the name on the
  line after it (``李　强``; a spaced ``前　言`` elsewhere is a heading), or a
  salutation (``各位代表：``, which ends in a colon), or an aside wholly in
  parentheses (``（来源：新华网）``, ``（此件公开发布）``, ``（掌声）``): a note on
  the text, not a title of part of it.  Datelines, bylines and asides also
  never take in the next line as a broken-off part of themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from foundation.script import CHINESE_NUMERALS
from translate.document import BlockKind, RawBlock
from translate.segment import CLAUSE_ENDS, CLOSERS, SENTENCE_ENDS

MAX_HEADING_CHARS = 30  # a short heading standing alone
MAX_NUMBERED_HEADING_CHARS = 60  # a numbered line standing alone
MAX_RUN_IN_HEADING_CHARS = 40  # the opening sentence of a numbered paragraph

_NUMERALS = CHINESE_NUMERALS + "兩"
_CAPITALS = "壹贰貳叁參肆伍陆陸柒捌玖拾佰"
# Outermost first.  ``run_in``: the numbering also opens paragraphs whose first sentence is the heading.
NUMBERINGS = (
    ("part", re.compile(rf"^第[{_NUMERALS}\d]+(?:[编編篇]|部分)"), True),  # not 第一部《民法典》
    ("chapter", re.compile(rf"^第[{_NUMERALS}\d]+章"), True),
    ("section", re.compile(rf"^第[{_NUMERALS}\d]+[节節]"), True),
    ("capital", re.compile(rf"^[{_CAPITALS}]+[、．.]"), True),
    ("numeral", re.compile(rf"^[{_NUMERALS}]+[、．]"), True),
    ("paren-numeral", re.compile(rf"^[（(][{_NUMERALS}]+[）)]"), True),
    ("arabic", re.compile(r"^\d{1,2}[.．、](?![\d%％])"), False),
    ("paren-arabic", re.compile(r"^[（(]\d{1,2}[）)]"), False),
)
_RUN_IN = {name for name, _, run_in in NUMBERINGS if run_in}
_INLINE_PUNCTUATION = re.compile(r"[，,。；;！？!?]")
_DATELINE = re.compile(r"^(?:[—─－]{1,2}|-{2}|[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[）)]?\s*$)")
_OFFICES = "|".join(  # a speaker's office ends a byline
    "总理 總理 主席 书记 書記 省长 省長 市长 市長 区长 區長 县长 縣長 镇长 鎮長 乡长 鄉長 "
    "主任 局长 局長 部长 部長 厅长 廳長".split()
)
_BYLINE = re.compile(rf"^\S{{0,16}}?(?:{_OFFICES})(?:[\s\u3000]+\S(?:[\s\u3000]*\S){{1,3}})?$")
# A line wholly in one pair of round brackets: a source, a note, a stage direction.
_ASIDE = re.compile(r"^[（(][^（()）]+[）)]$")
_NAME_CHARS = 4  # a name on the line after a byline: 李　强, 王小明
_FIRST_SENTENCE = re.compile(rf"^.*?[{SENTENCE_ENDS}][{re.escape(CLOSERS)}]*")


@dataclass(frozen=True)
class Role:
    """What a line is: a heading (with its numbering, "" for none), a line that stands alone, or body."""

    heading: bool = False
    numbering: str = ""
    alone: bool = False


BODY = Role()


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence or a clause, so that the next line starts anew."""
    stripped = text.rstrip().rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in SENTENCE_ENDS + CLAUSE_ENDS


def numbering(text: str) -> str:
    """The kind of section number ``text`` opens with, or ""."""
    return next((name for name, pattern, _ in NUMBERINGS if pattern.match(text)), "")


def stands_alone(line: str) -> bool:
    """A dateline, a byline (a speaker's office, perhaps with the name) or an aside in parentheses."""
    return bool(_DATELINE.match(line) or _BYLINE.match(line) or _ASIDE.match(line))


def line_role(line: str) -> Role:
    """The role of a line that stands on its own in the source."""
    kind = numbering(line)
    if kind:
        first = _FIRST_SENTENCE.match(line)
        one_sentence = not first or first.end() == len(line)  # else a run-in heading, split off later
        short_enough = len(line) <= MAX_NUMBERED_HEADING_CHARS
        # 1. and (1) also number list items: as headings they carry no sentence-final stop
        if one_sentence and short_enough and (kind in _RUN_IN or not ends_sentence(line)):
            return Role(heading=True, numbering=kind)
        return BODY
    if stands_alone(line):
        return Role(alone=True)
    readable = any(char.isalnum() for char in line)  # not a stray punctuation mark
    if readable and len(line) <= MAX_HEADING_CHARS and not ends_sentence(line) and line[0] not in CLOSERS:
        # A short line that reads like a clause list is body text, not a title.
        if len(_INLINE_PUNCTUATION.findall(line)) <= 1:
            return Role(heading=True)
    return BODY


def raw_block(line: str) -> RawBlock:
    """A line standing on its own as a block: a heading (level 2, numbered ones levelled later) or a paragraph."""
    role = line_role(line)
    return RawBlock(BlockKind.HEADING, line, 2, role.numbering) if role.heading else RawBlock(BlockKind.PARAGRAPH, line)


def split_run_in(block: RawBlock) -> list[RawBlock]:
    """A paragraph opening with a run-in numbered heading, as that heading and the rest."""
    kind = numbering(block.text)
    if block.kind is not BlockKind.PARAGRAPH or kind not in _RUN_IN:
        return [block]
    first = _FIRST_SENTENCE.match(block.text)
    rest = block.text[first.end() :].strip() if first else ""
    if not first or not rest or len(first.group()) > MAX_RUN_IN_HEADING_CHARS:
        return [block]
    return [RawBlock(BlockKind.HEADING, first.group(), numbering=kind), RawBlock(BlockKind.PARAGRAPH, rest)]


def settle_headings(blocks: list[RawBlock]) -> list[RawBlock]:
    """Run-in headings split off; a short line after a byline is the speaker's name, not a heading;
    numbered headings levelled by the rank of their numbering among those the document uses (the
    title is level 1; unnumbered headings found by their shape are level 2)."""
    blocks = [part for block in blocks for part in split_run_in(block)]
    for before, block in zip(blocks, blocks[1:]):
        name = re.sub(r"\s", "", block.text)
        if not block.numbering and _BYLINE.match(before.text) and len(name) <= _NAME_CHARS and block.level > 1:
            block.kind, block.level = BlockKind.PARAGRAPH, 1
    order = [name for name, _, _ in NUMBERINGS]
    used = sorted({b.numbering for b in blocks if b.numbering}, key=order.index)
    for block in blocks:
        if block.numbering:
            block.level = min(2 + used.index(block.numbering), 6)
    return blocks
