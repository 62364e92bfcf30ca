"""How English names a term it does not write out: a short form after the full mention, or its own wording.

Official English names a body or an initiative in full once, then shortly: "the Communist Party of China",
then "the Party" or "the CPC"; "the Belt and Road Initiative", then "the BRI"; "artificial intelligence",
then "AI". So a term whose rendering stands in an earlier paragraph of the same document is rendered by:

- the initials of the rendering's words (connectives left out), written in capitals: CPC, BRI, UN, DRC, AI
  (but where a text writes "(CPC)", it introduces the short form after the full name, which must stand there);
- its head noun with "the", capitalised as the name is: "the Party", "the Initiative" (the head is the word
  before the first preposition, else the last word; only a name written in capitals has one).

Before any full mention, a short form is no rendering (an error that says so): a short form the glossary
accepts anywhere ("GDP") belongs among the entry's admitted renderings.

And where the English holds no rendering the glossary knows but does share the term's head and most of its
words, in any form of their families ("the reform of the administrative approval system" for
"administrative approval reform", "scientific, technological and innovative cooperation" for "scientific
and technological innovation"), the wording is the translator's, which a reviewer judges: a warning, not an
error.  A rendering replaced by other words altogether, or its head by another, is an error; and the words
another term of the segment is rendered by are that term's ("the 15th Five-Year Plan" beside a missing
"14th Five-Year Plan").
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from translate.qa.derivation import RELATIONAL_ADJECTIVES
from translate.qa.english import noun_forms, searchable

CONNECTIVES = frozenset({"of", "and", "the", "for", "on", "in", "to", "a", "an", "with", "by", "at"})
_WORD = re.compile(r"(?<!['’])\b[A-Za-z]+")  # not the "th" of "20th", nor the possessive "s"


def _words(rendering: str) -> list[str]:
    return [word for word in _WORD.findall(rendering) if word.lower() not in CONNECTIVES]


def acronym(rendering: str) -> str | None:
    """The initials of a rendering of two words or more: "Belt and Road Initiative" is BRI."""
    words = _words(rendering)
    return "".join(word[0].upper() for word in words) if len(words) >= 2 else None


def head_noun(rendering: str) -> str:
    """The word a name or a phrase is of: the last before its first preposition, else the last
    ("Communist Party of China": Party; "self-reliance and strength in science and technology": strength)."""
    before = _BEFORE_PREPOSITION.match(rendering)
    words = _WORD.findall(before.group(1) if before else rendering)
    return words[-1] if words else ""


_BEFORE_PREPOSITION = re.compile(r"(.+?)\s(?:of|in|for|on|to|with|by|at)\s", re.IGNORECASE)


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


def same_family(one: str, other: str) -> bool:
    """Whether two words are of one family: the same word in another number ("institution",
    "institutions"), another derivation of one stem ("institutional", "technological" and "technology",
    "innovative" and "innovation": a common beginning of five letters or more that leaves at most three
    letters of the shorter word), or a relational adjective and its noun ("urban", "city")."""
    one, other = _family_word(one), _family_word(other)
    if one == other or noun_forms(one) & noun_forms(other):
        return True
    shared = len(os.path.commonprefix([one, other]))
    return shared >= max(FAMILY_STEM, min(len(one), len(other)) - 3)


FAMILY_STEM = 5


@lru_cache(maxsize=4096)
def _family_word(word: str) -> str:
    lower = word.lower()
    return _NOUN_OF_ADJECTIVE.get(lower, lower)


_NOUN_OF_ADJECTIVE = {adjective: noun for noun, adjective in RELATIONAL_ADJECTIVES.items() if not noun.endswith("s")}


def shares_wording(text: str, rendering: str) -> bool:
    """Whether ``text`` says the rendering in other words of the same families close together: its head
    noun with two thirds of its words (two at least; "innovations in theory, practice, institutions" for
    "institutional innovation", "high-quality BRI cooperation" for "high-quality Belt and Road
    cooperation"), within as many words of the head as the rendering has and three more: the same term in
    the translator's own wording, which a reviewer judges.  Not its words strewn over a paragraph, and not
    its modifiers around another head: "the Secretary-General of the State Council" is no wording of
    "Premier of the State Council"."""
    words = list(dict.fromkeys(word.lower() for word in _words(searchable(rendering))))
    if len(words) < 2:
        return False
    head = head_noun(searchable(rendering)).lower()
    needed = max(2, -(-2 * len(words) // 3))
    said = [word.lower() for word in _WORD.findall(text)]
    reach = len(words) + 3
    for at, word in enumerate(said):
        if not same_family(word, head):
            continue
        near = said[max(0, at - reach) : at + reach + 1]
        if sum(1 for w in words if any(same_family(w, s) for s in near)) >= needed:
            return True
    return False
