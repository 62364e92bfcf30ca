"""Whether an English text renders a glossary term: a match that knows English.

A rendering is found in a translation in any of the forms English grammar
gives it, so that QA does not cry wolf at a correct translation:

- number: each noun may be singular or plural (enterprise/enterprises,
  policy/policies), the usual regular forms;
- verbs: the first word, and any word in -ing (a gerund is a verb), in its
  usual forms (stabilize, stabilizes, stabilized, stabilizing; prevent and
  defuse for preventing and defusing), an irregular verb's too (keep, kept);
- articles (the, a, an) may be left out or added before any word, and another
  determiner may stand in their place ("any relapse", "their wellbeing");
- hyphen, space or nothing between the parts of a compound (state-owned,
  state owned, stateowned; well-being, wellbeing);
- an adjective of degree in either degree: "higher-standard opening up" is
  also "high-standard opening up" (the adjectives in ``derivation``);
- an adjective and the noun of its quality: "stable employment" is also
  "employment stability";
- an adjective of level also as "at the ... level": "institutional opening up"
  is also "opening up at the institutional level";
- "per capita" before its noun or after it: "per capita disposable income" is
  also "disposable income per capita";
- a hyphen before a qualifying participle ("WTO-centered", "community-supported",
  "AI-native") is a word boundary: the term before it is found;
- straight and curly quotes and apostrophes alike, and a possessive whose
  apostrophe a copy lost ("the Chinese Peoples Political Consultative
  Conference");
- coordination: "A and B" also as "A, B" or "A, and B", with or without a
  comma before "and", and a list's comma also as "and" ("streamline
  administration and delegate power, improve regulation" for "streamline
  administration, delegate power, improve regulation");
- coordination ellipsis: other words may be coordinated before a word of the
  rendering ("an approach to agriculture and food" renders "approach to food",
  "keeping expectations, economic growth, and employment stable" renders
  "keep employment stable") or after one ("keeping employment, markets, and
  expectations stable" renders it too);
- a modifier may stand between a preposition and its noun ("people with
  severe disabilities" renders "people with disabilities"), and a modifier of
  place or level (urban, rural, local, national, provincial, municipal) before
  any later word ("old urban residential compounds" renders "old residential
  compounds");
- a compound whose head takes "to" also with "to", and as its verb:
  "Covid-19 response" is also "our response to Covid-19" and "respond to
  Covid-19" (``derivation.TO_HEADS``);
- a noun phrase with "of" or "in" and its compound are one rendering: "gains in
  poverty alleviation" is also "poverty alleviation gains", "governance in
  urban and rural communities" also "urban and rural community governance",
  and the other way round (English puts a noun's modifier before it or after it
  in a phrase); a noun with a gerund also as the verb and its object
  ("consumption upgrading" in "boost and upgrade consumption");
- a field of the economy also as "the ... sector": "modernization of the
  agricultural sector" renders "modernization of agriculture" (``derivation.SECTORS``);
- a noun before another as its relational adjective: "modernization of
  agriculture and rural areas" is also "agricultural and rural
  modernization", "agricultural modernization" also "modernization of
  agriculture" (the pairs in ``derivation``);
- a body's name: "the CPC Central Committee" is also "the Central Committee of
  the CPC" and of "the Communist Party of China" (the acronyms in ``names``),
  and the organ alone where the text names the body elsewhere ("The Party
  convened its 20th National Congress");
- a gerund and its object also as the object and the verb's action noun:
  "expanding domestic demand" is also "domestic demand expansion" and "the
  expansion of domestic demand";
- 新型 in English: "new", "new-type" and "a new type of" before a noun are one;
- a modifier may stand after a coordinated modifier ("small and medium local
  financial institutions" renders "small and medium financial institutions");
- abbreviations: one in parentheses after its long form, in the text or in the
  rendering, is looked through ("Belt and Road Initiative (BRI) cooperation"),
  and the abbreviation alone stands for the long form, as official English
  writes it after the first mention ("R&D spending" renders "Research and
  Experimental Development (R&D) spending");
- the possessive either way: "the people's wellbeing" also as "the wellbeing
  of the people" (or of their people);
- ordinals in figures or in words: "13th Five-Year Plan" is also "Thirteenth
  Five-Year Plan";
- two coordinated words either way round: "townships and towns" is also
  "towns and townships";
- letter case.

Word order is not guessed: an order official translators use
("deepening reform comprehensively") is an admitted rendering of the entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from translate.qa.derivation import (
    LEVEL_ADJECTIVES,
    TO_HEADS,
    action_noun,
    adjectival,
    degree_forms,
    nominal_forms,
    quality_noun,
    sector_forms,
    verb_bases,
)
from translate.qa.names import body_left_out, name_forms
from translate.quantities.english import ordinal_word

ARTICLES = frozenset({"the", "a", "an"})
_APOSTROPHES = "'’‘`"
_QUOTES = '"“”'
_TOKEN = re.compile(r"[A-Za-z]+|\d+(?:[.,]\d+)*|[" + _APOSTROPHES + _QUOTES + r"]|[^\sA-Za-z\d]")


def noun_forms(word: str) -> set[str]:
    """Singular and plural of a regular noun (both ways: the rendering may be either)."""
    lower = word.lower()
    forms = {lower, lower + "s", lower + "es"}
    if lower.endswith("y") and len(lower) > 2 and lower[-2] not in "aeiou":
        forms.add(lower[:-1] + "ies")
    if lower.endswith("ies"):
        forms.add(lower[:-3] + "y")
    if lower.endswith("es"):
        forms.add(lower[:-2])
    if lower.endswith("s") and not lower.endswith("ss"):
        forms.add(lower[:-1])
    return forms


# Irregular verbs of governance English, base: (past, past participle); the regular forms cover the rest.
IRREGULAR_VERBS = {
    "break": ("broke", "broken"),
    "bring": ("brought", "brought"),
    "build": ("built", "built"),
    "choose": ("chose", "chosen"),
    "draw": ("drew", "drawn"),
    "drive": ("drove", "driven"),
    "fight": ("fought", "fought"),
    "give": ("gave", "given"),
    "grow": ("grew", "grown"),
    "hold": ("held", "held"),
    "keep": ("kept", "kept"),
    "lay": ("laid", "laid"),
    "lead": ("led", "led"),
    "make": ("made", "made"),
    "meet": ("met", "met"),
    "rise": ("rose", "risen"),
    "run": ("ran", "run"),
    "seek": ("sought", "sought"),
    "set": ("set", "set"),
    "spend": ("spent", "spent"),
    "take": ("took", "taken"),
    "undertake": ("undertook", "undertaken"),
    "win": ("won", "won"),
    "write": ("wrote", "written"),
}


def _irregular_forms(base: str) -> set[str]:
    if base.endswith("e"):
        ing = base[:-1] + "ing"  # taking
    elif base in ("run", "set", "win"):
        ing = base + base[-1] + "ing"  # running, setting, winning
    else:
        ing = base + "ing"
    return {base, base + "s", ing, *IRREGULAR_VERBS[base]}


_IRREGULAR_FORMS = {form: forms for base in IRREGULAR_VERBS for forms in [_irregular_forms(base)] for form in forms}


def verb_forms(word: str) -> set[str]:
    """The usual forms of a verb given in any of its forms (base, -s, -ed, -ing; an irregular past and
    participle: keep, kept)."""
    lower = word.lower()
    if lower in _IRREGULAR_FORMS:
        return set(_IRREGULAR_FORMS[lower])
    bases = {lower, *verb_bases(lower, "ing"), *verb_bases(lower, "ed")}
    if lower.endswith("ies"):
        bases.add(lower[:-3] + "y")
    elif lower.endswith("es"):
        bases |= {lower[:-2], lower[:-1]}
    elif lower.endswith("s"):
        bases.add(lower[:-1])
    forms = set()
    for base in bases:
        forms |= {base, base + "s", base + "es", base + "ed", base + "d", base + "ing"}
        if base.endswith("e"):
            forms.add(base[:-1] + "ing")
        if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
            forms |= {base[:-1] + "ies", base[:-1] + "ied"}
        if len(base) > 2 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou":
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}  # plan → planned, planning
    return forms


def _alternatives(forms: set[str]) -> str:
    return "(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")"


def _word_forms(word: str, is_verb: bool) -> set[str]:
    return noun_forms(word) | (verb_forms(word) if is_verb else set()) | degree_forms(word) | sector_forms(word)


_ARTICLE = r"(?:(?:the|a|an)\s+)?"
# Where an article may stand, so may another determiner ("preventing any relapse into poverty"): the text
# is searched with each as "the", and a rendering's own is skipped as its articles are.
DETERMINERS = frozenset({"any", "every", "each", "such", "this", "these", "our", "its", "their"})
# Each with its capital spelled out (faster than IGNORECASE over every text), and each word first, its
# boundary after it as a lookbehind: re scans for the first letters of a pattern that begins with
# literals, and tries one that begins with \b at every character (a third slower over official English).
_DETERMINER = re.compile(
    "(?:" + "|".join(rf"{w}(?<!\w{w})" for d in sorted(DETERMINERS) for w in (d[0].upper() + d[1:], d)) + r")\s+"
)
# Coordinated before a word: "agriculture and" before "food", "expectations, economic growth, and" before
# "employment" (a list of up to five words, ending in and/or).
_COORDINATED = r"(?:[A-Za-z][\w-]*(?:,?\s+[A-Za-z][\w-]*){0,4},?\s+(?:and|or)\s+)?"
# Coordinated after a word: ", enterprise operations, markets, and expectations" after "employment" (up to
# five conjuncts of up to three words), or "and prices" (", and prices" at a list's end) alone.
_CONJUNCT = r"[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}"
_LAST_CONJUNCT = rf"(?:and|or)\s+{_CONJUNCT}\s+"
_LIST_SEPARATOR = r"(?:,\s*(?:and\s+)?|\s+and\s+)"
_COORDINATED_AFTER = rf"(?:(?:,\s*{_CONJUNCT}){{1,4}},?\s+{_LAST_CONJUNCT}|,?\s*{_LAST_CONJUNCT})?"
PREPOSITIONS = frozenset({"of", "in", "with", "for", "on", "to", "from", "among", "between", "against"})
_MODIFIER = r"(?:[A-Za-z][\w-]*\s+)?"
# A modifier of place or level narrows a noun without changing the term: "old urban residential compounds"
# renders "old residential compounds", "local financial institutions" "financial institutions".
SCOPE_ADJECTIVES = ("urban", "rural", "local", "national", "provincial", "municipal")
_SCOPE = r"(?:(?:" + "|".join(SCOPE_ADJECTIVES) + r")\s+)?"
# 新型 is "new", "new-type" or "a new type of": after "new", "type(s) of" or "-type" may stand.
_KIND = r"(?:types?(?:\s+of)?[\s-]+)?"
_NEW_KIND = re.compile(r"\bnew(?:[\s-]+types?(?:\s+of)?)\s+", re.IGNORECASE)
_IN_PARENTHESES = r"\([A-Z][A-Z0-9&.]{1,9}s?\)"
_ABBREVIATION = re.compile(r"\s*" + _IN_PARENTHESES)
# Without the spaces before it, it begins with "(", which re scans for; \s* first is tried at every character.
_ABBREVIATION_ALONE = re.compile(_IN_PARENTHESES)
_POSSESSIVE = re.compile(r"^(.*?)\b([A-Za-z]+)['’]s\s+(.+)$")


def _with_of_genitive(rendering: str) -> list[str]:
    """``rendering``, and if it ends in a possessive phrase, that phrase with "of" (people's lives → lives of
    the people)."""
    match = _POSSESSIVE.match(rendering)
    if not match:
        return [rendering]
    before, owner, owned = match.groups()
    return [rendering] + [f"{before}{owned} of {determiner} {owner}" for determiner in ("the", "their", "its")]


_ABBREVIATED = re.compile(r"\s*\(([A-Z][A-Z0-9&.]{1,9}s?)\)")
_NAME_JOINERS = frozenset({"and", "of", "for", "on", "the", "&"})


def _with_abbreviation(rendering: str) -> list[str]:
    """A rendering with an abbreviation in parentheses, as its long form alone and as the abbreviation
    standing for the long form: the capitalised words before the parenthesis, or the whole rendering
    when it ends in the abbreviation ("Research and Experimental Development (R&D) spending" → "R&D
    spending")."""
    match = _ABBREVIATED.search(rendering)
    if not match:
        return [rendering]
    before, abbreviation, after = rendering[: match.start()], match.group(1), rendering[match.end() :]
    words = before.split()
    start = len(words)
    while start > 0 and (words[start - 1][0].isupper() or words[start - 1].lower() in _NAME_JOINERS):
        start -= 1
    while start < len(words) and words[start].lower() in _NAME_JOINERS:
        start += 1
    forms = [before + after]
    if start < len(words) or not after.strip():
        forms.append(" ".join(words[:start] + [abbreviation]) + after)
    return forms


_CONTENT_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_NOT_A_MODIFIER = PREPOSITIONS | ARTICLES | {"and", "or"}
_LINKS = ("of", "in")


def _inverted(rendering: str) -> list[str]:
    """``rendering``, and its noun phrase the other way round: a noun with "of" or "in" and up to four
    words before the next preposition also as a compound, without the phrase's article ("gains in
    poverty alleviation" → "poverty alleviation gains"; "development of the population" → "population
    development"; "handling of public complaints on a legal footing" → "public complaints handling
    on a legal footing"), and a compound of two or three lower-case words also with "of" and "in" (the
    first of three may stay before the head: "large-scale equipment renewals" → "large-scale renewal of
    equipment"); a
    compound of a noun and a gerund also as the verb and its object ("consumption upgrading" → "upgrade
    consumption"); a compound whose head takes "to" also with "to" and as the head's verb ("Covid-19
    response" → "response to Covid-19", "respond to Covid-19")."""
    words = rendering.split()
    if len(words) == 2 and words[1].lower() in TO_HEADS:
        modifier, head = words[0], words[1].lower()
        return [rendering, f"{head} to {modifier}", f"{TO_HEADS[head]} to {modifier}"]
    if not all(_CONTENT_WORD.fullmatch(word) for word in words):
        return [rendering]
    lowered = [w.lower() for w in words]
    link = next((i for i, w in enumerate(lowered) if w in _LINKS), None)
    if link is not None and link >= 1 and words[link - 1].islower():  # a name's order is its own
        end = next((i for i in range(link + 1, len(words)) if lowered[i] in PREPOSITIONS), len(words))
        start = link + 2 if link + 1 < end and lowered[link + 1] in ARTICLES else link + 1  # "of the people"
        modifier = lowered[start:end]
        if 1 <= len(modifier) <= 4 and not set(modifier) & (PREPOSITIONS | ARTICLES) and modifier[-1] != "and":
            before, head, after = words[: link - 1], [words[link - 1]], words[end:]
            forms = [rendering, " ".join(before + words[start:end] + head + after)]
            adjectives = adjectival(words[start:end])
            if adjectives:  # modernization of agriculture and rural areas: agricultural and rural modernization
                forms.append(" ".join(before + adjectives + head + after))
            return forms
        return [rendering]
    if 2 <= len(words) <= 4 and all(w.islower() for w in words) and verb_bases(words[0], "ing"):
        return _as_action(words)
    if 2 <= len(words) <= 3 and all(w.islower() for w in words) and not set(words) & _NOT_A_MODIFIER:
        head, modifier = words[-1], " ".join(words[:-1])
        forms = [rendering] + [f"{head} {link_word} {modifier}" for link_word in _LINKS]
        forms += [f"{head} of {noun}" for noun in nominal_forms(words[-2])] if len(words) == 2 else []
        if len(words) == 3:  # the first word may be the head's adjective: large-scale renewal of equipment
            forms += [f"{words[0]} {head} {link_word} {words[1]}" for link_word in _LINKS]
        if len(words) == 2 and head.endswith("ing") and len(head) > 5:
            forms.append(f"{head} {modifier}")  # consumption upgrading: (to) upgrade consumption
        if len(words) == 2 and (quality := quality_noun(words[0])):
            forms += [f"{head} {quality}", f"{quality} of {head}"]  # stable employment: employment stability
        return forms
    return [rendering]


def _as_action(words: list[str]) -> list[str]:
    """A gerund and its object, also as the object and the verb's action noun, the object's nouns as
    their adjectives too ("expanding domestic demand" → "domestic demand expansion", "expansion of
    domestic demand"; "modernizing rural areas" → "rural modernization")."""
    forms = [" ".join(words)]
    objects = words[1:]
    if set(w.lower() for w in objects) & _NOT_A_MODIFIER:
        return forms
    nouns = sorted({noun for base in verb_bases(words[0], "ing") if (noun := action_noun(base))})
    before = [" ".join(objects)] + [" ".join(a) for a in [adjectival(objects)] if a]
    for noun in nouns:
        forms += [f"{obj} {noun}" for obj in before] + [f"{noun} of {' '.join(objects)}"]
    return forms


_PER_CAPITA = "per capita "
_ORDINAL_FIGURE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_TWO_CONJUNCTS = re.compile(r"^([A-Za-z][\w-]*) and ([A-Za-z][\w-]*)$")


def _with_ordinal_words(rendering: str) -> list[str]:
    """``rendering``, and with its ordinals in figures also in words: "13th Five-Year Plan" is also
    "Thirteenth Five-Year Plan", as reports of the 2000s write it."""
    if not _ORDINAL_FIGURE.search(rendering):
        return [rendering]
    spelled = _ORDINAL_FIGURE.sub(lambda m: ordinal_word(int(m.group(1))) or m.group(0), rendering)
    return [rendering, spelled] if spelled != rendering else [rendering]


def _with_conjuncts_swapped(rendering: str) -> list[str]:
    """Two coordinated words either way round: "townships and towns" is also "towns and townships"."""
    match = _TWO_CONJUNCTS.match(rendering)
    return [rendering, f"{match.group(2)} and {match.group(1)}"] if match else [rendering]


def rendering_forms(rendering: str) -> list[str]:
    """The wordings a rendering is searched for: with its abbreviation or without, a body's name either
    way, its possessive with "of", its noun phrase either way round, a modifier of level or "per capita" on
    the other side of its noun, ordinals in words, two coordinated words either way round."""
    rendering = _NEW_KIND.sub("new ", rendering)  # "new-type X" is found as "new X" is, with its kinds
    return [
        levelled
        for worded in _with_official_shortenings(rendering)
        for ordered in _with_conjuncts_swapped(worded)
        for spelled in _with_ordinal_words(ordered)
        for named in name_forms(spelled)
        for short in _with_abbreviation(named)
        for genitive in _with_of_genitive(short)
        for inverted in _inverted(genitive)
        for levelled in _with_modifier_moved(inverted)
    ]


# 科技 as official English writes it, one way or another: "scientific and technological innovation",
# "innovation in science and technology", "sci-tech innovation", "S&T innovation".
_SCI_TECH = re.compile(r"\b(?:scientific and technological|science and technology|sci-tech|S&T)\b", re.IGNORECASE)
_SCI_TECH_WORDINGS = ("scientific and technological", "science and technology", "sci-tech", "S&T")
# 生态 shortened as official English shortens it: "ecological civilization", "eco-civilization".
_ECOLOGICAL = re.compile(r"\becological (?=[a-z])", re.IGNORECASE)
# 中国式 and 中国的 as an adjective or as the possessive: "Chinese modernization", "China's modernization".
_CHINESE = re.compile(r"^Chinese (?=[a-z])")


def _with_official_shortenings(rendering: str) -> list[str]:
    """``rendering``, and in the other wordings official English uses for the same words: 科技 in each of
    its ways, "ecological X" as "eco-X", "Chinese X" as "China's X"."""
    forms = [rendering]
    if _SCI_TECH.search(rendering):
        forms += [_SCI_TECH.sub(wording, rendering) for wording in _SCI_TECH_WORDINGS]
    forms += [_ECOLOGICAL.sub("eco-", form) for form in forms if _ECOLOGICAL.search(form)]
    forms += [_CHINESE.sub("China's ", form) for form in forms if _CHINESE.search(form)]
    return list(dict.fromkeys(forms))


def _with_modifier_moved(rendering: str) -> list[str]:
    """``rendering``, and with a modifier that English puts before or after its noun on the other side:
    an adjective of level as "at the ... level" ("institutional opening up" → "opening up at the
    institutional level"), "per capita" before or after ("per capita disposable income" → "disposable
    income per capita")."""
    first, _, rest = rendering.partition(" ")
    if rest and first.lower() in LEVEL_ADJECTIVES:
        return [rendering, f"{rest} at the {first.lower()} level"]
    lower, per_capita = rendering.lower(), len(_PER_CAPITA)
    if lower.startswith(_PER_CAPITA) and len(rendering) > per_capita:
        return [rendering, f"{rendering[per_capita:]} per capita"]
    if lower.endswith(" per capita") and len(rendering) > per_capita:
        return [rendering, f"per capita {rendering[:-per_capita]}"]
    return [rendering]


@lru_cache(maxsize=8192)
def _literal_pattern(rendering: str) -> re.Pattern[str]:
    """The rendering word for word, as ``searchable`` leaves it: one of the forms ``rendering_pattern``
    finds (tests/test_qa_english.py holds every glossary rendering to that), found without compiling that
    pattern, which takes 10 to 40 ms a rendering; most terms of a translation are found so."""
    words = searchable(rendering).split()
    if not words:
        return re.compile(r"(?!)")  # matches nothing
    return re.compile(r"(?<![\w])" + r"\s+".join(map(re.escape, words)) + r"(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _literal_lowered(rendering: str) -> re.Pattern[str] | None:
    """``_literal_pattern`` for an ASCII text in lower case, None for a rendering that is not all ASCII: the
    same matches, six times faster. Without IGNORECASE the first word is literal, and re scans for it;
    the boundary before it follows it, as a lookbehind (one before it would be tried at every character).
    In ASCII, IGNORECASE equates a letter with its other case only (it also equates s with ſ, i with ı,
    k with the Kelvin sign, which lowering leaves apart)."""
    words = [word.lower() for word in searchable(rendering).split()]
    if not words or not all(word.isascii() for word in words):
        return None
    first = re.escape(words[0])
    rest = "".join(r"\s+" + re.escape(word) for word in words[1:])
    return re.compile(rf"{first}(?<!\w{first}){rest}(?![\w])")


def _literally(prepared: str, lowered: str, rendering: str) -> bool:
    """Whether ``prepared`` has the rendering word for word (``lowered``: ``prepared.lower()``)."""
    fast = _literal_lowered(rendering)
    if fast is not None and prepared.isascii():
        return fast.search(lowered) is not None
    return _literal_pattern(rendering).search(prepared) is not None


@lru_cache(maxsize=8192)
def rendering_pattern(rendering: str) -> re.Pattern[str]:
    """A pattern that finds ``rendering`` in English text in the forms the module docstring lists."""
    bodies = [_body(form)[0] for form in rendering_forms(rendering)]
    return re.compile(r"(?<![\w])(?:" + "|".join(bodies) + r")(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _words_needed(rendering: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """For each form of ``rendering``, each of its words the pattern cannot do without, as the spellings it
    accepts (lower case): a text holding none of the spellings of one word of every form cannot render it,
    and is known so without compiling the pattern. A spelling that holds another is left out (where
    "developing" stands, "develop" does), and so is a word or a form said before: a sixth as many to look
    for, the same answer."""
    forms = (
        tuple(dict.fromkeys(without_longer(spellings) for spellings in _body(form)[1]))
        for form in rendering_forms(rendering)
    )
    return tuple(dict.fromkeys(forms))


def without_longer(spellings: Iterable[str]) -> tuple[str, ...]:
    """The spellings that hold no other one, sorted: a text holds one of them wherever it holds one of
    ``spellings``, so testing these is enough."""
    spellings = set(spellings)
    return tuple(sorted(s for s in spellings if not any(other != s and other in s for other in spellings)))


def could_render(prepared: str, rendering: str, lowered: str | None = None) -> bool:
    """False only where ``rendering_pattern`` cannot match ``prepared`` (a ``searchable`` text): some form of
    the rendering has all its words in the text, in some spelling, somewhere (``lowered``:
    ``prepared.lower()``, for a caller that has it)."""
    lower = prepared.lower() if lowered is None else lowered
    for form in _words_needed(rendering):  # loops, not nested any/all: this runs per text and rendering
        for spellings in form:
            if not any(s in lower for s in spellings):
                break
        else:
            return True
    return False


def _body(rendering: str) -> tuple[str, list[set[str]]]:
    """The pattern of one form of a rendering, and the spellings of each word it requires (every word but
    articles, determiners and "and", which a list may say with a comma)."""
    required: list[set[str]] = []
    tokens = _TOKEN.findall(rendering)
    parts: list[str] = []
    first_word = True
    after_word = False  # the last token was a word of the rendering: a list may follow it
    after_preposition = False
    conjunct = after_conjunct = False  # the word after "and", and the word after that one
    skip = False
    for index, token in enumerate(tokens):
        lower = token.lower()
        if skip:
            skip = False
            continue
        if not token[0].isalpha():
            after_word = after_preposition = False  # a list or a modifier goes between words only
        if token in _APOSTROPHES and index + 1 < len(tokens) and tokens[index + 1].lower() == "s":
            # the possessive 's, or s alone where a copy lost the apostrophe ("Chinese Peoples Political ...")
            parts.append(f"[{re.escape(_APOSTROPHES)}]?s" + r"[\s-]*")
            skip = True
            continue
        if lower == "and" and index > 0:
            parts.append(r"(?:and\s+|,\s*(?:and\s+)?)")  # A and B, A, B, A, and B
            after_word = False
            conjunct = True
            continue
        if token[0].isalpha():
            if (lower in ARTICLES or lower in DETERMINERS) and index + 1 < len(tokens):
                continue  # any word may have an article or none
            is_verb = first_word or (lower.endswith("ing") and len(lower) > 5)
            coordinated = "" if first_word else (_COORDINATED_AFTER if after_word else "") + _COORDINATED
            modifier = _MODIFIER if after_preposition or after_conjunct else "" if first_word else _SCOPE
            kind = _KIND if lower == "new" else ""
            spellings = _word_forms(token, is_verb)
            required.append({spelling.lower() for spelling in spellings})
            parts.append(coordinated + _ARTICLE + modifier + _alternatives(spellings) + r"[\s-]*" + kind)
            after_conjunct, conjunct = conjunct, False
            first_word = False
            after_word = True
            after_preposition = lower in PREPOSITIONS
        elif token in _APOSTROPHES:
            parts.append(f"[{re.escape(_APOSTROPHES)}]" + r"\s*")
        elif token in _QUOTES:
            parts.append(f"[{re.escape(_QUOTES)}]?")
        elif token == "-":
            parts.append(r"[\s-]*")
        elif token == "," and index + 1 < len(tokens) and tokens[index + 1].lower() == "and":
            continue  # the comma before "and" is one of the coordination's forms
        elif token == "," and index + 1 < len(tokens) and tokens[index + 1][0].isalpha():
            parts.append(_LIST_SEPARATOR)  # a list's comma may be "and": "A and B, C, and D" for "A, B, C and D"
        elif token[0].isdigit():
            parts.append(_ARTICLE + re.escape(token) + r"\s*")
        else:
            parts.append(re.escape(token) + r"\s*")
    body = "".join(parts)
    return re.sub(r"(\[\\s-\]\*)+$", "", body), required  # nothing is needed after the last word


# The hyphen first and the letter before it as a lookbehind after it: re scans for a pattern's first
# character, and tries one that begins with a lookbehind at every character (eight times slower).
_INNER_HYPHEN = re.compile(r"-(?<=[A-Za-z]-)(?=[A-Za-z])")
# A hyphen before a past participle or one of these joins a whole term to the word that qualifies it
# ("WTO-centered", "community-supported", "AI-native"): a word boundary, not the inside of a word.
_QUALIFIER_HYPHEN = re.compile(r"-(?<=[A-Za-z]-)(?=(?:[a-z]{2,}ed|built|driven|friendly|led|made|native)\b)")


def searchable(text: str) -> str:
    """A text as renderings are searched in: abbreviations in parentheses out, and the hyphens inside
    words (a rendering may lack one: well-being / wellbeing; its pattern lets its own go too), except
    one before a qualifying participle, which stands as a space ("the WTO-centered system" has "WTO");
    a determiner as "the"."""
    if _ABBREVIATION_ALONE.search(text):  # each pass only where it can change something: QA and evidence run
        text = _ABBREVIATION.sub("", text)  # this per text
    if _may_hold_determiner(text):
        text = _DETERMINER.sub("the ", text)
    if "-" in text:
        text = _INNER_HYPHEN.sub("", _QUALIFIER_HYPHEN.sub(" ", text))
    return text


def _may_hold_determiner(text: str) -> bool:
    """Whether a determiner's letters stand anywhere in the text: six in ten official English texts have
    none, and looking for each with ``in`` takes under half the time ``_DETERMINER`` takes to find none."""
    lower = text.lower()
    for determiner in DETERMINERS:
        if determiner in lower:
            return True
    return False


def renders(text: str, rendering: str, prepared: str | None = None, lowered: str | None = None) -> bool:
    """Whether ``text`` contains ``rendering`` in one of its English forms (``prepared``: the text
    through ``searchable`` already, and ``lowered`` that in lower case, for a caller testing many
    renderings on one text)."""
    if not rendering:
        return False
    prepared = searchable(text) if prepared is None else prepared
    lowered = prepared.lower() if lowered is None else lowered
    if _literally(prepared, lowered, rendering):
        return True
    if could_render(prepared, rendering, lowered) and rendering_pattern(rendering).search(prepared):
        return True
    anaphoric = body_left_out(rendering)  # "its 20th National Congress", the Party named before
    if anaphoric is None:
        return False
    organ, body = anaphoric
    return bool(body.search(prepared) and rendering_pattern(organ).search(prepared))


def rendering_places(text: str, rendering: str) -> list[tuple[int, int]]:
    """Where ``text`` renders ``rendering``: the spans of its matches word for word, else of its other
    forms (which may reach over a coordination: "routine X, and the X" for "routine X"), in order."""
    if not rendering:
        return []
    places = [m.span() for m in _literal_pattern(rendering).finditer(text)]
    if not places and could_render(text, rendering):
        places = [m.span() for m in rendering_pattern(rendering).finditer(text)]
    return places


def without_places(text: str, places: list[tuple[int, int]]) -> str:
    """``text`` with the spans blanked out (the same length): the words another term's English holds are
    not there for this one's."""
    for start, end in places:
        text = text[:start] + " " * (end - start) + text[end:]
    return text
