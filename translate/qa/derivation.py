"""Words English derives from others: a noun's relational adjective, a verb's action noun, an
adjective's comparative and its quality noun.

A noun and the adjective English puts before another noun in its place:

"Modernization of agriculture" is also "agricultural modernization", "the
development of regions" also "regional development": as a noun's modifier,
English writes many nouns as their relational adjective. A place noun phrase
("rural areas", "coastal regions") is its adjective alone ("rural
modernization"). The table holds the pairs that official governance English
uses; it is English, not any one glossary's.

A verb and the noun of its action: "expanding domestic demand" is also
"domestic demand expansion" and "the expansion of domestic demand". The
regular endings (-ize/-ization, -ate/-ation, -ect/-ection, -act/-action, -ment) are derived;
the rest are listed.
"""

from __future__ import annotations

RELATIONAL_ADJECTIVES = {
    "administration": "administrative",
    "agriculture": "agricultural",
    "budget": "budgetary",
    "city": "urban",
    "cities": "urban",
    "commerce": "commercial",
    "constitution": "constitutional",
    "countryside": "rural",
    "culture": "cultural",
    "ecology": "ecological",
    "economy": "economic",
    "education": "educational",
    "environment": "environmental",
    "finance": "financial",
    "globe": "global",
    "history": "historical",
    "industry": "industrial",
    "institution": "institutional",
    "law": "legal",
    "medicine": "medical",
    "nation": "national",
    "nature": "natural",
    "nutrition": "nutritional",
    "organization": "organizational",
    "politics": "political",
    "profession": "professional",
    "province": "provincial",
    "region": "regional",
    "regions": "regional",
    "science": "scientific",
    "society": "social",
    "strategy": "strategic",
    "structure": "structural",
    "technology": "technological",
    "tradition": "traditional",
    "world": "global",
}
# "rural areas" as a modifier is "rural": the place noun goes.
PLACE_NOUNS = frozenset({"areas", "regions"})
PLACE_ADJECTIVES = frozenset({"rural", "urban", "coastal", "border", "remote", "central", "western", "eastern"})


def adjectival(modifier: list[str]) -> list[str] | None:
    """The modifier words as they stand before a noun, or None when none changes: each noun with a
    relational adjective as that adjective, and a place noun after its adjective left out
    ("agriculture and rural areas" → "agricultural and rural")."""
    changed: list[str] = []
    for index, word in enumerate(modifier):
        lower = word.lower()
        if lower in PLACE_NOUNS and index > 0 and modifier[index - 1].lower() not in ("and", "or"):
            continue
        changed.append(RELATIONAL_ADJECTIVES.get(lower, word))
    return changed if changed != modifier else None


# A field of the economy is also "the ... sector": "modernization of the agricultural sector" renders
# "modernization of agriculture", "the service sector" renders "services".
SECTORS = {
    "agriculture": "agricultural",
    "industry": "industrial",
    "finance": "financial",
    "manufacturing": "manufacturing",
    "services": "service",
}


def sector_forms(noun: str) -> set[str]:
    """A field's noun as "the ... sector" ("agriculture" → "agricultural sector"), or nothing."""
    adjective = SECTORS.get(noun.lower())
    return {f"{adjective} sector", f"{adjective} sectors"} if adjective else set()


def nominal_forms(adjective: str) -> list[str]:
    """What a relational adjective stands for after "of": its noun ("agricultural" → "agriculture"),
    and for a place adjective the place ("rural" → "the countryside", "rural areas")."""
    lower = adjective.lower()
    forms = [noun for noun, adj in RELATIONAL_ADJECTIVES.items() if adj == lower and noun[-1] != "s"]
    if lower in PLACE_ADJECTIVES:
        forms += [f"{lower} {place}" for place in sorted(PLACE_NOUNS)]
    return forms


ACTION_NOUNS = {
    "expand": "expansion",
    "consume": "consumption",
    "reduce": "reduction",
    "produce": "production",
    "promote": "promotion",
    "extend": "extension",
    "renew": "renewal",
    "upgrade": "upgrade",
    "grow": "growth",
    "transform": "transformation",
    "conserve": "conservation",
    "prevent": "prevention",
    "supervise": "supervision",
    "revise": "revision",
    "restore": "restoration",
    "apply": "application",
    "integrate": "integration",
    "deepen": "deepening",
    "open": "opening",
    "build": "building",
}
_ACTION_ENDINGS = (
    ("ize", "ization"),
    ("ate", "ation"),
    ("ect", "ection"),
    ("act", "action"),
    ("ove", "ovement"),
    ("op", "opment"),
)


def _derived(word: str, listed: dict[str, str], endings: tuple[tuple[str, str], ...], stem: int) -> str | None:
    """The listed derivative of ``word``, else the one its regular ending gives (a stem of at least
    ``stem`` letters before the ending), else None."""
    lower = word.lower()
    if lower in listed:
        return listed[lower]
    for ending, derived_ending in endings:
        if lower.endswith(ending) and len(lower) >= len(ending) + stem:
            return lower[: -len(ending)] + derived_ending
    return None


def action_noun(verb: str) -> str | None:
    """The noun of a verb's action ("expand" → "expansion", "modernize" → "modernization"), or None."""
    return _derived(verb, ACTION_NOUNS, _ACTION_ENDINGS, 3)


def verb_bases(word: str, ending: str) -> list[str]:
    """The bases a verb form in ``ending`` (-ing or -ed) may come from ("expanding" → expand, expande;
    "planning" → plan; "intensified" → intensify), or none when the word is no such form."""
    lower = word.lower()
    if not lower.endswith(ending) or len(lower) <= len(ending) + 2:
        return []
    stem = lower[: -len(ending)]
    bases = [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        bases.append(stem[:-1])  # planning → plan
    if ending == "ed" and stem.endswith("i"):
        bases.append(stem[:-1] + "y")  # intensified → intensify
    return bases


# Adjectives of degree in governance English, with their comparatives: "higher-standard opening up" and
# "high-standard opening up" name one policy, worded in either degree from year to year.
COMPARATIVES = {
    "high": "higher",
    "wide": "wider",
    "broad": "broader",
    "great": "greater",
    "strong": "stronger",
    "deep": "deeper",
    "large": "larger",
    "close": "closer",
    "good": "better",
}
_POSITIVES = {comparative: positive for positive, comparative in COMPARATIVES.items()}


def degree_forms(word: str) -> set[str]:
    """An adjective of degree in its positive and comparative ("higher" → high, higher), else nothing."""
    lower = word.lower()
    positive = _POSITIVES.get(lower, lower)
    if positive not in COMPARATIVES:
        return set()
    return {positive, COMPARATIVES[positive]}


# An adjective and the noun of its quality: "stable employment" is also "employment stability".
QUALITY_NOUNS = {"safe": "safety", "secure": "security", "stable": "stability", "sustainable": "sustainability"}
_QUALITY_ENDINGS = (("able", "ability"), ("ible", "ibility"))


def quality_noun(adjective: str) -> str | None:
    """The noun of an adjective's quality ("stable" → "stability"), or None."""
    return _derived(adjective, QUALITY_NOUNS, _QUALITY_ENDINGS, 4)


# Adjectives of a level of government, of a system or of the economy, which English also puts as "at the X
# level": "institutional opening up" is "opening up at the institutional level", "macro regulation" is
# "regulation at the macro level".
LEVEL_ADJECTIVES = frozenset(
    {
        "institutional",
        "national",
        "local",
        "provincial",
        "municipal",
        "county",
        "central",
        "primary",
        "grassroots",
        "macro",
        "micro",
    }
)


# Nouns whose complement English joins with "to", each with its verb: "Covid-19 response" is also
# "response to Covid-19" and "respond to Covid-19".
TO_HEADS = {
    "access": "access",
    "adaptation": "adapt",
    "approach": "approach",
    "commitment": "commit",
    "contribution": "contribute",
    "response": "respond",
    "transition": "transition",
}
