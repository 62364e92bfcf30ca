"""How English names a term it does not write out: a short form after the full mention, or its own wording.

Official English names a body or an initiative in full once, then shortly: "the Communist Party of China",
then "the Party" or "the CPC"; "the Belt and Road Initiative", then "the BRI"; "artificial intelligence",
then "AI". So a term whose rendering stands in an earlier paragraph of the same document is rendered by:

- the initials of the rendering's words (connectives left out), written in capitals: CPC, BRI, UN, DRC, AI
  (but where a text writes "(CPC)", it introduces the short form after the full name, which must stand there);
- its head noun with "the", capitalised as the name is: "the Party", "the Initiative" (the head is the word
  before "of", else the last word; only a name written in capitals has one).

Before any full mention, a short form is no rendering (an error that says so): a short form the glossary
accepts anywhere ("GDP") belongs among the entry's admitted renderings.

And where the English holds no rendering the glossary knows but does share the term's head words ("the
reform of the administrative approval system" for "administrative approval reform"), the wording is the
translator's, which a reviewer judges: a warning, not an error.  A rendering replaced by other words
altogether is an error.
"""

from __future__ import annotations

import re

from translate.qa.english import noun_forms

CONNECTIVES = frozenset({"of", "and", "the", "for", "on", "in", "to", "a", "an", "with", "by", "at"})
_WORD = re.compile(r"[A-Za-z]+")


def _words(rendering: str) -> list[str]:
    return [word for word in _WORD.findall(rendering) if word.lower() not in CONNECTIVES]


def acronym(rendering: str) -> str | None:
    """The initials of a rendering of two words or more: "Belt and Road Initiative" is BRI."""
    words = _words(rendering)
    return "".join(word[0].upper() for word in words) if len(words) >= 2 else None


def head_noun(rendering: str) -> str:
    """The word a name is of: the last before "of", else the last ("Communist Party of China": Party)."""
    before, of, _ = rendering.partition(" of ")
    words = _WORD.findall(before if of else rendering)
    return words[-1] if words else ""


def says_short_form(text: str, rendering: str) -> str | None:
    """The short form of ``rendering`` that ``text`` writes, if any."""
    initials = acronym(rendering)
    # "(CPC)" introduces the short form right after the full name: where a text introduces it, the full
    # name was to be written there, and no short form of it elsewhere in the text stands in for it.
    if initials and re.search(rf"\({initials}\)", text):
        return None
    if initials and re.search(rf"(?<![\w-]){initials}s?(?![\w-])", text):
        return initials
    head = head_noun(rendering)
    if len(_words(rendering)) >= 2 and head[:1].isupper() and re.search(rf"\b[Tt]he {head}\b", text):
        return f"the {head}"
    return None


def shares_head_words(text: str, rendering: str) -> bool:
    """Whether ``text`` holds the rendering's head noun with two thirds of its words (in any number) close
    around it, within as many words again as the rendering has and two more: the same term in the
    translator's own wording ("the reform of the administrative approval system"), not its words strewn
    over a paragraph."""
    words = _words(rendering)
    if len(words) < 2:
        return False
    said = [word.lower() for word in _WORD.findall(text)]
    head = noun_forms(head_noun(rendering))
    reach = len(words) + 2
    needed = len(words)
    for at, word in enumerate(said):
        if word in head:
            near = set(said[max(0, at - reach) : at + reach + 1])
            if sum(1 for w in words if noun_forms(w) & near) >= needed:
                return True
    return False
