"""What the three commands share in reading their arguments: a mistake is one useful line (and where to
read more), said by the subcommand it was made in, with the nearest right spelling when there is one;
``--version``; a command given nothing shows what it does.

argparse's own way is to print the whole usage of the top-level command before its one line, to blame
the top-level command for an option a subcommand does not know, and to guess at nothing.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
from importlib import metadata
from typing import NoReturn

DISTRIBUTION = "zhen-publish"
_INVALID_CHOICE = re.compile(r"invalid choice: '(?P<given>[^']*)' \(choose from (?P<choices>.*)\)")


def version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def nearest(given: str, known: list[str]) -> str | None:
    """The known word ``given`` is most likely a slip of, if any is close enough."""
    matches = difflib.get_close_matches(given, known, n=1, cutoff=0.5)
    return matches[0] if matches else None


def suggestion(given: str, known: list[str]) -> str:
    """ " (did you mean 'x'?)", or "" when nothing known is close."""
    near = nearest(given, known)
    return f" (did you mean '{near}'?)" if near else ""


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line of what went wrong, and one of where to read more."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)
        self.set_defaults(_parser=self)  # a subcommand's parser overrides it: who was being spoken to

    def error(self, message: str) -> NoReturn:
        choice = _INVALID_CHOICE.search(message)
        if choice:
            known = [c.strip().strip("'") for c in choice["choices"].split(",")]
            message = message[: choice.start()] + f"'{choice['given']}' is not one of {', '.join(known)}"
            message += suggestion(choice["given"], known)
        self.exit(2, f"{self.prog}: {message}\n{self.prog}: see '{self.prog} --help'\n")

    def parse_args(self, args=None, namespace=None):
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            speaker: Parser = getattr(parsed, "_parser", self)
            speaker.error(speaker.unrecognized(extras))
        return parsed

    def unrecognized(self, extras: list[str]) -> str:
        options = [option for action in self._actions for option in action.option_strings]
        first = extras[0].split("=")[0]
        hint = suggestion(first, options) if first.startswith("-") else ""
        return f"unrecognized arguments: {' '.join(extras)}{hint}"


def plain(docstring: str | None) -> str:
    """A module's docstring as a subcommand's description: the reStructuredText quoting (``x``) taken out."""
    return re.sub(r"``([^`]*)``", r"'\1'", docstring or "").strip()


def add_version(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {version()}", help="print the version and exit"
    )


def offer_completions(parser: argparse.ArgumentParser, implied: str | None = None) -> None:
    """Answer the shell's completion request, if this run is one (bash or zsh, registered with argcomplete's
    ``register-python-argcomplete``): subcommands, options and their choices, then exit.  ``implied``: the
    subcommand a first word that is none stands for ('translate seeds/ --fo' completes as 'translate run
    seeds/ --fo')."""
    if "_ARGCOMPLETE" not in os.environ:  # argcomplete is imported only then: a normal run pays nothing
        return
    if implied:
        _imply(parser, implied)
    import argcomplete

    argcomplete.autocomplete(parser)


def _imply(parser: argparse.ArgumentParser, implied: str) -> None:
    """Write the implied subcommand into the line being completed, once its first word is typed whole."""
    line, point = os.environ.get("COMP_LINE", ""), int(os.environ.get("COMP_POINT", "0") or 0)
    typed = line[:point].split(" ")
    subcommands = parser.get_default("subcommands") or ()
    if len(typed) > 2 and typed[1] and not typed[1].startswith("-") and typed[1] not in subcommands:
        start = len(typed[0]) + 1
        os.environ["COMP_LINE"] = line[:start] + implied + " " + line[start:]
        os.environ["COMP_POINT"] = str(point + len(implied) + 1)


USAGE_ERROR = 2


def arguments(parser: argparse.ArgumentParser, argv: list[str] | None, implied: str | None = None) -> list[str] | None:
    """The command's arguments (``sys.argv``'s unless given), once a shell's completion request, if this run
    is one, has been answered; None when there are none: a command given nothing prints its help on
    standard error and exits with ``USAGE_ERROR``, the same for translate, glossary and publish.
    ``implied``: the subcommand a first word that is none stands for, in completion too."""
    offer_completions(parser, implied)
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        parser.print_help(sys.stderr)
        return None
    return argv


def parsed(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace | None:
    """The arguments of a command with no implied subcommand, parsed; None as for ``arguments``."""
    argv = arguments(parser, argv)
    return None if argv is None else parser.parse_args(argv)
