"""A noun and the adjective English puts before another noun in its place.

"Modernization of agriculture" is also "agricultural modernization", "the
development of regions" also "regional development": as a noun's modifier,
English writes many nouns as their relational adjective. A place noun phrase
("rural areas", "coastal regions") is its adjective alone ("rural
modernization"). The table holds the pairs that official governance English
uses; it is English, not any one glossary's.
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


def nominal_forms(adjective: str) -> list[str]:
    """What a relational adjective stands for after "of": its noun ("agricultural" → "agriculture"),
    and for a place adjective the place ("rural" → "the countryside", "rural areas")."""
    lower = adjective.lower()
    forms = [noun for noun, adj in RELATIONAL_ADJECTIVES.items() if adj == lower and noun[-1] != "s"]
    if lower in PLACE_ADJECTIVES:
        forms += [f"{lower} {place}" for place in sorted(PLACE_NOUNS)]
    return forms
