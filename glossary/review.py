"""``glossary review``: work through the proposed entries in the terminal.

Each decision is saved at once (atomically), and where the reviewer stopped
is remembered, so quitting and starting again carries on after the last entry
seen.  Keys: a approve, e edit, r reject, s skip, q quit.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from foundation.errors import UserError
from foundation.files import write_text_atomic
from glossary.context import keyword_in_context
from glossary.entry import Entry, Status
from glossary.store import Glossary, editing

KEYS = {"a": "approve", "e": "edit", "r": "reject", "s": "skip", "q": "quit"}


def state_file() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "zhen-publish" / "review.json"


def _load_positions() -> dict[str, str]:
    try:
        positions = json.loads(state_file().read_text(encoding="utf-8"))
        return positions if isinstance(positions, dict) else {}
    except (OSError, ValueError):
        return {}


def _remember(glossary: Glossary, zh: str) -> None:
    positions = _load_positions()
    positions[str(glossary.path.resolve())] = zh
    write_text_atomic(state_file(), json.dumps(positions, ensure_ascii=False, indent=1))


def default_corpus() -> list[Path]:
    """seeds/ in the working folder, else the project's own seeds beside the package."""
    for folder in (Path("seeds"), Path(__file__).resolve().parent.parent / "seeds"):
        if folder.is_dir():
            return [folder]
    return []


def review_order(glossary: Glossary) -> list[Entry]:
    """Proposed entries in file order, starting after the one last seen."""
    last = _load_positions().get(str(glossary.path.resolve()))
    entries = glossary.entries
    start = next((i + 1 for i, e in enumerate(entries) if e.zh == last), 0)
    rotated = entries[start:] + entries[:start]
    return [e for e in rotated if e.status is Status.PROPOSED]


def read_key(prompt: str) -> str:
    """One key press on a terminal; a line (its first letter) from a pipe.  EOF quits."""
    print(prompt, end="", flush=True)
    if sys.stdin.isatty():
        import termios
        import tty

        fd = sys.stdin.fileno()
        saved = termios.tcgetattr(fd)
        try:
            tty.setcbreak(fd)
            key = sys.stdin.read(1)
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)
        print(key)
        return key.lower() or "q"
    line = sys.stdin.readline()
    return line.strip().lower()[:1] if line else "q"


def read_line(prompt: str) -> str | None:
    print(prompt, end="", flush=True)
    line = sys.stdin.readline()
    return line.rstrip("\n") if line else None


PAST = {"approve": "approved", "edit": "edited", "reject": "rejected", "skip": "skipped"}


@dataclass
class Tally:
    decisions: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PAST, 0))

    def summary(self, left: int) -> str:
        done = ", ".join(f"{n} {PAST[action]}" for action, n in self.decisions.items())
        return f"{done}; {left} proposed left"


def show(entry: Entry, number: int, total: int, texts: list[str]) -> None:
    print(f"\n[{number}/{total}] {entry.zh}  →  {entry.en or '(no English yet)'}   ({entry.domain})")
    for label, value in (("variants", " | ".join(entry.variants)), ("admitted", " | ".join(entry.admitted)),
                         ("avoid", " | ".join(entry.avoid)),
                         ("note", entry.note), ("source", entry.source)):  # fmt: skip
        if value:
            print(f"  {label}: {value}")
    contexts = [line for form in entry.forms for line in keyword_in_context(texts, form, limit=3)][:4]
    for line in contexts or ["(not found in the corpus)"]:
        print(f"  {line}")


def _decide(glossary: Glossary, entry: Entry, **changes: str) -> None:
    """Save a decision into the file as it is now (others may have written to it since) and show it on ``entry``."""
    with editing(glossary.path) as current:
        stored = current.find(entry.zh)
        if stored is None:
            raise UserError(f"{entry.zh} is no longer in the glossary: another process removed it")
        for name, value in changes.items():
            setattr(stored, name, value)
    for name in changes:
        setattr(entry, name, getattr(stored, name))  # as stored: normalised by the store's field rule


def review(glossary: Glossary, texts: list[str], key: Callable[[str], str] = read_key) -> str:
    queue = review_order(glossary)
    tally = Tally()
    prompt = "  (a)pprove  (e)dit  (r)eject  (s)kip  (q)uit ? "
    for number, entry in enumerate(queue, start=1):
        show(entry, number, len(queue), texts)
        while True:
            action = KEYS.get(key(prompt))
            if action == "quit":
                return tally.summary(len(glossary.by_status(Status.PROPOSED)))
            if action == "edit":
                en = read_line(f"  English [{entry.en}]: ")
                if en is None:
                    return tally.summary(len(glossary.by_status(Status.PROPOSED)))
                if en.strip():
                    note = read_line(f"  note [{entry.note}]: ")
                    changes = {"en": en} | ({"note": note} if note and note.strip() else {})
                    try:
                        _decide(glossary, entry, **changes)
                    except UserError as error:
                        print(f"  not saved: {error.message}")
                        continue
                    tally.decisions["edit"] += 1
                    print(f"  saved: {entry.zh} → {entry.en} (still proposed: approve or skip)")
                continue
            if action == "approve" and not entry.en:
                print("  an approved entry needs an English rendering: (e)dit first")
                continue
            if action in ("approve", "reject"):
                _decide(glossary, entry, status=Status.APPROVED if action == "approve" else Status.REJECTED)
            if action in ("approve", "reject", "skip"):
                tally.decisions[action] += 1
                _remember(glossary, entry.zh)
                break
            print("  keys: a e r s q")
    print("\nno more proposed entries to review")
    return tally.summary(len(glossary.by_status(Status.PROPOSED)))
