"""The names of China's state and Party bodies as official English writes them.

A body named with an acronym before its organ is also the organ "of" the body,
and the acronym also stands written out: "the CPC Central Committee" is "the
Central Committee of the CPC" and "the Central Committee of the Communist Party
of China"; "the NPC Standing Committee" is "the Standing Committee of the
National People's Congress". The acronyms are the few that official English
uses for these bodies.

"The Party" in a name is the CPC, as official English writes it after the first
mention: "Party members" is also "CPC members", "the CPC Central Committee" also
"the Party Central Committee".

The organ may be named without its body where the text names the body
elsewhere: "The Party successfully convened its 20th National Congress" and "the
20th National Congress of the Party" render "the 20th CPC National Congress"; "the
Central Committee" alone does not.
"""

from __future__ import annotations

import re
from functools import lru_cache

NAME_ACRONYMS = {
    "CPC": "Communist Party of China",
    "CPPCC": "Chinese People's Political Consultative Conference",
    "NPC": "National People's Congress",
    "PRC": "People's Republic of China",
}
# An acronym and the capitalised words of its organ after it: "CPC Central Committee".
_ORGAN_AFTER_ACRONYM = re.compile(r"\b(" + "|".join(NAME_ACRONYMS) + r")((?:\s+[A-Z][a-z]+)+)")


def name_forms(rendering: str) -> list[str]:
    """``rendering``, with "Party" and "CPC" each also as the other, and each "ACRONYM Organ" also as
    "Organ of the ACRONYM" and the acronym also written out."""
    forms = [rendering]
    if _PARTY.search(rendering):
        forms.append(_PARTY.sub("CPC", rendering))
    elif _CPC.search(rendering):
        forms.append(_CPC.sub("Party", rendering))
    return [form for each in forms for form in _organ_forms(each)]


@lru_cache(maxsize=8192)
def body_left_out(rendering: str) -> tuple[str, re.Pattern[str]] | None:
    """For a rendering naming an organ by its body's acronym ("the 20th CPC National Congress"): the
    rendering without the acronym ("the 20th National Congress"), and a pattern for the body's names,
    one of which the text must hold besides. None for a rendering that names no body so."""
    match = _ORGAN_AFTER_ACRONYM.search(rendering)
    if not match:
        return None
    acronym = match.group(1)
    names = [acronym, NAME_ACRONYMS[acronym]] + (["Party"] if acronym == "CPC" else [])
    short = rendering[: match.start()] + match.group(2).strip() + rendering[match.end() :]
    return short, re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")  # capitalised: a name


_PARTY = re.compile(r"\bParty\b")  # capitalised: the CPC, not any party
_CPC = re.compile(r"\bCPC\b")


def _organ_forms(rendering: str) -> list[str]:
    match = _ORGAN_AFTER_ACRONYM.search(rendering)
    if not match:
        return [rendering]
    acronym, organ = match.group(1), match.group(2).strip()
    before, after = rendering[: match.start()], rendering[match.end() :]
    return (
        [rendering]
        + [f"{before}{organ} of the {name}{after}" for name in (acronym, NAME_ACRONYMS[acronym])]
        + [f"{before}{NAME_ACRONYMS[acronym]} {organ}{after}"]
    )
