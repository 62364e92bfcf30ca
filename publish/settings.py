"""How a document is published: layout, script, fonts, metadata; from options and
an optional ``publish.toml`` beside the inputs.

The file holds what stays the same for a set of documents, for example::

    author = "Foreign Affairs Office, Xicheng Subdistrict"
    subject = "Government work report"
    keywords = ["government work report", "Xicheng"]
    layout = "side-by-side"
    xliff = "1.2"

An option given on the command line wins over the file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from foundation.errors import UserError
from foundation.files import decode_utf8, read_bytes
from translate.bitext import XLIFF_VERSIONS

LAYOUTS = ("side-by-side", "interleaved", "en", "zh")
SCRIPTS = ("original", "simplified", "traditional", "taiwan", "hongkong")
PDF_VARIANTS = ("pdf/a-3u", "pdf/ua-1")
CONFIG_NAME = "publish.toml"
CONFIG_LIMIT_BYTES = 64 * 1024  # a few settings; never read a device or a stray large file whole
_MAX_FIELD_CHARS = 500  # metadata fields: a line, not a document


@dataclass(frozen=True)
class Settings:
    layout: str = "side-by-side"
    zh_script: str = "original"  # the Chinese shown in DOCX and PDF; the XLIFF keeps what was written
    glossary_appendix: bool = True  # the terms the glossary fixed, listed after the text
    font_zh: str = ""  # a fontconfig family; "" for the default chain
    font_en: str = ""
    author: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = ()
    pdf_variant: str = ""  # "" for a plain PDF, or one of PDF_VARIANTS
    xliff: str = "2.1"  # the bilingual file's XLIFF version

    def __post_init__(self):
        choices = (("layout", LAYOUTS), ("zh_script", SCRIPTS), ("pdf_variant", ("",) + PDF_VARIANTS))
        for name, allowed in choices + (("xliff", XLIFF_VERSIONS),):
            if getattr(self, name) not in allowed:
                raise ValueError(f"{name.replace('_', '-')} must be one of {', '.join(a for a in allowed if a)}")


def read_config(folder: Path) -> Settings:
    """The settings in ``folder/publish.toml``, or the defaults when there is none."""
    path = folder / CONFIG_NAME
    if not path.is_file():
        return Settings()
    if path.stat().st_size > CONFIG_LIMIT_BYTES:
        raise UserError(f"over {CONFIG_LIMIT_BYTES // 1024} KB: not a file of settings", path)
    text = decode_utf8(read_bytes(path, CONFIG_LIMIT_BYTES), path, "TOML")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UserError(f"not a readable TOML file ({error})", path)
    known = {f.name.replace("_", "-"): f.name for f in fields(Settings)}
    values = {}
    for key, value in data.items():
        name = known.get(key.replace("_", "-"))
        if name is None:
            raise UserError(f"unknown setting {key!r}: use {', '.join(sorted(known))}", path)
        values[name] = _checked(key, value, name, path)
    try:
        return Settings(**values)
    except ValueError as error:
        raise UserError(str(error), path)


def _checked(key: str, value, name: str, path: Path):
    if name == "glossary_appendix":
        if not isinstance(value, bool):
            raise UserError(f"{key} must be true or false", path)
        return value
    items = value if name == "keywords" and isinstance(value, list) else [value]
    if not all(isinstance(item, str) and len(item) <= _MAX_FIELD_CHARS for item in items):
        raise UserError(f"{key} must be text of at most {_MAX_FIELD_CHARS} characters", path)
    if any(ch < " " for item in items for ch in item):
        raise UserError(f"{key} must be one line, without control characters", path)
    return tuple(item.strip() for item in items) if name == "keywords" else value.strip()
