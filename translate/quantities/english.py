"""English quantities as writers write them, read as values with units.

- Numbers in figures (1,234.5; 31st) or in words, hyphenated or not ("thirty-five",
  "one hundred and twenty", "the thirty-first"), with a scale ("1.2 trillion",
  "a million", "three hundred million", "1.2bn", "3 tn").
- Fractions ("one-third", "two thirds", "a quarter", "half", "one in five") and
  multiples ("doubled", "tripled", "twofold", "sixfold", "3-fold", "halved").
- Units in full, abbreviated or as symbols, after the number ("5 km", "35-year",
  "2 sq km", "3 km²", "1.2 billion kWh", "40 GW", "6 t", "500 ha", "RMB",
  "euros") or a currency before it ("RMB 1.2 trillion", "CNY 5 billion",
  "¥5 billion", "US$30 billion", "HK$5 billion", "€3 billion").
- A range gives its unit to both ends ("5-6 percent", "5 to 6 percent",
  "between 5 and 6 percent").
- A figure glued to letters is a name, not a quantity (5G, COVID-19, C919).
- Years in other words: a decade is 10 years ("the past decade", "two
  decades"), a century, centenary or centennial 100, "this year and next" 2
  (今明两年); "decades" alone is an indefinite amount, like 几十年.
Approximations ("about", "more than", "nearly") are words around the value and
do not change it.  Amounts stated only by their order ("hundreds of", "tens of
millions of", "several") are read apart (``amounts_by_order``): QA can bound them,
not check them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from translate.quantities.quantity import Quantity

# English units → (dimension, size in the base unit).  Longest first when matched.
EN_UNITS = {
    "yuan": ("money", 1.0),
    "rmb": ("money", 1.0),
    "us dollars": ("usd", 1.0),
    "u.s. dollars": ("usd", 1.0),
    "dollars": ("usd", 1.0),
    "usd": ("usd", 1.0),
    "cny": ("money", 1.0),
    "hong kong dollars": ("hkd", 1.0),
    "hk dollars": ("hkd", 1.0),
    "hkd": ("hkd", 1.0),
    "euros": ("eur", 1.0),
    "euro": ("eur", 1.0),
    "eur": ("eur", 1.0),
    "jin": ("mass", 0.5),
    "kilograms": ("mass", 1.0),
    "kilogram": ("mass", 1.0),
    "kg": ("mass", 1.0),
    "metric tons": ("mass", 1000.0),
    "metric tonnes": ("mass", 1000.0),
    "tonnes": ("mass", 1000.0),
    "tonne": ("mass", 1000.0),
    "tons": ("mass", 1000.0),
    "ton": ("mass", 1000.0),
    "t": ("mass", 1000.0),
    "mu": ("area", 10_000 / 15),
    "hectares": ("area", 10_000.0),
    "hectare": ("area", 10_000.0),
    "ha": ("area", 10_000.0),
    "square meters": ("area", 1.0),
    "square metres": ("area", 1.0),
    "square meter": ("area", 1.0),
    "square metre": ("area", 1.0),
    "sq m": ("area", 1.0),
    "m²": ("area", 1.0),
    "m2": ("area", 1.0),
    "square kilometers": ("area", 1e6),
    "square kilometres": ("area", 1e6),
    "square kilometer": ("area", 1e6),
    "square kilometre": ("area", 1e6),
    "square km": ("area", 1e6),
    "sq km": ("area", 1e6),
    "km²": ("area", 1e6),
    "km2": ("area", 1e6),
    "cubic meters": ("volume", 1.0),
    "cubic metres": ("volume", 1.0),
    "cu m": ("volume", 1.0),
    "m³": ("volume", 1.0),
    "kilometers": ("length", 1000.0),
    "kilometres": ("length", 1000.0),
    "kilometer": ("length", 1000.0),
    "kilometre": ("length", 1000.0),
    "km": ("length", 1000.0),
    "meters": ("length", 1.0),
    "metres": ("length", 1.0),
    "kilowatt-hours": ("energy", 1000.0),
    "kilowatt hours": ("energy", 1000.0),
    "kwh": ("energy", 1000.0),
    "megawatt-hours": ("energy", 1e6),
    "mwh": ("energy", 1e6),
    "gigawatt-hours": ("energy", 1e9),
    "gwh": ("energy", 1e9),
    "terawatt-hours": ("energy", 1e12),
    "twh": ("energy", 1e12),
    "kilowatts": ("power", 1000.0),
    "kilowatt": ("power", 1000.0),
    "kw": ("power", 1000.0),
    "megawatts": ("power", 1e6),
    "mw": ("power", 1e6),
    "gigawatts": ("power", 1e9),
    "gigawatt": ("power", 1e9),
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
    "decades": ("years", 10.0),
    "decade": ("years", 10.0),
    "centuries": ("years", 100.0),
    "century": ("years", 100.0),
}
_UNIT = re.compile(
    r"\s*-?\s*(" + "|".join(re.escape(u) for u in sorted(EN_UNITS, key=len, reverse=True)) + r")(?![A-Za-z\d])",
    re.IGNORECASE,
)
_CURRENCY = re.compile(r"(RMB|CNY|USD|US\$|U\.S\.\$|HK\$|HKD|EUR|€|\$|¥|￥)\s?$", re.IGNORECASE)
_CURRENCY_UNIT = {
    "rmb": "money", "cny": "money", "¥": "money", "￥": "money", "hk$": "hkd", "hkd": "hkd", "eur": "eur", "€": "eur"
}  # fmt: skip
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# A scale after a figure, in full or abbreviated as the financial press writes it ("1.2bn", "3 tn").
_SCALE_AFTER = re.compile(r"(?:[\s-]+(thousand|million|billion|trillion)|\s?(bn|tn|mn|mln))\b", re.IGNORECASE)
_SCALE_ABBREVIATIONS = {"bn": 1e9, "tn": 1e12, "mn": 1e6, "mln": 1e6}
_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100, "thousandth": 1000,
}  # fmt: skip
_CARDINALS = {word: value for value, word in enumerate(_ONES)} | _TENS | {"hundred": 100} | _SCALES
_ORDINAL_WORDS = {value: word for word, value in _ORDINALS.items()}


def ordinal_word(value: int) -> str | None:
    """An ordinal below 100 in words ("eleventh", "twenty-first"), or None."""
    if value in _ORDINAL_WORDS and value < 100:
        return _ORDINAL_WORDS[value]
    tens, ones = divmod(value, 10)
    tens_word = next((word for word, number in _TENS.items() if number == tens * 10), None)
    if tens_word and 0 < ones and value < 100:
        return f"{tens_word}-{_ORDINAL_WORDS[ones]}"
    return None


# A fraction's denominator, singular and plural: "one-third", "two thirds", "a quarter", "three-quarters".
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4} | {
    f"{word}{plural}": value
    for word, value in (("fifth", 5), ("sixth", 6), ("seventh", 7), ("eighth", 8), ("ninth", 9), ("tenth", 10))
    for plural in ("", "s")
}
_MULTIPLES = re.compile(
    r"\b(?:(doubl|tripl|trebl|quadrupl)(?:e|ed|es|ing)|(halv)(?:e|ed|es|ing)|([a-z]+)-?fold)\b",
    re.IGNORECASE,
)
_MULTIPLE_VALUES = {"doubl": 2, "tripl": 3, "trebl": 3, "quadrupl": 4, "halv": 0.5}
# "one in five": a proportion, read as the fraction it is.
_ONE_IN = re.compile(r"\b([a-z]+|\d+) in (?:every )?([a-z]+|\d+)\b", re.IGNORECASE)
_HALF = re.compile(r"(?<![\w-])(?<!(?:one|two) )half\b", re.IGNORECASE)  # "one-half" is read as a fraction
_MONTHS = "january february march april may june july august september october november december".split()
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b", re.IGNORECASE)
_CENTENARY = re.compile(r"\b(centenary|centennial)\b", re.IGNORECASE)
_SPAN = re.compile(r"\b(decade|century)\b", re.IGNORECASE)  # "the past decade": 10 years without a number
_SPAN_YEARS = {"decade": 10, "century": 100}
_THIS_YEAR_AND_NEXT = re.compile(r"\bthis year and next\b", re.IGNORECASE)  # 今明两年: two years
# A calendar year named from the text's own time ("this year's 11th issue" for 2024年第11期).
_YEAR_BY_CONTEXT = re.compile(r"\b(?:this|last|next) year\b(?! and next)", re.IGNORECASE)
# A day or month named from the text's own time: which date it is depends on when it was said.
_DATE_BY_CONTEXT = re.compile(
    r"\b(?:(?:the day (?:before|after) )?(?:yesterday|tomorrow)|today|tonight"
    r"|(?:this|last|next|earlier this|later this) (?:week|weekend|month|morning|afternoon|evening)"
    r"|(?:this|last|next) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.IGNORECASE,
)
# A Roman numeral numbering a part of something: Annex I, Phase II, World War II (never "I" alone elsewhere).
_LABEL = re.compile(r"(?<![\d.])(\d{1,2})\s*\+\s*(\d{1,2})(?![\d.])")
_PLUS = re.compile(r"\b[Pp]lus\s+")
_ROMAN = re.compile(
    r"\b(?:Annex|Appendix|Part|Chapter|Article|Phase|Section|Volume|Schedule|Title|Stage|Round|Category|Class|Level|"
    r"Grade|Book|War|Item|Group|Pillar|Plan)\s+([IVXLC]{1,7})\b"
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# A second year of a range written short: 2026-27, 2019–20 (the century of the first).
_SHORT_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[-–/]\s*(\d\d)\b(?![-–/]?\d)")
_WORD_OR_FIGURE = re.compile(
    r"(?P<figure>\d+(?:,\d{3})*(?:\.\d+)?)(?P<suffix>st|nd|rd|th)?|(?P<word>[A-Za-z]+)|(?P<joint>[\s-]+(?:and\s+)?)",
)
_RANGE = re.compile(r"\s*(?:-|–|—|to|and)\s*", re.IGNORECASE)


class _Number:
    """A number read at a place in the text: its value, where it ends, whether it is an ordinal."""

    def __init__(self, value: float, end: int, ordinal: bool = False, figure: bool = False, article: bool = False):
        self.value, self.end, self.ordinal, self.figure, self.article = value, end, ordinal, figure, article


def _glued(text: str, start: int, end: int) -> bool:
    """A figure inside a name: letters or a hyphen after letters before it (COVID-19, C919) unless
    they are a currency's code (RMB100 billion), letters right after it that are no unit, scale or
    ordinal ending (5G)."""
    before = text[start - 1] if start else ""
    if before.isalpha() and _currency(text, start):
        return False
    if before.isalpha() or (before == "-" and start > 1 and text[start - 2].isalpha()):
        return True
    after = text[end : end + 1]
    return after.isalpha() and not _UNIT.match(text, end) and not _SCALE_AFTER.match(text, end)


def _read_figure(text: str, start: int) -> _Number | None:
    match = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?P<suffix>st|nd|rd|th)?(?![\d,.]\d)").match(text, start)
    if match is None:
        return None
    digits = match.group(0)[: len(match.group(0)) - len(match["suffix"] or "")]
    if _glued(text, start, start + len(digits)) and not match["suffix"]:
        return None
    return _Number(float(digits.replace(",", "")), match.end(), bool(match["suffix"]), figure=True)


def _read_words(text: str, start: int) -> _Number | None:
    """A number in words from ``start``: "thirty-five", "one hundred and twenty", "a million",
    "twenty-first"; the longest reading that makes sense."""
    total, current, end, seen, ordinal = 0.0, 0.0, start, False, False
    article_end = 0  # after "a" or "an": one, if a scale or a unit follows ("a million", "a year")
    position = start
    for match in re.compile(r"([A-Za-z]+)|([\s-]+(?:and[\s-]+)?)").finditer(text, start):
        if match.start() != position:
            break
        position = match.end()
        word = (match.group(1) or "").lower()
        if not word:
            continue  # a joint: space, hyphen, "and"
        if word in ("a", "an") and not seen and not article_end:
            current, article_end = 1.0, match.end()
            continue
        if word in _ORDINALS:
            value = _ORDINALS[word]
            if value >= 100:
                current = (current or 1) * value  # "one hundredth"
            elif current == 0 or (current % 10 == 0 and value < 10) or current % 100 == 0:
                current += value  # "third", "twenty-first", "one hundred and first"
            else:
                break  # "one-third": a numerator, then a denominator
            end, seen, ordinal = match.end(), True, True
            break
        if word not in _CARDINALS:
            break
        value = _CARDINALS[word]
        if word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * value
            current = 0
        elif current % 100 and value < 10 and current % 10 == 0 and current % 100 >= 20:
            current += value  # twenty-five
        elif current % 100:
            break  # "five six": two numbers
        else:
            current += value
        end, seen = match.end(), True
    if not seen:
        return _Number(1.0, article_end, article=True) if article_end else None
    return _Number(total + current, end, ordinal)


def _fraction(text: str, number: _Number) -> _Number | None:
    """ "one-third", "two thirds", "a quarter": the number read as a numerator, if a denominator follows."""
    match = re.compile(r"[\s-]+([A-Za-z]+)").match(text, number.end)
    denominator = _DENOMINATORS.get(match.group(1).lower()) if match else None
    # A proper fraction only: "12 quarters in a row" counts quarters of a year, "two thirds" is a fraction.
    if denominator and not number.ordinal and number.value < denominator:
        return _Number(number.value / denominator, match.end())
    return None


def _word_value(word: str) -> float | None:
    """A number written as one word or figure ("five", "5"), else None."""
    return float(word) if word.isdigit() else _CARDINALS.get(word.lower())


def _currency(text: str, start: int) -> str:
    match = _CURRENCY.search(text[max(0, start - 6) : start])
    if not match:
        return ""
    return _CURRENCY_UNIT.get(match.group(1).lower(), "usd")


def roman_value(numeral: str) -> int:
    values = [_ROMAN_VALUES[char] for char in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def dates_by_context(text: str) -> list[str]:
    """The phrases that name a day or a month from the text's own time ("yesterday", "last week")."""
    return [match.group() for match in _DATE_BY_CONTEXT.finditer(text)]


def years_by_context(text: str) -> list[str]:
    """The phrases that name a calendar year from the text's own time ("this year", "last year", "next
    year"), in order: which year they mean depends on when the text was written, which QA cannot know."""
    return [match.group() for match in _YEAR_BY_CONTEXT.finditer(text)]


# A fraction in figures, "2/3 of firms": a proper one, of small numbers, not a part of a date or a code
# (2024/3/5, 3.5/4, 24/7).
_SLASH_FRACTION = re.compile(r"(?<![\d/.,])(\d{1,2})/(\d{1,3})(?![\d/]|\.\d)")


def english_quantities(text: str) -> list[Quantity]:
    found: list[Quantity] = []
    position = 0
    pending_unit: list[int] = []  # quantities of a range waiting for the unit after its last end
    pending_at = -1  # where the range's other end must start
    while position < len(text):
        char = text[position]
        starts_word = char.isalpha() and (position == 0 or not text[position - 1].isalnum())
        slashed = _SLASH_FRACTION.match(text, position) if char.isdigit() else None
        if slashed and 0 < int(slashed.group(1)) < int(slashed.group(2)):
            found.append(Quantity(position, slashed.end(), int(slashed.group(1)) / int(slashed.group(2)), "fraction"))
            position = slashed.end()
            continue
        if char.isdigit() and (position == 0 or not text[position - 1].isdigit()):
            number = _read_figure(text, position)
        elif starts_word:
            number = _read_words(text, position)
        else:
            number = None
        if number is None:
            if starts_word:
                while position < len(text) and text[position].isalpha():
                    position += 1
            else:
                position += 1
            continue
        fraction = _fraction(text, number)
        if fraction is not None:
            found.append(Quantity(position, fraction.end, fraction.value, "fraction"))
            position = fraction.end
            continue
        if text[position : number.end].strip().lower() in ("a", "an"):
            unit_match = _UNIT.match(text, number.end)
            if not unit_match:  # "a" counts only as "a million", "a year"
                position = number.end
                continue
        start, value, end = position, number.value, number.end
        if start != pending_at:
            pending_unit = []  # a range's other end stands right after its joint, or there is no range
        scale = _SCALE_AFTER.match(text, end)
        if scale and number.figure:
            size_of_scale = (_SCALES | _SCALE_ABBREVIATIONS)[(scale.group(1) or scale.group(2)).lower()]
            value *= size_of_scale
            end = scale.end()
            for index in pending_unit:  # "2-3 million": the scale is both ends'
                earlier = found[index]
                found[index] = Quantity(earlier.start, earlier.end, earlier.value * size_of_scale, "count")
        unit_match = _UNIT.match(text, end)
        dimension, size = "count", 1.0
        if unit_match:
            dimension, size = EN_UNITS[unit_match.group(1).lower()]
            end = unit_match.end()
            for index in pending_unit:  # "5 to 6 percent": the unit is both ends'
                earlier = found[index]
                found[index] = Quantity(earlier.start, earlier.end, earlier.value * size, dimension)
        elif _currency(text, start):
            dimension = _currency(text, start)
        pending_unit = []
        found.append(Quantity(start, end, value * size, dimension))
        if dimension == "count":
            joint = _RANGE.match(text, end)
            if joint and joint.end() < len(text) and (text[joint.end()].isdigit() or joint.group(0).strip()):
                pending_unit, pending_at = [len(found) - 1], joint.end()
        position = end
    for match in _HALF.finditer(text):
        found.append(Quantity(match.start(), match.end(), 0.5, "fraction"))
    for match in _CENTENARY.finditer(text):
        found.append(Quantity(match.start(), match.end(), 100, "years", worded=True))
    counted = {q.end for q in found}
    for match in _THIS_YEAR_AND_NEXT.finditer(text):
        found.append(Quantity(match.start(), match.end(), 2, "years"))
    for match in _SPAN.finditer(text):
        if match.end() not in counted:  # "a decade", "two centuries" are read with their number
            years = _SPAN_YEARS[match.group(1).lower()]
            found.append(Quantity(match.start(), match.end(), years, "years", worded=True))
    for match in _MONTH.finditer(text):
        found.append(Quantity(match.start(), match.end(), _MONTHS.index(match.group(1).lower()) + 1, "month"))
    for match in _MULTIPLES.finditer(text):
        stem = (match.group(1) or match.group(2) or "").lower()
        value = _MULTIPLE_VALUES[stem] if stem else _CARDINALS.get(match.group(3).lower())
        if value:  # "sixfold", "ten-fold"; "manifold" is no number
            found.append(Quantity(match.start(), match.end(), value, "times"))
    for match in _ROMAN.finditer(text):
        found.append(Quantity(match.start(1), match.end(1), roman_value(match.group(1)), "count"))
    for match in _SHORT_YEAR_RANGE.finditer(text):  # 2026-27: the 27 read above is the year 2027
        full = int(match.group(1)) // 100 * 100 + int(match.group(2))
        if full > int(match.group(1)):
            found = [q for q in found if q.start != match.start(2)]
            found.append(Quantity(match.start(2), match.end(2), full, "count"))
    for match in _LABEL.finditer(text):  # 10+1: a format's name, its added part a label
        found = [q for q in found if not match.start() <= q.start < match.end()]
        found.append(Quantity(match.start(), match.end(), float(match.group(2)), "label"))
    for match in _PLUS.finditer(text):  # "ASEAN Plus Three": the label in words
        found = [
            replace(q, dimension="label") if q.start == match.end() and q.dimension == "count" else q for q in found
        ]
    for match in _ONE_IN.finditer(text):
        part, whole = (_word_value(group) for group in match.groups())
        if part and whole and part < whole:
            found.append(Quantity(match.start(), match.end(), part / whole, "fraction"))
    return sorted(found, key=lambda q: q.start)


# Amounts English states only by their order ("hundreds of", "tens of millions of"): QA can bound them, not
# check them.  Each phrase with the range of values it covers, from its lower end to under its upper.
_ORDERS = {"dozens": (24, 100), "hundreds": (100, 1e3), "thousands": (1e3, 1e6), "millions": (1e6, 1e9),
           "billions": (1e9, 1e12)}  # fmt: skip
_ORDER_OF = re.compile(r"\b(?:(tens|hundreds) of )?(dozens|hundreds|thousands|millions|billions) of\b", re.IGNORECASE)
_ORDER_TIMES = {"tens": (10, 100), "hundreds": (100, 1000)}
_SEVERAL = re.compile(r"\b(?:a dozen|several|a few|a couple of)\b", re.IGNORECASE)
_SEVERAL_RANGES = {"a dozen": (10, 15), "several": (3, 10), "a few": (2, 10), "a couple of": (2, 3)}


def amounts_by_order(text: str) -> list[tuple[str, float, float]]:
    """The amounts ``text`` states only by their order of size, as (phrase, lowest, under): "hundreds of"
    (100, 1,000), "tens of thousands of" (10,000, 100,000), "several" (3, 10)."""
    found = []
    for match in _ORDER_OF.finditer(text):
        low, high = _ORDERS[match.group(2).lower()]
        if match.group(1):  # "tens of thousands": from ten times the order's lowest to under a hundred times
            times, under = _ORDER_TIMES[match.group(1).lower()]
            low, high = low * times, low * under
        found.append((match.group(), float(low), float(high)))
    for match in _SEVERAL.finditer(text):
        low, high = _SEVERAL_RANGES[match.group().lower()]
        found.append((match.group(), float(low), float(high)))
    return found
