"""``glossary extract``: candidate terms a corpus uses that the glossary lacks.

Three kinds, ranked together: quoted phrases (“…”, how reports mark slogans
and campaign names), numbered formulas (六稳, 两违三乱, 三个服务, 263专项行动)
and frequent noun phrases whose boundaries are word boundaries (jieba's
segmentation, which ships its dictionary), not just part of a longer
candidate that occurs as often.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from foundation.script import CHINESE_NUMERALS, HAN, is_cjk, to_simplified
from glossary.context import keyword_in_context
from glossary.entry import Entry
from glossary.store import editing

# A formula counts (六稳, 两违三乱): its numerals are never zero (零售 is "retail").
_NUMERAL = CHINESE_NUMERALS.replace("〇", "").replace("零", "")
_QUOTED = re.compile(r"[“「『]([^“”「」『』。！？\n]{2,24})[”」』]")
_WORD = rf"(?:(?![{_NUMERAL}])[{HAN}])"  # a Chinese character that is not a numeral
_FORMULAS = (
    re.compile(rf"(?<![{_NUMERAL}])[{_NUMERAL}]{{1,2}}{_WORD}[{_NUMERAL}]{{1,2}}{_WORD}"),  # 两违三乱, 三级三色
    re.compile(rf"(?<![{_NUMERAL}])[{_NUMERAL}]个{_WORD}{{2,3}}"),  # 三个服务, 两个亲民
    re.compile(r"\d{3,}(?:专项行动|行动|工程|计划|热线)"),  # 263专项行动, 12345热线
    re.compile(rf"(?<![{_NUMERAL}])[{_NUMERAL}]{_WORD}"),  # 六稳, 六保 (kept only if frequent)
)
# After a numeral, a measure or time word makes a count, not a formula
# (一个五年, 三季度, 一批); for two-character formulas a few more are excluded.
_MEASURE = set("个是批些年月日天次项家名户条座所处份台辆张人万亿千届倍成分")
_NOT_FORMULA = _MEASURE | set("季期方类级种大起线场号中致切直定般样步点流体同部半带系国")
_FUNCTION = set("的了和与及并在是等对为将把被从向以其之而或也都又还就很更最所着过于由让使给已要会能这那各每该此")


@dataclass
class Candidate:
    term: str
    kind: str  # quoted | formula | phrase
    frequency: int
    score: float
    contexts: list[str]


def _is_formula(term: str) -> bool:
    if any(c in _FUNCTION for c in term[1:]):
        return False
    if len(term) == 2:  # 六稳, 三农; but 一道, 十分, 百计 are ordinary words
        return term[0] not in "一百" and term[1] not in _NOT_FORMULA
    counted = [
        (i, c) for i, c in enumerate(term) if i and term[i - 1] in _NUMERAL and c not in _NUMERAL
    ]  # the character after each numeral: 三个服务 → 个, 一个五年 → 个 and 年
    return not any(c in _MEASURE and not (c == "个" and i == 1 and term[2] not in _NUMERAL) for i, c in counted)


def _quoted(texts: list[str]) -> Counter[str]:
    found: Counter[str] = Counter()
    for text in texts:
        for match in _QUOTED.finditer(text):
            phrase = match.group(1).strip()
            if any(is_cjk(c) for c in phrase) or phrase.isdigit():
                found[phrase] += 1
    return found


def _formulas(texts: list[str]) -> Counter[str]:
    found: Counter[str] = Counter()
    for text in texts:
        for pattern in _FORMULAS:
            found.update(m.group(0) for m in pattern.finditer(text) if _is_formula(m.group(0)))
    return found


_NOUNISH = {"n", "vn", "nz", "nt", "ns", "nr", "ng", "j", "an", "nrt", "nrfg"}
_MAY_OPEN = _NOUNISH | {"a", "b", "s", "f"}


def _segmenter():
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg.cut


def _phrases(texts: list[str], min_frequency: int, max_words: int = 4) -> Counter[str]:
    """Noun phrases of 1 to 4 words (jieba's segmentation and parts of speech):
    they open on a noun, adjective or attributive and close on a noun."""
    cut = _segmenter()
    counts: Counter[str] = Counter()
    for text in texts:
        for run in re.split(rf"[^{HAN}]+", text):
            if len(run) < 2:
                continue
            words = [(w.word, w.flag) for w in cut(run)]
            for i, (_, first_flag) in enumerate(words):
                if first_flag not in _MAY_OPEN:
                    continue
                for j in range(i, min(i + max_words, len(words))):
                    if words[j][1] not in _NOUNISH:
                        continue
                    phrase = "".join(w for w, _ in words[i : j + 1])
                    if "的" in phrase:  # a description, not a name
                        break
                    if 3 <= len(phrase) <= 10 and (j > i or words[i][1] in {"nz", "nt", "j"}):
                        counts[phrase] += 1
    return Counter({p: n for p, n in counts.items() if n >= min_frequency})


def _drop_subsumed(candidates: dict[str, Candidate]) -> None:
    """A term that nearly always stands inside one longer candidate (一国 in
    一国两制) adds nothing: drop it.  Looks up the substrings of each candidate,
    so it stays linear in the number of candidates."""
    for longer in sorted(candidates.values(), key=lambda c: len(c.term), reverse=True):
        term = longer.term
        for size in range(2, len(term)):
            for start in range(len(term) - size + 1):
                inner = candidates.get(term[start : start + size])
                if inner is not None and longer.frequency >= 0.8 * inner.frequency:
                    del candidates[inner.term]


def extract_candidates(
    texts: list[str], known_forms: set[str], min_frequency: int = 3, limit: int = 50
) -> list[Candidate]:
    texts = [to_simplified(t) for t in texts]
    known = [k for k in known_forms if k]

    def is_known(term: str) -> bool:
        return any(term in form or form == term for form in known)

    scored: dict[str, Candidate] = {}
    kinds = (
        ("quoted", _quoted(texts), 3.0, 1),
        ("formula", _formulas(texts), 3.0, 2),
        ("phrase", _phrases(texts, min_frequency), 1.0, min_frequency),
    )
    for kind, counts, weight, at_least in kinds:
        for term, frequency in counts.items():
            if frequency < at_least or is_known(term) or term in scored:
                continue
            score = weight * frequency * (len(term) ** 0.5)
            scored[term] = Candidate(term, kind, frequency, score, [])
    _drop_subsumed(scored)
    ranked = sorted(scored.values(), key=lambda c: (-c.score, c.term))[:limit]
    for candidate in ranked:
        candidate.contexts = keyword_in_context(texts, candidate.term, limit=2)
    return ranked


def add_candidates(glossary_path, candidates: list[Candidate]) -> int:
    """Append the candidates not yet in the glossary as proposed entries; how many were added.

    The glossary is read again under the writers' lock, so entries added
    meanwhile are kept and not added twice.
    """
    with editing(glossary_path) as glossary:
        known = {form for entry in glossary.entries for form in entry.forms}
        new = [c for c in candidates if c.term not in known]
        for c in new:
            glossary.add(
                Entry(zh=c.term, en="", note=f"extracted: {c.kind}, {c.frequency}x", source="glossary extract")
            )
    return len(new)
