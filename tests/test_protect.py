"""Terms and quantities carried through MT: injected in English, restored exactly,
and reported when the engine drops them.  Scripted engines play a real model's
habits: dropping, reordering, repeating, re-casing, gluing."""

from __future__ import annotations

import pytest

from glossary.store import load_glossary
from translate.document import Segment
from translate.protect import inject

from .test_translation import translate_text


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


class Scripted:
    """Returns ``output(mt_input)`` for each source; records what it was given."""

    name = "scripted"

    def __init__(self, output):
        self.output, self.inputs = output, []

    def translate(self, sources, batch_done=None):
        self.inputs += sources
        return [self.output(source) for source in sources]


def test_quantities_go_into_the_mt_input_in_english(glossary):
    segment = Segment("u1s1", "安排预算1.8亿元，建设2.25万亩农田，纳税人2600多万。", "", "")
    segment.normalized = segment.source
    assert inject(segment) == "安排预算 180 million yuan ，建设 22,500 mu 农田，纳税人 over 26 million 。"


def issues(document):
    return [(issue.check, issue.message) for issue in document.segments[0].issues]


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("The budget was 180 MILLION YUAN.", "The budget was 180 million yuan."),  # re-cased
        ("The budget was about180 millionyuanof the total.", "The budget was about 180 million yuan of the total."),
        ("The budget was 180 million yuan, 180 million yuan.", "The budget was 180 million yuan, 180 million yuan."),
    ],
)
def test_a_bent_quantity_is_restored_exactly(glossary, output, expected):
    document = translate_text("安排预算1.8亿元。", glossary, Scripted(lambda _: output))
    assert document.segments[0].target == expected
    assert not [i for i in issues(document) if i[0] == "number-mismatch"]


def test_figures_without_their_commas_are_restored():
    document = translate_text("建设2.25万亩农田。", load_glossary(), Scripted(lambda _: "Built 22500 mu of farmland."))
    assert document.segments[0].target == "Built 22,500 mu of farmland."


def test_reordered_quantities_are_both_restored_and_checked(glossary):
    engine = Scripted(lambda _: "Of farmland, 22500 MU; a budget of 180 million Yuan.")
    document = translate_text("安排预算1.8亿元，建设2.25万亩农田。", glossary, engine)
    assert document.segments[0].target == "Of farmland, 22,500 mu; a budget of 180 million yuan."
    assert not [i for i in issues(document) if i[0] == "number-mismatch"]


def test_a_dropped_quantity_is_reported(glossary):
    document = translate_text("安排预算1.8亿元。", glossary, Scripted(lambda _: "A budget was arranged."))
    assert ("number-mismatch", "180 million yuan is not in the translation") in issues(document)


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        # a year named from the text's own time: QA cannot know which, so it asks
        ("2024年第11期刊发。", "It was published in this year's 11th issue.", ("year-by-context", "warning")),
        ("2023年经济增长5%。", "Last year the economy grew by 5 percent.", ("year-by-context", "warning")),
        # no such phrase, or one phrase for two years: the other is missing
        ("2024年第11期刊发。", "It was published in the 11th issue.", ("number-mismatch", "error")),
        ("2023年和2024年。", "This year and 2025.", ("number-mismatch", "error")),
    ],
)
def test_a_year_named_by_context_is_a_warning_to_check(glossary, source, output, expected):
    document = translate_text(source, glossary, Scripted(lambda _: output))
    found = [(issue.check, issue.severity) for issue in document.segments[0].issues if "20" in issue.message]
    assert expected in found


def test_a_longer_figure_is_not_taken_for_a_protected_one(glossary):
    document = translate_text("增长5%。", glossary, Scripted(lambda _: "It grew by 15 percent."))
    assert document.segments[0].target == "It grew by 15 percent."
    assert ("number-mismatch", "5 percent is not in the translation") in issues(document)


def test_a_term_glued_to_a_word_is_restored(glossary):
    engine = Scripted(lambda _: "theParty Work Committeeled the work.")
    document = translate_text("西城街道党工委推进各项工作。", glossary, engine)
    assert "the Party Work Committee led the work" in document.segments[0].target
