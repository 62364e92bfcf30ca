"""Python's cycle collector held off while a step makes many objects that hold no cycles.

The collector runs every few hundred new objects, and whenever an older generation fills it walks every
object that lives on: a step that makes hundreds of thousands of objects that all live to its end pays for
walking them again and again, for nothing (a PDF render's million boxes: a sixth of a 67-page render;
glossary evidence's pairs and occurrences from a memory of 100,000 units: a fifth of its time). Cycles that
became garbage meanwhile go at a later collection, and only those nothing outside refers to any more: let
go of a step's large result inside the pause, or keep it no longer than needed after, or the first
collection after finds it still held and moves it to the oldest generation, which is seldom collected (a
PDF worker grew by 90 MB a report so).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off inside, and left as it was found, so a pause inside another's (or a
    caller's own) changes nothing."""
    paused_here = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused_here:
            gc.enable()
