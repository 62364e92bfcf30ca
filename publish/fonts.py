"""CJK fonts: found through fontconfig, checked for coverage before rendering.

A PDF never ships with tofu: if no installed font in the chain has a glyph for
some character of the document, rendering stops and names the package to install.
"""

from __future__ import annotations

import subprocess
import unicodedata
from dataclasses import dataclass
from functools import cache

from glossary.errors import UserError

# (family, Debian package): the first is the body font, the rest fill its gaps.
FONT_CHAIN = (
    ("Noto Serif CJK SC", "fonts-noto-cjk"),
    ("Noto Sans CJK SC", "fonts-noto-cjk"),
    ("HanaMinA", "fonts-hanazono"),
    ("HanaMinB", "fonts-hanazono"),
)
# Where the chain has nothing, this package has the most of CJK Extensions B–F.
GAP_PACKAGE = "fonts-hanazono"


@dataclass(frozen=True)
class FontFace:
    family: str
    path: str
    index: int


@cache
def find_font(family: str) -> FontFace | None:
    """The installed face for ``family``, or None (fontconfig's fallback does not count)."""
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{file}\t%{index}\t%{family}", family],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    path, _, rest = out.partition("\t")
    index, _, families = rest.partition("\t")
    if family not in families.split(","):
        return None
    return FontFace(family, path, int(index or 0))


@cache
def _codepoints(face: FontFace) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    font = TTFont(face.path, fontNumber=face.index, lazy=True)
    try:
        return frozenset(font.getBestCmap() or {})
    finally:
        font.close()


def _needs_glyph(char: str) -> bool:
    return not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf")


def fonts_for(text: str) -> list[FontFace]:
    """The faces that together cover ``text``: the body font first, then only those needed."""
    family, package = FONT_CHAIN[0]
    body = find_font(family)
    if body is None:
        raise UserError(f"font {family!r} is not installed: apt-get install {package}")
    missing = {c for c in set(text) if _needs_glyph(c) and ord(c) not in _codepoints(body)}
    faces = [body]
    for family, _ in FONT_CHAIN[1:]:
        if not missing:
            break
        face = find_font(family)
        if face is None:
            continue
        covered = {c for c in missing if ord(c) in _codepoints(face)}
        if covered:
            faces.append(face)
            missing -= covered
    if missing:
        sample = " ".join(f"{c} U+{ord(c):04X}" for c in sorted(missing)[:5])
        raise UserError(
            f"{len(missing)} character(s) have no glyph in any installed font ({sample}): apt-get install {GAP_PACKAGE}"
        )
    return faces
