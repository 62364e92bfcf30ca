"""QA's two shortcuts past compiling a rendering's pattern (10 to 40 ms each) never change its answer: the
rendering found word for word is found by the pattern too, and a text the pre-check rules out is one the
pattern finds nothing in.  Checked on every rendering of the shipped glossary against official English."""

from __future__ import annotations

import csv

from glossary.store import load_glossary
from translate.qa.english import _literal_pattern, _literally, could_render, rendering_pattern, searchable

from .paths import DATA

# 'elimination of "rat race" competition' is the one rendering whose own words the pattern misses (its
# quotation marks): the word-for-word shortcut finds it, which is right, and the only disagreement allowed.
QUOTED = {'elimination of "rat race" competition'}


def test_the_shortcuts_agree_with_the_pattern_on_official_english():
    with (DATA / "reference" / "gwr-2024-excerpt-zh-en.csv").open(encoding="utf-8-sig") as table:
        english = [row[2] for row in list(csv.reader(table))[1:]]
    texts = [searchable(text) for text in english]
    renderings = sorted({r for e in load_glossary().entries for r in ([e.en] if e.en else []) + e.admitted})
    assert len(renderings) > 600
    found = ruled_out = 0
    for rendering in renderings[::2]:  # half of them, every other: the patterns take seconds to compile
        pattern = rendering_pattern(rendering)
        for text in texts:
            matches = bool(pattern.search(text))
            found += matches
            if not could_render(text, rendering):
                ruled_out += 1
                assert not matches, (rendering, text)
            if _literal_pattern(rendering).search(text) and rendering not in QUOTED:
                assert matches, (rendering, text)
    assert found > 40 and ruled_out > 0.9 * len(renderings[::2]) * len(texts)  # the checks had work to do


def test_the_lower_case_search_of_an_ascii_text_agrees_with_the_word_for_word_pattern():
    """An ASCII text is searched for a rendering word for word in lower case without IGNORECASE: the same
    answers as the IGNORECASE pattern, for every rendering, in official English, in it shouted, and in texts
    that hold the rendering inside a word or with a character IGNORECASE equates with an ASCII letter (the
    long s, the dotless i, the Kelvin sign), which are left to the IGNORECASE pattern."""
    with (DATA / "reference" / "gwr-2024-excerpt-zh-en.csv").open(encoding="utf-8-sig") as table:
        english = [row[2] for row in list(csv.reader(table))[1:]]
    renderings = sorted({r for e in load_glossary().entries for r in ([e.en] if e.en else []) + e.admitted})
    own = [
        text
        for rendering in renderings
        for text in (
            f"We will pursue {rendering}.",
            f"x{rendering}",
            f"{rendering}s",
            rendering.upper(),
            rendering.replace("s", "\u017f"),
            rendering.replace("i", "\u0131"),
            rendering.replace("k", "\u212a"),
        )
    ]
    texts = [searchable(text) for text in english + [text.upper() for text in english] + own]
    found = 0
    for rendering in renderings:
        pattern = _literal_pattern(rendering)
        for text in texts:
            expected = bool(pattern.search(text))
            found += expected
            assert _literally(text, text.lower(), rendering) == expected, (rendering, text)
    assert found > 2 * len(renderings)  # each found in its own sentence and shouted, and more
