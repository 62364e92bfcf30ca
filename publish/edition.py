"""An edition: a document as it will be handed out, with everything both
formats show besides its text (the title block, the glossary appendix, the
width of the columns, the Chinese script and its language tag)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass

from foundation.script import to_simplified, to_traditional, to_variant
from glossary.entry import Status
from publish.paging import EN_EM_PER_CHARACTER, ZH_EM_PER_CHARACTER
from publish.settings import Settings
from translate.bitext import post_edited
from translate.document import Block, BlockKind, Document, Segment

# The Chinese column's share of the width: what balances the two columns' lines, within these bounds
# (a Chinese line of fewer than about 16 characters reads badly; more than half wastes English lines).
ZH_SHARE_BOUNDS = (0.35, 0.5)
ZH_SHARE_DEFAULT = 0.4  # when too little is translated to measure
# The BCP 47 tag and glyph forms (the Noto CJK face) of each script shown.
SCRIPT_LANGUAGES = {
    "simplified": ("zh-Hans", "SC"),
    "traditional": ("zh-Hant", "TC"),
    "taiwan": ("zh-Hant-TW", "TC"),
    "hongkong": ("zh-Hant-HK", "HK"),
}


# Labels of the title block and the appendix, (Chinese, English).
LABELS = {
    "source": ("源文件", "Source file"),
    "translated": ("翻译日期", "Translated"),
    "glossary": ("术语表版本", "Glossary version"),
    "human": ("人工翻译或审校", "Translated or post-edited by a human"),
    "segments": ("句段", "segments"),
    "appendix": ("本文术语", "Glossary terms in this document"),
}


@dataclass
class Edition:
    document: Document  # its Chinese in the script shown
    settings: Settings
    zh_lang: str  # the language tag of the Chinese shown
    zh_forms: str  # the Noto CJK region whose glyph forms it needs: SC, TC or HK
    zh_share: float  # the Chinese column's share of the width, side by side
    terms: list[tuple[str, str]]  # the approved terms that occur, (Chinese, English), in order of first appearance
    by_a_human: int  # segments a human translated or post-edited

    @property
    def untitled(self) -> bool:
        """The text has no title of its own (the document's title is its file's name)."""
        return not self.document.opens_with_title and self.document.title == self.document.stem

    @property
    def table_languages(self) -> tuple[str, ...]:
        """What a table's cells show: the Chinese above the English, or the one language of the layout.
        A table is one table in every layout: read across a row or down a column, each figure keeps its
        labels in both languages in its own cell (two tables would have the reader match cells by place)."""
        return {"en": ("en",), "zh": ("zh",)}.get(self.settings.layout, ("zh", "en"))

    @property
    def english_title(self) -> str:
        """The English title the title block shows ("" in the Chinese layout, or when there is none)."""
        return self.document.english_title if self.settings.layout != "zh" else ""

    @property
    def chinese_title(self) -> str:
        """The Chinese title the title block shows: not alone in English when there is an English one, and
        never a file's name standing in for a title."""
        shown = self.settings.layout != "en" or not self.english_title
        return self.document.title if shown and not self.untitled else ""

    @property
    def running_title(self) -> str:
        """For running heads: the English title shown if any, else the Chinese."""
        return self.english_title or self.chinese_title

    @property
    def glossary_version(self) -> str:
        return self.document.glossary_sha256[:12]

    def label(self, key: str) -> str:
        """A label in the languages of the layout."""
        zh, en = LABELS[key]
        layout = self.settings.layout
        return zh if layout == "zh" else en if layout == "en" else f"{zh} {en}"

    def facts(self) -> list[tuple[str, str]]:
        """The title block's (label, value) lines: where the text came from and who translated it."""
        document = self.document
        facts = [
            ("source", document.source_file),
            ("translated", document.translated),
            ("glossary", self.glossary_version),
            ("human", f"{self.by_a_human} / {len(document.segments)} {self.label('segments')}"),
        ]
        return [(self.label(key), value) for key, value in facts if value]


def heading_rank(block: Block) -> int:
    """A heading's rank below the document's title: 1 for a top section (h2, Word's Heading 1)."""
    return max(1, min(block.level - 1, 5))


def make_edition(document: Document, settings: Settings) -> Edition:
    script = settings.zh_script
    if script == "original":
        script = "traditional" if _mostly_traditional(document) else "simplified"
    zh_lang, forms = SCRIPT_LANGUAGES[script]
    convert = _converter(settings.zh_script)
    return Edition(
        document=_in_script(document, settings.zh_script),
        settings=settings,
        zh_lang=zh_lang,
        zh_forms=forms,
        zh_share=chinese_share(document),
        terms=[(convert(zh), en) for zh, en in glossary_terms(document)] if settings.glossary_appendix else [],
        by_a_human=sum(1 for s in document.segments if by_a_human(s)),
    )


def is_figure(text: str) -> bool:
    """A table cell that holds only a figure (digits, a decimal point, a percent or range sign): set flush right."""
    stripped = text.strip()
    return any(c.isdigit() for c in stripped) and all(c.isdigit() or c in ".,%‰+-−–—~～ " for c in stripped)


def header_rows(block: Block) -> int:
    """How many rows open a table as its header: rows of header cells only (repeated on each page)."""
    count = 0
    for places in block.grid:
        if not all(cell is not None and cell.header for cell in places):
            break
        count += 1
    return count


def by_a_human(segment: Segment) -> bool:
    """A human translated it (it came from a human unit of the memory) or post-edited it in the XLIFF."""
    if segment.origin in ("tm-human", "human"):
        return True
    return bool(segment.written) and bool(segment.target) and post_edited(segment)


def chinese_share(document: Document) -> float:
    """The share of the width that gives the two columns about as many lines, within bounds."""
    translated = [b for b in document.body if b.target and b.kind is not BlockKind.TABLE]  # tables span both
    if sum(len(b.segments) for b in translated) < len(document.segments) / 2:
        return ZH_SHARE_DEFAULT
    zh = sum(len(b.source) for b in translated) * ZH_EM_PER_CHARACTER
    en = sum(len(b.target) for b in translated) * EN_EM_PER_CHARACTER
    low, high = ZH_SHARE_BOUNDS
    return round(min(max(zh / (zh + en), low), high), 3) if zh + en else ZH_SHARE_DEFAULT


def glossary_terms(document: Document) -> list[tuple[str, str]]:
    """Each approved entry found in the text, once, in order of first appearance."""
    seen: dict[str, str] = {}
    for segment in document.segments:
        for hit in sorted(segment.terms, key=lambda h: h.start):
            if hit.entry.status is Status.APPROVED and hit.zh not in seen:
                seen[hit.zh] = hit.en
    return list(seen.items())


def _mostly_traditional(document: Document) -> bool:
    text = "".join(s.source for s in document.segments[:200])
    return sum(a != b for a, b in zip(text, to_simplified(text))) > len(text) / 50


def _converter(script: str) -> Callable[[str], str]:
    """Chinese text in ``script`` (the text itself for "original")."""

    def convert(text: str) -> str:
        if script == "original":
            return text
        if script == "simplified":
            return to_simplified(text)
        if script == "traditional":
            return to_traditional(text)
        return to_variant(to_simplified(text), script)  # a region's characters and vocabulary

    return convert


def _in_script(document: Document, script: str) -> Document:
    """A copy whose Chinese is in ``script``; the bilingual file keeps the original."""
    if script == "original":
        return document
    convert = _converter(script)
    shown = copy.deepcopy(document)
    shown.title = convert(shown.title)
    for segment in shown.segments:
        segment.source = convert(segment.source)
    return shown
