"""The one bilingual HTML rendering a PDF is made from.

Everything that reaches the HTML goes through ``element``, the one place text
is escaped: report and XLIFF text (titles, targets, ids) can never become
markup.  Stylesheets are not inlined but served by name through the confined
fetcher (``publish.fetcher``), so no input can inject CSS either.
"""

from __future__ import annotations

from html import escape

from publish.edition import Edition, header_rows, heading_rank, is_figure
from publish.fetcher import resource_url
from publish.fonts import Coverage, fonts_for, glyph_marker
from publish.page import STYLESHEET
from publish.paging import keep_together
from translate.document import Block, BlockKind, Cell

UNTRANSLATED = "[not yet translated]"
COLUMN_HEADS = ("中文", "English")
FONT_STYLESHEET = "fonts.css"


class Markup(str):
    """HTML that is safe to place as it is: made only by ``element``."""


def element(tag: str, *content: str, **attributes: str | None) -> Markup:
    """``<tag attributes>content</tag>``: plain strings in ``content`` and every attribute value are escaped.

    Attribute names are Python names (``class_`` for ``class``, ``http_equiv``
    for ``http-equiv``); tag and attribute names come from this code only.
    """
    inner = "".join(part if isinstance(part, Markup) else escape(part) for part in content)
    return Markup(f"<{tag}{_attributes(attributes)}>{inner}</{tag}>")


def void_element(tag: str, **attributes: str | None) -> Markup:
    return Markup(f"<{tag}{_attributes(attributes)}>")


def _attributes(attributes: dict[str, str | None]) -> str:
    """Attributes with a value, each value escaped (quotes too)."""
    return "".join(
        f' {name.rstrip("_").replace("_", "-")}="{escape(value)}"' for name, value in attributes.items() if value
    )


def font_stylesheet(coverage: Coverage) -> bytes:
    """The font chains as CSS: the Chinese chain for all text, the English face ahead of it for English.
    Family names are quoted as CSS strings."""

    def quoted(families: list[str]) -> str:
        return ", ".join('"' + family.replace("\\", "\\\\").replace('"', '\\"') + '"' for family in families)

    chain = [face.family for face in coverage.faces]
    css = f"html {{ font-family: {quoted(chain)}, serif; }}\n"
    if coverage.english:
        css += f'[lang|="en"] {{ font-family: {quoted([coverage.english.family, *chain])}, serif; }}\n'
    return css.encode()


def _marked(text: str, missing: frozenset[str]) -> list[str | Markup]:
    """``text`` as parts for ``element``, each character no font has replaced by a visible marker."""
    if not missing or missing.isdisjoint(text):
        return [text]
    parts: list[str | Markup] = []
    for char in text:
        if char in missing:
            parts.append(element("span", glyph_marker(char), class_="no-glyph"))
        elif parts and type(parts[-1]) is str:
            parts[-1] += char
        else:
            parts.append(char)
    return parts


PAGE_NUMBER_CHARACTERS = "0123456789/"
GENERATOR = "zhen-publish"


def screen_head(title: str, style: str) -> Markup:
    """The ``<head>`` of a page made to be read on a screen (not printed): UTF-8, the viewport of a phone
    too, who made it, and its own style inline, so the page is one file that fetches nothing."""
    return element(
        "head",
        void_element("meta", charset="utf-8"),
        void_element("meta", name="viewport", content="width=device-width, initial-scale=1"),
        void_element("meta", name="generator", content=GENERATOR),
        element("title", title),
        element("style", Markup(style)),
    )


def _heading_tag(block: Block) -> str:
    return f"h{heading_rank(block) + 1}"  # h1 is the document's title


def _bookmark(block: Block, layout: str) -> str | None:
    """What the PDF outline shows for a heading: both languages when both are shown."""
    if layout in ("en", "zh") or not block.target:
        return None
    return f"{block.source} — {block.target}"


def _texts(block: Block, missing: frozenset[str]) -> tuple[list, list]:
    """The Chinese and the English of a block as parts for ``element``; a placeholder for English not yet there."""
    english = _marked(block.target, missing) if block.target else [element("span", UNTRANSLATED, class_="untranslated")]
    return _marked(block.source, missing), english


def _cell_texts(cell: Cell, languages: tuple[str, ...], edition: Edition, missing: frozenset[str]) -> list:
    """A table cell's Chinese above its English (or one of them): a figure's label in both languages
    stays in the figure's own cell."""
    if not cell.segments:
        return []
    parts = []
    for language in languages:
        if language == "zh":
            parts.append(element("div", *_marked(cell.source, missing), lang=edition.zh_lang))
        elif cell.target:
            parts.append(element("div", *_marked(cell.target, missing), lang="en"))
        else:
            parts.append(element("div", element("span", UNTRANSLATED, class_="untranslated"), lang="en"))
    return parts


def _data_table(block: Block, edition: Edition, missing: frozenset[str]) -> Markup:
    """A table of the text, as ``Edition.table_languages`` says; header rows are a <thead> (repeated on
    each page the table runs to); merged cells keep their spans."""
    languages = edition.table_languages
    rows = []
    for row_number, places in enumerate(block.grid, start=1):
        cells = []
        for column, cell in enumerate(places, start=1):
            if cell is None:
                cells.append(element("td", ""))
            elif (cell.row, cell.column) == (row_number, column):
                cells.append(
                    element(
                        "th" if cell.header else "td",
                        *_cell_texts(cell, languages, edition, missing),
                        rowspan=str(cell.rowspan) if cell.rowspan > 1 else None,
                        colspan=str(cell.colspan) if cell.colspan > 1 else None,
                        class_="number" if is_figure(cell.source) else None,
                    )
                )
        rows.append(element("tr", *cells))
    head = header_rows(block)
    parts = ([element("thead", *rows[:head])] if head else []) + [element("tbody", *rows[head:])]
    return element("table", *parts, class_="data")


def _side_by_side(edition: Edition, missing: frozenset[str]) -> Markup:
    zh_share = edition.zh_share
    heads = [element("th", text, lang=lang) for text, lang in zip(COLUMN_HEADS, (edition.zh_lang, "en"))]
    rows = []
    for block in edition.document.body:
        if block.kind is BlockKind.TABLE:  # across both columns: a table is read as a whole
            rows.append(element("tr", element("td", _data_table(block, edition, missing), colspan="2"), class_="table"))
            continue
        classes = [block.kind.value] + (["keep"] if keep_together(block, zh_share) else [])
        tag = _heading_tag(block) if block.kind is BlockKind.HEADING else "p"
        zh, en = _texts(block, missing)
        bookmark = _bookmark(block, "side-by-side") if block.kind is BlockKind.HEADING else None
        rows.append(
            element(
                "tr",
                element("td", element(tag, *zh, data_bookmark=bookmark), lang=edition.zh_lang),
                element("td", element(tag, *en, class_="no-bookmark"), lang="en"),
                class_=" ".join(classes),
            )
        )
    widths = (f"width: {100 * zh_share:.1f}%", f"width: {100 * (1 - zh_share):.1f}%")
    return element(
        "table",
        element("colgroup", *(void_element("col", style=width) for width in widths)),
        element("thead", element("tr", *heads)),
        element("tbody", *rows),
        class_="bitext",
    )


def _flowing(edition: Edition, missing: frozenset[str]) -> Markup:
    """One column: each Chinese paragraph followed by its English, or one language alone."""
    layout = edition.settings.layout
    parts = []
    for block in edition.document.body:
        if block.kind is BlockKind.TABLE:
            parts.append(element("div", _data_table(block, edition, missing), class_="table"))
            continue
        heading = block.kind is BlockKind.HEADING
        tag = _heading_tag(block) if heading else "p"
        zh, en = _texts(block, missing)
        shown = []
        if layout != "en":
            shown.append(
                element(tag, *zh, lang=edition.zh_lang, data_bookmark=_bookmark(block, layout) if heading else None)
            )
        if layout != "zh":
            shown.append(element(tag, *en, lang="en", class_="no-bookmark" if layout != "en" else None))
        keep = keep_together(block, None)
        parts.append(element("div", *shown, class_=" ".join([block.kind.value] + (["keep"] if keep else []))))
    return element("div", *parts, class_=f"flow {layout}")


def _title_block(edition: Edition, missing: frozenset[str]) -> Markup:
    chinese, english = edition.chinese_title, edition.english_title
    titles = []
    if chinese:
        running = "running" if chinese == edition.running_title else None
        titles.append(element("h1", *_marked(chinese, missing), lang=edition.zh_lang, class_=running))
    if english:
        tag = "h1" if edition.settings.layout == "en" else "p"
        titles.append(element(tag, *_marked(english, missing), class_="en-title running", lang="en"))
    rows = [
        element("tr", element("th", label), element("td", *_marked(value, missing))) for label, value in edition.facts()
    ]
    return element("header", *titles, element("table", element("tbody", *rows), class_="facts"), class_="title-block")


def _appendix(edition: Edition, missing: frozenset[str]) -> Markup:
    if not edition.terms:
        return Markup("")
    heads = [element("th", text, lang=lang) for text, lang in zip(COLUMN_HEADS, (edition.zh_lang, "en"))]
    rows = [
        element(
            "tr",
            element("td", *_marked(zh, missing), lang=edition.zh_lang),
            element("td", *_marked(en, missing), lang="en"),
        )
        for zh, en in edition.terms
    ]
    return element(
        "section",
        element("h2", edition.label("appendix")),
        element("table", element("thead", element("tr", *heads)), element("tbody", *rows), class_="terms"),
        class_="appendix",
    )


def _properties(edition: Edition) -> list[tuple[str, str]]:
    """The document properties WeasyPrint writes into the PDF's information and XMP metadata."""
    settings = edition.settings
    return [
        ("author", settings.author),
        ("description", settings.subject or edition.document.english_title),
        ("keywords", ", ".join(settings.keywords)),
        ("generator", GENERATOR),
        ("dcterms.created", edition.document.translated),
    ]


def render_html(edition: Edition, missing: frozenset[str] = frozenset()) -> str:
    """The page in the edition's layout; its stylesheets are the resources ``resource_url`` names.

    ``missing``: characters no installed font has, shown as markers.
    """
    settings, document = edition.settings, edition.document
    head = element(
        "head",
        void_element("meta", charset="utf-8"),
        element(
            "title", document.english_title if settings.layout == "en" and document.english_title else document.title
        ),
        *(void_element("meta", name=name, content=value) for name, value in _properties(edition) if value),
        void_element("link", rel="stylesheet", href=resource_url(STYLESHEET)),
        void_element("link", rel="stylesheet", href=resource_url(FONT_STYLESHEET)),
    )
    text = _side_by_side(edition, missing) if settings.layout == "side-by-side" else _flowing(edition, missing)
    body = element("body", _title_block(edition, missing), text, _appendix(edition, missing), class_=settings.layout)
    lang = "en" if settings.layout == "en" else edition.zh_lang
    return "<!DOCTYPE html>\n" + element("html", head, body, lang=lang) + "\n"


def rendered_text(edition: Edition) -> str:
    """Every character the rendering will show, for the font coverage check."""
    # Page numbers use digits and "/"; glyph markers ("[U+1F600]") hexadecimal digits.
    document = edition.document
    parts = [document.title, UNTRANSLATED, *COLUMN_HEADS, PAGE_NUMBER_CHARACTERS, "[U+ABCDEF] —"]
    parts += [label + value for label, value in edition.facts()] + [edition.label("appendix")]
    parts += [document.source_file, document.translated, edition.glossary_version]
    parts += [text for pair in edition.terms for text in pair]
    for block in document.blocks:
        parts += [block.source, block.target]
    return "".join(parts)


def edition_fonts(edition: Edition) -> Coverage:
    """The faces that draw every character the edition shows, and the characters none of them has."""
    settings = edition.settings
    return fonts_for(rendered_text(edition), edition.zh_forms, settings.font_zh, settings.font_en)
