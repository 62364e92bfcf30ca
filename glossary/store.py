"""Read and write ``governance.tsv``: a TSV in git, validated line by line.

Every write goes through ``save_glossary`` (or ``editing``), which checks and
normalises every entry first, so no write path (add, set, import, review,
extract) can store what the file cannot hold.  The rule for text fields: a
field is one line, so each run of white space in it (tabs and line breaks
included) becomes one space, and the field is trimmed; other control
characters are refused.  Writers hold a lock on ``.<name>.lock`` beside the
glossary from reading to writing, so two of them queue instead of one
silently dropping the other's entries.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from foundation.errors import UserError
from foundation.files import decode_utf8, exclusive, read_bytes, write_bytes_atomic
from foundation.text import checked
from glossary.entry import BEFORE_SENSES, COLUMNS, DOMAINS, LAYOUTS, LIST_COLUMNS, STATUSES, Entry, Status, widened
from glossary.eras import eras_of, parse_era
from glossary.match import TermHit, TermMatcher
from glossary.senses import checked_context, checked_scope

LOCK_TIMEOUT_SECONDS = 30.0
UTF8_BOM = b"\xef\xbb\xbf"


def shipped_glossary_path() -> Path:
    """The reviewed glossary that comes with the package: read, never edited (an upgrade replaces it)."""
    return Path(str(resources.files("glossary").joinpath("governance.tsv")))


def user_glossary_path() -> Path:
    """``$XDG_DATA_HOME/zhen-publish/glossary.tsv``: the user's own glossary, beside their memory."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "zhen-publish" / "glossary.tsv"


def default_glossary_path() -> Path:
    """The glossary used when none is named: the user's own once they have edited one, else the shipped one."""
    own = user_glossary_path()
    return own if own.is_file() else shipped_glossary_path()


@dataclass
class Glossary:
    """The term base in one object: its entries, their index by headword, and the matcher over them.

    Change entries through ``add`` and ``replace``, or call ``changed`` after
    editing one in place, so that the index and the matcher (both built on
    first use) stay in step.
    """

    path: Path
    entries: list[Entry]
    sha256: str  # of the file's bytes, as written into the XLIFF: which glossary a translation was made with
    # The file's own form, kept when it is written again: an edit must not turn a CRLF file's every line
    # into a change in its history, nor drop the byte-order mark a Windows editor put there.
    newline: str = "\n"
    bom: bool = False
    _index: dict[str, Entry] | None = field(default=None, init=False, repr=False, compare=False)
    _matcher: TermMatcher | None = field(default=None, init=False, repr=False, compare=False)

    def by_status(self, *statuses: Status) -> list[Entry]:
        return [e for e in self.entries if e.status in statuses]

    def find(self, zh: str) -> Entry | None:
        """The entry whose headword is ``zh``."""
        if self._index is None:
            self._index = {}
            for entry in self.entries:
                self._index.setdefault(entry.zh, entry)  # the first of duplicates, as `check` reports them
        return self._index.get(zh)

    @property
    def matcher(self) -> TermMatcher:
        if self._matcher is None:
            self._matcher = TermMatcher(self.entries)
        return self._matcher

    def search(self, status: Status | None = None, domain: str | None = None, text: str | None = None) -> list[Entry]:
        """Entries with this status and domain whose Chinese forms, renderings (preferred, admitted, to avoid),
        note or source contain ``text`` (any case)."""
        needle = (text or "").strip().lower()
        found = []
        for entry in self.entries:
            if status and entry.status != status or domain and entry.domain != domain:
                continue
            fields = [*entry.forms, entry.en, *entry.admitted, *entry.avoid, entry.note, entry.source]
            if needle and needle not in "\n".join(fields).lower():
                continue
            found.append(entry)
        return found

    def find_terms(self, text: str) -> list[TermHit]:
        """Every term of the glossary in ``text`` (Simplified or Traditional), longest leftmost first."""
        return self.matcher.find(text)

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        self.changed()

    def replace(self, old: Entry, new: Entry) -> None:
        self.entries[self.entries.index(old)] = new
        self.changed()

    def changed(self) -> None:
        self._index = self._matcher = None


def one_line(value: str) -> str:
    """The field rule: every run of white space becomes one space, ends trimmed (line breaks of every
    kind, Word's U+000B included, are white space here)."""
    return " ".join(value.split())


def _items(values: list[str], name: str, where: tuple[Path, int]) -> list[str]:
    items = [one_line(v) for v in values]
    for item in items:
        if "|" in item:
            raise UserError(f"{name} item {item[:40]!r} contains '|', which separates items", *where)
    return [item for item in items if item]


MAX_FIELD = 10_000  # characters of a note or a source; a list item or a rendering, a tenth of it
MAX_ITEMS = 100  # items of a list column


def _within_bounds(entry: Entry, where: tuple[Path, int]) -> None:
    """A one-line error for a field longer than a glossary row has a use for (which would swell every
    page and log that shows it)."""
    for name in LIST_COLUMNS:
        if len(getattr(entry, name)) > MAX_ITEMS:
            raise UserError(f"{name}: more than {MAX_ITEMS} items", *where)
    for name, limit in (("zh", MAX_FIELD // 10), ("en", MAX_FIELD // 10), ("note", MAX_FIELD), ("source", MAX_FIELD)):
        if len(getattr(entry, name)) > limit:
            raise UserError(f"{name}: longer than {limit:,} characters", *where)
    for name in LIST_COLUMNS:
        if any(len(item) > MAX_FIELD // 10 for item in getattr(entry, name)):
            raise UserError(f"{name}: an item longer than {MAX_FIELD // 10:,} characters", *where)


def checked_entry(entry: Entry, path: Path, line: int) -> Entry:
    """``entry`` with its fields normalised by the field rule, or a one-line error saying what is wrong."""
    where = (path, line)
    entry.zh, entry.en, entry.note, entry.source = (one_line(v) for v in (entry.zh, entry.en, entry.note, entry.source))
    entry.status, entry.domain = entry.status.strip(), entry.domain.strip()
    entry.variants = _items(entry.variants, "variants", where)
    entry.admitted = _items(entry.admitted, "admitted", where)
    entry.avoid = _items(entry.avoid, "avoid", where)
    entry.scope = checked_scope(_items(entry.scope, "scope", where), where)
    entry.context = checked_context(_items(entry.context, "context", where), where)
    entry.eras = list(dict.fromkeys(str(parse_era(item, where)) for item in _items(entry.eras, "eras", where)))
    for era in eras_of(entry.eras):
        if era.rendering.lower() in (r.lower() for r in entry.renderings):
            message = f"era {era}: {era.rendering!r} is accepted in every year already (preferred or admitted)"
            raise UserError(message, *where)
    lists = (*entry.variants, *entry.admitted, *entry.avoid, *entry.context, *entry.eras)
    _within_bounds(entry, where)
    for value in (entry.zh, entry.en, entry.note, entry.source, *lists):
        checked(value, f"the field {value[:40]!r}", *where)
    if not entry.zh:
        raise UserError("empty zh", *where)
    if entry.status not in STATUSES:
        raise UserError(f"unknown status {entry.status!r}: use {'|'.join(STATUSES)}", *where)
    entry.status = Status(entry.status)
    if entry.domain not in DOMAINS:
        raise UserError(f"unknown domain {entry.domain!r}: use one of {', '.join(DOMAINS)}", *where)
    if entry.status is Status.APPROVED and not entry.en:
        raise UserError(f"approved entry {entry.zh} has no en", *where)
    entry.line = line
    return entry


def parse_row(cells: list[str], path: Path, line: int) -> Entry:
    # The sense and era columns, empty at the end of a row, may be left out (an editor that trims a line's
    # trailing tabs): the row reads as if they were there.
    cells = cells + [""] * (len(COLUMNS) - len(cells)) if len(BEFORE_SENSES) <= len(cells) < len(COLUMNS) else cells
    if len(cells) != len(COLUMNS):
        raise UserError(
            f"expected {len(COLUMNS)} tab-separated columns ({' '.join(COLUMNS)}), found {len(cells)}", path, line
        )
    row = dict(zip(COLUMNS, cells))
    entry = Entry(row["zh"], row["en"], row["status"], domain=row["domain"], note=row["note"], source=row["source"])
    for name in LIST_COLUMNS:
        setattr(entry, name, row[name].split("|"))
    return checked_entry(entry, path, line)


def add_entry(glossary: Glossary, zh: str, **fields: str) -> Entry:
    """A new entry (proposed unless ``status`` says otherwise), checked by the store's rules."""
    zh = one_line(zh)
    existing = glossary.find(zh)
    if existing is not None:
        raise UserError(f"{zh} is already in the glossary (line {existing.line}): use 'glossary set'")
    entry = _with_fields(Entry(zh=zh, en=""), fields, glossary.path, len(glossary.entries) + 2)
    glossary.add(entry)
    return entry


def set_entry(glossary: Glossary, zh: str, **fields: str) -> Entry:
    """The entry ``zh`` with ``fields`` changed, checked by the store's rules."""
    zh = one_line(zh)
    existing = glossary.find(zh)
    if existing is None:
        raise UserError(f"{zh} is not in the glossary: use 'glossary add'")
    entry = _with_fields(existing, fields, glossary.path, existing.line)
    glossary.replace(existing, entry)
    return entry


def _with_fields(entry: Entry, fields: dict[str, str], path: Path, line: int) -> Entry:
    """A copy of ``entry`` with the given TSV columns (``variants`` and ``avoid`` |-separated) replaced."""
    row = dict(zip(COLUMNS, entry.to_row()))
    unknown = set(fields) - set(COLUMNS) - {"zh"}
    if unknown:
        raise ValueError(f"not a glossary column: {', '.join(sorted(unknown))}")
    row.update(fields)
    try:
        return parse_row([row[name] for name in COLUMNS], path, line)
    except UserError as error:  # a value given to change the entry: say which entry, not a line of the file
        raise UserError(f"{row['zh']}: {error.message}") from None


def _decode(path: Path) -> tuple[bytes, list[str]]:
    data = read_bytes(path)
    text = decode_utf8(data, path, "glossary")
    lines = text.splitlines()
    header = tuple(lines[0].rstrip("\r").split("\t")) if lines else ()
    if header not in LAYOUTS:
        raise UserError(f"first line must be the header: {' '.join(COLUMNS)} (tab-separated)", path, 1)
    if header != COLUMNS:  # an earlier layout: read in the current one
        lines = [lines[0]] + ["\t".join(widened(line.split("\t"), header)) for line in lines[1:]]
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
    newline = "\r\n" if data.split(b"\n", 1)[0].endswith(b"\r") else "\n"  # as its header line ends
    return Glossary(path, entries, hashlib.sha256(data).hexdigest(), newline, data.startswith(UTF8_BOM))


def _stored_cells(entry: Entry) -> list[str]:
    """The row as written: the sense and era columns left out where they are empty at its end, so that a
    glossary of an earlier layout, written again, changes in its header line only."""
    cells = entry.to_row()
    while len(cells) > len(BEFORE_SENSES) and not cells[-1]:
        cells.pop()
    return cells


def _write(glossary: Glossary) -> None:
    """Check every entry, then write atomically: a refused entry or an interruption leaves the file as it was."""
    for number, entry in enumerate(glossary.entries, start=2):
        checked_entry(entry, glossary.path, number)
    rows = ["\t".join(COLUMNS)] + ["\t".join(_stored_cells(entry)) for entry in glossary.entries]
    data = (UTF8_BOM if glossary.bom else b"") + (glossary.newline.join(rows) + glossary.newline).encode("utf-8")
    write_bytes_atomic(glossary.path, data)
    glossary.sha256 = hashlib.sha256(data).hexdigest()


@contextmanager
def editing(path: Path | None = None) -> Iterator[Glossary]:
    """The glossary read fresh under the writers' lock, changed by the caller, saved on leaving without error."""
    path = Path(path) if path else default_glossary_path()
    with exclusive(path, "the glossary", LOCK_TIMEOUT_SECONDS):
        glossary = load_glossary(path)
        yield glossary
        _write(glossary)


def save_glossary(glossary: Glossary) -> None:
    """Write the whole glossary as it is in memory, under the writers' lock."""
    with exclusive(glossary.path, "the glossary", LOCK_TIMEOUT_SECONDS):
        _write(glossary)
