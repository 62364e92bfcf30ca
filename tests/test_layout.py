"""The floors of the code run one way (README, "How the code is laid out"): a module imports only from its
own floor and the floors below it, and a few promises hold within a floor."""

from __future__ import annotations

import ast

import pytest

from .conftest import ROOT

# From the ground up.  A module's floor is that of the longest name here that it is, or is inside.
FLOORS = (
    ("foundation", ("foundation",)),
    ("the term base", ("glossary",)),
    ("the document model", ("translate.document", "translate.quantities", "translate.languages", "translate.occasion")),
    (
        "stages",
        (
            "translate.read",
            "translate.normalize",
            "translate.segment",
            "translate.terms",
            "translate.protect",
            "translate.memory",
            "translate.fuzzy",
            "translate.engines",
            "translate.qa",
        ),
    ),
    ("outputs", ("translate.bitext", "translate.tm_files", "publish")),
    # The face of ``translate`` (its __init__) hands on the library's public names, the job's too, when
    # first asked for (importlib, no import statement): "=" places that one module and nothing under it.
    ("the library", ("pipeline", "translate.evidence", "translate.evidence_proposals", "=translate")),
    ("commands and the web app", ("commands", "review")),
)
# Within a floor: the document model and the memory know no engine (an engine's identity is a string to
# them), so a memory can be read, copied and served without loading a model.
NEVER = (
    ("translate.document", "translate.engines"),
    ("translate.memory", "translate.engines"),
    ("translate.fuzzy", "translate.engines"),
)
PACKAGES = ("foundation", "glossary", "translate", "publish", "pipeline", "review", "commands")


def module_name(path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def within(module: str, prefix: str) -> bool:
    if prefix.startswith("="):
        return module == prefix[1:]
    return module == prefix or module.startswith(prefix + ".")


def floor_of(module: str) -> int | None:
    best = None  # (length of the prefix, floor)
    for number, (_, prefixes) in enumerate(FLOORS):
        for prefix in prefixes:
            if within(module, prefix) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), number)
    return best[1] if best else None


def imports_of(path) -> set[str]:
    """Every module of ours that the file imports, at any depth of the code (lazy imports too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name for name in names if name.split(".")[0] in PACKAGES}


MODULES = sorted((module_name(path), path) for package in PACKAGES for path in (ROOT / package).rglob("*.py"))
IDS = [name for name, _ in MODULES]


def test_every_floor_holds_code_and_every_module_has_a_floor():
    assert len(MODULES) > 80
    assert [name for name, _ in MODULES if floor_of(name) is None] == []
    for _, prefixes in FLOORS:
        assert all(any(within(name, prefix) for name, _ in MODULES) for prefix in prefixes), prefixes


def upward(module: str, path) -> list[str]:
    """What the module imports from a floor above its own."""
    floor = floor_of(module)
    return sorted(name for name in imports_of(path) if (floor_of(name) or 0) > floor)


@pytest.mark.parametrize(("module", "path"), MODULES, ids=IDS)
def test_imports_run_down_the_floors(module, path):
    wrong = upward(module, path)
    assert not wrong, f"{module} ({FLOORS[floor_of(module)][0]}) imports {', '.join(wrong)} from a floor above"


@pytest.mark.parametrize(("module", "path"), MODULES, ids=IDS)
def test_the_promises_within_a_floor_hold(module, path):
    broken = [
        imported
        for importer, imported in NEVER
        if within(module, importer) and any(within(name, imported) for name in imports_of(path))
    ]
    assert not broken, f"{module} imports {broken[0]}"


def test_an_import_from_above_even_inside_a_function_is_caught(tmp_path):
    sample = tmp_path / "store.py"
    sample.write_text("import re\n\n\ndef later():\n    from pipeline.job import Options\n", encoding="utf-8")
    assert upward("glossary.store", sample) == ["pipeline.job"]
    assert upward("commands.glossary", sample) == []
