"""The glossary as the review app shows it: the file read again whenever it changes on disk, entries
filtered and paged, each entry with its corpus context, its evidence, its problems and its history,
and every save checked against the version the reviewer edited.

Saves go through the store (``glossary.store.editing``): the same lock, the same validation and the
same atomic write as ``glossary add`` and ``glossary set``, and the row keeps its place in the file.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from foundation.errors import UserError
from glossary.check import Problem, check_glossary
from glossary.context import contexts
from glossary.entry import COLUMNS, LIST_COLUMNS, Entry, Status
from glossary.store import Glossary, editing, load_glossary, set_entry
from review import history
from translate.evidence import REVIEW_FIRST_BELOW, EntryEvidence, Pair, gather

PAGE_SIZE = 50
EDITABLE = tuple(name for name in COLUMNS if name != "zh")
LIST_FIELDS = LIST_COLUMNS


class StaleEntry(Exception):
    """A save against a version of the entry that is no longer the stored one."""

    def __init__(self, current: Entry | None):
        super().__init__("stale")
        self.current = current


@dataclass
class Page:
    entries: list[Entry]
    total: int
    number: int
    pages: int


@dataclass
class GlossaryView:
    path: Path
    corpus: list[str] = field(default_factory=list)  # Simplified texts, for context lines
    pairs: list[Pair] = field(default_factory=list)  # parallel text, for evidence
    _glossary: Glossary | None = None
    _stamp: tuple[int, int] | None = None
    _evidence: dict[str, EntryEvidence] | None = None
    _problems: dict[int, list[str]] | None = None
    _git: tuple[str | None, dict[str, list[history.Change]]] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # -- the file, as it is now ------------------------------------------------------------------
    def glossary(self) -> Glossary:
        """The glossary, read again when the file changed on disk (another tab, ``glossary set``, git)."""
        with self._lock:
            stat = self.path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
            if self._glossary is None or stamp != self._stamp:
                self._glossary = load_glossary(self.path)
                self._stamp = stamp
                self._evidence = self._problems = None
            return self._glossary

    def entry(self, zh: str) -> Entry:
        entry = self.glossary().find(zh)
        if entry is None:
            raise KeyError(zh)
        return entry

    # -- what the table shows ----------------------------------------------------------------------
    def search(self, text: str = "", status: str = "", domain: str = "", disagrees: bool = False) -> list[Entry]:
        """The store's search (any part of the Chinese or of any English field, by status and domain);
        ``disagrees``: only entries whose preferred rendering stands in under half of their evidence."""
        found = self.glossary().search(status or None, domain or None, text)
        if not disagrees:
            return found
        evidence = self.evidence()
        return [entry for entry in found if _disagrees(evidence.get(entry.zh))]

    def page(self, entries: list[Entry], number: int) -> Page:
        pages = max(1, -(-len(entries) // PAGE_SIZE))
        number = min(max(1, number), pages)
        return Page(entries[(number - 1) * PAGE_SIZE : number * PAGE_SIZE], len(entries), number, pages)

    # -- what the detail panel shows ---------------------------------------------------------------
    def contexts(self, entry: Entry, limit: int = 6) -> list[tuple[str, str, str]]:
        found: list[tuple[str, str, str]] = []
        for form in entry.forms:
            found += contexts(self.corpus, form, width=24, limit=limit - len(found))
            if len(found) >= limit:
                break
        return found

    def evidence(self) -> dict[str, EntryEvidence]:
        glossary = self.glossary()
        with self._lock:
            if self._evidence is None:
                self._evidence = {e.entry.zh: e for e in gather(self.pairs, glossary)} if self.pairs else {}
            return self._evidence

    def problems(self) -> dict[int, list[str]]:
        """``glossary check``'s problems, by line."""
        self.glossary()
        with self._lock:
            if self._problems is None:
                _, found = check_glossary(self.path)
                self._problems = {}
                for problem in found:
                    self._problems.setdefault(problem.line, []).append(problem.message)
            return self._problems

    def problems_of(self, entry: Entry) -> list[str]:
        return self.problems().get(entry.line, [])

    def history(self, entry: Entry) -> list[history.Change]:
        head = history.git_head(self.path)
        if self._git is None or self._git[0] != head:
            self._git = (head, history.git_history(self.path) if head else {})
        return history.history(self.path, entry.zh, self._git[1], list(entry.to_row()), self.glossary().sha256)

    # -- changes -----------------------------------------------------------------------------------
    def save(self, zh: str, version: str, fields: dict[str, str], who: str = "") -> Entry:
        """Change ``fields`` of ``zh`` if the stored entry is still the ``version`` the reviewer edited
        (``who``: their name, for the history)."""
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise UserError(f"not a field an entry can change here: {', '.join(sorted(unknown))}")
        with editing(self.path) as glossary:
            before = glossary.sha256
            stored = glossary.find(zh)
            if stored is None or stored.fingerprint != version:
                raise StaleEntry(stored)
            old = stored.to_row()
            saved = set_entry(glossary, zh, **fields)
        history.record(self.path, old, saved.to_row(), before, glossary.sha256, who)  # the hash as written
        return saved

    def admit(self, zh: str, version: str, rendering: str, who: str = "") -> Entry:
        """Add ``rendering`` to the entry's admitted renderings (from the evidence panel)."""
        entry = self.entry(zh)
        rendering = " ".join(rendering.split())
        if not rendering:
            raise UserError("no rendering to admit")
        if rendering.lower() in (r.lower() for r in entry.renderings):
            raise UserError(f"{rendering!r} is accepted already")
        return self.save(zh, version, {"admitted": "|".join([*entry.admitted, rendering])}, who)

    def prefer(self, zh: str, version: str, rendering: str, who: str = "") -> Entry:
        """Make an admitted rendering the preferred one, the old preferred admitted in its place (the
        evidence panel's suggestion, when the parallel text has it at every occurrence)."""
        entry = self.entry(zh)
        wanted = " ".join(rendering.split()).lower()
        chosen = next((r for r in entry.admitted if r.lower() == wanted), None)
        if chosen is None:
            raise UserError(f"{rendering!r} is not an admitted rendering of {zh}")
        admitted = [entry.en, *(r for r in entry.admitted if r != chosen)]
        return self.save(zh, version, {"en": chosen, "admitted": "|".join(admitted)}, who)


def _disagrees(evidence: EntryEvidence | None) -> bool:
    return evidence is not None and evidence.count > 0 and evidence.preferred_share < REVIEW_FIRST_BELOW


def entry_json(entry: Entry) -> dict:
    """An entry's fields as the pages edit them (lists |-separated), with the version a save must name."""
    row = dict(zip(COLUMNS, entry.to_row()))
    return row | {"version": entry.fingerprint}


__all__ = ["GlossaryView", "Page", "Problem", "StaleEntry", "Status", "entry_json", "EDITABLE", "LIST_FIELDS"]
