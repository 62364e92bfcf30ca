"""Normalisation for processing: Simplified script, one set of punctuation.

Every mapping here keeps the length of the text, so an offset into the
normalised source is also an offset into the original the reader keeps.
"""

from __future__ import annotations

import unicodedata

from foundation.script import is_cjk, to_simplified

# ASCII punctuation the seeds use inside Chinese sentences, and its full form.
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


_ZERO_LOOKALIKES = "○◯Ｏ"
_NUMERALS = "〇零一二三四五六七八九十"


def _between_numerals(text: str, at: int) -> bool:
    before = text[at - 1] if at else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    return bool(before and before in _NUMERALS + _ZERO_LOOKALIKES and after and after in _NUMERALS + _ZERO_LOOKALIKES)


def normalize_punctuation(text: str) -> str:
    """Full-width letters and digits to ASCII; ASCII punctuation beside Chinese to full width."""
    chars = []
    for i, char in enumerate(text):
        if "\uff01" <= char <= "\uff5e" and char.isalnum():
            char = unicodedata.normalize("NFKC", char)
        elif char in _FULL_WIDTH:
            before = text[i - 1] if i > 0 else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if (before and is_cjk(before)) or (after and is_cjk(after)) or before in "”」）》":
                char = _FULL_WIDTH[char]
        elif char in _ZERO_LOOKALIKES and _between_numerals(text, i):
            char = "〇"  # 二○一二年: a circle typed for the zero of a Chinese numeral
        elif char == "\u3000":
            char = " "
        chars.append(char)
    return "".join(chars)


def normalize(text: str) -> str:
    """What matching and MT see: Simplified script, consistent punctuation."""
    return normalize_punctuation(to_simplified(text))
