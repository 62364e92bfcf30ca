"""Cached machine translations, so a re-run translates only what changed.

A key is the model, the segment's source and the content of every glossary
entry found in it.  Editing one entry therefore re-translates exactly the
segments that contain that term; everything else comes from the cache.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

from glossary.entry import Entry
from translate.document import Segment


def default_cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "zhen-publish" / "mt-cache.sqlite"


def cache_key(model: str, segment: Segment, entries: dict[str, Entry]) -> str:
    term_hashes = sorted({entries[h.zh].content_hash for h in segment.terms if h.zh in entries})
    material = "\x00".join([model, segment.source, *term_hashes])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


class TranslationCache:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS mt (key TEXT PRIMARY KEY, target TEXT NOT NULL)")

    def get_many(self, keys: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for start in range(0, len(keys), 500):  # SQLite's limit on bound parameters
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self._db.execute(f"SELECT key, target FROM mt WHERE key IN ({marks})", chunk))
        return found

    def put_many(self, items: dict[str, str]) -> None:
        with self._db:  # one transaction: all or nothing
            self._db.executemany("INSERT OR REPLACE INTO mt (key, target) VALUES (?, ?)", items.items())
