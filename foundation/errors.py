"""Errors a user can cause: reported in one line, never as a traceback."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

# Set to see the traceback of an unexpected error instead of its one line.
DEBUG_VARIABLE = "ZHEN_DEBUG"


class UserError(Exception):
    """Bad input or usage; the command prints it in one line and exits 2."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return where + self.message


def describe_error(error: Exception, path: Path | str | None = None) -> str:
    """One line for any error met while working on ``path``: what happened and, where known, what to do.

    Known classes get a message of their own; anything else is a bug, said as
    such, and ``ZHEN_DEBUG=1`` re-raises it so its traceback can be reported.
    """
    if isinstance(error, UserError):
        text = str(error) if error.path is not None or path is None else str(UserError(error.message, path))
    elif isinstance(error, OSError):
        what = f"{error.strerror or error}" + (f" ({error.filename})" if error.filename else "")
        text = str(UserError(f"cannot read or write: {what}", path))
    elif isinstance(error, MemoryError):
        text = str(UserError("out of memory: the input is too large for this machine", path))
    elif isinstance(error, RecursionError):
        text = str(UserError("the input is nested too deeply to be read", path))
    else:
        if os.environ.get(DEBUG_VARIABLE):
            raise error
        text = str(
            UserError(
                f"unexpected error ({type(error).__name__}: {error}); this is a bug, please report it "
                f"(run with {DEBUG_VARIABLE}=1 for the details)",
                path,
            )
        )
    return " ".join(text.split())  # one line, whatever the message held


INTERRUPTED = "interrupted: files already written are complete, nothing half-written was left"
# How many file names the closing line of an interrupted run lists in each group before "and N more".
LISTED = 10


def _listed(names: list[str]) -> str:
    more = f" and {len(names) - LISTED} more" if len(names) > LISTED else ""
    return ", ".join(names[:LISTED]) + more


class Interrupted(KeyboardInterrupt):
    """Ctrl-C on a run over several inputs, knowing which of them have all their outputs written
    (``complete``) and which have not (``incomplete``: being written when stopped, or not begun; a
    second run does them)."""

    def __init__(self, complete: list[str], incomplete: list[str] | None):
        self.complete, self.incomplete = complete, incomplete
        super().__init__(self.summary())

    def summary(self) -> str:
        done = f"complete: {_listed(self.complete)}" if self.complete else "no file complete"
        if self.incomplete is None:  # stopped between two files' lines: only those printed are known
            return f"interrupted; {done}; the others are not (run again to do them)"
        rest = f"; not complete (run again to do them): {_listed(self.incomplete)}" if self.incomplete else ""
        return f"interrupted; {done}{rest}"


# A reader that stops reading (``glossary list | head``) is no error: the command ends quietly with the
# status a shell gives a writer killed by SIGPIPE.
BROKEN_PIPE_STATUS = 128 + 13


def guarded(command: str, work: Callable[[], int], interrupted: str = INTERRUPTED) -> int:
    """Run a command's work; anything that escapes it is one line on standard error, exit 2 (130 on Ctrl-C)."""
    try:
        status = work()
        sys.stdout.flush()  # inside: a reader gone is found here, not in the interpreter's last flush
        return status
    except BrokenPipeError:
        # Whatever is still buffered would fail again at exit, with a warning: it goes nowhere instead.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return BROKEN_PIPE_STATUS
    except Exception as error:
        print(f"{command}: {describe_error(error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as stop:
        print(f"{command}: {stop.summary() if isinstance(stop, Interrupted) else interrupted}", file=sys.stderr)
        return 130
