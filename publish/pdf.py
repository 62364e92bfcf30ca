"""PDF from the bilingual HTML, with WeasyPrint: A4, page numbers, bookmarks."""

from __future__ import annotations

from publish.fetcher import ConfinedFetcher
from publish.fonts import Coverage, fonts_for
from publish.html import FONT_STYLESHEET, font_stylesheet, render_html, rendered_text
from publish.page import STYLESHEET, stylesheet
from translate.document import Document


def html_to_pdf(html: str, resources: dict[str, tuple[bytes, str]]) -> tuple[bytes, list[str]]:
    """The PDF, and the URLs the page asked for and was refused (none, for HTML we made)."""
    import weasyprint

    fetcher = ConfinedFetcher(resources)
    pdf = weasyprint.HTML(string=html, base_url=None, url_fetcher=fetcher).write_pdf()
    return pdf, fetcher.refused


def render_pdf(document: Document, coverage: Coverage | None = None) -> bytes:
    """``coverage`` from a font check already made; else the check runs here."""
    coverage = coverage or fonts_for(rendered_text(document))
    resources = {
        STYLESHEET: (stylesheet(), "text/css"),
        FONT_STYLESHEET: (font_stylesheet([f.family for f in coverage.faces]), "text/css"),
    }
    pdf, _ = html_to_pdf(render_html(document, frozenset(coverage.missing)), resources)
    return pdf
