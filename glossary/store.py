"""Read and write ``governance.tsv``: a TSV in git, validated line by line."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from glossary.atomic import write_text_atomic
from glossary.entry import COLUMNS, DOMAINS, STATUSES, Entry
from glossary.errors import UserError


def default_glossary_path() -> Path:
    return Path(str(resources.files("glossary").joinpath("governance.tsv")))


@dataclass
class Glossary:
    path: Path
    entries: list[Entry]
    content_hash: str  # sha256 of the file's bytes: changes whenever an entry does

    def by_status(self, *statuses: str) -> list[Entry]:
        return [e for e in self.entries if e.status in statuses]

    def find(self, zh: str) -> Entry | None:
        return next((e for e in self.entries if e.zh == zh), None)


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def parse_row(cells: list[str], path: Path, line: int) -> Entry:
    if len(cells) != len(COLUMNS):
        raise UserError(
            f"expected {len(COLUMNS)} tab-separated columns ({' '.join(COLUMNS)}), found {len(cells)}", path, line
        )
    zh, en, status, variants, avoid, domain, note, source = (cell.strip() for cell in cells)
    if not zh:
        raise UserError("empty zh", path, line)
    if status not in STATUSES:
        raise UserError(f"unknown status {status!r}: use {'|'.join(STATUSES)}", path, line)
    if domain not in DOMAINS:
        raise UserError(f"unknown domain {domain!r}: use one of {', '.join(DOMAINS)}", path, line)
    if status == "approved" and not en:
        raise UserError(f"approved entry {zh} has no en", path, line)
    return Entry(zh, en, status, _split(variants), _split(avoid), domain, note, source, line)


def _decode(path: Path) -> tuple[bytes, list[str]]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UserError(f"cannot read glossary: {error.strerror}", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError("glossary is not UTF-8", path)
    lines = text.splitlines()
    if not lines or lines[0].rstrip("\r").split("\t") != list(COLUMNS):
        raise UserError(f"first line must be the header: {' '.join(COLUMNS)} (tab-separated)", path, 1)
    return data, lines


def read_rows(path: Path) -> tuple[list[str], list[Entry], list[UserError]]:
    """Every line, the entries that parse, and an error for each line that does not."""
    _, lines = _decode(path)
    entries, problems = [], []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        try:
            entries.append(parse_row(line.split("\t"), path, number))
        except UserError as error:
            problems.append(error)
    return lines, entries, problems


def load_glossary(path: Path | None = None) -> Glossary:
    """The glossary, or a one-line error naming the first bad line."""
    path = Path(path) if path else default_glossary_path()
    data, _ = _decode(path)
    _, entries, problems = read_rows(path)
    if problems:
        raise problems[0]
    return Glossary(path, entries, hashlib.sha256(data).hexdigest())


def save_glossary(glossary: Glossary) -> None:
    """Write atomically: an interrupted save leaves the previous file whole."""
    rows = ["\t".join(COLUMNS)] + ["\t".join(entry.to_row()) for entry in glossary.entries]
    text = "\n".join(rows) + "\n"
    write_text_atomic(glossary.path, text)
    glossary.content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
