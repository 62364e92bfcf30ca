"""The stylesheet, and the page geometry read from it: the PDF's page lives
in ``templates/bitext.css``, and the DOCX and the row-height estimate take the
same numbers from here.

What is read: ``@page { size; margin }``, the font size and line height of
``html``, and the padding of ``table.bitext td``.  Lengths may be in mm, cm,
in or pt; sizes may be A3, A4, A5, B5 or letter, optionally with
``portrait``/``landscape``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import tinycss2

STYLESHEET = "bitext.css"
MM_PER = {"mm": 1.0, "cm": 10.0, "in": 25.4, "pt": 25.4 / 72}
PAGE_SIZES_MM = {"a3": (297, 420), "a4": (210, 297), "a5": (148, 210), "b5": (176, 250), "letter": (215.9, 279.4)}


@dataclass(frozen=True)
class Page:
    width_mm: float
    height_mm: float
    margins_mm: tuple[float, float, float, float]  # top, right, bottom, left, as in CSS
    font_pt: float
    line_height: float
    cell_padding_mm: tuple[float, float]  # vertical, horizontal

    @property
    def text_width_mm(self) -> float:
        _, right, _, left = self.margins_mm
        return self.width_mm - left - right

    def columns_mm(self, zh_share: float) -> tuple[float, float]:
        """The widths of the Chinese and the English column of the side-by-side table."""
        return self.text_width_mm * zh_share, self.text_width_mm * (1 - zh_share)

    @property
    def em_mm(self) -> float:
        return self.font_pt * MM_PER["pt"]

    @property
    def lines_per_page(self) -> int:
        top, _, bottom, _ = self.margins_mm
        return int((self.height_mm - top - bottom) / (self.em_mm * self.line_height))

    def characters_per_line(self, column_mm: float, em_per_character: float) -> int:
        """How many characters of the given average width fit on a line of a column that wide."""
        text_mm = column_mm - 2 * self.cell_padding_mm[1]
        return max(1, int(text_mm / (self.em_mm * em_per_character)))


def _length_mm(token) -> float:
    if token.type == "number" and token.value == 0:
        return 0.0
    if token.type != "dimension" or token.lower_unit not in MM_PER:
        raise ValueError(f"unsupported length in the stylesheet: {tinycss2.serialize([token])}")
    return token.value * MM_PER[token.lower_unit]


def _box(values: list[float]) -> tuple[float, float, float, float]:
    """CSS's one-to-four value shorthand as top, right, bottom, left."""
    if len(values) == 1:
        return values[0], values[0], values[0], values[0]
    if len(values) == 2:
        return values[0], values[1], values[0], values[1]
    if len(values) == 3:
        return values[0], values[1], values[2], values[1]
    return values[0], values[1], values[2], values[3]


def _declarations(content) -> dict[str, list]:
    found = {}
    for item in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if item.type == "declaration":
            found[item.lower_name] = [t for t in item.value if t.type not in ("whitespace", "comment")]
    return found


def parse_page(css: str) -> Page:
    """The geometry a stylesheet sets; a rule it lacks is a ValueError naming it."""
    rules = {}
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "at-rule" and rule.lower_at_keyword == "page" and not tinycss2.serialize(rule.prelude).strip():
            rules["@page"] = _declarations(rule.content)
        elif rule.type == "qualified-rule":
            selector = tinycss2.serialize(rule.prelude).strip()
            if selector in ("html", "table.bitext td"):
                rules.setdefault(selector, {}).update(_declarations(rule.content))
    try:
        page, html, cell = rules["@page"], rules["html"], rules["table.bitext td"]
        size = [t for t in page["size"]]
        keywords = [t.lower_value for t in size if t.type == "ident"]
        named = [k for k in keywords if k in PAGE_SIZES_MM]
        if named:
            width, height = PAGE_SIZES_MM[named[0]]
        else:
            width, height = (_length_mm(t) for t in size[:2])
        if "landscape" in keywords:
            width, height = max(width, height), min(width, height)
        padding = [_length_mm(t) for t in cell["padding"]]
        return Page(
            width_mm=width,
            height_mm=height,
            margins_mm=_box([_length_mm(t) for t in page["margin"]]),
            font_pt=round(_length_mm(html["font-size"][0]) / MM_PER["pt"], 2),
            line_height=float(html["line-height"][0].value),
            cell_padding_mm=(padding[0], padding[1] if len(padding) > 1 else padding[0]),
        )
    except (KeyError, IndexError, AttributeError) as error:
        raise ValueError(f"the stylesheet does not set the page geometry this reads ({error})")


def stylesheet() -> bytes:
    return resources.files("publish").joinpath(f"templates/{STYLESHEET}").read_bytes()


@cache
def page() -> Page:
    """The page of the shipped stylesheet."""
    return parse_page(stylesheet().decode("utf-8"))
