"""A guard that the suite carries its own data: nothing a test opens, lists, or hands to a program it
starts may lie beside the repository (the team's machines hold data there; a user's clone has nothing).

Installed as an audit hook by ``conftest`` for the whole run. A reach outside raises at once, so the test
that made it fails at the line that made it, and is also recorded, so a reach that some code caught and
went on from still fails the run at its end.
"""

from __future__ import annotations

import os
import sys
import tempfile

from .paths import ROOT


class OutsideRepository(RuntimeError):
    """A test reached a file beside the repository, which a user's clone does not have."""


reached: list[str] = []  # every path reached outside, in order, for the end of the run

_PARENT = str(ROOT.parent)
_TEMP = tempfile.gettempdir()
# A checkout directly in the temporary folder (/tmp/p) has the tests' own temporary files beside it: those
# (tempfile's tmp*, pytest's pytest-of-*) are not the repository's neighbours. Anywhere else, as in a
# clone at /tmp/tmp.XXXX/p, every neighbour is guarded.
_TEMP_IS_BESIDE = (_TEMP + os.sep).startswith(_PARENT + os.sep) or _TEMP == _PARENT
_TEMPORARY_NAMES = ("tmp", "pytest-of-")


def _temporary(absolute: str) -> bool:
    if not _TEMP_IS_BESIDE or not absolute.startswith(_TEMP + os.sep):
        return False
    return absolute[len(_TEMP) + 1 :].startswith(_TEMPORARY_NAMES)


def outside(path: object) -> str | None:
    """The absolute path if ``path`` names something in the repository's parent folder but not in the
    repository (nor a temporary file of the tests, where the temporary folder is that parent); else None."""
    if isinstance(path, os.PathLike):
        path = os.fspath(path)
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if not isinstance(path, str) or not path or "\0" in path:
        return None
    absolute = os.path.abspath(path)
    if not absolute.startswith(_PARENT + os.sep) or absolute == str(ROOT):
        return None
    if absolute.startswith(str(ROOT) + os.sep) or _temporary(absolute):
        return None
    return absolute


def _arguments(event: str, args: tuple) -> list[object]:
    if event in ("open", "os.listdir", "os.scandir", "os.chdir"):
        return [args[0]] if args else []
    if event == "subprocess.Popen":  # (executable, args, cwd, env)
        _, argv, cwd, _ = args
        argv = [argv] if isinstance(argv, str | bytes | os.PathLike) else list(argv or [])
        return [*argv, cwd]
    return []


def _hook(event: str, args: tuple) -> None:
    for argument in _arguments(event, args):
        path = outside(argument)
        if path is not None:
            reached.append(path)
            raise OutsideRepository(f"a test reached outside the repository: {path} (put what it needs in tests/data/)")


def install() -> None:
    """Watch every open, listing and child process of this run (an audit hook cannot be removed)."""
    if _PARENT != os.sep:  # a checkout at / has nothing beside it to guard
        sys.addaudithook(_hook)
