"""Headings found from what they are: numbered sections, run-in ones too; never a byline, a name or a dateline."""

from __future__ import annotations

from translate.read import read_document


def structure(tmp_path, text: str, suffix: str = ".txt") -> list[tuple[str, int, str]]:
    path = tmp_path / f"report{suffix}"
    path.write_text(text, encoding="utf-8")
    return [(b.kind.value, b.level if b.kind.value == "heading" else 0, b.text) for b in read_document(path).blocks]


REPORT = """政府工作报告

——2025年1月8日在新区第三届人民代表大会第五次会议上

新区管委会主任\u3000

王　明

各位代表：

现在，我代表新区管委会，向大会报告工作，请予审议。

一、2024年工作回顾

过去一年，新区经济运行稳中有进。地区生产总值增长5.6%。

（一）着力稳定工业增长，加快培育新动能。全年新开工项目42个，完成投资1.8亿元。

（二）持续优化营商环境。推行“一网通办”，办理时限压缩40%。

二、2025年主要任务

1.抓好项目建设

全年安排重点项目30个。

1.8亿元专项资金全部拨付到位，用于支持中小企业发展。
"""


def test_a_report_opening_has_its_title_and_sections_as_headings_and_nothing_else(tmp_path):
    assert structure(tmp_path, REPORT) == [
        ("heading", 1, "政府工作报告"),
        ("paragraph", 0, "——2025年1月8日在新区第三届人民代表大会第五次会议上"),
        ("paragraph", 0, "新区管委会主任"),
        ("paragraph", 0, "王 明"),
        ("paragraph", 0, "各位代表："),
        ("paragraph", 0, "现在，我代表新区管委会，向大会报告工作，请予审议。"),
        ("heading", 2, "一、2024年工作回顾"),
        ("paragraph", 0, "过去一年，新区经济运行稳中有进。地区生产总值增长5.6%。"),
        ("heading", 3, "（一）着力稳定工业增长，加快培育新动能。"),
        ("paragraph", 0, "全年新开工项目42个，完成投资1.8亿元。"),
        ("heading", 3, "（二）持续优化营商环境。"),
        ("paragraph", 0, "推行“一网通办”，办理时限压缩40%。"),
        ("heading", 2, "二、2025年主要任务"),
        ("heading", 4, "1.抓好项目建设"),
        ("paragraph", 0, "全年安排重点项目30个。"),
        ("paragraph", 0, "1.8亿元专项资金全部拨付到位，用于支持中小企业发展。"),
    ]


def test_traditional_numbering_nests_by_the_numberings_the_document_uses(tmp_path):
    text = "市政報告\n\n壹、施政成果\n\n一、經濟發展\n\n（一）產業升級\n\n本年度完成多項建設。\n\n貳、未來展望\n"
    assert [(kind, level) for kind, level, _ in structure(tmp_path, text)] == [
        ("heading", 1),
        ("heading", 2),
        ("heading", 3),
        ("heading", 4),
        ("paragraph", 0),
        ("heading", 2),
    ]


def test_a_spaced_heading_is_a_heading_when_no_byline_comes_before_it(tmp_path):
    text = "年度工作总结\n\n前　言\n\n本年度各项工作顺利完成。\n"
    assert structure(tmp_path, text)[1] == ("heading", 2, "前 言")


def test_a_dateline_does_not_take_in_the_next_line_and_a_broken_sentence_still_joins(tmp_path):
    broken = "全年完成老旧小区改造12个、背街小巷整治36条，新建便民服务点8处，推进菜市"
    text = f"街道工作报告\n\n（2021年1月5日）\n\n{broken}\n\n场改造。\n"
    assert structure(tmp_path, text)[1:] == [
        ("paragraph", 0, "（2021年1月5日）"),
        ("paragraph", 0, broken + "场改造。"),
    ]


def test_a_numbered_paragraph_of_one_long_sentence_is_body_text(tmp_path):
    long = "（三）" + "全面推进基层治理现代化建设" * 5 + "。"
    assert structure(tmp_path, f"报告\n\n{long}\n\n完成。\n")[1] == ("paragraph", 0, long)


def test_html_paragraphs_are_read_by_the_same_rules(tmp_path):
    html = (
        "<html><body><h1>政府工作报告</h1><p>——2025年1月8日</p><p>国务院总理</p><p>李　强</p>"
        "<p>（一）扩大国内需求。全年社会消费品零售总额增长7.2%。</p></body></html>"
    )
    assert structure(tmp_path, html, ".html") == [
        ("heading", 1, "政府工作报告"),
        ("paragraph", 0, "——2025年1月8日"),
        ("paragraph", 0, "国务院总理"),
        ("paragraph", 0, "李 强"),
        ("heading", 2, "（一）扩大国内需求。"),
        ("paragraph", 0, "全年社会消费品零售总额增长7.2%。"),
    ]


def test_an_aside_in_parentheses_is_a_paragraph_and_does_not_take_in_the_next_line(tmp_path):
    lines = ["区政府工作报告", "（此件公开发布）", "现在，我代表区政府向大会报告工作，请予审议。"]
    lines += ["（来源：区政府网站）", "（掌声）"]
    text = "\n\n".join(lines) + "\n"
    assert structure(tmp_path, text) == [
        ("heading", 1, "区政府工作报告"),
        ("paragraph", 0, "（此件公开发布）"),
        ("paragraph", 0, "现在，我代表区政府向大会报告工作，请予审议。"),
        ("paragraph", 0, "（来源：区政府网站）"),
        ("paragraph", 0, "（掌声）"),
    ]


def test_a_numbered_section_is_never_taken_for_the_documents_title(tmp_path):
    opening = "关于推进高质量发展的报告" * 5 + "，现将有关情况报告如下"  # too long to be a heading
    path = tmp_path / "report.txt"
    path.write_text(f"{opening}\n\n一、总体要求\n\n全年完成投资1.8亿元。\n\n二、主要任务\n", encoding="utf-8")
    document = read_document(path)
    assert document.title == "report"  # the file's name: untitled, and the title block says nothing
    kinds = [b.kind.value for b in document.blocks]
    assert kinds == ["paragraph", "heading", "paragraph", "heading"]
    assert [b.level for b in document.blocks if b.kind.value == "heading"] == [2, 2]
    path.write_text("一、总体要求\n\n全年完成投资1.8亿元。\n\n二、主要任务\n", encoding="utf-8")
    assert read_document(path).title == "report"
