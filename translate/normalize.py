"""Normalisation for processing: Simplified script, one set of punctuation.

Every mapping here keeps the length of the text, so an offset into the
normalised source is also an offset into the original the reader keeps.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=2)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def convert_script(text: str, config: str) -> str:
    """OpenCC conversion that never changes the length of the text."""
    converted = _converter(config).convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase rule changed the length: fall back to character by character.
    return "".join(c if len(m := _converter(config).convert(c)) != 1 else m for c in text)


def to_simplified(text: str) -> str:
    return convert_script(text, "t2s.json")


def to_traditional(text: str) -> str:
    return convert_script(text, "s2t.json")


def is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x3134F or 0xF900 <= code <= 0xFAFF
    )


# ASCII punctuation the seeds use inside Chinese sentences, and its full form.
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


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
        elif char == "\u3000":
            char = " "
        chars.append(char)
    return "".join(chars)


def normalize(text: str) -> str:
    """What matching and MT see: Simplified script, consistent punctuation."""
    return normalize_punctuation(to_simplified(text))
