"""Where an entry's sense holds: the kinds of document it is limited to, and the words near a term that
select or exclude it.

办事处 is a subdistrict office in a district's report and a representative office in a text on missions
abroad; 主席 is a Chairman, but not where 国家 stands before it.  An entry says so in two columns:

- ``scope``: the kinds of document (``DOCUMENT_KINDS``) its rendering is right in; empty, every kind.  In a
  document of another kind the term is not this entry's sense: it is neither enforced nor checked.  A
  document whose kind is not known (none given, none inferred) takes every entry.
- ``context``: items ``+word`` (the entry holds only where one of its + words stands near) and ``-word``
  (it does not hold where any of its - words stands near).  Near is within ``NEAR`` characters before or
  after the term, in the same sentence: a word further away, or past a full stop, says nothing of it.  A
  word may take in the term itself: ``-主席国`` (the presidency of a body, not its Chairman).
"""

from __future__ import annotations

import re

from foundation.errors import UserError
from glossary.entry import DOCUMENT_KINDS, Entry

NEAR = 8  # characters either side of a term where a context word selects or excludes it
_SENTENCE_END = re.compile(r"[。！？；!?;\n]")


def checked_context(items: list[str], where: tuple) -> list[str]:
    """The context items, each its sign and its word without spaces, once each; or a one-line error for
    one that is not ``+word`` or ``-word``, holds a comma (TBX lists words with commas), or a word both
    selecting and excluding."""
    checked: list[str] = []
    for item in items:
        sign, word = item[:1], "".join(item[1:].split())
        if sign not in ("+", "-") or not word:
            message = f"context item {item[:40]!r}: write +word (selects the entry) or -word (excludes it)"
            raise UserError(message, *where)
        if "," in word or "，" in word:
            raise UserError(f"context item {item[:40]!r}: one word, without a comma", *where)
        if ("-" if sign == "+" else "+") + word in checked:
            raise UserError(f"context word {word[:40]!r} both selects and excludes the entry", *where)
        checked += [sign + word] if sign + word not in checked else []
    return checked


def checked_scope(kinds: list[str], where: tuple) -> list[str]:
    """The kinds, once each, or a one-line error for one that is not a kind of document."""
    for kind in kinds:
        if kind not in DOCUMENT_KINDS:
            message = f"unknown scope {kind[:40]!r}: use kinds of document from {', '.join(DOCUMENT_KINDS)}"
            raise UserError(message, *where)
    return list(dict.fromkeys(kinds))


def neighbourhood(text: str, start: int, end: int) -> tuple[str, str]:
    """The text within ``NEAR`` characters before and after ``text[start:end]``, cut at sentence ends."""
    before = text[max(0, start - NEAR) : start]
    after = text[end : end + NEAR]
    cut = [m.end() for m in _SENTENCE_END.finditer(before)]
    before = before[cut[-1] :] if cut else before
    stop = _SENTENCE_END.search(after)
    return before, after[: stop.start()] if stop else after


def holds_here(entry: Entry, text: str, start: int, end: int) -> bool:
    """Whether the entry's context words let it hold for the term at ``text[start:end]``."""
    if not entry.context:
        return True
    before, after = neighbourhood(text, start, end)
    near = before + text[start:end] + after
    inside = range(len(before), len(before) + end - start)
    selecting = [item[1:] for item in entry.context if item[0] == "+"]
    if any(_stands_near(word[1:], near, inside) for word in entry.context if word[0] == "-"):
        return False
    return not selecting or any(_stands_near(word, near, inside) for word in selecting)


def _stands_near(word: str, near: str, inside: range) -> bool:
    """Whether ``word`` stands in ``near`` other than wholly inside the term (which spans ``inside``): a word
    may take in the term's own characters (主席国, where 主席 is the rotating presidency)."""
    at = near.find(word)
    while at != -1:
        if not (at >= inside.start and at + len(word) <= inside.stop):
            return True
        at = near.find(word, at + 1)
    return False


def holds_in(entry: Entry, kind: str) -> bool:
    """Whether the entry's sense holds in a document of ``kind`` ("" when not known: it does)."""
    return not kind or not entry.scope or kind in entry.scope
