"""The memory stage: a translation memory, one SQLite store for human and machine translations.

A unit is a normalised source sentence and its translation, with where it
came from: ``human`` (imported from a post-edited XLIFF, a TMX, a CSV) or
``mt`` (an engine's output, kept so that a re-run translates only what
changed).  A segment whose source is in the memory is filled from it before
any engine runs:

- a human unit always wins, and is never overwritten by machine output (the
  two kinds live apart in the table's unique indexes);
- an MT unit is used only for the same engine and model and only while every
  glossary entry in the sentence is unchanged (its key holds them), so editing
  one entry re-translates exactly the sentences that contain it.

Sentences not in the memory get its closest units above 75% similarity as
candidates (``Candidate``), which the XLIFF offers to a CAT tool.

Every write is a short transaction in WAL mode: two runs at once queue for a
bounded time instead of failing, and a run killed at any moment leaves the
memory as it was before the transaction, so running again translates only
what is not yet in it.  A memory that is locked for too long or damaged is
reported in one line and the run goes on without it; it is never deleted,
since it holds human work.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from foundation.errors import UserError
from foundation.text import checked
from translate.document import Candidate, Segment, State
from translate.fuzzy import FuzzyIndex
from translate.protect import PROTECTION_VERSION

BUSY_TIMEOUT_SECONDS = 10.0
FUZZY_THRESHOLD = 75.0  # per cent similarity, character-level
FUZZY_CANDIDATES = 3
_SCHEMA = """
CREATE TABLE IF NOT EXISTS units (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('human', 'mt')),
  state TEXT NOT NULL,
  engine TEXT NOT NULL DEFAULT '',
  key TEXT NOT NULL DEFAULT '',
  glossary_sha256 TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL,
  changed TEXT NOT NULL,
  file TEXT NOT NULL DEFAULT '',
  segment TEXT NOT NULL DEFAULT '',
  written TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX IF NOT EXISTS human_units ON units(source, target) WHERE origin = 'human';
CREATE UNIQUE INDEX IF NOT EXISTS mt_units ON units(key) WHERE origin = 'mt';
CREATE INDEX IF NOT EXISTS units_by_source ON units(source);
"""


def _add_written_column(db: sqlite3.Connection) -> None:
    """A memory made before units kept their source as written gains the column (empty: the normalised
    source stands in for it)."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(units)")}
    if "written" not in columns:
        with db:
            db.execute("ALTER TABLE units ADD COLUMN written TEXT NOT NULL DEFAULT ''")


def default_memory_path() -> Path:
    """``$XDG_DATA_HOME/zhen-publish/tm.sqlite``: the memory is the user's work, not a cache."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "zhen-publish" / "tm.sqlite"


def mt_key(engine: str, segment: Segment) -> str:
    """What an MT unit is valid for: the engine and model, the injection scheme, the source, its entries."""
    term_hashes = sorted({hit.entry.fingerprint for hit in segment.terms})
    material = "\x00".join([engine, PROTECTION_VERSION, segment.normalized, *term_hashes])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Unit:
    source: str
    target: str
    origin: str  # human | mt
    state: str = State.TRANSLATED.value
    created: str = ""
    changed: str = ""
    file: str = ""
    segment: str = ""
    written: str = ""  # the source as its document wrote it (``source`` is normalised): what a TMX exports

    @property
    def source_as_written(self) -> str:
        return self.written or self.source


class TranslationMemory:
    def __init__(self, path: Path):
        self.path = path
        self.problem: UserError | None = None  # set when the memory failed mid-run; it is not used after that
        self._fuzzy: tuple[list[tuple[str, str, str]], FuzzyIndex] | None = None  # (source, target, origin)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._open(path)
        except (OSError, sqlite3.Error) as error:
            raise self._problem(error)

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        """A connection with the memory in WAL mode and its tables made.

        Two runs opening a new memory at once can each hold a read lock while
        asking for the write lock that switching to WAL needs; SQLite then fails
        one at once instead of waiting (the busy timeout does not apply to a
        deadlock), so opening is tried again until the timeout has passed.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
        while True:
            # Any thread may use it (the review app answers in a pool of threads); its callers take turns.
            db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)
            try:
                if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    db.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writer
                db.executescript(f"BEGIN IMMEDIATE; {_SCHEMA} COMMIT;")  # the write lock first: waited for
                _add_written_column(db)
                return db
            except sqlite3.OperationalError as error:
                db.close()
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _problem(self, error: Exception) -> UserError:
        """What went wrong, and what the user can do about it (never: delete it)."""
        if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
            advice = f"locked by another run for over {BUSY_TIMEOUT_SECONDS:g} s: let it finish, or use --no-tm"
        elif isinstance(error, OSError):
            advice = f"cannot be created ({error.strerror}): choose another with --tm, or use --no-tm"
        else:
            advice = f"is damaged ({error}): restore it from a copy, or use --no-tm or another --tm"
        return UserError(f"the translation memory {advice}", self.path)

    def _read(self, query: str, parameters: list) -> list[tuple]:
        if self.problem:
            return []
        try:
            return self._db.execute(query, parameters).fetchall()
        except sqlite3.Error as error:
            self.problem = self._problem(error)
            return []

    def _write(self, statement: str, rows: list[tuple]) -> int:
        if self.problem or not rows:
            return 0
        try:
            with self._db:  # one transaction: all or nothing
                before = self._db.total_changes
                self._db.executemany(statement, rows)
                self._fuzzy = None
                return self._db.total_changes - before
        except sqlite3.Error as error:
            self.problem = self._problem(error)
            return 0

    def human(self, sources: list[str]) -> dict[str, Unit]:
        """The latest human unit for each of these sources that has one."""
        found: dict[str, Unit] = {}
        for start in range(0, len(sources), 500):  # SQLite's limit on bound parameters
            chunk = sources[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._read(
                "SELECT source, target, state, created, changed, file, segment, written FROM units "
                f"WHERE origin = 'human' AND source IN ({marks}) ORDER BY changed",
                chunk,
            )
            for source, target, state, created, changed, file, segment, written in rows:
                found[source] = Unit(source, target, "human", state, created, changed, file, segment, written)
        return found

    def machine(self, keys: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self._read(f"SELECT key, target FROM units WHERE origin = 'mt' AND key IN ({marks})", chunk))
        return found

    def add_human(self, units: list[Unit], glossary_sha256: str = "") -> int:
        """Store human translations; the same source and target again only updates its state, time, where it
        came from and how its source was written."""
        for unit in units:  # the last guard: a memory unit is exported into every later TMX and XLIFF
            where = f"unit {unit.segment}" if unit.segment else "a memory unit"
            checked(unit.source_as_written, f"{where}: its Chinese", unit.file or None)
            checked(unit.target, f"{where}: its English", unit.file or None)
        now = _now()
        rows = [
            (
                u.source,
                u.target,
                u.state,
                glossary_sha256,
                u.created or now,
                u.changed or now,
                u.file,
                u.segment,
                u.written if u.written != u.source else "",
            )
            for u in units
            if u.source.strip() and u.target.strip()
        ]
        return self._write(
            "INSERT INTO units (source, target, origin, state, glossary_sha256, created, changed, file, segment, "
            "written) VALUES (?, ?, 'human', ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (source, target) WHERE origin = 'human' DO UPDATE SET "
            "state = excluded.state, changed = excluded.changed, file = excluded.file, segment = excluded.segment, "
            "written = excluded.written",
            rows,
        )

    def add_machine(self, items: list[tuple[str, Segment, str]], engine: str, glossary_sha256: str, file: str) -> int:
        """Store engine outputs: (key, segment, target) for each."""
        for _, segment, target in items:
            checked(segment.source, f"segment {segment.id}'s Chinese", file)
            checked(target, f"segment {segment.id}'s English", file)
        now = _now()
        rows = [
            (
                s.normalized,
                t,
                engine,
                key,
                glossary_sha256,
                now,
                now,
                file,
                s.id,
                s.source if s.source != s.normalized else "",
            )
            for key, s, t in items
        ]
        return self._write(
            "INSERT INTO units (source, target, origin, state, engine, key, glossary_sha256, created, changed, "
            "file, segment, written) VALUES (?, ?, 'mt', 'translated', ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (key) WHERE origin = 'mt' DO UPDATE SET target = excluded.target, changed = excluded.changed",
            rows,
        )

    def units(self) -> list[Unit]:
        rows = self._read(
            "SELECT source, target, origin, state, created, changed, file, segment, written FROM units ORDER BY id", []
        )
        return [Unit(*row) for row in rows]

    def stats(self) -> dict[str, int]:
        counts = dict(self._read("SELECT origin, COUNT(*) FROM units GROUP BY origin", []))
        sources = self._read("SELECT COUNT(DISTINCT source) FROM units", [])
        return {"human": counts.get("human", 0), "mt": counts.get("mt", 0), "sources": sources[0][0] if sources else 0}

    def _index(self) -> tuple[list[tuple[str, str, str]], FuzzyIndex]:
        """(source, target, origin) per distinct source, the human unit if there is one, else the
        newest; and the fuzzy index of their sources."""
        if self._fuzzy is None:
            rows = self._read("SELECT source, target, origin FROM units ORDER BY origin = 'human', changed", [])
            best = list({row[0]: row for row in rows}.values())  # the last per source wins
            self._fuzzy = best, FuzzyIndex([row[0] for row in best], FUZZY_THRESHOLD)
        return self._fuzzy

    def candidates(self, sources: list[str], limit: int = FUZZY_CANDIDATES) -> list[list[Candidate]]:
        """For each source, the units most like it (not equal to it), at least 75% similar, best first."""
        units, index = self._index()
        return [
            [Candidate(units[i][0], units[i][1], score, units[i][2]) for i, score in hits]
            for hits in index.search(sources, limit)
        ]


def recall(segments: list[Segment], memory: TranslationMemory | None, engine: str | None) -> list[Segment]:
    """Fill the segments the memory knows: human units first, then the MT units of ``engine`` (an engine's
    identity: its name, model and settings); return the rest."""
    if memory is None or not segments:
        return segments
    humans = memory.human([s.normalized for s in segments])
    pending = []
    for segment in segments:
        unit = humans.get(segment.normalized)
        if unit is not None:
            segment.target, segment.state, segment.origin = unit.target, State(unit.state), "tm-human"
        else:
            pending.append(segment)
    if engine is None or not pending:
        return pending
    keys = [mt_key(engine, s) for s in pending]
    machine = memory.machine(keys)
    rest = []
    for segment, key in zip(pending, keys):
        if key in machine:
            segment.target, segment.state, segment.origin = machine[key], State.TRANSLATED, "tm-mt"
        else:
            rest.append(segment)
    return rest


def remember(memory: TranslationMemory | None, engine: str, segments: list[Segment], file: str = "") -> None:
    """Keep the translations ``engine`` (an engine's identity) made of these segments, already restored, for
    the next run."""
    if memory is not None and segments:
        items = [(mt_key(engine, s), s, s.target) for s in segments]
        memory.add_machine(items, engine, "", file)


def offer_candidates(segments: list[Segment], memory: TranslationMemory | None, fill_at: float | None) -> int:
    """Attach fuzzy candidates to each segment; with ``fill_at`` (a fraction), use the best as the target
    when it is at least that similar.  Returns how many segments were offered candidates."""
    if memory is None:
        return 0
    offered = 0
    for segment, candidates in zip(segments, memory.candidates([s.normalized for s in segments])):
        segment.candidates = candidates
        offered += bool(candidates)
        best = segment.candidates[0] if segment.candidates else None
        if fill_at is not None and best is not None and best.similarity >= 100 * fill_at and not segment.target:
            segment.target, segment.state, segment.origin = best.target, State.TRANSLATED, f"tm-fuzzy-{best.origin}"
    return offered
