"""PDF from the bilingual HTML, with WeasyPrint: A4, page numbers, bookmarks."""

from __future__ import annotations

from publish.fonts import FontFace, fonts_for
from publish.html import render_html, rendered_text
from translate.document import Document


def render_pdf(document: Document, faces: list[FontFace] | None = None) -> bytes:
    """``faces`` from a coverage check already made; else the check runs here and
    raises UserError rather than render tofu."""
    faces = faces or fonts_for(rendered_text(document))
    html = render_html(document, [f.family for f in faces])
    import weasyprint

    return weasyprint.HTML(string=html).write_pdf()
