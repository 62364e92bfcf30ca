"""How a PDF is rendered, beside what its pages show (tests/test_distribution.py looks at those): WeasyPrint
is handed our lighter user agent stylesheet, Python's cycle collector rests only while it renders, and the
four layouts made a process per CPU are the very files made one after another."""

from __future__ import annotations

import gc
from importlib import resources

import pytest
import tinycss2

from glossary.store import load_glossary
from pipeline.job import Options, translate_file
from pipeline.layouts import render_layouts
from publish.edition import make_edition
from publish.outputs import NO_GLYPH, check_fonts
from publish.pdf import UA_PSEUDO_ELEMENTS, _html_class, collector_paused, html_to_pdf, pdf_page, user_agent_css
from publish.settings import LAYOUTS, Settings
from translate.memory import memory_at
from translate.tm_files import read_units

from .conftest import SEEDS

STEM = "000_fd68bde13d4caed7"  # the Xicheng report: a title, headings, 49 segments
NO_FONT_HAS = "\U000f0001"  # a private-use character


def rules(css: str) -> list[tuple[str, str]]:
    """(selector, declarations) of each rule, as written."""
    parsed = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return [(tinycss2.serialize(r.prelude).strip(), tinycss2.serialize(r.content or []).strip()) for r in parsed]


def test_the_user_agent_stylesheet_changes_only_the_pseudo_elements_no_page_of_ours_has():
    theirs = rules(resources.files("weasyprint.css").joinpath("html5_ua.css").read_text("utf-8"))
    ours = rules(user_agent_css())
    assert [r for r in theirs if r[0] not in UA_PSEUDO_ELEMENTS] == [r for r in ours if r[0] != "li::marker"]
    assert dict(ours)["li::marker"] == dict(theirs)["::marker"]
    assert len(theirs) - len(ours) == len(UA_PSEUDO_ELEMENTS) - 1  # all six were there to change


def test_weasyprint_renders_with_our_stylesheet_and_the_collector_resting(monkeypatch):
    html_class, asked = _html_class(), []
    theirs = html_class._ua_stylesheets

    def ua_stylesheets(self, forms=False):
        asked.append(gc.isenabled())
        return theirs(self, forms)

    monkeypatch.setattr(html_class, "_ua_stylesheets", ua_stylesheets)
    assert gc.isenabled()
    pdf, refused, pages = html_to_pdf('<html lang="zh"><body><p>中文 English</p></body></html>', {})
    assert pdf.startswith(b"%PDF-") and pages == 1 and not refused
    assert asked == [False]  # WeasyPrint still asks for the stylesheet we give it, while the collector rests
    assert gc.isenabled()


def test_the_collector_is_paused_only_by_whom_started_it():
    with pytest.raises(ValueError), collector_paused():
        raise ValueError  # a render that fails
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller's own pause is left to it to end
    finally:
        gc.enable()


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    """The Xicheng report translated from its reference English, one character in it no font has."""
    folder = tmp_path_factory.mktemp("xicheng")
    memory = memory_at(folder / "tm.sqlite")
    memory.add_human(read_units(SEEDS / f"{STEM}.en.tmx", 10**7).units)
    outcome = translate_file(
        SEEDS / f"{STEM}.txt", load_glossary(), None, memory, Options(formats=("xlf",), out_dir=folder)
    )
    outcome.document.segments[3].source += NO_FONT_HAS
    return outcome.document


def test_a_render_leaves_nothing_for_an_older_generation_of_the_collector(document):
    edition = make_edition(document, Settings())
    page = pdf_page(edition, check_fonts(document, edition))
    html_to_pdf(*page)  # WeasyPrint's caches filled once
    gc.collect()
    before = len(gc.get_objects(1)) + len(gc.get_objects(2))
    html_to_pdf(*page)
    gc.collect(0)  # as the first automatic collection after the render
    assert len(gc.get_objects(1)) + len(gc.get_objects(2)) - before < 200  # the render's boxes: thousands


def test_the_layouts_made_at_once_are_the_files_made_one_after_another(document):
    one_after_another = render_layouts(document, list(LAYOUTS), ["pdf"], workers=1)
    for segment in document.segments:
        segment.issues = []
    at_once = render_layouts(document, list(LAYOUTS), ["pdf"], workers=2)
    assert list(at_once) == list(one_after_another) == list(LAYOUTS)
    for layout in LAYOUTS:
        assert at_once[layout].files == one_after_another[layout].files  # byte for byte
        assert at_once[layout].pages == one_after_another[layout].pages > 1
        assert at_once[layout].missing_glyphs == [NO_FONT_HAS]
    marked = [n for n, s in enumerate(document.segments) if any(i.check == NO_GLYPH for i in s.issues)]
    assert marked == [3]  # QA's finding, in this process's document
