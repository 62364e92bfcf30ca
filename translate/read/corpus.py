"""Corpora for the glossary tools and benchmarks: ``.txt`` and ``.md`` files,
and JSON Lines files with a ``content`` string on each line (the national
work reports 1954-2024 come so), read and decoded as reports are."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from foundation.errors import UserError
from foundation.files import read_bytes
from translate.read import input_files
from translate.read.decode import decode_text

CORPUS_SUFFIXES = (".txt", ".md", ".jsonl")


def read_corpus(paths: list[Path]) -> Iterator[tuple[str, str]]:
    """(label, text) for each text in the corpus; a JSON Lines file gives one per line."""
    files, errors = input_files(paths, CORPUS_SUFFIXES)
    if errors:
        raise errors[0]
    for path in files:
        text = decode_text(read_bytes(path), path).text
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
