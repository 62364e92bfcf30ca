"""The suite carries its own data: a reach beside the repository fails, in-process and in a child."""

from __future__ import annotations

import subprocess
import sys

import pytest

from . import outside
from .paths import DATA, ROOT

# A neighbour of the repository, by a name no machine has: the guard refuses it before anything is read,
# so these tests pass, and prove the guard, whatever lies beside the checkout (or nothing at all).
NEIGHBOUR = ROOT.parent / "a-folder-beside-the-repository"


@pytest.fixture
def forgiven():
    """The reaches these tests make on purpose are taken off the record, so the run still passes."""
    before = len(outside.reached)
    yield
    del outside.reached[before:]


def test_opening_a_file_beside_the_repository_fails_the_test(forgiven):
    beside = NEIGHBOUR / "README.md"
    with pytest.raises(outside.OutsideRepository, match="outside the repository"):
        beside.open(encoding="utf-8")
    assert outside.reached[-1] == str(beside)


def test_handing_such_a_path_to_a_program_fails_too(forgiven):
    with pytest.raises(outside.OutsideRepository):
        subprocess.run([sys.executable, "-c", "pass", str(NEIGHBOUR / "corpus")], check=False)


def test_listing_the_parent_folder_fails_but_the_repository_and_temp_files_do_not(forgiven, tmp_path):
    with pytest.raises(outside.OutsideRepository):
        list(NEIGHBOUR.iterdir())
    (tmp_path / "x.txt").write_text("ok", encoding="utf-8")
    assert (DATA / "SOURCES.md").read_text(encoding="utf-8")
    assert outside.outside(tmp_path / "x.txt") is None and outside.outside(ROOT / "seeds") is None
