"""A throwaway PostgreSQL cluster for the tests: Debian's server (`make test` installs it), started in a
temporary folder on a free loopback port, owned by an unprivileged user, dropped at the end.

PostgreSQL refuses to run as root, so when the tests run as root (a container, CI) the cluster belongs to
the `postgres` user the package created, and its folder is made theirs; run as anyone else, it is theirs.
The cluster speaks UTF-8 under the C.UTF-8 locale, in which Chinese characters are letters: what pg_trgm
needs to index Chinese text.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

USER = "zhen"  # the role the tests connect as, with a password, as a team's would
PASSWORD = "s3cret-for-tests"


def _server_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: `make test` installs Debian's postgresql package")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_owner(command: list[str], owner: str | None) -> list[str]:
    return ["runuser", "-u", owner, "--", *command] if owner else command


@contextlib.contextmanager
def cluster() -> Iterator[str]:
    """A running cluster with a database ``zhen`` owned by the role ``zhen``; yields the URI to reach it
    (without the password, which the tests pass as PGPASSWORD, as a team would)."""
    binaries = _server_bin()
    owner = "postgres" if os.geteuid() == 0 else None
    folder = Path(tempfile.mkdtemp(prefix="zhen-pg-"))
    data, sockets = folder / "data", folder / "sockets"
    sockets.mkdir()
    if owner:
        account = pwd.getpwnam(owner)
        for path in (folder, sockets):
            os.chown(path, account.pw_uid, account.pw_gid)
    port = _free_port()
    password_file = folder / "password"
    password_file.write_text(PASSWORD + "\n")
    if owner:
        os.chown(password_file, account.pw_uid, account.pw_gid)
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "check": True}
    subprocess.run(
        _as_owner(
            [
                str(binaries / "initdb"),
                "-D",
                str(data),
                "-U",
                USER,
                "--pwfile",
                str(password_file),
                "-A",
                "scram-sha-256",
                "-E",
                "UTF8",
                "--locale",
                "C.UTF-8",
            ],
            owner,
        ),
        **quiet,
    )
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    log = folder / "server.log"
    subprocess.run(
        _as_owner([str(binaries / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start"], owner),
        **quiet,
    )
    try:
        environment = {**os.environ, "PGPASSWORD": PASSWORD}
        deadline = time.monotonic() + 30
        while True:
            ready = subprocess.run(
                [str(binaries / "pg_isready"), "-h", "127.0.0.1", "-p", str(port)], capture_output=True
            )
            if ready.returncode == 0 or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        subprocess.run(
            [str(binaries / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", USER, "zhen"],
            env=environment,
            **quiet,
        )
        yield f"postgresql://{USER}@127.0.0.1:{port}/zhen"
    finally:
        subprocess.run(
            _as_owner([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], owner),
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


def fresh_database(url: str, name: str) -> str:
    """A new empty database on the cluster of ``url``; its URI."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + "/" + name
