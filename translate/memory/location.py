"""Where a translation memory is: a SQLite file's path, or a PostgreSQL server's address.

A team's memory is an address (``postgresql://user@host:5432/db``, or ``postgresql:///db?service=team``
for an entry of the service file); ``ZHEN_TM`` names it once for every command.  The password is never
part of the address: libpq takes it from ``PGPASSWORD``, ``~/.pgpass`` or the service file, so it is never
on a command line (which any user of the machine can list), in a shell's history, or in what we print.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from foundation.errors import UserError

ENVIRONMENT = "ZHEN_TM"
SERVER_SCHEMES = ("postgresql", "postgres")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")
_PASSWORD_PART = re.compile(r"(://[^:/?#@]*):[^@/?#]*@")  # user:password@ in an address
_PASSWORD_PARAMETER = re.compile(r"(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|[^&\s]*)", re.IGNORECASE)
# libpq's keyword form ("host=db dbname=tm"): a connection, not a file's name
_KEYWORDS = re.compile(r"^\s*(?:host|hostaddr|port|dbname|user|password|service)\s*=", re.IGNORECASE)


def default_memory_path() -> Path:
    """``$XDG_DATA_HOME/zhen-publish/tm.sqlite``: the memory is the user's work, not a cache."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "zhen-publish" / "tm.sqlite"


def is_server_address(location: str | Path) -> bool:
    scheme = _SCHEME.match(str(location))
    return bool(scheme) and scheme[1].lower() in SERVER_SCHEMES


def shown(location: str | Path) -> str:
    """A location as it may be printed: any password in it (user:password@, or a password parameter)
    replaced by stars."""
    return _PASSWORD_PARAMETER.sub(r"\1***", _PASSWORD_PART.sub(r"\1:***@", str(location)))


MEMORY_IS = "a memory is a SQLite file's path or a postgresql:// address"


def parse_location(value: str, where: str = "--tm", what: str = MEMORY_IS) -> str | Path:
    """A memory's location as given: a PostgreSQL address (refused if it carries a password, or if it
    is an address of another kind), else a file's path."""
    scheme = _SCHEME.match(value)
    if not scheme and _KEYWORDS.match(value):
        raise UserError(f"{where} {shown(value)}: write the connection as a postgresql://user@host:port/db address")
    if not scheme:
        return Path(value)
    if scheme[1].lower() not in SERVER_SCHEMES:
        raise UserError(f"{where} {shown(value)}: {what}")
    if _has_password(value):
        why = "anyone on this machine can read a command line" if where.startswith("--") else "it is printed"
        raise UserError(
            f"{where} {shown(value)}: the password does not go in the address ({why}); put it in PGPASSWORD, "
            "~/.pgpass or the service file"
        )
    return value


def _has_password(address: str) -> bool:
    from psycopg.conninfo import conninfo_to_dict

    try:
        return "password" in conninfo_to_dict(address)
    except Exception:  # an address libpq cannot parse is said when it is opened
        return bool(_PASSWORD_PART.search(address) or _PASSWORD_PARAMETER.search(address))


def environment_location() -> str | Path | None:
    """The memory ``ZHEN_TM`` names, if it is set."""
    value = os.environ.get(ENVIRONMENT, "").strip()
    return parse_location(value, ENVIRONMENT) if value else None
