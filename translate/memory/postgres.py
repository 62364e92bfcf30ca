"""The translation memory in a team's PostgreSQL database: every translator's and reviewer's human work
reaches the others' next run, and a queue's workers on several machines share one memory.

- Reached with psycopg 3 and its connection pool; the password comes from libpq's own places
  (``PGPASSWORD``, ``~/.pgpass``, the service file), never from the address (``location``).
- The schema is made on first use and versioned (``zhen_schema``); two processes starting on an empty
  database at once take turns on an advisory lock, so neither trips over the other's half-made tables.
- Fuzzy candidates: a trigram index (pg_trgm, GIN) on the sources finds the units that share most of a
  sentence's three-character runs (a UTF-8 locale makes Chinese characters letters to pg_trgm), then every
  candidate is scored as the SQLite memory scores it (``store.best_candidates``), so both give the same
  matches with the same scores.
- A server that cannot be reached, or that refuses the work, is one line that says which and what to do;
  a write is one transaction, so a failure leaves nothing half-written.
"""

from __future__ import annotations

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from foundation.errors import UserError
from translate.document import Candidate
from translate.memory.location import shown
from translate.memory.store import (
    FUZZY_CANDIDATES,
    FUZZY_THRESHOLD,
    SCHEMA_VERSION,
    TranslationMemory,
    best_candidates,
    units_schema,
)

CONNECT_TIMEOUT_SECONDS = 10
POOL_SIZE = 8  # connections one process keeps at most: the review app's threads, a worker's stages
SCHEMA_LOCK = 7_220_028  # the advisory lock the schema is made under (any number the database does not use)
# Trigram similarity a candidate needs before it is scored: far below what 75% by characters gives, so
# that a sentence with characters changed here and there (each breaks three trigrams) is still found: on the
# seeds' sentences with one character in four changed (75% alike), 0.3 missed 158 of 321 matches, 0.2 49,
# 0.15 5 and 0.1 none.
TRIGRAM_THRESHOLD = 0.1
TRIGRAM_CANDIDATES = 50  # the most alike sources by trigrams that are scored for one sentence

_SCHEMA = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm;\n"
    "CREATE TABLE IF NOT EXISTS zhen_schema (version integer NOT NULL);\n"
    + units_schema("id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY")
    + "CREATE INDEX IF NOT EXISTS units_by_trigram ON units USING gin (source gin_trgm_ops);\n"
)


class PostgresMemory(TranslationMemory):
    def __init__(self, location: str, pool_size: int = POOL_SIZE):
        self.location = location
        self.problem = None
        try:
            with psycopg.connect(location, connect_timeout=CONNECT_TIMEOUT_SECONDS) as connection:
                _make_schema(connection)
        except (psycopg.Error, UserError) as error:
            raise self._problem(error) if isinstance(error, psycopg.Error) else error
        self._pool = ConnectionPool(
            location,
            min_size=1,
            max_size=pool_size,
            kwargs={"connect_timeout": CONNECT_TIMEOUT_SECONDS},
            configure=_configure,
            open=False,
        )
        try:
            self._pool.open(wait=True, timeout=CONNECT_TIMEOUT_SECONDS)
        except PoolTimeout as error:
            raise self._problem(error)

    def _problem(self, error: Exception) -> UserError | None:
        where = shown(self.location)
        if isinstance(error, (psycopg.OperationalError, PoolTimeout)):
            reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            return UserError(
                f"the translation memory at {where} cannot be reached ({reason}): start the server or check "
                "the address and PGPASSWORD/~/.pgpass, or use --no-tm"
            )
        if isinstance(error, psycopg.Error):
            reason = str(error).strip().splitlines()[0]
            return UserError(f"the translation memory at {where} refused the work ({reason})")
        return None

    def _fetch(self, query: str, parameters: list) -> list[tuple]:
        with self._pool.connection() as connection:
            return connection.execute(query.replace("?", "%s"), parameters).fetchall()

    def _run(self, statement: str, rows: list[tuple]) -> int:
        with self._pool.connection() as connection, connection.transaction(), connection.cursor() as cursor:
            cursor.executemany(statement.replace("?", "%s"), rows)
            return max(cursor.rowcount, 0)

    def close(self) -> None:
        self._pool.close()

    def _fetch_by_trigrams(self, query: str, parameters: list) -> list[tuple]:
        """A fuzzy search, made to go through the trigram index: the planner prices a GIN search for a
        long sentence (forty-odd trigrams) above reading the table, and reads 20,000 units in 180 ms where
        the index answers in 10 (measured in the tests' cluster); at a million units it would read them all."""
        with self._pool.connection() as connection, connection.transaction():
            connection.execute("SET LOCAL enable_seqscan = off")
            return connection.execute(query.replace("?", "%s"), parameters).fetchall()

    def candidates(self, sources: list[str], limit: int = FUZZY_CANDIDATES) -> list[list[Candidate]]:
        found: list[list[Candidate]] = []
        for source in sources:
            if not source or self.problem:
                found.append([])
                continue
            alike = [row[0] for row in self._read(_ALIKE, _alike_parameters(source), self._fetch_by_trigrams)]
            units = self._read(_BEST_UNITS, [alike]) if alike else []
            best = list({row[0]: row for row in units}.values())  # the human, else the newest, per source
            found.append(best_candidates(source, best, limit))
        return found

    def explain_fuzzy(self, source: str) -> str:
        """The plan PostgreSQL makes for the fuzzy search of one sentence (the README shows it)."""
        return "\n".join(row[0] for row in self._fetch_by_trigrams("EXPLAIN " + _ALIKE, _alike_parameters(source)))


# A sentence of n characters is 75% like one of m only if m is within [0.6 n, n / 0.6]: the length filter is
# exact, the trigram filter a wide net (``TRIGRAM_THRESHOLD``).
_SHORTEST, _LONGEST = FUZZY_THRESHOLD / (200 - FUZZY_THRESHOLD), (200 - FUZZY_THRESHOLD) / FUZZY_THRESHOLD
_ALIKE = (
    "SELECT source FROM (SELECT DISTINCT source FROM units WHERE source %% ? AND source <> ? "
    f"AND length(source) BETWEEN ceil(? * {_SHORTEST}) AND floor(? * {_LONGEST})) AS near "
    f"ORDER BY similarity(source, ?) DESC LIMIT {TRIGRAM_CANDIDATES}"
)
_BEST_UNITS = "SELECT source, target, origin FROM units WHERE source = ANY(?) ORDER BY origin = 'human', changed, id"


def _alike_parameters(source: str) -> list:
    return [source, source, len(source), len(source), source]


def _configure(connection: psycopg.Connection) -> None:
    connection.execute(f"SET pg_trgm.similarity_threshold = {TRIGRAM_THRESHOLD}")
    connection.commit()


def _make_schema(connection: psycopg.Connection) -> None:
    """The tables, made once, under a lock, and the version checked."""
    with connection.transaction():
        connection.execute("SELECT pg_advisory_xact_lock(%s)", [SCHEMA_LOCK])
        try:
            connection.execute(_SCHEMA)
        except psycopg.errors.InsufficientPrivilege as error:
            raise UserError(
                "the translation memory's database lacks pg_trgm, and this role may not add it: ask its owner to "
                f"run CREATE EXTENSION pg_trgm ({str(error).strip().splitlines()[0]})"
            ) from error
        versions = connection.execute("SELECT version FROM zhen_schema").fetchall()
        if not versions:
            connection.execute("INSERT INTO zhen_schema (version) VALUES (%s)", [SCHEMA_VERSION])
        elif versions[0][0] > SCHEMA_VERSION:
            raise UserError(
                f"the translation memory was made by a newer zhen-publish (schema {versions[0][0]}, this one "
                f"knows {SCHEMA_VERSION}): upgrade zhen-publish"
            )
        elif versions[0][0] < SCHEMA_VERSION:
            connection.execute("UPDATE zhen_schema SET version = %s", [SCHEMA_VERSION])
        letters = connection.execute("SELECT array_length(show_trgm('中文'), 1)").fetchone()[0]
    if not letters:
        raise UserError(
            "the translation memory's database does not treat Chinese characters as letters (its locale is "
            "not UTF-8), so fuzzy matches would find nothing: create it with a UTF-8 locale, such as C.UTF-8"
        )
