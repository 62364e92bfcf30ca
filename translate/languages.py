"""Language tags (BCP 47): the codes a document and its outputs are named by.

They come from the command line and from XLIFF files sent back by others, and
they become part of output file names, so only well-formed tags pass.
"""

from __future__ import annotations

import re

from foundation.errors import UserError

# RFC 5646 well-formedness (grandfathered irregular tags left out): language[-extlang]
# [-script][-region](-variant)*(-extension)*[-privateuse], or a private-use tag alone.
_LANGTAG = re.compile(
    r"""(?:
        (?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})
        (?:-[a-z]{4})?
        (?:-(?:[a-z]{2}|[0-9]{3}))?
        (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*
        (?:-[a-wyz0-9](?:-[a-z0-9]{2,8})+)*
        (?:-x(?:-[a-z0-9]{1,8})+)?
      | x(?:-[a-z0-9]{1,8})+
    )""",
    re.IGNORECASE | re.VERBOSE,
)
MAX_TAG_LENGTH = 35  # RFC 5646 §4.4.1: what implementations must be able to hold


def is_language_tag(tag: str) -> bool:
    return len(tag) <= MAX_TAG_LENGTH and _LANGTAG.fullmatch(tag) is not None


def check_language_tag(tag: str, label: str | None = None) -> str:
    """``tag`` if it is a well-formed BCP 47 tag, else a one-line error."""
    if not is_language_tag(tag):
        raise UserError(f"{tag[:40]!r} is not a language tag (BCP 47, e.g. zh, en, zh-Hant)", label)
    return tag
