"""The console scripts' entry points: a Ctrl-C while a command is still starting (importing its libraries
takes most of a second) ends it as one at any later moment does, exit 130 and one line, not a traceback.

Kept free of imports of its own, so that nothing heavy runs before the guard is in place.
"""

from __future__ import annotations

import importlib
import signal
import sys

INTERRUPTED_STATUS = 130


def _launched(command: str) -> int:
    try:
        # Held back while the libraries load: WeasyPrint's loader runs ldconfig and gcc as it is imported,
        # and a Ctrl-C there would kill them under it and leave them as children no one waits for.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        main = importlib.import_module(f"commands.{command}").main
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # one pressed meanwhile arrives here
        return main()
    except KeyboardInterrupt:  # before the command's own guard was up: nothing begun
        print(f"{command}: interrupted while starting; nothing was done", file=sys.stderr)
        return INTERRUPTED_STATUS


def translate() -> int:
    return _launched("translate")


def glossary() -> int:
    return _launched("glossary")


def publish() -> int:
    return _launched("publish")
