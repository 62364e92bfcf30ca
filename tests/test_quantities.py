"""Quantities: read in Chinese and English with their units, compared as values."""

from __future__ import annotations

import pytest

from translate.quantities import chinese_quantities, english_number, missing_quantities


def missing(source: str, target: str) -> list[str]:
    return [q.shown() for q in missing_quantities(source, target)]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("纳税人2600多万", "over 26 million taxpayers"),  # 多 between the number and the scale
        ("学生1100余万人", "more than 11 million students"),
        ("总量3万多吨", "over 30,000 tons"),  # 多 after the scale
        ("超过126万亿元", "surpassed 126 trillion yuan"),
        ("约1.2亿人", "about 120 million people"),
        ("近5000家", "nearly 5,000 firms"),
        ("新增1万亿元", "an additional one trillion yuan"),  # number words with a scale
        ("粮食产量1.39万亿斤", "grain output reached 695 million metric tons"),  # 斤 → tonnes
        ("装机2.1亿千瓦", "a capacity of 210 gigawatts"),  # 亿千瓦 → gigawatts, 千 begins the unit
        ("高标准农田2.25万亩", "1,500 hectares of high-standard cropland"),  # 亩 → hectares
        ("修建1000千米铁路", "1,000 kilometers of railways"),
        ("收入5万元", "50,000 yuan"),
        ("三年行动", "a three-year action plan"),  # Chinese numerals before a unit
        ("一百年", "100 years"),
        ("实现翻一番", "doubled"),
        ("增长两倍", "two times"),
        ("增长5.2%", "an increase of 5.2 percent"),
        ("提高0.3个百分点", "up 0.3 percentage points"),
        ("成立75周年", "the 75th anniversary"),  # ordinals
        ("建军一百年奋斗目标", "the centenary goal"),
        ("2023年", "in 2023"),
        ("3月份", "in March"),
    ],
)
def test_a_quantity_and_its_english_are_equal(source, target):
    assert missing(source, target) == []


@pytest.mark.parametrize(
    ("source", "target", "wanted"),
    [
        ("增长5%", "5G networks", ["5 percent"]),  # a number glued to letters is no quantity
        ("增长5%", "up 5 percentage points", ["5 percent"]),  # percent is not percentage points
        ("提高5个百分点", "up 5 percent", ["5 percentage points"]),
        ("预算1.8亿元", "18 million yuan", ["180 million yuan"]),
        ("2.1亿千瓦", "210 million tons", ["210 million kilowatts"]),  # a unit of another kind
        ("涉及1913户", "1,931 households", ["1,913"]),
    ],
)
def test_a_quantity_with_another_value_or_unit_is_missing(source, target, wanted):
    assert missing(source, target) == wanted


def test_names_with_numerals_are_not_quantities():
    assert chinese_quantities("落实六稳六保，国产大飞机C919和5G网络") == []
    assert chinese_quantities("一年来，关键一年") == []  # English says "the past year", "a crucial year"
    assert chinese_quantities("按时办结“12345”各类诉求，推进“263”专项行动") == []  # hotline, campaign names


@pytest.mark.parametrize(
    ("source", "protected"),
    [
        ("2.25万亩", "22,500 mu"),
        ("1.8亿元", "180 million yuan"),
        ("34.98万平方米", "349,800 square meters"),
        ("2600多万", "over 26 million"),
        ("1.2万亿元", "1.2 trillion yuan"),
        ("增长5.2%", "5.2 percent"),
        ("2023年", "2023"),
    ],
)
def test_each_quantity_has_one_english_form_for_mt(source, protected):
    [quantity] = chinese_quantities(source)
    assert quantity.english == protected


def test_figures_are_written_as_official_translations_write_them():
    assert [english_number(v) for v in (180e6, 1.2e12, 349_800, 2_378, 26e6)] == [
        "180 million",
        "1.2 trillion",
        "349,800",
        "2,378",
        "26 million",
    ]
