"""Fonts: found through fontconfig, checked for coverage before rendering.

A PDF never ships with tofu: a character no installed font of the chain can
draw is listed, so the PDF shows a visible marker in its place (``[U+1F600]``)
and QA names it, while the XLIFF and DOCX keep the character itself.
"""

from __future__ import annotations

import subprocess
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from foundation.errors import UserError
from foundation.script import is_cjk

# (family, Debian package): the first is the body font, the rest fill its gaps.  {forms} is the
# region whose glyph forms the Chinese shown needs (SC, TC, HK): 骨 and 直 differ between them.
FONT_CHAIN = (
    ("Noto Serif CJK {forms}", "fonts-noto-cjk"),
    ("Noto Sans CJK {forms}", "fonts-noto-cjk"),
    ("HanaMinA", "fonts-hanazono"),
    ("HanaMinB", "fonts-hanazono"),
    ("Noto Color Emoji", "fonts-noto-color-emoji"),
)
# The English: a Latin serif with its own hyphen, dashes and figures (the CJK faces' Latin letters are
# set wide and their hyphen is full-width).  Metric-compatible with Times New Roman, which the DOCX names.
ENGLISH_FONT = ("Liberation Serif", "fonts-liberation2")
# Where the chain has no glyph for a CJK character, this package has the most of CJK Extensions B–F.
CJK_GAP_PACKAGE = "fonts-hanazono"


@dataclass(frozen=True)
class FontFace:
    family: str
    path: str
    index: int


@dataclass
class Coverage:
    """The faces that draw a text, and the characters none of them can."""

    faces: list[FontFace]  # the Chinese body face first, then those that fill its gaps
    missing: list[str] = field(default_factory=list)
    english: FontFace | None = None  # the face of the English, ahead of ``faces``

    def advice(self) -> str:
        """What to install, when that would help."""
        return f": apt-get install {CJK_GAP_PACKAGE}" if any(is_cjk(c) for c in self.missing) else ""


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
    """Whether ``char`` is drawn: not white space, control or format characters, nor variation selectors."""
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
        return False
    return not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf")


def _required(family: str, package: str | None) -> FontFace:
    face = find_font(family)
    if face is None:
        how = f"apt-get install {package}" if package else "fc-list : family lists the installed ones"
        raise UserError(f"font {family!r} is not installed: {how}")
    return face


def fonts_for(text: str, forms: str = "SC", zh_family: str = "", en_family: str = "") -> Coverage:
    """The faces that together cover ``text`` (the body font first, then only those needed), and what none
    covers; ``zh_family`` and ``en_family`` replace the default Chinese body face and English face."""
    chain = [(family.format(forms=forms), package) for family, package in FONT_CHAIN]
    if zh_family:
        chain[0] = (zh_family, None)
    body = _required(*chain[0])
    english = _required(en_family or ENGLISH_FONT[0], None if en_family else ENGLISH_FONT[1])
    missing = {c for c in set(text) if _needs_glyph(c) and ord(c) not in _codepoints(body)}
    faces = [body]
    for family, _ in chain[1:]:
        if not missing:
            break
        face = find_font(family)
        if face is None:
            continue
        covered = {c for c in missing if ord(c) in _codepoints(face)}
        if covered:
            faces.append(face)
            missing -= covered
    return Coverage(faces, sorted(missing), english)


def glyph_marker(char: str) -> str:
    """What the PDF shows where no font has a glyph."""
    return f"[U+{ord(char):04X}]"
