"""Quantities in Chinese and English: read as values with units, compared, and
written out in English to protect them through machine translation.

Chinese: an Arabic or Chinese numeral; 多/余 ("over") before or after a scale
(2600多万, 3万多); 约 (about), 近 (nearly), 超过/逾 (over) before it; a scale
(万, 亿, 万亿; 千 unless it begins a unit: 千米, 千瓦, 千克); then a unit.  A
Chinese numeral counts as a quantity only before a unit, 年 or 倍 (六稳 is a
name); 翻一番 doubles, 翻两番 quadruples.

English: digits or number words, with million/billion/trillion, and a unit.
A number glued to letters (5G, COVID-19) is no quantity.

Two quantities are equal when their dimensions agree and their values in the
base unit do: exactly, or within 1% where one side converts units the way
official translators do (斤 → tonnes, 亩 → hectares, 亿千瓦 → gigawatts).  A
Chinese quantity without a unit of measure (a count: 2378家, 32个) is matched by
any English number of equal value that has no unit of another dimension.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import cn2an

# Chinese unit → (dimension, size in the dimension's base unit, English for the protected form).
ZH_UNITS = {
    "元": ("money", 1.0, "yuan"),
    "美元": ("usd", 1.0, "US dollars"),
    "斤": ("mass", 0.5, "jin"),
    "公斤": ("mass", 1.0, "kilograms"),
    "千克": ("mass", 1.0, "kilograms"),
    "吨": ("mass", 1000.0, "tons"),
    "亩": ("area", 10_000 / 15, "mu"),
    "公顷": ("area", 10_000.0, "hectares"),
    "平方米": ("area", 1.0, "square meters"),
    "平方公里": ("area", 1_000_000.0, "square kilometers"),
    "公里": ("length", 1000.0, "kilometers"),
    "千米": ("length", 1000.0, "kilometers"),
    "米": ("length", 1.0, "meters"),
    "千瓦": ("power", 1000.0, "kilowatts"),
    "瓦": ("power", 1.0, "watts"),
    "%": ("percent", 1.0, "percent"),
    "％": ("percent", 1.0, "percent"),
    "个百分点": ("points", 1.0, "percentage points"),
    "倍": ("times", 1.0, "times"),
    "年": ("years", 1.0, "years"),
}
_ZH_UNIT = "|".join(sorted(map(re.escape, ZH_UNITS), key=len, reverse=True))
_ZH_SCALES = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
_CN_NUMERAL = "〇零一二两三四五六七八九十百千"
_ZH_QUANTITY = re.compile(
    rf"(?P<before>约|近|超过|逾)?"
    rf"(?:(?<![A-Za-z\d.])(?P<arabic>\d+(?:,\d{{3}})*(?:\.\d+)?)(?![A-Za-z])|(?P<chinese>[{_CN_NUMERAL}]+)(?=[万亿]|{_ZH_UNIT}))"
    rf"(?P<more>多|余)?"
    rf"(?P<scale>万亿|亿|万|千(?![米瓦克]))?"
    rf"(?P<after>多|余)?"
    rf"(?P<unit>{_ZH_UNIT})?"
)
_DOUBLING = re.compile(r"翻(一|两|二|三)番")

# English units → (dimension, size in the base unit).
EN_UNITS = {
    "yuan": ("money", 1.0),
    "rmb": ("money", 1.0),
    "us dollars": ("usd", 1.0),
    "dollars": ("usd", 1.0),
    "jin": ("mass", 0.5),
    "kilograms": ("mass", 1.0),
    "kg": ("mass", 1.0),
    "metric tons": ("mass", 1000.0),
    "tonnes": ("mass", 1000.0),
    "tons": ("mass", 1000.0),
    "mu": ("area", 10_000 / 15),
    "hectares": ("area", 10_000.0),
    "square meters": ("area", 1.0),
    "square metres": ("area", 1.0),
    "m²": ("area", 1.0),
    "square kilometers": ("area", 1_000_000.0),
    "kilometers": ("length", 1000.0),
    "km": ("length", 1000.0),
    "meters": ("length", 1.0),
    "kilowatts": ("power", 1000.0),
    "kw": ("power", 1000.0),
    "megawatts": ("power", 1e6),
    "gigawatts": ("power", 1e9),
    "gw": ("power", 1e9),
    "percentage points": ("points", 1.0),
    "percentage point": ("points", 1.0),
    "percent": ("percent", 1.0),
    "per cent": ("percent", 1.0),
    "%": ("percent", 1.0),
    "times": ("times", 1.0),
    "fold": ("times", 1.0),
    "years": ("years", 1.0),
    "year": ("years", 1.0),
}
_EN_UNIT = "|".join(sorted(map(re.escape, EN_UNITS), key=len, reverse=True))
_EN_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
).split()
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}
_MONTHS = "january february march april may june july august september october november december".split()
_EN_QUANTITY = re.compile(
    r"(?<![\w.])(?P<number>\d+(?:,\d{3})*(?:\.\d+)?(?=(?:st|nd|rd|th)?\b)(?:st|nd|rd|th)?|"
    + "|".join(_WORDS + list(_TENS))
    + r"|a)"
    r"(?![\w.]*[A-Za-z]\d)(?![.,]\d)"
    r"(?:[\s-]+(?P<scale>thousand|million|billion|trillion))?"
    r"(?:\s*-?\s*(?P<unit>" + _EN_UNIT + r")(?![A-Za-z]))?"
    r"(?!\w)",
    re.IGNORECASE,
)
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b", re.IGNORECASE)
_ZH_MONTH = re.compile(r"(\d{1,2})月")
_CENTENARY = re.compile(r"\b(centenary|centennial)\b", re.IGNORECASE)
_DOUBLE = re.compile(r"\b(doubl(?:e|ed|ing)|quadrupl(?:e|ed|ing))\b", re.IGNORECASE)

# Dimensions whose units official translators convert: compared within 1%.
CONVERTED = {"mass", "area", "power"}
COUNTS = {"count", "years"}  # a count can be matched by a bare English number


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: float  # in the dimension's base unit
    dimension: str  # count, money, usd, mass, area, length, power, percent, points, times, years, month
    approx: str = ""  # over, about, nearly
    english: str = ""  # the protected English form (Chinese quantities)

    def shown(self) -> str:
        return self.english or f"{self.value:,.6f}".rstrip("0").rstrip(".")


def _number(arabic: str | None, chinese: str | None) -> float | None:
    if arabic:
        return float(arabic.replace(",", ""))
    try:
        return float(cn2an.cn2an(chinese, "smart"))
    except (ValueError, KeyError, IndexError):
        return None


def _plain(value: float) -> str:
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def english_number(value: float) -> str:
    """A figure as official translations write it: 180 million, 1.2 trillion, 349,800."""
    for word, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        mantissa = value / scale
        if mantissa >= 1 and abs(round(mantissa, 2) - mantissa) < 1e-9:
            return f"{_plain(mantissa)} {word}"
    return _plain(value)


def _quoted(text: str, start: int, end: int) -> bool:
    return 0 < start and end < len(text) and text[start - 1] in '“「『"' and text[end] in '”」』"'


def chinese_quantities(text: str) -> list[Quantity]:
    found = []
    for match in _ZH_QUANTITY.finditer(text):
        value = _number(match["arabic"], match["chinese"])
        if value is None or (not match["unit"] and text.startswith("月", match.end())):
            continue  # a month: read below
        if _quoted(text, match.start(), match.end()):
            continue  # “12345”, “263”: a number alone in quotation marks is a name
        scale = _ZH_SCALES.get(match["scale"] or "", 1.0)
        unit = ZH_UNITS.get(match["unit"] or "")
        if match["chinese"] and not (unit or match["scale"]):
            continue
        if match["chinese"] and value == 1 and not match["scale"] and unit and unit[0] in ("years", "times"):
            continue  # 一年, 一倍: English says "a year", "the past year"
        count = value * scale
        if unit and unit[0] == "years" and match["arabic"] and not match["scale"] and len(match["arabic"]) == 4:
            dimension, size, english = "year", 1.0, ""  # 2023年: a year, not a number of years
        elif unit:
            dimension, size, english = unit
        else:
            dimension, size, english = "count", 1.0, ""
        approx = {"约": "about", "近": "nearly", "超过": "over", "逾": "over"}.get(match["before"] or "", "")
        approx = approx or ("over" if match["more"] or match["after"] else "")
        figure = english_number(count) if dimension != "year" else str(int(count))
        words = " ".join(part for part in (approx, figure, english) if part)
        found.append(Quantity(match.start(), match.end(), count * size, dimension, approx, words))
    for match in _DOUBLING.finditer(text):
        times = {"一": 2, "两": 4, "二": 4, "三": 8}[match.group(1)]
        found.append(Quantity(match.start(), match.end(), times, "times", "", "double" if times == 2 else ""))
    for match in _ZH_MONTH.finditer(text):
        if 1 <= int(match.group(1)) <= 12:
            found.append(Quantity(match.start(), match.end(), int(match.group(1)), "month"))
    return sorted(found, key=lambda q: q.start)


def english_quantities(text: str) -> list[Quantity]:
    found = []
    for match in _EN_QUANTITY.finditer(text):
        word = match["number"].lower()
        if word == "a" and not (match["scale"] or match["unit"]):
            continue  # "a" counts only as "a million", "a year"
        if word[0].isdigit():
            value = float(re.sub(r"[^\d.]", "", word))  # 1,234 and 75th alike
        else:
            value = 1.0 if word == "a" else float(_WORDS.index(word) if word in _WORDS else _TENS[word])
        value *= _EN_SCALES.get((match["scale"] or "").lower(), 1.0)
        unit = EN_UNITS.get((match["unit"] or "").lower())
        if unit:
            found.append(Quantity(match.start(), match.end(), value * unit[1], unit[0]))
        else:
            found.append(Quantity(match.start(), match.end(), value, "count"))
    for match in _CENTENARY.finditer(text):
        found.append(Quantity(match.start(), match.end(), 100, "years"))
    for match in _MONTH.finditer(text):
        found.append(Quantity(match.start(), match.end(), _MONTHS.index(match.group(1).lower()) + 1, "month"))
    for match in _DOUBLE.finditer(text):
        found.append(Quantity(match.start(), match.end(), 2 if match.group(1).lower().startswith("d") else 4, "times"))
    return found


def _equal(wanted: Quantity, offered: Quantity) -> bool:
    if wanted.dimension == "year":
        return offered.dimension == "count" and offered.value == wanted.value
    if wanted.dimension in COUNTS and offered.dimension == "count":
        return abs(offered.value - wanted.value) < 1e-9 * max(1.0, wanted.value)
    if wanted.dimension != offered.dimension:
        return False
    tolerance = 0.01 if wanted.dimension in CONVERTED else 1e-9
    return abs(offered.value - wanted.value) <= tolerance * max(abs(wanted.value), 1e-9)


def missing_quantities(source: str, target: str) -> list[Quantity]:
    """The source's quantities the translation does not state (each occurrence counts once)."""
    offered = english_quantities(target)
    used: Counter[int] = Counter()
    missing = []
    for wanted in chinese_quantities(source):
        match = next((i for i, q in enumerate(offered) if not used[i] and _equal(wanted, q)), None)
        if match is None:
            missing.append(wanted)
        else:
            used[match] += 1
    return missing
