"""A progress bar per document, in segments per second."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from tqdm import tqdm

from pipeline.job import Progress
from translate.document import Document


@contextmanager
def document_bar(document: Document) -> Iterator[Progress]:
    """A bar on standard error, when it is a terminal; yields the function that advances it."""
    with tqdm(
        total=len(document.segments),
        desc=document.stem,
        unit="seg",
        leave=False,
        file=sys.stderr,
        disable=None,  # no bar when stderr is not a terminal
    ) as bar:
        yield bar.update
