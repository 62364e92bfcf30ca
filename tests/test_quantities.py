"""Quantities: read in Chinese and English with their units, compared as values."""

from __future__ import annotations

import pytest

from translate.qa import quantity_issues
from translate.quantities import chinese_quantities, english_number, english_quantities, missing_quantities


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
        ("人均预期寿命提高到80岁", "raising life expectancy to 80 years"),
        ("从“最初一公里”到“最后一公里”", "from the first mile to the last"),  # 一 before a unit: an idiom
        ("同2035年远景目标衔接，失业率5.5%", "through the year 2035 and in line with 5.5 percent"),  # no range
        ("平均受教育年限提高到11.7年", "years of schooling rising to 11.7 years"),
        ("3月份", "in March"),
        ("千亿斤粮食产能提升行动", "raise grain production capacity by 50 million metric tons"),  # bare 千
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
        ("千亿斤粮食产能", "capacity of 100 million metric tons", ["100 billion jin"]),  # 50 million tonnes
    ],
)
def test_a_quantity_with_another_value_or_unit_is_missing(source, target, wanted):
    assert missing(source, target) == wanted


def test_names_with_numerals_are_not_quantities():
    assert chinese_quantities("落实六稳六保，国产大飞机C919和5G网络") == []
    assert chinese_quantities("一年来，关键一年") == []  # English says "the past year", "a crucial year"
    assert chinese_quantities("按时办结“12345”各类诉求，推进“263”专项行动") == []  # hotline, campaign names
    assert chinese_quantities("每千米、每千瓦时") == []  # 千 beginning a unit is no thousand
    assert chinese_quantities("学习运用“千万工程”经验，千方百计") == []  # a bare 千 without a unit: a name
    assert chinese_quantities("用几十年时间，数十万人") == []  # indefinite: "decades", "hundreds of thousands"
    assert chinese_quantities("这五年，那3个省，此两项") == []  # pointed back to: stated before
    assert chinese_quantities("一成不变，全面建成") == []  # 一成 is an idiom's; 建成 has no numeral


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
        ("提高到11.7年", "11.7 years"),  # four characters, but not a calendar year
        ("人均预期寿命提高到80岁", "80 years"),  # an age
        ("修建1公里", "1 kilometer"),  # one, in the singular
        ("成立100周年", "100th anniversary"),  # an anniversary, as an ordinal
        ("成立72周年", "72nd anniversary"),
        ("超过七成", "over 70 percent"),  # tenths
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


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # cardinals and ordinals in words, hyphenated or not
        ("三十五年来", "Thirty-five years on"),
        ("十年", "over the past ten years"),
        ("第31年", "the thirty-first year"),
        ("120个", "one hundred and twenty of them"),
        ("3亿人", "three hundred million people"),
        ("1200家", "one thousand two hundred firms"),
        ("第二十一届", "the twenty-first session"),
        # fractions and multiples in words
        ("三分之一", "one-third"),
        ("三分之二", "two thirds of them"),
        ("四分之一", "a quarter"),
        ("一半以上", "more than half"),
        ("百分之五", "5 percent"),
        ("三分之一", "33.3 percent"),
        ("翻一番", "twofold"),
        ("增长3倍", "a 3-fold rise"),
        # units abbreviated and as symbols
        ("2平方公里", "2 sq km"),
        ("3平方公里", "3 km²"),
        ("12亿千瓦时", "1.2 billion kWh"),
        ("4000万千瓦", "40 GW"),
        ("6吨", "6 t"),
        ("500公顷", "500 ha"),
        ("1.2万亿元", "RMB 1.2 trillion"),
        ("50亿元", "¥5 billion"),
        ("300亿美元", "US$30 billion"),
        ("100公里", "100 km"),
        ("增长5.2%", "5.2% growth"),
        # approximations and ranges
        ("约1.2亿人", "roughly 120 million people"),
        ("近5000家", "close to 5,000 firms"),
        ("增长5%—6%", "growth of 5-6 percent"),
        ("增长5%至6%", "growth of between 5 and 6 percent"),
        ("增长5%到6%", "growth of 5 to 6 percent"),
        ("200万至300万人", "2-3 million people"),
        # years in other words
        ("十年来", "The past decade"),
        ("二十年", "over two decades"),
        ("一百年", "over the past century"),
        ("成立100周年", "the centenary of the founding"),
        ("成立70周年", "the 70th anniversary"),
        ("今明两年职业技能培训", "This year and next, provide training"),
        # multiples, proportions, tenths, other currencies
        ("增长6倍", "a sixfold increase"),
        ("五分之一", "one in five"),
        ("超过七成", "over 70 percent"),
        ("100亿欧元", "€10 billion"),
        ("50亿港元", "HK$5 billion"),
        ("10亿元", "CNY 1 billion"),
        ("1000亿元", "RMB100 billion"),  # a currency's code glued to the figure
        # scales abbreviated as the financial press writes them
        ("12亿元", "1.2bn yuan"),
        ("3万亿元", "RMB3tn"),
        ("500万人", "5mn people"),
        # a quantity repeated in Chinese, referred back to in English
        ("以来的五年，是极不平凡的五年", "the past five years were a truly extraordinary period"),
    ],
)
def test_english_quantities_as_writers_write_them(source, target):
    assert missing(source, target) == []


@pytest.mark.parametrize(
    ("source", "target", "wanted"),
    [
        ("三十五年", "Thirty-six years", ["35 years"]),  # words are compared as values
        ("三分之一", "one-quarter", ["1/3"]),
        ("2平方公里", "2 km", ["2 square kilometers"]),  # length is not area
        ("12亿千瓦时", "1.2 billion kW", ["1.2 billion kilowatt-hours"]),  # power is not energy
        ("增长5%—6%", "growth of 5-7 percent", ["6 percent"]),
        ("实现5G全覆盖", "the 5G rollout", []),  # 5G is a name on both sides
        ("三十年", "over two decades", ["30 years"]),
        ("十年", "for decades", ["10 years"]),  # "decades" alone is no number
        ("增长5%，下降6%", "up 5 percent and down 5 percent", ["6 percent"]),  # only the same quantity again
        ("五年来，又一个五年", "another period", ["5 years", "5 years"]),  # stated once at least
        ("50亿港元", "5 billion yuan", ["5 billion Hong Kong dollars"]),  # another currency
        ("增长6倍", "manifold growth", ["6 times"]),  # "manifold" is no number
        ("五分之一", "one in four", ["1/5"]),
    ],
)
def test_english_quantities_in_other_words_with_another_value_are_missing(source, target, wanted):
    assert missing(source, target) == wanted


# Numbers as English writes them (issue 28): each pair is right, and QA must find nothing missing.
@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("中华文明有5000多年历史", "a civilization of over 5,000 years"),  # four digits and 多年: no calendar year
        ("派出1支700人的步兵营", "sent an infantry battalion of 700"),  # 1 before a classifier: "an"
        ("见附录1", "see Annex I"),  # Roman numerals numbering parts
        ("第二阶段即第2期", "Phase II"),
        ("19世纪中叶以后", "after the mid-19th century"),  # centuries
        ("进入21世纪", "into the twenty-first century"),
        ("2026－2027年", "in 2026-27"),  # a year range written short
        ("第31个年头", "the 31st year"),  # an ordinal year
        ("6月5日，双方举行会谈", "On June 5, the two sides held talks"),  # a month and its day
        ("30余个国家", "some 35 countries"),  # 30余: from 30 to under 40
        ("特别是2、3月份", "in February and March"),  # figures joined before one unit share it
        ("1-2月份，全国", "In January-February, the country"),
        ("2014-15年度", "In 2014-15"),  # a year range written short in the Chinese
        ("第27次东盟与中日韩（10+3）领导人会议", "the 27th ASEAN Plus Three Summit"),  # a format's name
        ("中国—东盟（10+1）合作", "China-ASEAN (10+1) cooperation"),
    ],
)
def test_numbers_as_english_writes_them(source, target):
    assert missing(source, target) == []


@pytest.mark.parametrize(
    ("source", "changed"),
    [
        ("中华文明有5000多年历史", "a civilization of over 6,000 years"),  # out of 5000多's bounds
        ("30余个国家", "some 40 countries"),
        ("第31个年头", "the 41st year"),
        ("中国机遇2.0", "China opportunity 3.0"),
        ("见附录1", "see Annex II"),
        ("增长5%，其中制造业增长5%", "grew by 5 percent, with manufacturing up 6 percent"),  # said twice, one changed
        ("来自100多个国家，这一世纪工程", "from over 200 countries, a project of the century"),  # a century is years
        ("第27次东盟与中日韩（10+3）领导人会议", "the 27th ASEAN Plus Four Summit"),
        ("特别是2、3月份", "in February and April"),
    ],
)
def test_a_changed_number_is_missing(source, changed):
    assert missing(source, changed) != []


def test_a_year_written_digit_by_digit_is_a_calendar_year_whatever_circle_stands_for_its_zero():
    from translate.normalize import normalize

    for written in ("二〇一二年", "二○一二年", "二◯一二年"):  # the zero, a white circle, a large circle
        assert [(q.value, q.dimension) for q in chinese_quantities(normalize(written))] == [(2012.0, "year")]
        assert missing(normalize(written), "in 2012") == []
    assert normalize("○号") == "○号"  # a circle elsewhere stays


def test_a_number_said_twice_in_chinese_may_be_said_once_in_english():
    assert missing("增长5%，其中制造业也增长5%", "both grew by 5 percent") == []


def test_what_qa_cannot_verify_is_a_warning_and_an_added_figure_is_said():
    from translate.qa import quantity_issues

    def checks(source, target):
        return [(i.check, i.severity) for i in quantity_issues(source, target)]

    assert checks("6月5日，双方举行会谈", "Yesterday, the two sides held talks") == [("date-by-context", "warning")]
    assert checks("双方举行会谈", "The two sides held 3 rounds of talks") == [("number-extra", "warning")]
    assert checks("圣彼得堡国际经济论坛", "the 29th St. Petersburg International Economic Forum") == []  # a name
    assert checks("今年经济增长", "In 2026 the economy grew") == []  # the year English adds
    assert checks("增长5%", "grew by 6 percent") == [("number-mismatch", "error")]  # said once: the error alone
    # a format's name in brackets after the name it labels, left out: a warning; said otherwise, an error
    assert checks("第27次中国—东盟（10+1）领导人会议", "the 27th China-ASEAN Summit") == [("number-label", "warning")]
    assert checks("第27次中国—东盟（10+1）领导人会议", "the 27th China-ASEAN (10+2) Summit") == [
        ("number-mismatch", "error")
    ]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("1.总台记者：据报道，会议召开。", []),  # an item's number at the start
        ("2、加强合作。", []),
        ("（3）推进改革。", []),  # in brackets anywhere
        ("1.5亿元用于建设。", [150000000.0]),  # a decimal is no item's number
        ("第1. 条", [1.0]),  # not at the start: read
    ],
)
def test_an_items_number_is_no_quantity(text, values):
    assert [q.value for q in chinese_quantities(text)] == values


@pytest.mark.parametrize(
    ("text", "value", "dimension"),
    [
        ("for 12 quarters in a row", 12.0, "count"),  # quarters of a year, counted
        ("three quarters of the total", 0.75, "fraction"),
        ("two thirds", 2 / 3, "fraction"),
        ("2/3 of the firms", 2 / 3, "fraction"),  # as the prompt writes 三分之二 for an LLM
        ("open 24/7", None, None),  # not proper: two counts
    ],
)
def test_only_a_proper_fraction_is_read_as_one(text, value, dimension):
    found = english_quantities(text)
    if value is None:
        assert [q.dimension for q in found] == ["count", "count"]
        return
    (quantity,) = found
    assert (quantity.value, quantity.dimension) == (pytest.approx(value), dimension)


def test_a_fraction_in_figures_is_the_chinese_fraction_and_a_date_is_not_one():
    assert quantity_issues("三分之二的企业", "2/3 of the firms") == []
    assert [q.value for q in english_quantities("on 2024/3/5")] == [2024.0, 3.0, 5.0]


def test_a_year_said_from_the_texts_time_vouches_for_nothing_beside_a_stray_year():
    source = "2021年是特殊的年份。今年是建党100周年。"
    right = "2021 is a special year. This year marks the centenary of the Party."
    assert [i.check for i in quantity_issues(source, right)] == []
    wrong = "The year 3021 is a special year. This year marks the centenary of the Party."
    assert "number-mismatch" in [i.check for i in quantity_issues(source, wrong)]
    by_context = "It is a special year. This year marks the centenary of the Party."
    assert [i.check for i in quantity_issues(source, by_context)] == ["year-by-context"]


@pytest.mark.parametrize(
    ("source", "target", "checks"),
    [
        ("仅有约10%的受访者相信。", "Just over one in ten respondents believe.", []),  # one in ten is 10%
        ("20%的企业参与。", "One in five companies took part.", []),
        ("52%的受访者支持。", "More than half of respondents support it.", ["number-approximated"]),
        ("300名专家参加。", "Hundreds of experts attended.", ["number-approximated"]),
        ("3万名专家参加。", "Tens of thousands of experts attended.", ["number-approximated"]),
        # the order does not cover it, or a figure stands that may be the quantity changed: an error
        ("3万名专家参加。", "Hundreds of experts attended.", ["number-mismatch"]),
        ("52%的受访者支持。", "62% of respondents, more than half, support it.", ["number-mismatch"]),
        ("300名专家参加，来自20个国家。", "Hundreds of experts from 30 countries attended.", ["number-mismatch"] * 2),
        # rounded to the places its figure is written to (its decimals or its scale), two digits or more
        ("增加到305160亿元", "rose to RMB30.5 trillion", ["number-approximated"]),
        ("增加到305160亿元", "rose to RMB30.6 trillion", ["number-mismatch"]),  # not the rounding of it
        ("10月9日至12日", "from October 10 to 12", ["number-mismatch"]),  # "10" is no rounding of 9
        ("延长了90天", "extended by 100 days", ["number-mismatch"]),
    ],
)
def test_a_quantity_said_only_approximately_is_a_warning(source, target, checks):
    issues = quantity_issues(source, target)
    assert [i.check for i in issues] == checks
    assert all(i.severity == ("warning" if i.check == "number-approximated" else "error") for i in issues)
