"""Terms are found only where they stand as words: never cut out of a longer word."""

from __future__ import annotations

import pytest

from foundation.script import to_traditional
from glossary.entry import Entry, Status
from glossary.store import Glossary, load_glossary


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary()


def found(glossary: Glossary, text: str) -> list[str]:
    return [text[hit.start : hit.end] for hit in glossary.find_terms(text)]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("人民生活水平提高", "民生"),  # 人民 / 生活
        ("国民生产总值增长", "民生"),  # 国民 / 生产总值
        ("保证居民生活必需品", "民生"),  # 居民 / 生活
        ("自治区政府工作", "区政府"),  # 自治区 / 政府
        ("特别行政区政府依法施政", "区政府"),
        ("政法院校建设", "法院"),  # 政法 / 院校
        ("坚持创新发展理念", "新发展理念"),  # 创新 / 发展
        ("务工农民工资", "农民工"),  # 农民 / 工资
        ("城市长效管理", "市长"),  # 城市 / 长效
        ("农村居民人均纯收入", "村居"),  # 农村居民 divides as 农村 + 居民
        ("为项目扫清障碍", "清障"),  # 扫清 / 障碍
    ],
)
def test_a_term_inside_a_longer_word_is_not_a_hit(glossary, text, term):
    assert term not in found(glossary, text)
    assert term not in found(glossary, to_traditional(text))  # the same in Traditional script


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("保障和改善民生", "民生"),
        ("确保党员干部同心同德", "党员"),  # a compound that divides as 党员 + 干部
        ("建立驻村第一书记机制", "书记"),
        ("被拆迁户喜迁新居", "拆迁"),
        ("提升各村居精细化管理", "村居"),  # 各 "each" + 村 is no word that splits 村居
        ("科技创新能力不强", "科技创新"),  # jieba's 创新能力 is a phrase: 创新 | 能力
        ("有效化解矛盾纠纷", "矛盾纠纷"),  # 化解 | 矛盾
        ("提请全国人大常委会审议", "人大"),  # 全国 + 人大常委会, 人大 + 常委会
        ("提请全国人大常委会审议", "常委会"),
        ("落实党中央八项规定精神", "党中央"),  # overlapping glossary terms: the leftmost longest
        ("开展农村人居环境整治", "农村人居环境"),
        ("居民消费价格上涨2%", "居民消费价格"),
    ],
)
def test_a_term_that_stands_as_a_word_is_found(glossary, text, term):
    assert term in found(glossary, text)
    assert to_traditional(term) in found(glossary, to_traditional(text))


def test_a_shorter_term_stands_where_a_longer_one_is_refused(tmp_path):
    entries = [Entry("民生", "people's wellbeing", Status.APPROVED), Entry("生活", "life", Status.APPROVED)]
    small = Glossary(tmp_path / "g.tsv", entries, "")
    assert found(small, "人民生活水平") == ["生活"]
    assert found(small, "改善民生") == ["民生"]
