"""A translation memory's rules, whatever database holds it: SQLite on one machine, PostgreSQL for a team.

Every rule is one statement the database enforces, so that any number of writers at once keep it without
reading first:

- human and MT units live apart (each kind has its own unique index), so an MT unit never replaces a
  human one, and a lookup takes the human unit first;
- a human unit is one source with one English: a second edit of a sentence to other English is a unit of
  its own, so the earlier stays as the sentence's history, and the latest (by its change time, then by
  when it was stored) is what a lookup returns;
- the same source and English again (a TMX imported twice, a reviewer saving what is there) adds no unit:
  it only updates who changed it, when, its state and where it came from, and only if it is newer;
- an MT unit is keyed by engine, model, source and glossary entries (``mt_key``); a new output for the
  same key replaces the old one.

A backend says how to connect, how to report a failure in one line, and how to find fuzzy candidates; the
statements here are written once for both (``?`` marks a parameter; PostgreSQL's backend writes ``%s``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from rapidfuzz import fuzz

from foundation.errors import UserError
from foundation.text import checked
from translate.document import Candidate
from translate.memory.location import shown
from translate.memory.units import UNIT_COLUMNS, Unit, now

FUZZY_THRESHOLD = 75.0  # per cent similarity, character-level
FUZZY_CANDIDATES = 3
SCHEMA_VERSION = 2  # 1: units without their people (creator, changer); 2: with them
_CHUNK = 500  # sources or keys per lookup: under SQLite's limit on bound parameters

_HUMAN_INSERT = (
    "INSERT INTO units (source, target, origin, state, glossary_sha256, created, changed, file, segment, "
    "written, creator, changer) VALUES (?, ?, 'human', ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (source, target) WHERE origin = 'human' DO UPDATE SET "
    "state = excluded.state, changed = excluded.changed, file = excluded.file, segment = excluded.segment, "
    "written = excluded.written, changer = excluded.changer WHERE excluded.changed > units.changed"
)
_MACHINE_INSERT = (
    "INSERT INTO units (source, target, origin, state, engine, key, glossary_sha256, created, changed, "
    "file, segment, written, creator, changer) VALUES (?, ?, 'mt', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (key) WHERE origin = 'mt' DO UPDATE SET target = excluded.target, changed = excluded.changed"
)
_SELECT_UNITS = "SELECT " + ", ".join(UNIT_COLUMNS) + " FROM units"


def units_schema(key_column: str) -> str:
    """The units table and its indexes as both databases make them; each names its own key column (the
    order units were stored in)."""
    return f"""
CREATE TABLE IF NOT EXISTS units (
  {key_column},
  source text NOT NULL,
  target text NOT NULL,
  origin text NOT NULL CHECK (origin IN ('human', 'mt')),
  state text NOT NULL,
  engine text NOT NULL DEFAULT '',
  key text NOT NULL DEFAULT '',
  glossary_sha256 text NOT NULL DEFAULT '',
  created text NOT NULL,
  changed text NOT NULL,
  file text NOT NULL DEFAULT '',
  segment text NOT NULL DEFAULT '',
  written text NOT NULL DEFAULT '',
  creator text NOT NULL DEFAULT '',
  changer text NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX IF NOT EXISTS human_units ON units (source, target) WHERE origin = 'human';
CREATE UNIQUE INDEX IF NOT EXISTS mt_units ON units (key) WHERE origin = 'mt';
CREATE INDEX IF NOT EXISTS units_by_source ON units (source);
"""


class TranslationMemory:
    """A translation memory, whichever database holds it (``translate.memory.memory_at`` opens one)."""

    location: str | Path
    problem: UserError | None  # set when the memory failed mid-run; it is not used after that

    @property
    def label(self) -> str:
        """The location as it may be printed (no password)."""
        return shown(self.location)

    # What a backend provides.

    def _fetch(self, query: str, parameters: list) -> list[tuple]:
        raise NotImplementedError

    def _run(self, statement: str, rows: list[tuple]) -> int:
        """The statement for every row, in one transaction: all or nothing; how many rows it changed."""
        raise NotImplementedError

    def _problem(self, error: Exception) -> UserError | None:
        """What went wrong, in one line, and what the user can do (never: delete it); None for an error
        that is not the database's."""
        raise NotImplementedError

    def _changed(self) -> None:
        """Called after every write (a backend drops what it keeps of the units)."""

    def candidates(self, sources: list[str], limit: int = FUZZY_CANDIDATES) -> list[list[Candidate]]:
        """For each source, the units most like it (not equal to it), at least 75% similar, best first."""
        raise NotImplementedError

    def close(self) -> None:
        """Let go of the connections."""

    # The rules, once.

    def _read(self, query: str, parameters: list, fetch=None) -> list[tuple]:
        """The query's rows (by ``fetch``, a backend's own way of asking, else ``_fetch``); none once the
        memory has failed, the failure kept as ``problem``."""
        if self.problem:
            return []
        try:
            return (fetch or self._fetch)(query, parameters)
        except Exception as error:
            self.problem = self._problem(error)
            if self.problem is None:
                raise
            return []

    def _write(self, statement: str, rows: list[tuple]) -> int:
        if self.problem or not rows:
            return 0
        try:
            changed = self._run(statement, rows)
        except Exception as error:
            self.problem = self._problem(error)
            if self.problem is None:
                raise
            return 0
        self._changed()
        return changed

    def _chunks(self, values: list[str]) -> Iterator[tuple[list[str], str]]:
        for start in range(0, len(values), _CHUNK):
            chunk = values[start : start + _CHUNK]
            yield chunk, ",".join("?" * len(chunk))

    def human(self, sources: list[str]) -> dict[str, Unit]:
        """The latest human unit for each of these sources that has one."""
        found: dict[str, Unit] = {}
        for chunk, marks in self._chunks(sources):
            rows = self._read(
                f"{_SELECT_UNITS} WHERE origin = 'human' AND source IN ({marks}) ORDER BY changed, id", chunk
            )
            for row in rows:
                found[row[0]] = Unit(*row)
        return found

    def history(self, source: str) -> list[Unit]:
        """Every human unit of a source, oldest first: the last is what a lookup returns."""
        return [
            Unit(*row)
            for row in self._read(
                f"{_SELECT_UNITS} WHERE origin = 'human' AND source = ? ORDER BY changed, id", [source]
            )
        ]

    def machine(self, keys: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk, marks in self._chunks(keys):
            found.update(self._read(f"SELECT key, target FROM units WHERE origin = 'mt' AND key IN ({marks})", chunk))
        return found

    def add_human(self, units: list[Unit], glossary_sha256: str = "", person: str = "") -> int:
        """Store human translations (``person``: who made them, a reviewer's name); the same source and
        English again only updates who changed it, when, its state and where it came from, if newer."""
        for unit in units:  # the last guard: a memory unit is exported into every later TMX and XLIFF
            where = f"unit {unit.segment}" if unit.segment else "a memory unit"
            checked(unit.source_as_written, f"{where}: its Chinese", unit.file or None)
            checked(unit.target, f"{where}: its English", unit.file or None)
            for name in (unit.creator, unit.changer, person):
                checked(name, f"{where}: who made or changed it", unit.file or None)
        stamp = now()
        rows = [
            (
                u.source,
                u.target,
                u.state,
                glossary_sha256,
                u.created or stamp,
                u.changed or stamp,
                u.file,
                u.segment,
                u.written if u.written != u.source else "",
                person or u.creator,
                person or u.changer or u.creator,
            )
            for u in units
            if u.source.strip() and u.target.strip()
        ]
        return self._write(_HUMAN_INSERT, rows)

    def add_machine(self, items: list, engine: str, glossary_sha256: str, file: str) -> int:
        """Store engine outputs: (key, segment, target) for each."""
        for _, segment, target in items:
            checked(segment.source, f"segment {segment.id}'s Chinese", file)
            checked(target, f"segment {segment.id}'s English", file)
        stamp = now()
        rows = [
            (
                s.normalized,
                t,
                "translated",
                engine,
                key,
                glossary_sha256,
                stamp,
                stamp,
                file,
                s.id,
                s.source if s.source != s.normalized else "",
                "",
                "",
            )
            for key, s, t in items
        ]
        return self._write(_MACHINE_INSERT, rows)

    def add_units(self, units: Iterable[Unit]) -> int:
        """Store units as another memory held them (``translate tm copy``): each of its origin, with its
        dates, people, engine and key."""
        human = [u for u in units if u.origin == "human"]
        machine = [u for u in units if u.origin == "mt"]
        stored = self.add_human(human) if human else 0
        rows = [
            (
                u.source,
                u.target,
                u.state,
                u.engine,
                u.key,
                "",
                u.created,
                u.changed,
                u.file,
                u.segment,
                u.written,
                u.creator,
                u.changer,
            )
            for u in machine
        ]
        return stored + self._write(_MACHINE_INSERT, rows)

    def units(self) -> list[Unit]:
        """Every unit, in the order they were stored."""
        return [unit for page in self.pages() for unit in page]

    def pages(self, size: int = 10_000) -> Iterator[list[Unit]]:
        """Every unit, a page at a time (a memory of a million units is not read at once)."""
        for rows in self._pages(UNIT_COLUMNS, size):
            yield [Unit(*row[1:]) for row in rows]

    def human_texts(self, size: int = 10_000) -> Iterator[tuple[int, str, str, str]]:
        """(number, source, target, segment) of every human unit, numbered from 1 among all units in the
        order they were stored: what parallel text takes of a unit, read without making one of each row
        (four columns, no ``Unit``: a third of the time over 100,000 units)."""
        number = 0
        for rows in self._pages(("origin", "source", "target", "segment"), size):
            for _, origin, source, target, segment in rows:
                number += 1
                if origin == "human":
                    yield number, source, target, segment

    def _pages(self, columns: tuple[str, ...], size: int) -> Iterator[list[tuple]]:
        """The columns of every unit, each row after its id, a page at a time in the order they were stored."""
        last = 0
        while True:
            rows = self._read(
                f"SELECT id, {', '.join(columns)} FROM units WHERE id > ? ORDER BY id LIMIT {int(size)}", [last]
            )
            if not rows:
                return
            last = rows[-1][0]
            yield rows

    def stats(self) -> dict[str, int]:
        counts = dict(self._read("SELECT origin, COUNT(*) FROM units GROUP BY origin", []))
        sources = self._read("SELECT COUNT(DISTINCT source) FROM units", [])
        return {"human": counts.get("human", 0), "mt": counts.get("mt", 0), "sources": sources[0][0] if sources else 0}


def best_candidates(query: str, units: list[tuple[str, str, str]], limit: int) -> list[Candidate]:
    """Units (source, target, origin) scored against a sentence as every memory scores them (rapidfuzz's
    character-level ratio), those at the threshold or above and not equal to it, best first."""
    scored = []
    for source, target, origin in units:
        if source == query:
            continue
        score = fuzz.ratio(query, source, score_cutoff=FUZZY_THRESHOLD)
        if score:
            scored.append((-score, source, target, origin))
    return [Candidate(source, target, -score, origin) for score, source, target, origin in sorted(scored)[:limit]]
