"""PDF from the edition's HTML, with WeasyPrint: page numbers, bookmarks, metadata; PDF/A-3u for
archiving or PDF/UA-1 (tagged, for screen readers) when asked."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import tinycss2

from foundation.collector import collector_paused
from publish.edition import Edition
from publish.fetcher import ConfinedFetcher
from publish.fonts import Coverage
from publish.html import FONT_STYLESHEET, edition_fonts, font_stylesheet, render_html
from publish.page import STYLESHEET, stylesheet

# WeasyPrint's HTML stylesheet gives every element of the page six pseudo-elements (a list item's marker,
# footnote and note calls and markers), each styled like an element: a tenth of a 67-page render.  Only a
# list item has a marker; footnotes and notes exist only where a stylesheet floats an element as one, and
# ours never does.  So the marker's rule is kept for list items, and the others are left out.
UA_PSEUDO_ELEMENTS = {"::marker": "li::marker", "::footnote-call": None, "::footnote-marker": None}
UA_PSEUDO_ELEMENTS |= {"::note-call": None, "::note-marker": None, "::note-callback": None}


def html_to_pdf(html: str, resources: dict[str, tuple[bytes, str]], variant: str = "") -> tuple[bytes, list[str], int]:
    """The PDF, the URLs the page asked for and was refused (none, for HTML we made), and its page count."""
    fetcher = ConfinedFetcher(resources)
    options = {"custom_metadata": True} | ({"pdf_variant": variant, "pdf_tags": True} if variant else {})
    # A render makes about a million objects that all live until the PDF is written: the collector walked
    # them again and again for nothing, a sixth of a 67-page render (foundation.collector).
    with collector_paused():
        document = _html_class()(string=html, base_url=None, url_fetcher=fetcher).render(**options)
        pdf, pages = document.write_pdf(**options), len(document.pages)  # layout and writing take options
        # Let go of inside the pause: its boxes refer to each other, and only the collector frees them.  Still
        # held when the first collection after the pause ran, they outlived it and waited for a rare one of
        # an older generation: 90 MB more for each report a worker published.
        del document
    return pdf, fetcher.refused, pages


def render_pdf(edition: Edition, coverage: Coverage | None = None) -> tuple[bytes, int]:
    """The PDF and its page count; ``coverage`` from a font check already made, else the check runs here."""
    pdf, _, pages = html_to_pdf(*pdf_page(edition, coverage or edition_fonts(edition)), edition.settings.pdf_variant)
    return pdf, pages


def pdf_page(edition: Edition, coverage: Coverage) -> tuple[str, dict[str, tuple[bytes, str]]]:
    """What WeasyPrint is given: the page's HTML and the stylesheets it links to, by name."""
    resources = {
        STYLESHEET: (stylesheet(), "text/css"),
        FONT_STYLESHEET: (font_stylesheet(coverage), "text/css"),
    }
    return render_html(edition, frozenset(coverage.missing)), resources


@cache
def _html_class():
    """weasyprint.HTML with a user agent stylesheet less the pseudo-elements our pages never have.  The
    stylesheet is the one thing changed, the way WeasyPrint's own tests give it theirs (``_ua_stylesheets``)."""
    import weasyprint

    user_agent = weasyprint.CSS(string=user_agent_css())

    class HTML(weasyprint.HTML):
        def _ua_stylesheets(self, forms=False):
            return [user_agent, *super()._ua_stylesheets(forms)[1:]]  # the forms' stylesheet, if any, kept

    return HTML


def user_agent_css() -> str:
    """WeasyPrint's stylesheet for HTML, its rules for the pseudo-elements of every element changed as
    ``UA_PSEUDO_ELEMENTS`` says: scoped to the elements that have them, or left out."""
    css = files("weasyprint.css").joinpath("html5_ua.css").read_text("utf-8")
    rules = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        selector = tinycss2.serialize(rule.prelude).strip() if rule.type == "qualified-rule" else ""
        if selector not in UA_PSEUDO_ELEMENTS:
            rules.append(tinycss2.serialize([rule]))
        elif UA_PSEUDO_ELEMENTS[selector]:
            rules.append(f"{UA_PSEUDO_ELEMENTS[selector]} {{{tinycss2.serialize(rule.content)}}}")
    return "\n".join(rules)
