"""PDF from the edition's HTML, with WeasyPrint: page numbers, bookmarks, metadata; PDF/A-3u for
archiving or PDF/UA-1 (tagged, for screen readers) when asked."""

from __future__ import annotations

from publish.edition import Edition
from publish.fetcher import ConfinedFetcher
from publish.fonts import Coverage, fonts_for
from publish.html import FONT_STYLESHEET, font_stylesheet, render_html, rendered_text
from publish.page import STYLESHEET, stylesheet


def html_to_pdf(html: str, resources: dict[str, tuple[bytes, str]], variant: str = "") -> tuple[bytes, list[str], int]:
    """The PDF, the URLs the page asked for and was refused (none, for HTML we made), and its page count."""
    import weasyprint

    fetcher = ConfinedFetcher(resources)
    options = {"custom_metadata": True} | ({"pdf_variant": variant, "pdf_tags": True} if variant else {})
    document = weasyprint.HTML(string=html, base_url=None, url_fetcher=fetcher).render(**options)
    return document.write_pdf(**options), fetcher.refused, len(document.pages)  # layout and writing take options


def render_pdf(edition: Edition, coverage: Coverage | None = None) -> tuple[bytes, int]:
    """The PDF and its page count; ``coverage`` from a font check already made, else the check runs here."""
    settings = edition.settings
    coverage = coverage or fonts_for(rendered_text(edition), edition.zh_forms, settings.font_zh, settings.font_en)
    resources = {
        STYLESHEET: (stylesheet(), "text/css"),
        FONT_STYLESHEET: (font_stylesheet(coverage), "text/css"),
    }
    pdf, _, pages = html_to_pdf(render_html(edition, frozenset(coverage.missing)), resources, settings.pdf_variant)
    return pdf, pages
