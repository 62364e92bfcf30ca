"""Where the benchmarks find the large data a clone does not carry: the 71 national reports (1954-2024,
Chinese) and the 2024 report with its official English.

They live in the folder ``ZHEN_BENCH_DATA`` names, laid out as ``corpus/gwr-1954-2024-zh.jsonl`` and
``reference/gwr-2024-zh-en.csv``; left unset, it is ``shared/`` beside the repository, as on the team's
machines.  The tests never read it: they carry their own excerpts in ``tests/data/``.
"""

from __future__ import annotations

import os
from pathlib import Path

VARIABLE = "ZHEN_BENCH_DATA"
DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared"
FOLDER = Path(os.environ.get(VARIABLE) or DEFAULT)
REFERENCE = FOLDER / "reference" / "gwr-2024-zh-en.csv"
CORPUS = FOLDER / "corpus" / "gwr-1954-2024-zh.jsonl"


def missing(bench: str, *paths: Path) -> bool:
    """Say in one line which data a benchmark lacks and how to point at it; True if any is missing."""
    absent = [path for path in paths if not path.is_file()]
    if absent:
        names = ", ".join(str(path) for path in absent)
        print(f"{bench}: not measured, no {names} (set {VARIABLE} to the folder holding corpus/ and reference/)")
    return bool(absent)
