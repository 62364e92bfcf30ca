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
    # years, year (a calendar year), month
    dimension: str
    approx: str = ""  # over, about, nearly
    english: str = ""  # the protected English form (Chinese quantities)

    def shown(self) -> str:
        if self.english:
            return self.english
        if self.dimension == "fraction":  # 三分之二 as 2/3
            fraction = Fraction(self.value).limit_denominator(1000)
            return f"{fraction.numerator}/{fraction.denominator}"
        return f"{self.value:,.6f}".rstrip("0").rstrip(".")
