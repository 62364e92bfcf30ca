"""Where the tests find their data: the repository's own seeds and ``tests/data/`` (see its SOURCES.md).

A user's clone has nothing beside it, so no test may read outside the repository: ``conftest`` refuses
any file a test opens, or hands to a program it starts, in the repository's parent folder but outside
the repository itself.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = ROOT / "tests" / "data"
SCHEMAS = DATA / "schemas"
# Excerpts of the 71 national work reports (1954-2024): a few paragraphs of each, longer for 1978, 2008, 2019.
CORPUS_EXCERPTS = DATA / "corpus" / "gwr-excerpts-zh.jsonl"
# The 2024 report with its official English: the 16 aligned paragraphs among 1-15, 19, 79 and 80.
GWR_2024_EXCERPT = DATA / "reference" / "gwr-2024-excerpt-zh-en.csv"
