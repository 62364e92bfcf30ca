"""The translation memory in a SQLite file: one machine, nothing to start.

Every write is a short transaction in WAL mode: two runs at once queue for a
bounded time instead of failing, and a run killed at any moment leaves the
memory as it was before the transaction, so running again translates only
what is not yet in it.  A memory that is locked for too long or damaged is
reported in one line and the run goes on without it; it is never deleted,
since it holds human work.  Fuzzy candidates come from an index of the whole
memory built in this process (``translate.fuzzy``), once and after each write.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from foundation.errors import UserError
from translate.document import Candidate
from translate.fuzzy import FuzzyIndex
from translate.memory.store import FUZZY_CANDIDATES, FUZZY_THRESHOLD, SCHEMA_VERSION, TranslationMemory, units_schema

BUSY_TIMEOUT_SECONDS = 10.0
_SCHEMA = units_schema("id INTEGER PRIMARY KEY")
# Columns a memory made by an earlier version lacks, added on opening (empty: nothing was known of them).
_LATER_COLUMNS = ("written", "creator", "changer")


def _add_later_columns(db: sqlite3.Connection) -> None:
    columns = {row[1] for row in db.execute("PRAGMA table_info(units)")}
    with db:
        for column in _LATER_COLUMNS:
            if column not in columns:
                db.execute(f"ALTER TABLE units ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


class SQLiteMemory(TranslationMemory):
    def __init__(self, path: Path):
        self.path = self.location = Path(path)
        self.problem = None
        self._fuzzy: tuple[list[tuple[str, str, str]], FuzzyIndex] | None = None  # (source, target, origin)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._open(self.path)
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
                _add_later_columns(db)
                return db
            except sqlite3.OperationalError as error:
                db.close()
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _problem(self, error: Exception) -> UserError | None:
        if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
            advice = f"locked by another run for over {BUSY_TIMEOUT_SECONDS:g} s: let it finish, or use --no-tm"
        elif isinstance(error, OSError):
            advice = f"cannot be created ({error.strerror}): choose another with --tm, or use --no-tm"
        elif isinstance(error, sqlite3.Error):
            advice = f"is damaged ({error}): restore it from a copy, or use --no-tm or another --tm"
        else:
            return None
        return UserError(f"the translation memory {advice}", self.path)

    def _fetch(self, query: str, parameters: list) -> list[tuple]:
        return self._db.execute(query, parameters).fetchall()

    def _run(self, statement: str, rows: list[tuple]) -> int:
        with self._db:  # one transaction: all or nothing
            before = self._db.total_changes
            self._db.executemany(statement, rows)
            return self._db.total_changes - before

    def _changed(self) -> None:
        self._fuzzy = None

    def close(self) -> None:
        self._db.close()

    def _index(self) -> tuple[list[tuple[str, str, str]], FuzzyIndex]:
        """(source, target, origin) per distinct source, the human unit if there is one, else the
        newest; and the fuzzy index of their sources."""
        if self._fuzzy is None:
            rows = self._read("SELECT source, target, origin FROM units ORDER BY origin = 'human', changed, id", [])
            best = list({row[0]: row for row in rows}.values())  # the last per source wins
            self._fuzzy = best, FuzzyIndex([row[0] for row in best], FUZZY_THRESHOLD)
        return self._fuzzy

    def candidates(self, sources: list[str], limit: int = FUZZY_CANDIDATES) -> list[list[Candidate]]:
        units, index = self._index()
        return [
            [Candidate(units[i][0], units[i][1], score, units[i][2]) for i, score in hits]
            for hits in index.search(sources, limit)
        ]
