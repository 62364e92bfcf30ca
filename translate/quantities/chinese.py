"""Chinese quantities: an Arabic or Chinese numeral; 多/余 ("over") before or after
a scale (2600多万, 3万多); 约 (about), 近 (nearly), 超过/逾 (over) before it; a
scale (万, 亿, 万亿; 千 unless it begins a unit: 千米, 千瓦, 千克); then a unit.

- A Chinese numeral counts as a quantity only before a unit, 年 or 倍 (六稳 is a
  name), and a bare 百 or 千 before a scale and a unit is one of it (千亿斤 is
  100 billion jin; 千万工程 is a name).
- 翻一番 doubles, 翻两番 quadruples; X分之Y is a fraction (百分之Y a percentage),
  一半 a half, N成 N tenths (七成 is 70 percent).
- A numeral after 几 or 数 (几十年, 数十万) is an indefinite amount ("decades",
  "hundreds of thousands"), not a value to check.
- A quantity after a demonstrative (这五年, 这3个省, 此两项) points back to one the
  text has already stated; English often says "these years" or "this period", or
  nothing, and the figure was checked where it was stated.
- N周年 is N years, an anniversary ("the 100th anniversary", "the centenary").

Each has one English form, the one MT is given.
"""

from __future__ import annotations

import re

import cn2an

from translate.quantities.quantity import Quantity

# Chinese unit → (dimension, size in the dimension's base unit, English for the protected form).
ZH_UNITS = {
    "元": ("money", 1.0, "yuan"),
    "美元": ("usd", 1.0, "US dollars"),
    "港元": ("hkd", 1.0, "Hong Kong dollars"),
    "港币": ("hkd", 1.0, "Hong Kong dollars"),
    "欧元": ("eur", 1.0, "euros"),
    "斤": ("mass", 0.5, "jin"),
    "公斤": ("mass", 1.0, "kilograms"),
    "千克": ("mass", 1.0, "kilograms"),
    "吨": ("mass", 1000.0, "tons"),
    "亩": ("area", 10_000 / 15, "mu"),
    "公顷": ("area", 10_000.0, "hectares"),
    "平方米": ("area", 1.0, "square meters"),
    "平方公里": ("area", 1_000_000.0, "square kilometers"),
    "平方千米": ("area", 1_000_000.0, "square kilometers"),
    "立方米": ("volume", 1.0, "cubic meters"),
    "公里": ("length", 1000.0, "kilometers"),
    "千米": ("length", 1000.0, "kilometers"),
    "米": ("length", 1.0, "meters"),
    "千瓦时": ("energy", 1000.0, "kilowatt-hours"),
    "千瓦": ("power", 1000.0, "kilowatts"),
    "瓦": ("power", 1.0, "watts"),
    "%": ("percent", 1.0, "percent"),
    "成": ("percent", 10.0, "percent"),  # 七成: seven tenths, 70 percent
    "％": ("percent", 1.0, "percent"),
    "个百分点": ("points", 1.0, "percentage points"),
    "倍": ("times", 1.0, "times"),
    "周年": ("years", 1.0, "anniversary"),  # 100周年: the 100th anniversary, the centenary
    "世纪": ("years", 100.0, "century"),  # 19世纪: the 19th century (as English reads it: 1,900 years' worth)
    "年": ("years", 1.0, "years"),
    "周岁": ("years", 1.0, "years"),  # an age: 80岁 is "80 years" (of life expectancy, say)
    "岁": ("years", 1.0, "years"),
}
_ZH_UNIT = "|".join(sorted(map(re.escape, ZH_UNITS), key=len, reverse=True))
_ZH_SCALES = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
_CN_NUMERAL = "〇零一二两三四五六七八九十百千"
_DEMONSTRATIVES = "这那此该"
_ZH_QUANTITY = re.compile(
    rf"(?P<before>约|近|超过|逾)?"
    rf"(?:(?<![A-Za-z\d.])(?P<arabic>\d+(?:,\d{{3}})*(?:\.\d+)?)(?![A-Za-z])|(?P<chinese>[{_CN_NUMERAL}]+)(?=[万亿]|{_ZH_UNIT}))"
    rf"(?P<more>多|余)?"
    rf"(?P<scale>万亿|亿|万|千(?![米瓦克]))?"
    rf"(?P<after>多|余)?"
    rf"(?P<unit>{_ZH_UNIT})?"
)
_DOUBLING = re.compile(r"翻(一|两|二|三)番")
# X分之Y: Y parts of X (百分之五 is 5 percent); 一半: a half.
_FRACTION = re.compile(rf"(?P<whole>[{_CN_NUMERAL}]+|\d+)分之(?P<part>[{_CN_NUMERAL}]+|\d+(?:\.\d+)?)")
_HALF = re.compile(r"(?<![一二三四五六七八九十])一半")
_DIGIT_BY_DIGIT = re.compile("[〇零一二三四五六七八九]+")  # 二〇一二: a year written digit by digit
_ZH_MONTH = re.compile(r"(\d{1,2})月")
_ZH_DAY = re.compile(r"(?<=月)(\d{1,2})日")  # 6月5日: the fifth of a month
# Words that count things one by one (个, 支, 项 …): "1支部队" is "a unit", as 一 before them is "a".
_CLASSIFIERS = "个支项名位座家所条次批件套份只头匹张台辆艘架枚部篇届"


def _number(arabic: str | None, chinese: str | None) -> float | None:
    if arabic:
        return float(arabic.replace(",", ""))
    if chinese[0] in "百千":
        chinese = "一" + chinese  # a bare 百 or 千 is one of it: 千亿斤 is 一千亿斤
    try:
        return float(cn2an.cn2an(chinese, "smart"))
    except (ValueError, KeyError, IndexError):
        return None


def _fraction_number(text: str) -> float | None:
    """A fraction's whole or part: 百 and 千 alone are a hundred and a thousand (百分之五, 千分之三)."""
    if text in ("百", "千"):
        return 100.0 if text == "百" else 1000.0
    return _number(text, None) if text[0].isdigit() else _number(None, text)


def _plain(value: float) -> str:
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def english_number(value: float) -> str:
    """A figure as official translations write it: 180 million, 1.2 trillion, 349,800."""
    for word, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        mantissa = value / scale
        if mantissa >= 1 and abs(round(mantissa, 2) - mantissa) < 1e-9:
            return f"{_plain(mantissa)} {word}"
    return _plain(value)


def _ordinal(value: float) -> str:
    number = int(value)
    suffix = "th" if number % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number:,}{suffix}"


def _step(written: str) -> float:
    """The place of a figure's last non-zero digit: 5000 → 1000, 35 → 1, 2.5 → 0.1; what "多" adds up to."""
    whole, _, decimals = written.replace(",", "").partition(".")
    if decimals.strip("0"):
        return 10.0 ** -len(decimals.rstrip("0"))
    return 10.0 ** (len(whole) - len(whole.rstrip("0"))) if whole.strip("0") else 1.0


def _quoted(text: str, start: int, end: int) -> bool:
    return 0 < start and end < len(text) and text[start - 1] in '“「『"' and text[end] in '”」』"'


def _fractions(text: str) -> list[Quantity]:
    found = []
    for match in _FRACTION.finditer(text):
        whole, part = _fraction_number(match["whole"]), _fraction_number(match["part"])
        if not whole or part is None:
            continue
        if whole == 100:  # 百分之五: a percentage
            found.append(Quantity(match.start(), match.end(), part, "percent", "", f"{_plain(part)} percent"))
        else:
            found.append(Quantity(match.start(), match.end(), part / whole, "fraction"))
    for match in _HALF.finditer(text):
        found.append(Quantity(match.start(), match.end(), 0.5, "fraction"))
    return found


_MARKER_BEFORE = re.compile(r"[\s（(]*")
_MARKER_AFTER = re.compile(r"\s*(?:[.．、]|[)）])(?!\d)")


def _list_marker(text: str, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` numbers an item: at the start of the text before a full stop,
    a 、 or a bracket ("1.", "2、", "3）"), or in brackets anywhere ("（4）")."""
    bracketed = start and text[start - 1] in "（(" and text.startswith(("）", ")"), end)
    leading = _MARKER_BEFORE.fullmatch(text, 0, start) is not None and _MARKER_AFTER.match(text, end)
    return bool(bracketed or leading)


def chinese_quantities(text: str) -> list[Quantity]:
    found = _fractions(text)
    taken = [(q.start, q.end) for q in found]  # the numbers of a fraction are not quantities of their own
    for match in _ZH_QUANTITY.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        if match["chinese"] and match["chinese"][0] in "百千" and not (match["scale"] and match["unit"]):
            continue  # 千米, 千瓦: a unit's first character; 千万工程, 百万雄师: a name, an idiom
        value = _number(match["arabic"], match["chinese"])
        if value is None or (not match["unit"] and text.startswith("月", match.end())):
            continue  # a month: read below
        if _quoted(text, match.start(), match.end()):
            continue  # “12345”, “263”: a number alone in quotation marks is a name
        if not (match["unit"] or match["scale"]) and _list_marker(text, match.start(), match.end()):
            continue  # "1. ", "（2）": an item's number, which English lists give by their layout or not at all
        scale = _ZH_SCALES.get(match["scale"] or "", 1.0)
        unit = ZH_UNITS.get(match["unit"] or "")
        if match["chinese"] and not (unit or match["scale"]):
            continue
        if match["chinese"] and value == 1 and not match["scale"]:
            continue  # 一年, 一倍, 最后一公里: English says "a year", "the past year", "the last mile"
        counted_one = match["arabic"] == "1" and not (match["unit"] or match["scale"])
        if counted_one and match.end() < len(text) and text[match.end()] in _CLASSIFIERS:
            continue  # 1支700人的步兵营: "an infantry battalion of 700"
        if match["chinese"] and match.start() and text[match.start() - 1] in "几数":
            continue  # 几十年, 数十万: an indefinite amount ("decades", "hundreds of thousands")
        if match.start() and text[match.start() - 1] in _DEMONSTRATIVES:
            continue  # 这五年: a quantity stated before, pointed back to
        count = value * scale
        more = bool(match["more"] or match["after"])
        four_digits = (match["arabic"] or "").isdigit() or _DIGIT_BY_DIGIT.fullmatch(match["chinese"] or "")
        year = four_digits and len(match["arabic"] or match["chinese"]) == 4 and match["unit"] == "年"
        year = year and not more  # 5000多年: over 5,000 years, not a calendar year
        if year and not match["scale"]:
            dimension, size, english = "year", 1.0, ""  # 2023年: a year, not a number of years
        elif unit:
            dimension, size, english = unit
        else:
            dimension, size, english = "count", 1.0, ""
        approx = {"约": "about", "近": "nearly", "超过": "over", "逾": "over"}.get(match["before"] or "", "")
        approx = approx or ("over" if match["more"] or match["after"] else "")
        if match["unit"] in ("周年", "世纪"):
            figure = _ordinal(count)  # the 75th anniversary, the 19th century
        elif dimension == "year":
            figure = str(int(count))
        elif dimension == "percent":
            figure = english_number(count * size)  # 七成 is 70 percent
        else:
            figure = english_number(count)
        if count == 1 and english.endswith("s"):
            english = english[:-1]  # 1 kilometer, 1 percentage point
        words = " ".join(part for part in (approx, figure, english) if part)
        step = _step(match["arabic"]) if match["arabic"] else 10.0 ** (len(str(int(value))) - 1)
        upper = (value + step) * scale * size if more else 0.0
        found.append(Quantity(match.start(), match.end(), count * size, dimension, approx, words, upper))
    for match in _DOUBLING.finditer(text):
        times = {"一": 2, "两": 4, "二": 4, "三": 8}[match.group(1)]
        found.append(Quantity(match.start(), match.end(), times, "times", "", "double" if times == 2 else ""))
    for match in _ZH_MONTH.finditer(text):
        if 1 <= int(match.group(1)) <= 12:
            found.append(Quantity(match.start(), match.end(), int(match.group(1)), "month"))
    for match in _ZH_DAY.finditer(text):  # read as a count above: the same number, said to be a day
        read = [q for q in found if q.start == match.start(1) and q.dimension == "count"]
        if read:
            found = [q for q in found if q not in read]
            found.append(Quantity(match.start(1), match.end(), int(match.group(1)), "day"))
    found = _shared_units(text, found)
    return sorted(found, key=lambda q: q.start)


# A figure joined to the next one gives it its unit when only the last has one: 2、3月 and 1-2月 are two
# months ("February and March"); 2014-15年度 is a year and the next, written short ("2014-15").
_MONTH_BEFORE = re.compile(r"(?<![\d.])(\d{1,2})(?:、|-|－|—|–|~|～|至|到|和|或)(?=\d{1,2}月)")
_SHORT_YEARS = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?:-|－|—|–|/)(\d\d)年")
# 10+1, 10+3, 1+N: the name of a format of meetings, written with its numbers (the ten ASEAN countries and
# China); its English is "10+1" or "ASEAN Plus One".  One quantity: the part added, a "label".
_LABEL = re.compile(r"(?<![\d.])(\d{1,2})\s*[+＋]\s*(\d{1,2})(?![\d.])")


def _shared_units(text: str, found: list[Quantity]) -> list[Quantity]:
    def replace(start: int, end: int, quantity: Quantity | None) -> None:
        found[:] = [q for q in found if not (start <= q.start < end)] + ([quantity] if quantity else [])

    for match in _MONTH_BEFORE.finditer(text):
        if 1 <= int(match.group(1)) <= 12:
            replace(match.start(1), match.end(1), Quantity(match.start(1), match.end(1), int(match.group(1)), "month"))
    for match in _SHORT_YEARS.finditer(text):
        first = int(match.group(1))
        second = first // 100 * 100 + int(match.group(2))
        if second > first:
            replace(match.start(1), match.end(1), Quantity(match.start(1), match.end(1), first, "year"))
            replace(match.start(2), match.end(), Quantity(match.start(2), match.end(), second, "year"))
    for match in _LABEL.finditer(text):
        label = Quantity(
            match.start(), match.end(), float(match.group(2)), "label", english=match.group().replace(" ", "")
        )
        replace(match.start(), match.end(), label)
    return found
