"""Context lines: where a term stands in a corpus, for reviewers and extraction."""

from __future__ import annotations


def contexts(texts: list[str], term: str, width: int = 14, limit: int = 3) -> list[tuple[str, str, str]]:
    """Up to ``limit`` places of ``term``: (text before, the term, text after), ``width`` characters each side."""
    found = []
    for text in texts:
        start = text.find(term)
        while start != -1 and len(found) < limit:
            left = text[max(0, start - width) : start].replace("\n", " ")
            right = text[start + len(term) : start + len(term) + width].replace("\n", " ")
            found.append((left, term, right))
            start = text.find(term, start + len(term))
        if len(found) >= limit:
            break
    return found


def keyword_in_context(texts: list[str], term: str, width: int = 14, limit: int = 3) -> list[str]:
    """Up to ``limit`` lines of ``term`` in its context, the term in 【】."""
    return [f"…{left}【{term}】{right}…" for left, term, right in contexts(texts, term, width, limit)]
