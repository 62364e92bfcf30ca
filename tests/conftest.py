"""Fixtures the tests make themselves: the tiny Argos package, an installed
packages folder, and helpers to run the command lines in-process."""

from __future__ import annotations

import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from translate.engines.argos.tiny import build_tiny_package

from . import outside
from .browser import browser, page_at  # noqa: F401  (fixtures for the browser tests)
from .engine_runs import glossary_file, report  # noqa: F401  (for the engine tests; a module's own wins)
from .paths import ROOT, SEEDS  # noqa: F401  (imported from here by many tests)

outside.install()


def pytest_sessionfinish(session, exitstatus):
    """A reach outside the repository that some code caught and went on from still fails the run."""
    if outside.reached:
        print("\ntests reached outside the repository:\n  " + "\n  ".join(sorted(set(outside.reached))))
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True, scope="session")
def private_homes_for_the_session(tmp_path_factory):
    """Fixtures of wider scope run before the per-test homes below: they get a session's own."""
    homes = tmp_path_factory.mktemp("homes")
    with pytest.MonkeyPatch.context() as env:
        for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env.setenv(variable, str(homes / variable.lower()))
        yield


@pytest.fixture(autouse=True)
def private_homes(tmp_path, monkeypatch):
    """The memory, caches and review state go to the test's own folders, never the user's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL cluster of the tests' own for the session (see tests/postgres.py); its address, the
    password in PGPASSWORD as a team's would be."""
    from .postgres import PASSWORD, cluster

    with pytest.MonkeyPatch.context() as env:
        env.setenv("PGPASSWORD", PASSWORD)
        with cluster() as url:
            yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def tm_location(request, tmp_path) -> Path | str:
    """An empty translation memory's location, once a SQLite file and once a PostgreSQL database: the
    tests that take it hold both to one behaviour."""
    if request.param == "sqlite":
        return tmp_path / "tm.sqlite"
    from .postgres import fresh_database

    return fresh_database(request.getfixturevalue("postgres_server"), f"tm_{uuid.uuid4().hex[:12]}")


@pytest.fixture(scope="session")
def tiny_package(tmp_path_factory) -> Path:
    """The tiny zh→en .argosmodel, built once per test session from the seeds."""
    return build_tiny_package(SEEDS, tmp_path_factory.mktemp("model") / "tiny-zh_en.argosmodel")


@pytest.fixture
def packages_dir(tmp_path, monkeypatch) -> Path:
    """An empty Argos packages folder, and no way to reach a real index."""
    folder = tmp_path / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")
    return folder


@pytest.fixture
def installed_model(packages_dir, tiny_package, run) -> Path:
    """The tiny package installed through the command line, as a user would."""
    result = run("translate", "models", "install", "--file", str(tiny_package))
    assert result.code == 0, result.err
    return packages_dir


class Result:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def run(capsys):
    """Run a console script's main() in-process: ``run("translate", "seeds/", "--to", "en")``."""
    from commands.glossary import main as glossary_main
    from commands.publish import main as publish_main
    from commands.translate import main as translate_main

    mains = {"translate": translate_main, "publish": publish_main, "glossary": glossary_main}

    def invoke(command: str, *args: str) -> Result:
        capsys.readouterr()
        try:
            code = mains[command](list(args))
        except SystemExit as exit_:  # argparse usage errors
            code = exit_.code
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    """The two seeds in a folder of their own."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def kill_after_first_line(script: str) -> bytes:
    """Run a Python script, wait for the first line it prints (it prints when it has reached the point
    to interrupt), then kill -9 it; the line, for the test to read."""
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    try:
        return child.stdout.readline()
    finally:
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()
