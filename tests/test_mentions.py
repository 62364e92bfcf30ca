"""Short forms after a full mention, and a term in the translator's own words (issue 28): what QA says."""

from __future__ import annotations

from glossary.entry import Entry, Status
from translate.document import Block, BlockKind, Document, Segment, State, TermHit
from translate.qa import check_document
from translate.qa.mentions import acronym, head_noun, same_family, says_short_form, shares_wording

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


def test_the_translators_own_wording_shares_the_head_and_most_words_close_together():
    assert shares_wording("Our fiscal policy will be proactive and effective.", "proactive fiscal policy")
    strewn = "Policy matters. Over the years that followed, fiscal revenue grew, and we stayed proactive."
    assert not shares_wording(strewn, "proactive fiscal policy")
    listed = "we have made constant innovations in theory, practice, institutions, culture"
    assert shares_wording(listed, "institutional innovation")  # a word's family: institutions, institutional
    assert shares_wording(
        "Scientific, Technological and Innovative Cooperation", "scientific and technological innovation"
    )
    assert shares_wording("the development of our city", "urban development")  # a relational adjective's noun
    # The modifiers around another head are another thing: the head replaced, a plan for a policy.
    assert not shares_wording("the matter of the State Council", "Premier of the State Council")
    assert not shares_wording("proactive fiscal plans", "proactive fiscal policy")
    assert head_noun("self-reliance and strength in science and technology") == "strength"
    # Neither the "th" of a figure nor a possessive "s" is a word of the rendering.
    assert not shares_wording("the 20th Party Central Committee's work", "the 20th CPC National Congress")


def test_words_of_one_family():
    assert same_family("institutions", "institutional") and same_family("technology", "technological")
    assert same_family("urban", "city") and same_family("innovative", "innovation")
    assert not same_family("present", "president") and not same_family("construction", "constitution")
    assert not same_family("governance", "government")


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


def test_the_words_of_another_terms_rendering_are_no_wording_of_this_one():
    plan14 = Entry("十四五", "14th Five-Year Plan", Status.APPROVED)
    plan15 = Entry("十五五", "15th Five-Year Plan", Status.APPROVED)
    zh = "十四五规划将完成，需要制定十五五规划。"
    hits = [TermHit(0, 3, plan14), TermHit(zh.index("十五五"), zh.index("十五五") + 3, plan15)]
    planted = "As we accomplish the matter this year, we will draw up the 15th Five-Year Plan."
    segment = Segment("s1", zh, zh, planted, State.FINAL, "human", hits)
    assert checks(Document("t", [Block("b1", BlockKind.PARAGRAPH, [segment])], "t")) == [[("missing-term", "error")]]


def test_initials_in_brackets_introduce_the_short_form_and_stand_for_no_name():
    from translate.qa import rendered

    party = Entry("中国共产党", "Communist Party of China", Status.APPROVED, admitted=["CPC"])
    assert rendered("the 20th National Congress of the Communist Party of China (CPC)", party)
    assert not rendered("the 20th National Congress of the matter (CPC)", party)
    assert rendered("the CPC leads", party)
    assert says_short_form("the National Congress of the matter (CPC)", "Communist Party of China") is None


def test_a_terms_english_inside_another_terms_english_is_the_others():
    premier = Entry("国务院总理", "Premier", Status.APPROVED)
    vice = Entry("国务院副总理", "Vice Premier", Status.APPROVED)
    zh = "国务院总理李强出席。国务院副总理丁薛祥参加。"
    hits = [TermHit(0, 5, premier), TermHit(zh.index("国务院副总理"), zh.index("国务院副总理") + 6, vice)]

    def checked(en: str) -> list[list[tuple[str, str]]]:
        segment = Segment("s1", zh, zh, en, State.FINAL, "human", hits)
        return checks(Document("t", [Block("b1", BlockKind.PARAGRAPH, [segment])], "t"))

    assert checked("Premier Li Qiang attended. Vice Premier Ding Xuexiang was present.") == [[]]
    planted = "The matter Li Qiang attended. Vice Premier Ding Xuexiang was present."
    assert checked(planted) == [[("missing-term", "error")]]

    # said more often than the Chinese says the other term: one of them is this one's
    party = Entry("中国共产党", "Communist Party of China", Status.APPROVED, admitted=["CPC"])
    committee = Entry("中共中央", "CPC Central Committee", Status.APPROVED)
    zh = "中国共产党第十八届中央委员会召开，选举我担任中共中央总书记。"
    hits = [TermHit(0, 5, party), TermHit(zh.index("中共中央"), zh.index("中共中央") + 4, committee)]
    en = "The 18th CPC Central Committee met and elected me general secretary of the CPC Central Committee."
    segment = Segment("s1", zh, zh, en, State.FINAL, "human", hits)
    assert checks(Document("t", [Block("b1", BlockKind.PARAGRAPH, [segment])], "t")) == [[]]
