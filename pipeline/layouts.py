"""One report in several layouts at once, a process per usable CPU.

WeasyPrint lays a PDF out on one CPU, so the four layouts of a report (side by side, interleaved, English,
Chinese) one after another take four renders' time; on two CPUs, two at a time take about half.  The
workers are forked after the font check has run here, so each starts with the fonts found and their
character maps read, and with WeasyPrint imported.
"""

from __future__ import annotations

from dataclasses import replace

from foundation.cpus import usable_cpus
from pipeline.workers import worker_pool
from publish.edition import make_edition
from publish.outputs import Rendered, check_fonts, render_outputs
from publish.settings import Settings
from translate.document import Document


def render_layouts(
    document: Document,
    layouts: list[str],
    formats: list[str],
    settings: Settings | None = None,
    workers: int | None = None,
) -> dict[str, Rendered]:
    """Each layout's outputs (``formats``) in memory, by layout, made a process per usable CPU (``workers``,
    by default all) in the order given: the longest first keeps the CPUs busy to the end.  ``document`` is
    marked by QA as by ``render_outputs`` (characters no font has)."""
    settings = settings or Settings()
    workers = min(workers or usable_cpus(), len(layouts))
    if workers <= 1:
        return {layout: render_outputs(document, formats, replace(settings, layout=layout)) for layout in layouts}
    if "docx" in formats or "pdf" in formats:
        check_fonts(document, make_edition(document, settings))  # here, once: the workers inherit what it found
    with worker_pool(workers, "fork", _hand_over, (document, formats, settings)) as pool:
        futures = {layout: pool.submit(_render_in_worker, layout) for layout in layouts}
        return {layout: future.result() for layout, future in futures.items()}


_handed_over: tuple[Document, list[str], Settings] | None = None  # in a worker of render_layouts


def _hand_over(document: Document, formats: list[str], settings: Settings) -> None:
    global _handed_over
    _handed_over = document, formats, settings


def _render_in_worker(layout: str) -> Rendered:
    document, formats, settings = _handed_over
    return render_outputs(document, formats, replace(settings, layout=layout))
