"""Numbers in Chinese and English, as values, so that 34.98万 matches 349,800.

Only Arabic numerals are compared: Chinese numerals in formulas (六稳, 三个服务)
are names, rendered by the glossary, not quantities.
"""

from __future__ import annotations

import re
from collections import Counter

_ZH_NUMBER = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万亿|亿|万|千)?")
_ZH_SCALE = {"千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12}

_EN_NUMBER = re.compile(
    r"(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(hundred million|ten thousand|thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
_EN_SCALE = {
    "thousand": 1e3,
    "ten thousand": 1e4,
    "million": 1e6,
    "hundred million": 1e8,
    "billion": 1e9,
    "trillion": 1e12,
}


def _value(digits: str, scale: float) -> float:
    return round(float(digits.replace(",", "")) * scale, 6)


def chinese_numbers(text: str) -> Counter[float]:
    return Counter(_value(m.group(1), _ZH_SCALE.get(m.group(2) or "", 1)) for m in _ZH_NUMBER.finditer(text))


# Small numbers and months as words: 6个项目 may well become "six projects", 3月 "March".
_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()
_MONTHS = "january february march april may june july august september october november december".split()
_EN_WORD = re.compile(r"\b(" + "|".join(_WORDS + _MONTHS) + r")\b", re.IGNORECASE)


def english_numbers(text: str) -> Counter[float]:
    found = Counter(_value(m.group(1), _EN_SCALE.get((m.group(2) or "").lower(), 1)) for m in _EN_NUMBER.finditer(text))
    for match in _EN_WORD.finditer(text):
        word = match.group(1).lower()
        found[float(_WORDS.index(word) if word in _WORDS else _MONTHS.index(word) + 1)] += 1
    return found


def _show(value: float) -> str:
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def missing_numbers(source: str, target: str) -> list[str]:
    """Source quantities the target does not state (each occurrence counts)."""
    wanted, found = chinese_numbers(source), english_numbers(target)
    return [_show(v) for v, n in sorted(wanted.items()) for _ in range(n - found.get(v, 0))]
