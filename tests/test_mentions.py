"""Short forms after a full mention, and a term in the translator's own words (issue 28): what QA says."""

from __future__ import annotations

from glossary.entry import Entry, Status
from translate.document import Block, BlockKind, Document, Segment, State, TermHit
from translate.qa import check_document
from translate.qa.mentions import acronym, head_noun, says_short_form, shares_head_words

CPC = Entry("中国共产党", "Communist Party of China", Status.APPROVED)
BRI = Entry("一带一路倡议", "Belt and Road Initiative", Status.APPROVED)
FISCAL = Entry("积极的财政政策", "proactive fiscal policy", Status.APPROVED)


def test_short_forms_are_made_from_the_rendering():
    assert acronym("Communist Party of China") == "CPC" and acronym("Belt and Road Initiative") == "BRI"
    assert acronym("artificial intelligence") == "AI" and acronym("employment") is None
    assert head_noun("Communist Party of China") == "Party" and head_noun("Belt and Road Initiative") == "Initiative"
    assert says_short_form("the Party has led", "Communist Party of China") == "the Party"
    assert says_short_form("the party was fun", "Communist Party of China") is None  # a name is capitalised
    assert says_short_form("the BRI and", "Belt and Road Initiative") == "BRI"


def test_the_translators_own_wording_shares_the_head_words_close_together():
    assert shares_head_words("Our fiscal policy will be proactive and effective.", "proactive fiscal policy")
    strewn = "Policy matters. Over the years that followed, fiscal revenue grew, and we stayed proactive."
    assert not shares_head_words(strewn, "proactive fiscal policy")


def document(*pairs: tuple[str, str, Entry]) -> Document:
    segments = []
    for number, (zh, en, entry) in enumerate(pairs, start=1):
        at = zh.index(entry.zh)
        hit = TermHit(at, at + len(entry.zh), entry)
        segments.append(Segment(f"s{number}", zh, zh, en, State.FINAL, "human", [hit]))
    return Document("t", [Block("b1", BlockKind.PARAGRAPH, segments)], "t")


def checks(doc: Document) -> list[list[tuple[str, str]]]:
    check_document(doc)
    return [[(i.check, i.severity) for i in s.issues] for s in doc.segments]


def test_a_short_form_after_the_full_name_is_a_rendering_and_before_it_an_error():
    after = document(
        ("中国共产党成立。", "The Communist Party of China was founded.", CPC),
        ("中国共产党领导人民。", "The Party leads the people.", CPC),
        ("推进一带一路倡议。", "We advance the Belt and Road Initiative.", BRI),
        ("一带一路倡议惠及各国。", "The BRI benefits all.", BRI),
    )
    assert checks(after) == [[], [], [], []]
    before = document(("中国共产党领导人民。", "The Party leads the people.", CPC))
    assert checks(before) == [[("missing-term", "error")]]


def test_a_term_in_other_words_is_a_warning_and_other_words_altogether_an_error():
    own = document(("实施积极的财政政策。", "Our fiscal policy will be proactive and effective.", FISCAL))
    assert checks(own) == [[("term-variant", "warning")]]
    gone = document(("实施积极的财政政策。", "We will pursue the matter.", FISCAL))
    assert checks(gone) == [[("missing-term", "error")]]


def test_initials_in_brackets_introduce_the_short_form_and_stand_for_no_name():
    from translate.qa import rendered

    party = Entry("中国共产党", "Communist Party of China", Status.APPROVED, admitted=["CPC"])
    assert rendered("the 20th National Congress of the Communist Party of China (CPC)", party)
    assert not rendered("the 20th National Congress of the matter (CPC)", party)
    assert rendered("the CPC leads", party)
    assert says_short_form("the National Congress of the matter (CPC)", "Communist Party of China") is None
