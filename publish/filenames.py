"""Output file names, made from a document's stem, never taken as they come.

A stem comes from an input file's name or from an XLIFF's ``original``
attribute, which anyone can write.  The name made from it has no path
separator, no leading dot (so neither ``..`` nor a hidden file), no control or
bidirectional-override character, and fits in a file system's name limit:
a stem cut to fit keeps a short hash of the whole, so two long names stay apart.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Bytes of UTF-8 for the stem; the suffix (.zh-Hant-TW.docx, .qa.json) and the
# atomic writer's temporary prefix still fit under the usual 255-byte limit.
MAX_STEM_BYTES = 120
_FORBIDDEN = set('/\\:*?"<>|')  # separators here, and what Windows refuses in names
_WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
FALLBACK_STEM = "document"


def _allowed(char: str) -> bool:
    # Cc control, Cf format (U+202E reverses what follows), Cs/Co/Cn; line separators are white space.
    return char not in _FORBIDDEN and unicodedata.category(char)[0] != "C"


def safe_stem(stem: str) -> str:
    text = "".join(c if _allowed(c) else "_" for c in unicodedata.normalize("NFC", stem))
    text = re.sub(r"\s+", " ", text).strip(" .")
    if not text.strip("_"):
        text = FALLBACK_STEM
    if text.split(".")[0].upper() in _WINDOWS_DEVICES:
        text = "_" + text
    encoded = text.encode("utf-8")
    if len(encoded) > MAX_STEM_BYTES:
        digest = hashlib.sha256(stem.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        cut = encoded[: MAX_STEM_BYTES - len(digest) - 1].decode("utf-8", "ignore").rstrip(" .")
        text = f"{cut}-{digest}"
    return text
