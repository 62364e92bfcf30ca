"""The invariant the pipeline rests on: normalising never changes the length of
a text, so a term found at an offset of the normalised text stands at the same
offset of the text as written (and is marked there in the XLIFF)."""

from __future__ import annotations

import pytest

from foundation.script import to_simplified, to_traditional
from glossary.store import load_glossary
from translate.normalize import normalize
from translate.read.corpus import read_corpus

from .paths import CORPUS_EXCERPTS


@pytest.fixture(scope="module")
def reports() -> list[str]:
    """Excerpts of the 71 national reports, 1954-2024: the language of seven decades."""
    return [text for _, text in read_corpus([CORPUS_EXCERPTS])]


def test_normalising_keeps_the_length_of_every_report_in_both_scripts(reports):
    assert len(reports) == 71
    for text in reports:
        assert len(normalize(text)) == len(text)
        traditional = to_traditional(text)
        assert len(traditional) == len(text)
        assert len(normalize(traditional)) == len(traditional)


def test_terms_found_on_the_normalised_text_stand_at_the_same_place_as_written(reports):
    glossary = load_glossary()
    checked = 0
    for text in reports:
        written = to_traditional(text)  # the hardest case: the text as written differs from what is matched
        for hit in glossary.find_terms(normalize(written)):
            assert to_simplified(written[hit.start : hit.end]) in hit.entry.forms
            checked += 1
    assert checked > 500  # over the excerpts of every report, 1954-2024
