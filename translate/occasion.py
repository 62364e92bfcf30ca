"""A document's year and kind: which renderings were official when it was written (``glossary.eras``),
and which sense of a term it means (``glossary.senses``).

Both can be given (``--year``, ``--kind``; written into the XLIFF, so QA and the review app read them
back).  When they are not:

- the year is the one its title or its file's name states (2013年政府工作报告, report-2013.docx);
  never one from the body, where years are those a text speaks of, not the one it was written in;
- the kind is inferred only where a text says it plainly: words only a text on foreign affairs uses
  (外交部, 大使, 两国, 中方, ``CUES``), or only a district's or city's own report (街道, 我区, 区委), at
  least ``MIN_CUES`` times in all and ``MIN_CUE_WORDS`` different ones, and twice as often as the other
  kind's; each counted where it stands apart from the others (外交部发言人 is 外交部 and 发言人, never also
  外交).  Otherwise the kind is not known, and every entry holds, as it would without a scope.
"""

from __future__ import annotations

import re

from translate.document import Document

MIN_CUES = 3
MIN_CUE_WORDS = 2
_YEAR = re.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")
CUES = {
    "diplomacy": (
        "外交部", "外交", "发言人", "大使", "使馆", "领事", "外长", "双边", "两国", "中方", "会谈", "会晤",
        "国事访问", "建交", "联合国", "多边",
    ),
    "local-government": (
        "街道", "我区", "全区", "区委", "区政府", "我市", "全市", "市委", "市政府", "我县", "全县", "县委",
        "镇政府", "乡镇",
    ),
}  # fmt: skip


def stated_year(*names: str) -> int | None:
    """The year the first of ``names`` (a title, a file's name) that states one states."""
    for name in names:
        match = _YEAR.search(name or "")
        if match:
            return int(match.group())
    return None


def document_year(document: Document) -> int | None:
    return document.year or stated_year(document.title, document.source_file, document.stem)


_CUE = {kind: re.compile("|".join(sorted(cues, key=len, reverse=True))) for kind, cues in CUES.items()}


def inferred_kind(text: str) -> str:
    """The kind of document the Chinese ``text`` plainly is, of those ``CUES`` tells apart; "" if not plain."""
    found = {kind: [match.group() for match in cue.finditer(text)] for kind, cue in _CUE.items()}
    counts = sorted(((len(cues), kind) for kind, cues in found.items()), reverse=True)
    (most, best), (next_most, _) = counts[:2]
    plain = most >= MIN_CUES and len(set(found[best])) >= MIN_CUE_WORDS and most >= 2 * next_most
    return best if plain else ""


def document_kind(document: Document) -> str:
    return document.kind or inferred_kind("\n".join(segment.normalized for segment in document.segments))


def read_as(document: Document) -> list[tuple[str, str, str]]:
    """What QA reads the document as, for people: each reading, where it comes from, and the option that
    says otherwise: ("year 2014", "from its title or name", "--year"), ("a diplomacy text", "given", "--kind")."""
    readings = []
    if year := document_year(document):
        readings.append((f"year {year}", "given" if document.year else "from its title or name", "--year"))
    if kind := document_kind(document):
        readings.append((f"a {kind} text", "given" if document.kind else "from its words", "--kind"))
    return readings
