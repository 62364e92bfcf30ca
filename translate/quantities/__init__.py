"""Quantities in Chinese and English: read as values with units, compared, and
written out in English to protect them through machine translation.

``chinese`` reads the source's quantities (and gives each its English form for
MT), ``english`` reads the translation's as writers write them; two quantities
are equal when their dimensions agree and their values in the base unit do:
exactly, or within 1% where one side converts units the way official
translators do (斤 → tonnes, 亩 → hectares, 亿千瓦 → gigawatts).  A Chinese
quantity without a unit of measure (a count: 2378家, 32个) is matched by any
English number of equal value that has no unit of another dimension.

Chinese repeats a quantity where English refers back to it ("以来的五年，是……极不
平凡的五年": "the past five years ... a truly extraordinary period"): the same
written quantity again in one text is stated once the English has stated it.
"""

from __future__ import annotations

from collections import Counter

from translate.quantities.chinese import chinese_quantities, english_number
from translate.quantities.english import english_quantities, years_by_context
from translate.quantities.quantity import Quantity

__all__ = [
    "Quantity",
    "chinese_quantities",
    "english_number",
    "english_quantities",
    "missing_quantities",
    "years_by_context",
]

# Dimensions whose units official translators convert: compared within 1%.
CONVERTED = {"mass", "area", "power", "energy"}
COUNTS = {"count", "years"}  # a count can be matched by a bare English number


def _equal(wanted: Quantity, offered: Quantity) -> bool:
    if wanted.dimension == "year":
        return offered.dimension == "count" and offered.value == wanted.value
    if wanted.dimension in COUNTS and offered.dimension == "count":
        return abs(offered.value - wanted.value) < 1e-9 * max(1.0, wanted.value)
    if wanted.dimension == "fraction" and offered.dimension == "percent":  # 三分之一 as "33.3 percent"
        return abs(offered.value / 100 - wanted.value) <= 0.01 * wanted.value
    if wanted.dimension != offered.dimension:
        return False
    tolerance = 0.01 if wanted.dimension in CONVERTED else 1e-9
    return abs(offered.value - wanted.value) <= tolerance * max(abs(wanted.value), 1e-9)


def missing_quantities(source: str, target: str) -> list[Quantity]:
    """The source's quantities the translation does not state (each occurrence counts once)."""
    offered = english_quantities(target)
    used: Counter[int] = Counter()
    missing = []
    stated: set[str] = set()  # written forms the translation has matched once
    for wanted in chinese_quantities(source):
        written = source[wanted.start : wanted.end]
        match = next((i for i, q in enumerate(offered) if not used[i] and _equal(wanted, q)), None)
        if match is not None:
            used[match] += 1
            stated.add(written)
        elif written not in stated:
            missing.append(wanted)
    return missing
