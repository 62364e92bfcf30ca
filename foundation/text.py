"""The one rule for what text the project stores: a segment, a glossary field, a memory unit.

Every file the project writes (XLIFF 2.1 and 1.2, TMX, TBX, CSV, the glossary
TSV) and the memory hold text under this rule, and every door text comes in by
(a reviewer's save, a glossary edit, an import, an engine's answer) applies it
before anything is written.  Text that breaks it is refused whole, never
half-stored: a file written with one such character is no longer XML, and every
later step (``publish``, ``qa``, ``import``, the review app) fails on it.

Allowed: XML 1.0's ``Char``, less what no format we write carries as text:

- C0 controls other than tab and line feed (carriage return included: XML
  readers turn it into a line feed, so it would not read back as stored; line
  breaks are stored as ``\\n``), DEL and the C1 controls, which XML 1.0 allows
  but discourages and which in a report are a decoding accident, never meaning;
- surrogates (a lone one cannot be encoded at all) and the noncharacters
  U+FDD0..U+FDEF and U+xFFFE, U+xFFFF of every plane.

Bidi controls, zero-width joiners and the like are text and stay.

Where pasted text carries a character whose meaning is plain, ``clean`` says it
as the format can: Word's manual line break (U+000B), the Unicode line and
paragraph separators, NEL, form feed and carriage returns become a line break,
or a space where the field is one line.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET

from foundation.errors import UserError

# Everything outside the rule, as one character class (a lone surrogate is matched by its code point).
_NOT_ALLOWED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
    + "]"
)
# Characters that mean a line break, in whatever program the text was copied from.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# The controls people meet in pasted text, by their Unicode alias (unicodedata has no names for controls).
_CONTROL_NAMES = {
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
}
# White space that a one-line field folds into one space (the line breaks above included).
_ANY_SPACE = re.compile(r"\s+")


def character_name(char: str) -> str:
    """``U+000B (LINE TABULATION)``: a character as a person can look it up, even one with no name."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        name = f"{_CONTROL_NAMES[code]}, a control character" if code in _CONTROL_NAMES else "a control character"
    elif 0xD800 <= code <= 0xDFFF:
        name = "a lone surrogate"
    else:
        name = unicodedata.name(char, "a noncharacter")
    return f"U+{ord(char):04X} ({name})"


def first_not_allowed(text: str) -> tuple[int, str] | None:
    """The 1-based position and the character of the first character the rule refuses, or None."""
    found = _NOT_ALLOWED.search(text)
    return (found.start() + 1, found.group()) if found else None


class NotAllowedCharacter(UserError):
    """Text holding a character the project cannot store; it names the character and where it stands."""

    def __init__(self, what: str, position: int, char: str, path=None, line=None):
        said = f"{what} holds {character_name(char)} at character {position}, which cannot be stored"
        super().__init__(said, path, line)


def checked(text: str, what: str, path=None, line: int | None = None) -> str:
    """``text`` itself when the rule allows all of it; else ``NotAllowedCharacter`` naming the first one."""
    found = first_not_allowed(text)
    if found is not None:
        raise NotAllowedCharacter(what, found[0], found[1], path, line)
    return text


def allowed(text: str) -> bool:
    return _NOT_ALLOWED.search(text) is None


def clean(text: str, what: str, *, one_line: bool = False) -> str:
    """What a person pasted, said as a stored text can say it, then checked.

    Line breaks of any kind become ``\\n`` (a space, and runs of white space
    one space, where ``one_line``); anything else outside the rule is refused
    with its position in the text as given, so the person can find it.
    """
    found = first_not_allowed(_LINE_BREAKS.sub(lambda m: "\n" * len(m.group()), text))
    if found is not None:  # positions counted in the text as pasted: the substitution above keeps lengths
        raise NotAllowedCharacter(what, found[0], found[1])
    text = _LINE_BREAKS.sub("\n", text)
    return _ANY_SPACE.sub(" ", text).strip() if one_line else text


def check_tree(root: ET.Element, label=None) -> None:
    """``root`` itself when every text, tail and attribute in it keeps the rule: a writer's last look before
    its bytes are made, so that no file is ever written that a reader (ours or another tool) would refuse.
    A refusal names the element, and the nearest element with an ``id`` around it (the unit)."""

    def walk(element: ET.Element, owner: str) -> None:
        tag = element.tag.rpartition("}")[2] if isinstance(element.tag, str) else "?"
        own = element.get("id")
        where = f'<{tag} id="{own}">' if own else f"<{tag}>" + (f" in {owner}" if owner else "")
        owner = f'<{tag} id="{own}">' if own else owner
        for name, value in element.attrib.items():
            checked(value, f"the attribute {name.rpartition('}')[2]} of {where}", label)
        checked(element.text or "", f"the text of {where}", label)
        for child in element:
            walk(child, owner)
            checked(child.tail or "", f"the text after <{child.tag.rpartition('}')[2]}> in {where}", label)

    walk(root, "")


def storable(text: str) -> tuple[str, int]:
    """Text read from a report or answered by an engine, made storable: line breaks of any kind become
    ``\\n`` and what else the rule refuses is dropped (a C1 control out of a PDF's text layer carries no
    meaning); with the count dropped, so that the run can say so.  Never for what a person typed."""
    text = _LINE_BREAKS.sub("\n", text)
    kept = _NOT_ALLOWED.sub("", text)
    return kept, len(text) - len(kept)
