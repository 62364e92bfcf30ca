"""An entry's history: who changed what when, from git where the glossary is in a repository, and from
the app's own change log (the changes saved through it, committed or not)."""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from foundation.files import write_text_atomic
from glossary.entry import COLUMNS, LEGACY_COLUMNS

GIT_TIMEOUT_SECONDS = 20
MAX_LOG_BYTES = 8 * 2**20


@dataclass(frozen=True)
class Change:
    when: str  # ISO 8601
    who: str
    what: str  # "field: old → new", one per changed field, or "added"/"removed"
    where: str  # "git abc1234: subject" or "saved in the review app"


def who_am_i() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _state_folder() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "zhen-publish" / "changes"


def change_log_path(glossary: Path) -> Path:
    """The app's change log for one glossary file: in the user's state folder, never beside the glossary."""
    key = hashlib.sha256(str(glossary.resolve()).encode()).hexdigest()[:16]
    return _state_folder() / f"{key}.jsonl"


def _row_changes(old: list[str] | None, new: list[str] | None) -> str:
    if old is None and new is None:
        return "unchanged"
    if old is None:
        return "added"
    if new is None:
        return "removed"
    parts = [f"{name}: {a or '∅'} → {b or '∅'}" for name, a, b in zip(COLUMNS, old, new) if a != b]
    return "; ".join(parts) or "rewritten, no field changed"


def record(glossary: Path, old: list[str] | None, new: list[str]) -> None:
    """Append one saved change to the app's change log (kept whole: rewritten atomically)."""
    path = change_log_path(glossary)
    entry = {"when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "who": who_am_i(), "zh": new[0], "old": old, "new": new}
    try:
        previous = path.read_text(encoding="utf-8") if path.is_file() else ""
        write_text_atomic(path, previous + json.dumps(entry, ensure_ascii=False) + "\n")
    except (OSError, UnicodeDecodeError):
        pass  # the glossary is saved; only this line of its history is lost (git keeps the rest)


def _logged(glossary: Path, zh: str) -> list[Change]:
    path = change_log_path(glossary)
    if not path.is_file() or path.stat().st_size > MAX_LOG_BYTES:
        return []
    changes = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            item = json.loads(line)
        except ValueError:
            continue
        if isinstance(item, dict) and item.get("zh") == zh:
            what = _row_changes(item.get("old"), item.get("new"))
            changes.append(Change(str(item.get("when", "")), str(item.get("who", "")), what, "saved in the review app"))
    return changes


def _run_git(folder: Path, *arguments: str) -> bytes | None:
    try:
        output = subprocess.run(
            ["git", "-C", str(folder), *arguments], capture_output=True, timeout=GIT_TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return output.stdout if output.returncode == 0 else None


def git_head(glossary: Path) -> str | None:
    """The repository's current commit, or None outside a repository (a key for caching its history)."""
    head = _run_git(glossary.resolve().parent, "rev-parse", "HEAD")
    return head.decode().strip() if head else None


def git_history(glossary: Path) -> dict[str, list[Change]]:
    """For each headword, the commits that changed its row, from one ``git log -p`` of the file."""
    log = _run_git(
        glossary.resolve().parent, "log", "--no-color", "-U0", "--format=%x01%h%x02%an%x02%aI%x02%s", "-p", "--",
        glossary.name,
    )  # fmt: skip
    changes: dict[str, list[Change]] = {}
    for block in (log or b"").decode("utf-8", "replace").split("\x01")[1:]:
        head, _, diff = block.partition("\n")
        commit, author, when, subject = (head.split("\x02") + ["", "", "", ""])[:4]
        rows: dict[str, list[list[str] | None]] = {}
        for line in diff.splitlines():
            if line[:1] in "+-" and not line.startswith(("+++", "---")) and "\t" in line:
                cells = line[1:].split("\t")
                if len(cells) == len(LEGACY_COLUMNS):  # a row from before the admitted column
                    at = COLUMNS.index("admitted")
                    cells = cells[:at] + [""] + cells[at:]
                if cells[0] == "zh":
                    continue  # the header
                before_after = rows.setdefault(cells[0], [None, None])
                before_after[0 if line[0] == "-" else 1] = cells
        for zh, (old, new) in rows.items():
            changes.setdefault(zh, []).append(Change(when, author, _row_changes(old, new), f"git {commit}: {subject}"))
    return changes


def history(glossary: Path, zh: str, from_git: dict[str, list[Change]]) -> list[Change]:
    """Every change to ``zh`` known (``from_git``: what ``git_history`` found), newest first."""
    return sorted(_logged(glossary, zh) + from_git.get(zh, []), key=lambda c: c.when, reverse=True)
