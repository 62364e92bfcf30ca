"""The one bilingual HTML rendering a PDF is made from.

Everything that reaches the HTML goes through ``element``, the one place text
is escaped: report and XLIFF text (titles, targets, ids) can never become
markup.  Stylesheets are not inlined but served by name through the confined
fetcher (``publish.fetcher``), so no input can inject CSS either.
"""

from __future__ import annotations

from html import escape

from publish.fetcher import resource_url
from publish.fonts import glyph_marker
from publish.page import STYLESHEET
from publish.paging import keep_together
from translate.document import Block, BlockKind, Document

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


def font_stylesheet(font_families: list[str]) -> bytes:
    """The font chain as CSS; family names are quoted as CSS strings."""
    quoted = ", ".join('"' + family.replace("\\", "\\\\").replace('"', '\\"') + '"' for family in font_families)
    return f"html {{ font-family: {quoted}, serif; }}\n".encode()


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


def _row(block: Block, missing: frozenset[str]) -> Markup:
    classes = [block.kind.value] + (["keep"] if keep_together(block) else [])
    if block.kind is BlockKind.HEADING:
        tag = f"h{min(max(block.level, 1) + 1, 4)}"  # h1 is the document title
    else:
        tag = "p"
    english = _marked(block.target, missing) if block.target else [element("span", UNTRANSLATED, class_="untranslated")]
    return element(
        "tr",
        element("td", element(tag, *_marked(block.source, missing)), lang="zh-Hans"),
        element("td", element(tag, *english), lang="en"),
        class_=" ".join(classes),
    )


def render_html(document: Document, missing: frozenset[str] = frozenset()) -> str:
    """The bilingual page; its stylesheets are the resources ``resource_url`` names.

    ``missing``: characters no installed font has, shown as markers.
    """
    heads = [element("th", text, lang=lang) for text, lang in zip(COLUMN_HEADS, ("zh-Hans", "en"))]
    cover = [element("h1", *_marked(document.title, missing), lang="zh-Hans")]
    if document.english_title:
        cover.append(element("p", *_marked(document.english_title, missing), class_="en-title", lang="en"))
    head = element(
        "head",
        void_element("meta", charset="utf-8"),
        element("title", document.title),
        void_element("link", rel="stylesheet", href=resource_url(STYLESHEET)),
        void_element("link", rel="stylesheet", href=resource_url(FONT_STYLESHEET)),
    )
    table = element(
        "table",
        element("colgroup", void_element("col"), void_element("col")),
        element("thead", element("tr", *heads)),
        element("tbody", *(_row(block, missing) for block in document.body)),
        class_="bitext",
    )
    body = element("body", element("section", *cover, class_="cover"), table)
    return "<!DOCTYPE html>\n" + element("html", head, body, lang="zh-Hans") + "\n"


def rendered_text(document: Document) -> str:
    """Every character the rendering will show, for the font coverage check."""
    # Page numbers use digits and "/"; glyph markers ("[U+1F600]") hexadecimal digits.
    parts = [document.title, UNTRANSLATED, *COLUMN_HEADS, "0123456789/", "[U+ABCDEF]"]
    for block in document.blocks:
        parts += [block.source, block.target]
    return "".join(parts)
