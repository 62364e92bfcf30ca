"""The one bilingual HTML rendering a PDF is made from."""

from __future__ import annotations

from html import escape
from importlib import resources

from publish.paging import keep_together
from translate.document import Block, BlockKind, Document

UNTRANSLATED = "[not yet translated]"
COLUMN_HEADS = ("中文", "English")


def stylesheet() -> str:
    return resources.files("publish").joinpath("templates/bitext.css").read_text(encoding="utf-8")


def _english(block: Block) -> str:
    return escape(block.target) if block.target else f'<span class="untranslated">{UNTRANSLATED}</span>'


def _row(block: Block) -> str:
    classes = [block.kind.value] + (["keep"] if keep_together(block) else [])
    if block.kind is BlockKind.HEADING:
        tag = f"h{min(block.level + 1, 4)}"
        zh = f'<{tag} id="{block.id}">{escape(block.original)}</{tag}>'
        en = f"<{tag}>{_english(block)}</{tag}>"
    else:
        zh, en = f"<p>{escape(block.original)}</p>", f"<p>{_english(block)}</p>"
    return f'<tr class="{" ".join(classes)}"><td lang="zh-Hans">{zh}</td><td lang="en">{en}</td></tr>'


def render_html(document: Document, font_families: list[str]) -> str:
    english_title = document.english_title
    families = ", ".join(f'"{f}"' for f in font_families) + ", serif"
    en_title = f'<p class="en-title" lang="en">{escape(english_title)}</p>' if english_title else ""
    rows = "\n".join(_row(b) for b in document.body)
    heads = "".join(f'<th lang="{lang}">{h}</th>' for h, lang in zip(COLUMN_HEADS, ("zh-Hans", "en")))
    return f"""<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<title>{escape(document.title)}</title>
<style>html {{ font-family: {families}; }}
{stylesheet()}</style>
</head>
<body>
<section class="cover"><h1 lang="zh-Hans">{escape(document.title)}</h1>{en_title}</section>
<table class="bitext"><colgroup><col><col></colgroup>
<thead><tr>{heads}</tr></thead>
<tbody>
{rows}
</tbody></table>
</body>
</html>
"""


def rendered_text(document: Document) -> str:
    """Every character the rendering will show, for the font coverage check."""
    parts = [document.title, UNTRANSLATED, *COLUMN_HEADS, "0123456789/"]
    for block in document.blocks:
        parts += [block.original, block.target]
    return "".join(parts)
