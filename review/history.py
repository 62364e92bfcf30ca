"""An entry's history: who changed what when, from git where the glossary is in a repository, and from
the app's own change log (the changes saved through it, committed or not).

The log is true only of the file it was written against.  Each change records the hash of the glossary
file before and after the app wrote it; where one change's "before" is not the last one's "after", or the
file now is not what the app last wrote, the file was changed outside the app (``git checkout``, an
editor, another tool) in between.  The history then says so at that point, and the changes before it are
shown as a past chapter, each saying whether the file still holds what it wrote, never as current.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import subprocess
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from foundation.files import write_text_atomic
from glossary.entry import COLUMNS, LAYOUTS, widened

GIT_TIMEOUT_SECONDS = 20
MAX_LOG_BYTES = 8 * 2**20


@dataclass(frozen=True)
class Change:
    when: str  # ISO 8601
    who: str
    what: str  # "field: old → new", one per changed field, or "added"/"removed"
    where: str  # "git abc1234: subject" or "saved in the review app"
    row: tuple[str, ...] = ()  # the entry as the change left it (the app's log only)


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


def record(
    glossary: Path, old: list[str] | None, new: list[str], before: str = "", after: str = "", who: str = ""
) -> None:
    """Append one saved change to the app's change log (kept whole: rewritten atomically), with the hashes
    of the file before and after the write, and who made it (a reviewer's name; else this account's)."""
    path = change_log_path(glossary)
    entry = {"when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "who": who or who_am_i(), "zh": new[0], "old": old}
    entry["new"] = new
    entry |= {"file_before": before, "file_after": after} if before and after else {}
    try:
        previous = path.read_text(encoding="utf-8") if path.is_file() else ""
        write_text_atomic(path, previous + json.dumps(entry, ensure_ascii=False) + "\n")
    except (OSError, UnicodeDecodeError):
        pass  # the glossary is saved; only this line of its history is lost (git keeps the rest)


OUTSIDE = "the glossary file was changed outside the app (git checkout, an editor, another tool)"
SAVED = "saved in the review app"


def _log_items(glossary: Path) -> list[dict]:
    path = change_log_path(glossary)
    if not path.is_file() or path.stat().st_size > MAX_LOG_BYTES:
        return []
    items = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            item = json.loads(line)
        except ValueError:
            continue
        if isinstance(item, dict):
            items.append(item)
    return items


def _logged(glossary: Path, zh: str, now: str, current: list[str] | None) -> list[Change]:
    """The app's changes to ``zh``, oldest first, with a mark where the file was changed outside the app
    (``now``: the file's hash as it is; ``current``: the entry's row in it, None if it is not there)."""
    items = _log_items(glossary)
    changes: list[Change] = []
    last_after = None
    for item in items:
        before, after = item.get("file_before"), item.get("file_after")
        if last_after and before and before != last_after and any(c.where.startswith(SAVED) for c in changes):
            changes.append(Change(str(item.get("when", "")), "", OUTSIDE, "found when the app next saved"))
            changes = [_past(c, current) for c in changes]
        last_after = after or last_after
        if item.get("zh") == zh:
            what = _row_changes(item.get("old"), item.get("new"))
            row = tuple(item.get("new") or ())
            changes.append(Change(str(item.get("when", "")), str(item.get("who", "")), what, SAVED, row))
    if last_after and now and now != last_after and changes:  # changed outside since the app last wrote it
        changes = [_past(c, current) for c in changes]
        changes.append(Change(_modified(glossary), "", OUTSIDE, "found now: the file is not what the app wrote"))
    return changes


def _past(change: Change, current: list[str] | None) -> Change:
    """A change from before an outside change, saying whether the file still holds what it wrote."""
    if change.where != SAVED:  # a mark, or a change already of a past chapter
        return change
    holds = current is not None and tuple(current) == change.row
    still = "still in the file" if holds else "no longer in the file as the app wrote it"
    return Change(
        change.when, change.who, change.what, f"{SAVED}, before the file was changed outside; {still}", change.row
    )


def _modified(glossary: Path) -> str:
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(glossary.stat().st_mtime))
    except OSError:
        return ""


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


def _in_current_layout(cells: list[str]) -> list[str]:
    """A row of the file as some earlier commit wrote it, told by its number of cells, in today's columns."""
    layout = next((layout for layout in LAYOUTS if len(layout) == len(cells)), COLUMNS)
    return widened(cells, layout)


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
                cells = _in_current_layout(cells)
                if cells[0] == "zh":
                    continue  # the header
                before_after = rows.setdefault(cells[0], [None, None])
                before_after[0 if line[0] == "-" else 1] = cells
        for zh, (old, new) in rows.items():
            changes.setdefault(zh, []).append(Change(when, author, _row_changes(old, new), f"git {commit}: {subject}"))
    return changes


def history(
    glossary: Path, zh: str, from_git: dict[str, list[Change]], current: list[str] | None = None, now: str = ""
) -> list[Change]:
    """Every change to ``zh`` known (``from_git``: what ``git_history`` found), newest first; ``current``,
    the entry's row in the file now, tells a past chapter's change that still holds from one that does not,
    and ``now``, the file's sha256 as loaded, whether it is what the app last wrote."""
    logged = _logged(glossary, zh, now, current)  # in the order things happened
    # By time, and within one second by that order (git's commits first): a mark of an outside change stays
    # below the change that found it, and above the changes it made past.
    ordered = [(_instant(c.when), -1, c) for c in from_git.get(zh, [])]
    ordered += [(_instant(c.when), number, c) for number, c in enumerate(logged)]
    return [c for *_, c in sorted(ordered, key=lambda item: item[:2], reverse=True)]


def _instant(when: str) -> float:
    """Seconds since the epoch of an ISO 8601 time as git (+00:00) or the log (+0000) writes it; 0 if unreadable."""
    try:
        return datetime.fromisoformat(when).timestamp()
    except ValueError:
        return 0.0
