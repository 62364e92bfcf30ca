"""Chinese scripts: OpenCC conversion that keeps offsets, and what counts as Chinese.

Every conversion here keeps the length of the text, so an offset into the
converted text is also an offset into the original.
"""

from __future__ import annotations

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
