"""A progress bar per document, in segments per second."""

from __future__ import annotations

import sys

from tqdm import tqdm

from translate.document import Document


def document_bar(document: Document) -> tqdm:
    return tqdm(
        total=len(document.segments),
        desc=document.stem,
        unit="seg",
        leave=False,
        file=sys.stderr,
        disable=None,  # no bar when stderr is not a terminal
    )
