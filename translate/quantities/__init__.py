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

import re
from dataclasses import dataclass

from translate.quantities.chinese import chinese_quantities, english_number
from translate.quantities.english import amounts_by_order, dates_by_context, english_quantities, years_by_context
from translate.quantities.quantity import Quantity

__all__ = [
    "COUNTS",
    "Compared",
    "Quantity",
    "amounts_by_order",
    "compare_quantities",
    "dates_by_context",
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
    if wanted.upper:  # 5000多: from 5,000 to under 6,000, in the same dimension
        exact = Quantity(wanted.start, wanted.end, offered.value, wanted.dimension)
        return wanted.value <= offered.value < wanted.upper and _equal(exact, offered)
    if wanted.dimension == "year":
        return offered.dimension == "count" and offered.value == wanted.value
    if wanted.dimension == "day":  # 6月5日: "June 5", "5 June"
        return offered.dimension == "count" and offered.value == wanted.value
    if wanted.dimension == "count" and offered.dimension == "years":  # 第31个年头: "the 31st year"
        return offered.value == wanted.value and not offered.worded
    if wanted.dimension in COUNTS and offered.dimension == "count":
        return abs(offered.value - wanted.value) < 1e-9 * max(1.0, wanted.value)
    if wanted.dimension == "fraction" and offered.dimension == "percent":  # 三分之一 as "33.3 percent"
        return abs(offered.value / 100 - wanted.value) <= 0.01 * wanted.value
    if wanted.dimension == "percent" and offered.dimension == "fraction":  # 20% as "one in five", 50% "half"
        return abs(offered.value * 100 - wanted.value) <= 0.01 * wanted.value
    if wanted.dimension != offered.dimension:
        return False
    tolerance = 0.01 if wanted.dimension in CONVERTED else 1e-9
    return abs(offered.value - wanted.value) <= tolerance * max(abs(wanted.value), 1e-9)


@dataclass
class Compared:
    """The source's quantities the translation does not state, and the translation's figures that state
    none of the source's (a number changed, or added)."""

    missing: list[Quantity]
    extra: list[Quantity]


# An ordinal figure that opens a name ("the 29th St. Petersburg International Economic Forum"): the Chinese
# may leave the number out of the name, and English keep it.
_NAME_AFTER = re.compile(r"\s+(?:St\.\s+)?[A-Z]")
_ORDINAL_SUFFIX = re.compile(r"\d(?:st|nd|rd|th)$")


def compare_quantities(source: str, target: str) -> Compared:
    """Each quantity of the source matched with one of the translation (a multiset: each English quantity
    stands for one Chinese one).  Chinese repeats a quantity where English refers back to it, so a written
    quantity met again is excused once the English has stated it, unless a figure of the English matches
    nothing: then one of the repeats was changed, and it is missing."""
    offered = english_quantities(target)
    used = [False] * len(offered)
    unmatched: list[tuple[Quantity, str]] = []
    stated: set[str] = set()  # written forms the translation has matched once
    wanted_all = chinese_quantities(source)
    for wanted in wanted_all:
        written = source[wanted.start : wanted.end]
        match = next((i for i, q in enumerate(offered) if not used[i] and _equal(wanted, q)), None)
        if match is not None:
            used[match] = True
            stated.add(written)
        else:
            unmatched.append((wanted, written))
    extra = [
        q
        for i, q in enumerate(offered)
        if not used[i] and _a_figure_of_its_own(q, target) and not any(_equal(w, q) for w in wanted_all)
    ]
    missing = [w for w, written in unmatched if written not in stated or any(_could_be(w, q) for q in extra)]
    return Compared(missing, extra)


def _a_figure_of_its_own(quantity: Quantity, target: str) -> bool:
    """A figure written in digits that is neither a year (English adds the year the Chinese calls 今年) nor
    the ordinal of a name."""
    written = target[quantity.start : quantity.end]
    if not written[:1].isdigit():
        return False
    if quantity.dimension == "count" and 1900 <= quantity.value <= 2100 and quantity.value == int(quantity.value):
        return False
    figure = re.match(r"[\d,.]+(?:st|nd|rd|th)?", written).group()
    return not (_ORDINAL_SUFFIX.search(figure) and _NAME_AFTER.match(target, quantity.start + len(figure)))


def _could_be(wanted: Quantity, offered: Quantity) -> bool:
    """Whether ``offered`` is of a dimension ``wanted`` could have been written in (a changed figure)."""
    probe = Quantity(wanted.start, wanted.end, offered.value, wanted.dimension)
    return _equal(probe, offered) if wanted.dimension not in ("year", "day") else offered.dimension == "count"


def missing_quantities(source: str, target: str) -> list[Quantity]:
    """The source's quantities the translation does not state (each occurrence counts once)."""
    return compare_quantities(source, target).missing
