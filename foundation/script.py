"""Chinese scripts: OpenCC conversion that keeps offsets, what counts as a Chinese character and numeral.

Every conversion here keeps the length of the text, so an offset into the
converted text is also an offset into the original.
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=4)
def _converter(config: str):
    try:
        import opencc
    except ImportError as error:
        # Ctrl-C while OpenCC's C extension initialises comes out of pybind11 as an ImportError (and out of
        # OpenCC's fallbacks as "not found in Bazel runfiles"): it is the interrupt, not a broken install.
        if _caused_by_interrupt(error):
            raise KeyboardInterrupt from error
        raise
    return opencc.OpenCC(config)


def _caused_by_interrupt(error: BaseException) -> bool:
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False


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


REGIONAL_CONFIGS = {"taiwan": "s2twp.json", "hongkong": "s2hk.json"}


def to_variant(simplified: str, region: str) -> str:
    """Simplified text in a region's Traditional characters and vocabulary (软件 → 軟體 in Taiwan).

    Phrases may change the length: for text shown to readers, never for offsets.
    """
    return _converter(REGIONAL_CONFIGS[region]).convert(simplified)


# Chinese characters (CJK Unified Ideographs, Extension A, Extensions B–H, Compatibility Ideographs).
_HAN_RANGES = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x3134F), (0xF900, 0xFAFF))
# The same, as the inside of a regular-expression character class: f"[{HAN}]".
HAN = "".join(f"{chr(low)}-{chr(high)}" for low, high in _HAN_RANGES)
# Chinese numerals as they number headings (一、 （三）) and formulas (六稳, 两违三乱).
CHINESE_NUMERALS = "〇零一二两三四五六七八九十百"


_HAN_CHARACTER = re.compile(f"[{HAN}]")


def is_cjk(char: str) -> bool:
    """Whether ``char`` is a Chinese character."""
    code = ord(char)
    return any(low <= code <= high for low, high in _HAN_RANGES)


def chinese_characters(text: str) -> list[str]:
    """The Chinese characters of a text, in order: one scan in C, where asking ``is_cjk`` of every
    character of an English sentence costs QA a tenth of its time."""
    return _HAN_CHARACTER.findall(text)
