"""Senses and boundaries by rule: a term that begins a road's or a company's name is no hit; a title's
English follows its holder.  Sentences written for the purpose."""

from __future__ import annotations

import pytest

from glossary.store import load_glossary
from translate.document import Segment, State
from translate.normalize import normalize
from translate.qa import check_segment


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


@pytest.mark.parametrize(
    ("text", "term", "hit"),
    [
        ("民生路拓宽工程开工。", "民生", False),  # Minsheng Road
        ("新建民生二路。", "民生", False),  # a number before the ending
        ("社区东路改造完成。", "社区", False),  # a direction before the ending
        ("在民生大街开展活动。", "民生", False),  # 大街
        ("民生路网不断完善。", "民生", True),  # 路网 is a word that runs on: the road network
        ("社区路面修缮完成。", "社区", True),  # 路面: the road surface
        ("推进社区巷道整治。", "社区", True),  # 巷道: alleys
        ("持续改善民生。", "民生", True),
        ("推进一带一路建设。", "一带一路", True),  # the term's own 路
        # a company's name: 民生银行 is China Minsheng Bank
        ("中国民生银行发布年报。", "民生", False),
        ("民生证券股份有限公司上市。", "民生", False),
        ("银行要支持改善民生。", "民生", True),
        ("民生银行业务增长。", "民生", False),  # the bank's business
    ],
)
def test_a_term_that_begins_a_roads_name_is_no_hit(glossary, text, term, hit):
    assert (term in [h.zh for h in glossary.find_terms(text)]) == hit


def issues(glossary, zh: str, en: str) -> list[str]:
    segment = Segment("s", zh, normalize(zh), en, State.TRANSLATED)
    segment.terms = glossary.find_terms(segment.normalized)
    return [issue.message for issue in check_segment(segment) if issue.check == "missing-term"]


def test_a_titles_english_follows_its_holder(glossary):
    # 局长 is "Bureau Director"; after its bureau, official English says "Director of the ... Bureau".
    assert issues(glossary, "公安局局长出席会议。", "The Director of the Bureau of Public Security attended.") == []
    # Without its holder before it, the title's own rendering is wanted.
    assert issues(glossary, "局长出席会议。", "The Director attended.") == ["局长 must be rendered 'Bureau Director'"]
    # The holder's words may go only where the holder stands: "Director" alone does not render 处长.
    assert issues(glossary, "公安局处长出席会议。", "The Director of the Bureau of Public Security attended.") == [
        "处长 must be rendered 'Division Director'"
    ]
