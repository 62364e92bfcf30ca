"""Context lines: where a term stands in a corpus, for reviewers and extraction."""

from __future__ import annotations


def keyword_in_context(texts: list[str], term: str, width: int = 14, limit: int = 3) -> list[str]:
    """Up to ``limit`` lines of ``term`` in its context, the term in 【】."""
    lines = []
    for text in texts:
        start = text.find(term)
        while start != -1 and len(lines) < limit:
            left = text[max(0, start - width) : start].replace("\n", " ")
            right = text[start + len(term) : start + len(term) + width].replace("\n", " ")
            lines.append(f"…{left}【{term}】{right}…")
            start = text.find(term, start + len(term))
        if len(lines) >= limit:
            break
    return lines
