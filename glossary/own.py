"""The user's own glossary: made from the shipped one on the first edit, and kept up with it.

An edit never goes to the copy inside the installed package (an upgrade would lose it), so the first one
copies the shipped glossary to ``user_glossary_path()`` and notes which shipped glossary that was. When a
later version ships a changed glossary, ``shipped_changed`` says so and ``update_from_shipped`` merges its
entries in as an import would: new entries added, an approved entry of the user's never overwritten (a
different rendering is reported as a conflict, for the user to decide).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from foundation.files import read_bytes, write_bytes_atomic, write_text_atomic
from glossary.exchange import MergeReport, merge
from glossary.store import editing, load_glossary, shipped_glossary_path, user_glossary_path


def _stamp_path() -> Path:
    """Beside the user's glossary: the SHA-256 of the shipped glossary it was made from or last updated to."""
    return user_glossary_path().with_name("glossary.shipped-sha256")


def _shipped_sha256() -> str:
    return hashlib.sha256(read_bytes(shipped_glossary_path())).hexdigest()


def editable_glossary_path() -> tuple[Path, bool]:
    """The glossary an edit goes to when none is named, the user's own, made first as a copy of the shipped
    one; and whether it was made just now (the command says so once)."""
    own = user_glossary_path()
    if own.is_file():
        return own, False
    write_bytes_atomic(own, read_bytes(shipped_glossary_path()))
    write_text_atomic(_stamp_path(), _shipped_sha256() + "\n")
    return own, True


def shipped_changed() -> bool:
    """Whether the user has a glossary of their own and the shipped one changed since it was made or updated."""
    stamp = _stamp_path()
    if not (user_glossary_path().is_file() and stamp.is_file()):
        return False
    return stamp.read_text(encoding="utf-8").strip() != _shipped_sha256()


def update_from_shipped() -> MergeReport:
    """Merge the shipped glossary into the user's own, and note that it is now up to date with it."""
    shipped = load_glossary(shipped_glossary_path())
    with editing(user_glossary_path()) as own:
        report = merge(own, shipped.entries)
    write_text_atomic(_stamp_path(), shipped.sha256 + "\n")
    return report
