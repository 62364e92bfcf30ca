"""The memory stage: a translation memory of human and machine translations, in a SQLite file on one
machine or in a team's PostgreSQL database (``memory_at(location)`` opens either).

A unit is a normalised source sentence and its translation, with where it
came from: ``human`` (imported from a post-edited XLIFF, a TMX, a CSV, or saved
by a reviewer) or ``mt`` (an engine's output, kept so that a re-run translates
only what changed).  A segment whose source is in the memory is filled from it
before any engine runs:

- a human unit always wins, and is never overwritten by machine output (the
  two kinds live apart in the table's unique indexes);
- an MT unit is used only for the same engine and model and only while every
  glossary entry in the sentence is unchanged (its key holds them), so editing
  one entry re-translates exactly the sentences that contain it.

Sentences not in the memory get its closest units above 75% similarity as
candidates (``Candidate``), which the XLIFF offers to a CAT tool.  The rules
are the store's (``store``), the same for both databases.
"""

from __future__ import annotations

from pathlib import Path

from translate.document import Segment, State
from translate.memory.location import default_memory_path, is_server_address
from translate.memory.sqlite import SQLiteMemory
from translate.memory.store import FUZZY_CANDIDATES, FUZZY_THRESHOLD, TranslationMemory
from translate.memory.units import Unit, mt_key

__all__ = [
    "FUZZY_CANDIDATES",
    "FUZZY_THRESHOLD",
    "TranslationMemory",
    "Unit",
    "default_memory_path",
    "memory_at",
    "mt_key",
    "offer_candidates",
    "recall",
    "remember",
]


def memory_at(location: str | Path) -> TranslationMemory:
    """The memory at a location: a SQLite file's path, or a PostgreSQL address (psycopg is loaded only
    then); raises its one-line UserError when it cannot be opened."""
    if is_server_address(location):
        from translate.memory.postgres import PostgresMemory

        return PostgresMemory(str(location))
    return SQLiteMemory(Path(location))


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
