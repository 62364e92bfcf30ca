"""Chinese word boundaries, for telling a term from the same characters inside a longer word.

民生 stands as a word in 改善民生 but not in 人民生活 (人民 / 生活) or 国民生产总值;
区政府 not in 自治区政府 (自治区 / 政府).  Chinese has no spaces, so the clause
around a candidate is segmented with jieba (its own dictionary, which it
ships, plus every glossary form as a user word).  Then, for each word of the
segmentation that is not itself a glossary form (where two glossary terms
overlap, 党中央 / 中央八项规定, the matcher's longest-leftmost rule has chosen):

- a word that straddles an edge of the candidate splits it, and the candidate
  is refused (人民|生活, 创新|发展理念, 自治区|政府), unless the word is really a
  phrase of two words of two characters or more that meet at that edge
  (科技创新能力: 创新|能力; 化解矛盾纠纷: 化解|矛盾), or what lies outside the
  candidate is one determiner (各 "each" in 各村|居);
- a word that contains the whole candidate is a compound (党员干部, 第一书记,
  拆迁户); the candidate stands if it is one of the parts the compound divides
  into (its best segmentation without itself: 党员 + 干部), not if the compound
  divides otherwise (农村居民 is 农村 + 居民: no 村居 in it; 国民生产总值 has no 民生).

A candidate that begins a road's name is no hit either: followed by a road's ending (路, 街, 大街,
大道, 巷, 胡同, 弄), perhaps after a direction or a number (创新路, 幸福东路, 团结二街), where the ending
ends a word (民生路, 东路; not 民生路网, whose 路网 runs on): the road is named in English by its
name and "Road", not by what the characters mean.  So is a candidate that begins a company's name,
followed by 银行, 证券, 集团, 控股 or 股份 ending a word (民生银行 is China Minsheng Bank, 民生证券
Minsheng Securities): a name is transliterated, not translated.

Only the clause around each candidate is segmented, and clauses are cached:
segmenting the 1954-2024 reports whole would take seconds.
"""

from __future__ import annotations

import logging
import re
from functools import cache, lru_cache

from foundation.script import to_simplified

# Where a clause ends: punctuation, brackets, quotes, white space.
_CLAUSE = re.compile(r"[^，。；：！？、,.;:!?\s“”‘’\"'「」『』（）()《》〈〉【】\[\]—…·・]+")
# How far around a candidate to look for its clause.
_REACH = 80
# What ends a road's name, after an optional direction or number: 创新路, 幸福东路, 团结二街.
_ROAD_ENDING = re.compile(r"[东西南北中]?(?:[一二三四五六七八九十]+|\d+)?(大街|大道|胡同|路|街|巷|弄)")
# What ends a company's name: 民生银行, 民生证券.
_COMPANY_ENDING = re.compile(r"(银行|证券|集团|控股|股份)(?:股份)?(?:有限)?(?:公司)?")
# Determiners: one and the first character of a noun make a jieba "word" (各村, 每年) that splits nothing.
DETERMINERS = frozenset("各每全本该此这那其某诸历")


@cache
def _jieba_dictionary():
    """jieba's own dictionary, loaded once per process (it takes over half a second)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def _tokenizer_with(forms: frozenset[str]):
    """A tokenizer with jieba's dictionary and ``forms`` as user words, without loading the dictionary again."""
    import jieba

    base = _jieba_dictionary()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dict(base.FREQ), base.total, True
    for form in sorted(forms):
        tokenizer.add_word(form)
    return tokenizer


class WordBoundaries:
    def __init__(self, glossary_forms: set[str]):
        self._forms = frozenset(glossary_forms)
        self._tokenizer = _tokenizer_with(self._forms)
        self._words = lru_cache(maxsize=100_000)(self._segment)
        self._parts = lru_cache(maxsize=100_000)(self._division)

    def words(self, text: str) -> list[str]:
        """``text`` cut into words (jieba, with the glossary's forms as words), single characters too."""
        return list(self._tokenizer.cut(text, HMM=False))

    def clear_cache(self) -> None:
        """Forget the clauses segmented so far (for benchmarks that must not measure a warm cache)."""
        self._words.cache_clear()
        self._parts.cache_clear()

    def _segment(self, clause: str) -> tuple[tuple[int, int, str], ...]:
        """(start, end, word) for each word of the clause that is not a glossary form."""
        words, position = [], 0
        for word in self._tokenizer.cut(clause, HMM=False):
            if len(word) > 1 and word not in self._forms:
                words.append((position, position + len(word), word))
            position += len(word)
        return tuple(words)

    def _division(self, word: str) -> frozenset[tuple[int, int]]:
        """(start, end) of a compound's parts: its best segmentation into smaller words, and theirs in
        turn (全国人大常委会: 全国 + 人大常委会, 人大 + 常委会)."""
        dag = self._tokenizer.get_DAG(word)
        dag[0] = [end for end in dag[0] if end != len(word) - 1] or [0]  # not the whole word at once
        route: dict = {}
        self._tokenizer.calc(word, dag, route)
        parts, start = set(), 0
        while start < len(word):
            end = route[start][1] + 1
            parts.add((start, end))
            if end - start > 2:
                parts |= {(start + a, start + b) for a, b in self._parts(word[start:end])}
            start = end
        return frozenset(parts)

    def _splits(self, start: int, end: int, word: tuple[int, int, str]) -> bool:
        """Whether ``word`` (offsets in the same clause) cuts the candidate start:end out of a longer word."""
        a, b, text = word
        if b <= start or end <= a or (start <= a and b <= end):
            return False  # beside the candidate, or a part of it
        if a <= start and end <= b:  # the word contains the candidate: a compound, unless it divides otherwise
            return (start - a, end - a) not in self._parts(text)
        edge = start if a < start else end  # the edge the word straddles
        if edge == start and start - a == 1 and text[0] in DETERMINERS:
            return False  # 各村|居: a determiner and a noun's first character
        return not self._joins_two_words(text, edge - a)

    def _joins_two_words(self, word: str, cut: int) -> bool:
        """Whether ``word`` is a phrase of two words meeting at ``cut`` (创新|能力, 化解|矛盾), each of two
        characters or more, rather than a word the cut would split (自治|区, 人|民)."""
        parts = self._parts(word)
        return any(end == cut and end - start >= 2 for start, end in parts) and any(
            start == cut and end - start >= 2 for start, end in parts
        )

    def _names_a_road(self, clause: str, end: int, words: tuple[tuple[int, int, str], ...]) -> bool:
        """Whether what follows offset ``end`` of the clause ends a road's or a company's name, its ending
        a word of its own."""
        match = _ROAD_ENDING.match(clause, end) or _COMPANY_ENDING.match(clause, end)
        if match is None:
            return False
        at = match.start(1)
        # 民生路, 东路, 大街 may be words; a word running on past the ending (路径, 路网, 银行业) is no name.
        return not any(a <= at < b and b > match.end() for a, b, _ in words)

    def stands_alone(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end] stands as a word, not cut out of a longer one nor the start of a road's or
        a company's name."""
        for clause in _CLAUSE.finditer(text, max(0, start - _REACH), min(len(text), end + _REACH)):
            if clause.start() <= start and end <= clause.end():
                offset = clause.start()
                simplified = to_simplified(clause.group())
                words = self._words(simplified)
                if self._names_a_road(simplified, end - offset, words):
                    return False
                return not any(self._splits(start - offset, end - offset, word) for word in words)
        return True  # the term spans punctuation or is longer than the reach: nothing to cut across
