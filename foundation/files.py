"""Files: read with a one-line error, XML parsed with one, and written atomically.

Reading: whatever goes wrong (missing, unreadable, a folder, over a size
limit, not well-formed XML) is a UserError naming the file.

Writing: a reader sees the old file or the new one, never half.  The new
content is written to a hidden temporary beside the target, then renamed over
it.  A temporary's name carries the writer's process id, so one left behind by
a writer that was killed is recognised by the next write into the same folder
and removed: a kill leaves nothing that accumulates or that a later run could
mistake for output.
"""

from __future__ import annotations

import fcntl
import os
import re
import secrets
import shutil
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from foundation.errors import UserError

MB = 1024 * 1024

# Leaves the name of a temporary well under the 255-byte limit of file names.
_NAME_CHARS = 60
_TEMPORARY = re.compile(r"\A\..*\.(\d+)-[0-9a-f]{8}\.tmp\Z", re.S)


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a file; with ``limit``, at most that many (one more is read, so a device cannot run forever)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read() if limit is None else handle.read(limit + 1)
    except OSError as error:
        raise UserError(f"cannot read: {error.strerror}", path)
    if limit is not None and len(data) > limit:
        raise UserError(f"over the input limit of {limit / MB:g} MB (raise it with --max-input-mb)", path)
    return data


def decode_utf8(data: bytes, label: Path | str, what: str) -> str:
    """UTF-8 text (a byte-order mark allowed), or one line saying the file is not."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UserError(f"{what} is not UTF-8 (byte {error.start})", label)


def parse_xml(data: bytes, label: Path | str) -> ET.Element:
    """The root element, or one line with the line where the XML breaks.

    Expat refuses entity expansion beyond its amplification limit, so a
    "billion laughs" file is one line too.
    """
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        raise UserError(f"not well-formed XML ({error})", label, error.position[0])


def writable_folder(path: Path, option: str) -> Path:
    """Check that ``path`` is, or can be made, a folder this process writes into, without making it: so a
    wrong ``--out`` is one line naming the option before any work, and a run that fails for another
    reason leaves no empty folder behind."""
    existing = path
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if existing == path and not path.is_dir():
        raise UserError(f"{option} {path}: is a file, not a folder")
    if not existing.is_dir():
        raise UserError(f"{option} {path}: cannot be made, {existing} is a file")
    try:
        with tempfile.TemporaryFile(dir=existing):  # permissions, a read-only file system, a full quota: all of it
            pass
    except OSError as error:
        raise UserError(f"{option} {path}: cannot write into {existing} ({error.strerror or error})")
    return path


def temporary_path(path: Path) -> Path:
    """A fresh hidden name beside ``path`` for content on its way there."""
    return path.with_name(f".{path.name[:_NAME_CHARS]}.{os.getpid()}-{secrets.token_hex(4)}.tmp")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def remove_orphans(folder: Path) -> None:
    """Remove temporaries (files or folders) whose writing process no longer runs."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        match = _TEMPORARY.match(name)
        if not match or _running(int(match.group(1))):
            continue
        orphan = folder / name
        if orphan.is_dir() and not orphan.is_symlink():
            shutil.rmtree(orphan, ignore_errors=True)
        else:
            orphan.unlink(missing_ok=True)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    path = Path(path)
    if path.is_dir():  # said as such, before a temporary file's name can reach the message
        raise UserError("is a folder: give a file name", path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_orphans(path.parent)
    tmp = temporary_path(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the usual mode, after the umask
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


@contextmanager
def exclusive(path: Path, what: str, timeout_seconds: float) -> Iterator[None]:
    """Hold the writers' lock of ``path`` (a ``.<name>.lock`` file beside it): read–modify–write in
    separate processes one at a time.  Waiting longer than the timeout is a one-line error.

    The holder removes the lock file before letting go, so none is left beside the file.  A waiter may
    then hold a lock on a file no longer there, while a newcomer makes a new one: so a lock counts only
    when the file it was taken on is still the one at the path, and otherwise is taken again.
    """
    lock_path = path.with_name(f".{path.name}.lock")
    deadline = time.monotonic() + timeout_seconds
    while True:
        try:
            handle = open(lock_path, "a")
        except OSError as error:
            raise UserError(f"cannot write beside {what}: {error.strerror}", lock_path)
        try:
            _wait_for(handle, deadline, path, what, timeout_seconds)
            if _still_at(handle, lock_path):
                break
        except BaseException:
            handle.close()
            raise
        handle.close()  # the holder before us removed it: take the lock on the file now there
    with handle:
        try:
            yield
        finally:
            lock_path.unlink(missing_ok=True)  # while still held: the next holder makes a new one
            fcntl.flock(handle, fcntl.LOCK_UN)


def _wait_for(handle, deadline: float, path: Path, what: str, timeout_seconds: float) -> None:
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise UserError(
                    f"another process has held {what}'s lock for {timeout_seconds:.0f} s: try again when it is done",
                    path,
                )
            time.sleep(0.05)


def _still_at(handle, lock_path: Path) -> bool:
    """Whether the file locked through ``handle`` is still the one at ``lock_path``."""
    try:
        return os.path.samestat(os.fstat(handle.fileno()), os.stat(lock_path))
    except FileNotFoundError:
        return False
