"""A quantity found in a text: where it stands, its value in its dimension's base unit."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: float  # in the dimension's base unit
    # count, money, usd, hkd, eur, mass, area, length, power, energy, volume, percent, points, times, fraction,
    # years, year (a calendar year), month, day, label (the added part of a name like 10+1)
    dimension: str
    approx: str = ""  # over, about, nearly
    english: str = ""  # the protected English form (Chinese quantities)
    # Where a Chinese amount is "X and more" (5000多, 30余): the bound it stays under, in the base unit (5000多
    # is 5,000 to under 6,000, 30余 30 to under 40); 0 for an exact amount.
    upper: float = 0.0
    # Said by a word for a length of time with no number in it ("a decade", "the century", "centenary"):
    # it states a number of years only, never a count of things (100多个国家 is not "a century").
    worded: bool = False

    def shown(self) -> str:
        if self.english:
            return self.english
        if self.dimension == "fraction":  # 三分之二 as 2/3
            fraction = Fraction(self.value).limit_denominator(1000)
            return f"{fraction.numerator}/{fraction.denominator}"
        return f"{self.value:,.6f}".rstrip("0").rstrip(".")
