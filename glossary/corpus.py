"""Text from files: decoding of the encodings Chinese reports come in, and the
corpora the glossary tools read (``.txt``, ``.md``, ``.jsonl`` with ``content``)."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from pathlib import Path

from glossary.errors import UserError
from glossary.files import read_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters never found in text files (tab, newlines, form feed are).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_text(data: bytes, path: Path) -> str:
    """Decode bytes of a text file, or say in one line why they are not text."""
    if not data.strip():
        raise UserError("empty file: nothing to translate", path)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise UserError(f"not valid {encoding} despite its byte-order mark ({error.reason})", path)
            break
    else:
        if b"\x00" in data:
            raise UserError("binary file, not text (UTF-16 needs a byte-order mark)", path)
        for encoding in ("utf-8", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise UserError("cannot decode: neither UTF-8 nor GB18030/GBK", path)
    if _CONTROL.search(text):
        raise UserError("binary file, not text (control characters found)", path)
    if not text.strip():
        raise UserError("empty file: nothing to translate", path)
    return text


CORPUS_SUFFIXES = (".txt", ".md", ".jsonl")


def corpus_files(paths: list[Path]) -> list[Path]:
    files = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in CORPUS_SUFFIXES)
        elif path.is_file():
            files.append(path)
        else:
            raise UserError("no such file or folder", path)
    return files


def read_corpus(paths: list[Path]) -> Iterator[tuple[str, str]]:
    """(label, text) for each text in the corpus; a JSON Lines file gives one per line."""
    for path in corpus_files(paths):
        text = decode_text(read_bytes(path), path)
        if path.suffix.lower() != ".jsonl":
            yield str(path), text
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as error:
                raise UserError(f"not a JSON object ({error.msg})", path, number)
            content = record.get("content") if isinstance(record, dict) else None
            if not isinstance(content, str):
                raise UserError("a JSON Lines corpus needs a 'content' string on every line", path, number)
            yield f"{path}:{number}", content


def keyword_in_context(texts: list[str], term: str, width: int = 14, limit: int = 3) -> list[str]:
    """Up to ``limit`` lines of ``term`` in its context, the term in 【】."""
    lines = []
    for text in texts:
        start = text.find(term)
        while start != -1 and len(lines) < limit:
            left = text[max(0, start - width) : start].replace("\n", " ")
            right = text[start + len(term) : start + len(term) + width].replace("\n", " ")
            lines.append(f"…{left}【{term}】{right}…")
            start = text.find(term, start + len(term))
        if len(lines) >= limit:
            break
    return lines
