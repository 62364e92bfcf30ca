"""The memory stage: machine translations kept, so a re-run translates only what changed.

Today the memory holds the engine's outputs (the MT cache); human
translations join it with the translation memory.

A key is the model, the segment's source and the content of every glossary
entry found in it.  Editing one entry therefore re-translates exactly the
segments that contain that term; everything else comes from the cache.

The cache only saves time, so a problem with it never costs a document: a
cache locked by another run is waited for a bounded time, and a locked or
damaged one is reported in one line that says what to do (opening raises
it; a failure mid-run is kept in ``problem``), and the run goes on without it.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

from glossary.errors import UserError
from translate.document import Segment
from translate.engines import Engine
from translate.protect import PROTECTION_VERSION
from translate.terms import apply_machine_translation

BUSY_TIMEOUT_SECONDS = 10.0


def default_cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "zhen-publish" / "mt-cache.sqlite"


def cache_key(model: str, segment: Segment) -> str:
    term_hashes = sorted({hit.entry.fingerprint for hit in segment.terms})
    material = "\x00".join([model, PROTECTION_VERSION, segment.normalized, *term_hashes])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


class TranslationCache:
    def __init__(self, path: Path):
        self.path = path
        self.problem: UserError | None = None  # set when the cache failed mid-run; it is not used after that
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)
            self._db.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writer
            self._db.execute("CREATE TABLE IF NOT EXISTS mt (key TEXT PRIMARY KEY, target TEXT NOT NULL)")
        except (OSError, sqlite3.Error) as error:
            raise self._problem(error)

    def _problem(self, error: Exception) -> UserError:
        """What went wrong, and what the user can do about it."""
        if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
            advice = (
                f"locked by another run for over {BUSY_TIMEOUT_SECONDS:g} s: let it finish, "
                "or translate with --no-cache"
            )
        elif isinstance(error, OSError):
            advice = f"cannot be created ({error.strerror}): set XDG_CACHE_HOME, or translate with --no-cache"
        else:
            advice = f"is damaged ({error}): delete it (it only saves time), or translate with --no-cache"
        return UserError(f"the translation cache {advice}", self.path)

    def get_many(self, keys: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        if self.problem:
            return found
        try:
            for start in range(0, len(keys), 500):  # SQLite's limit on bound parameters
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                found.update(self._db.execute(f"SELECT key, target FROM mt WHERE key IN ({marks})", chunk))
        except sqlite3.Error as error:
            self.problem = self._problem(error)
        return found

    def put_many(self, items: dict[str, str]) -> None:
        if self.problem:
            return
        try:
            with self._db:  # one transaction: all or nothing
                self._db.executemany("INSERT OR REPLACE INTO mt (key, target) VALUES (?, ?)", items.items())
        except sqlite3.Error as error:
            self.problem = self._problem(error)


def recall(segments: list[Segment], memory: TranslationCache | None, engine: Engine) -> list[Segment]:
    """Fill the segments this engine translated before (with unchanged terms) from memory; return the rest."""
    if memory is None:
        return segments
    keys = [cache_key(engine.identity, segment) for segment in segments]
    found = memory.get_many(keys)
    pending = []
    for segment, key in zip(segments, keys):
        if key in found:
            apply_machine_translation(segment, found[key])
        else:
            pending.append(segment)
    return pending


def remember(memory: TranslationCache | None, engine: Engine, segments: list[Segment], outputs: list[str]) -> None:
    """Keep the engine's outputs for these segments, for the next run."""
    if memory is not None and segments:
        memory.put_many({cache_key(engine.identity, s): output for s, output in zip(segments, outputs)})
