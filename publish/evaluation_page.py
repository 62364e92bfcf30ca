"""The page ``translate eval --html`` writes: a small bar chart per measure, the engines side by side, and
each engine's worst segments to look at.

One self-contained file: the charts are inline SVG, the style inline; no script, nothing fetched, so it
opens from a disk or a mail as it is.  Everything from the report (engine names, the reference's file
names, the sentences) is escaped into it by ``element``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from publish.html import Markup, element, screen_head

_STYLE = """
body { font-family: "Liberation Sans", "Noto Sans CJK SC", sans-serif; max-width: 72rem; margin: 1.5rem auto;
       padding: 0 1rem; color: #111; line-height: 1.45; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
.lead { color: #444; margin-top: 0; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(21rem, 1fr)); gap: 1rem 1.5rem; }
figure { margin: 0; border: 1px solid #ddd; border-radius: 4px; padding: 0.5rem 0.75rem; }
figcaption { font-weight: bold; font-size: 0.95rem; }
figcaption span { font-weight: normal; color: #555; }
svg { display: block; width: 100%; height: auto; }
svg text { font-size: 12px; fill: #222; }
.bar { fill: #3b6ea5; }
.reference { stroke: #b5452b; stroke-width: 2; stroke-dasharray: 4 3; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; table-layout: fixed; }
td { overflow-wrap: anywhere; }  /* an engine's output may be one long run of characters */
th.id { width: 6rem; } th.num { width: 3.5rem; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.6rem 0.3rem 0; border-bottom: 1px solid #e3e3e3; }
th { border-bottom: 2px solid #888; }
td.num, th.num { text-align: right; white-space: nowrap; }
details { margin: 0.5rem 0; }
summary, p.none { cursor: pointer; font-weight: bold; margin: 0.5rem 0; }
p.none { cursor: auto; color: #555; }
.missed { color: #b5452b; }
.notes { color: #b5452b; }
.signature { font-family: "Liberation Mono", monospace; font-size: 0.8rem; color: #555; }
"""


@dataclass(frozen=True)
class Measure:
    key: str  # in each engine's figures
    title: str
    explain: str  # which way is better, and what it counts
    shown: Callable[[float], str]
    reference_key: str = ""  # the reference's own figure, drawn as a line
    logarithmic: bool = False  # for figures that span orders of size (a memory's lookups beside a model)


def _percent(value: float) -> str:
    return f"{value * 100:.1f}%"


def _number(value: float) -> str:
    return f"{value:.1f}" if value >= 10 or value == 0 else f"{value:.2f}"


def _count(value: float) -> str:
    return f"{value:,.0f}"


MEASURES = (
    Measure("chrf", "chrF", "against the reference; higher is better", _number),
    Measure("bleu", "BLEU", "against the reference; higher is better", _number),
    Measure("term_success", "Term success", "approved terms rendered; the line is the reference's", _percent,
            "term_success"),
    Measure("numbers_kept", "Numbers kept", "quantities of the Chinese stated; the line is the reference's", _percent,
            "numbers_kept"),
    Measure("qa_errors_per_segment", "QA errors a segment", "lower is better; the line is the reference's", _number,
            "qa_errors_per_segment"),
    Measure("untranslated", "Untranslated", "sentences the engine gave no English; lower is better", _count),
    Measure("segments_per_second", "Segments a second", "higher is faster; a logarithmic scale", _number,
            logarithmic=True),
    Measure("reasked", "Re-asks", "sentences an LLM was asked again after failing its checks", _count),
)  # fmt: skip
WORST_BY = (
    ("chrf", "lowest chrF"),
    ("terms", "most terms missed"),
    ("numbers", "most numbers missed"),
    ("qa", "most QA errors"),
)

_LABEL_WIDTH, _BAR_WIDTH, _ROW, _VALUE_WIDTH = 170, 170, 22, 60
_LABEL_CHARACTERS = 26  # an engine's name in the chart; the whole name is in the bar's tooltip and the table
_TEXT_CHARACTERS = 1000  # a sentence in a worst-segment table: enough to judge it, and the page stays small


def bar_chart(measure: Measure, engines: list[dict], reference: dict) -> Markup | None:
    """Horizontal bars, one per engine with a figure for this measure; None when none has one."""
    rows = [(engine["engine"], engine.get(measure.key)) for engine in engines]
    rows = [(name, value) for name, value in rows if value is not None]
    if not rows:
        return None
    line = reference.get(measure.reference_key) if measure.reference_key else None

    def length(value: float) -> float:
        return math.log10(1 + value) if measure.logarithmic else value

    scale = max([length(value) for _, value in rows] + ([length(line)] if line is not None else []) + [1e-9])
    if measure.shown is _percent:
        scale = max(scale, 1.0)
    parts = []
    for position, (name, value) in enumerate(rows):
        y = position * _ROW + 4
        width = max(0.0, length(value) / scale * _BAR_WIDTH)
        parts += [
            element("text", _clipped(name, _LABEL_CHARACTERS), x=str(_LABEL_WIDTH - 6), y=str(y + 13),
                    text_anchor="end"),
            element("rect", element("title", f"{name}: {measure.shown(value)}"), x=str(_LABEL_WIDTH), y=str(y),
                    width=f"{width:.1f}", height=str(_ROW - 8), class_="bar"),
            element("text", measure.shown(value), x=f"{_LABEL_WIDTH + width + 4:.1f}", y=str(y + 13)),
        ]  # fmt: skip
    height = len(rows) * _ROW + 8
    if line is not None:
        x = f"{_LABEL_WIDTH + length(line) / scale * _BAR_WIDTH:.1f}"
        parts.append(
            element("line", element("title", f"the reference: {measure.shown(line)}"), x1=x, x2=x, y1="0",
                    y2=str(height), class_="reference")
        )  # fmt: skip
    total = _LABEL_WIDTH + _BAR_WIDTH + _VALUE_WIDTH
    svg = element(
        "svg", *parts, viewBox=f"0 0 {total} {height}", role="img", aria_label=measure.title,
        xmlns="http://www.w3.org/2000/svg",
    )  # fmt: skip
    return element("figure", element("figcaption", measure.title, " ", element("span", measure.explain)), svg)


def _clipped(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _lost(row: dict, measure: str) -> str:
    """What the segment lost: QA's findings in the list by QA errors, else the terms and numbers missed
    (which QA's findings would only say again)."""
    if measure == "qa":
        return "; ".join(row["qa_errors"])
    parts = [("terms: ", row["missed_terms"]), ("numbers: ", row["missed_numbers"])]
    return "; ".join(label + ", ".join(items) for label, items in parts if items)


def _worst_table(rows: list[dict], measure: str) -> Markup:
    head = element("tr", element("th", "segment", class_="id"),
                   *(element("th", h) for h in ("Chinese", "reference", "engine's English")),
                   element("th", "chrF", class_="num"), element("th", "missed"))  # fmt: skip
    body = []
    for row in rows:
        body.append(
            element(
                "tr",
                element("td", row.get("where") or row["segment"]),
                element("td", _clipped(row["source"], _TEXT_CHARACTERS), lang="zh"),
                element("td", _clipped(row["reference"], _TEXT_CHARACTERS), lang="en"),
                element("td", _clipped(row["output"], _TEXT_CHARACTERS) or "(nothing)", lang="en"),
                element("td", "" if row["chrf"] is None else f"{row['chrf']:.1f}", class_="num"),
                element("td", _lost(row, measure), class_="missed"),
            )
        )
    return element("table", element("thead", head), element("tbody", *body))


def _engine_section(engine: dict) -> Markup:
    lists = []
    for key, title in WORST_BY:
        rows = engine["worst"].get(key, [])
        if rows:
            lists.append(
                element("details", element("summary", f"{title}: {len(rows)} segment(s)"), _worst_table(rows, key))
            )
        else:
            lists.append(element("p", f"{title}: none", class_="none"))
    notes = [element("li", note) for note in engine.get("notes", [])]
    said = [element("ul", *notes, class_="notes")] if notes else []
    return element("section", element("h3", engine["engine"]), *said, *lists)


def evaluation_page(report: dict) -> str:
    """The whole page for a report of ``pipeline.evaluation.evaluate``."""
    reference, engines = report["reference"], report["engines"]
    figures = [chart for m in MEASURES if (chart := bar_chart(m, engines, reference)) is not None]
    files = ", ".join(reference["files"])
    lead = (
        f"{reference['segments']} sentence pairs from {files}. The reference's own term success: "
        + (_percent(reference["term_success"]) if reference["term_success"] is not None else "no terms")
        + ", numbers kept: "
        + (_percent(reference["numbers_kept"]) if reference["numbers_kept"] is not None else "no numbers")
        + "."
    )
    signatures = element(
        "p",
        "sacrebleu signatures: chrF ", element("span", report["signatures"]["chrf"], class_="signature"),
        "; BLEU ", element("span", report["signatures"]["bleu"], class_="signature"),
    )  # fmt: skip
    title = f"Engines compared on {_clipped(files, 200)}"
    head = screen_head(title, _STYLE)
    body = element(
        "body",
        element("h1", title),
        element("p", lead, class_="lead"),
        element("div", *figures, class_="charts"),
        signatures,
        element("h2", "Worst segments"),
        *(_engine_section(engine) for engine in engines),
    )
    return "<!DOCTYPE html>\n" + element("html", head, body, lang="en") + "\n"
