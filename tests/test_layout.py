"""Dependencies point one way, publish → translate → glossary (DESIGN.md).
The exceptions are the top of the stack: the three commands, and the main
job (translate/job.py), which finishes with the DOCX and PDF."""

from __future__ import annotations

import ast

import pytest

from .conftest import ROOT

PACKAGES = ("glossary", "translate", "publish")
# Packages a module may not import from, by its own package.
FORBIDDEN = {"glossary": ("translate", "publish"), "translate": ("publish",), "publish": ()}
TOP_OF_THE_STACK = ("glossary/cli.py", "publish/cli.py", "translate/job.py", "translate/cli/")


def imported_packages(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
    return names & set(PACKAGES)


ALL_MODULES = sorted(
    path.relative_to(ROOT).as_posix() for package in PACKAGES for path in (ROOT / package).rglob("*.py")
)
LIBRARY = [module for module in ALL_MODULES if not module.startswith(TOP_OF_THE_STACK)]


def test_the_exceptions_exist_and_the_rule_covers_the_rest():
    assert all(any(m.startswith(top) for m in ALL_MODULES) for top in TOP_OF_THE_STACK)
    assert len(LIBRARY) > 40


@pytest.mark.parametrize("module", LIBRARY)
def test_dependencies_point_one_way(module):
    package = module.split("/")[0]
    wrong = imported_packages(ROOT / module) & set(FORBIDDEN[package])
    assert not wrong, f"{module} imports {', '.join(sorted(wrong))}, against publish → translate → glossary"
