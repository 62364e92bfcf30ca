"""The README documents the commands as they are, and its example runs; the
installed commands work as real processes."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from commands.glossary import build_parser as glossary_parser
from commands.publish import build_parser as publish_parser
from commands.translate import build_parser as translate_parser

from .conftest import ROOT, SEEDS

README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent  # the virtual environment's scripts


def commands_and_options(parser: argparse.ArgumentParser, prefix: str) -> list[tuple[str, str]]:
    """(command, option or subcommand) for everything ``--help`` lists, subcommands included."""
    found = []
    for action in parser._actions:  # argparse keeps no public list of its actions
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append((prefix, f"{prefix} {name}"))
                found += commands_and_options(sub, f"{prefix} {name}")
        else:
            found += [(prefix, option) for option in action.option_strings if option.startswith("--")]
    return [(command, item) for command, item in found if item != "--help"]


DOCUMENTED = (
    commands_and_options(translate_parser(), "translate")
    + commands_and_options(publish_parser(), "publish")
    + commands_and_options(glossary_parser(), "glossary")
)


@pytest.mark.parametrize(("command", "item"), DOCUMENTED, ids=[f"{c}:{i}" for c, i in DOCUMENTED])
def test_every_command_and_option_is_in_the_readme(command, item):
    assert re.search(rf"(?<![\w-]){re.escape(item)}(?![\w-])", README), f"{item} ({command}) is not in README.md"


def test_the_readme_python_example_runs(tmp_path, monkeypatch):
    [example] = re.findall(r"```python\n(.*?)```", README, re.S)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.txt").write_text((SEEDS / "000_fd68bde13d4caed7.txt").read_text(encoding="utf-8"), "utf-8")
    namespace: dict = {}
    exec(compile(example, "README.md", "exec"), namespace)
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["report.zh-en.qa.json", "report.zh-en.xlf"]
    assert "党工委" in (tmp_path / "out" / "report.zh-en.xlf").read_text(encoding="utf-8")


def _run(*command: str, cwd: Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, "XDG_CACHE_HOME": str(cwd / "cache"), "XDG_STATE_HOME": str(cwd / "state")}
    return subprocess.run(
        [str(BIN / command[0]), *command[1:]], cwd=cwd, env=environment, capture_output=True, text=True, timeout=300
    )


def test_each_installed_command_runs_as_a_process(tmp_path):
    seed = SEEDS / "000_fd68bde13d4caed7.txt"
    translated = _run("translate", str(seed), "--engine", "none", "--format", "xlf", "--out", "out", cwd=tmp_path)
    assert translated.returncode == 0, translated.stderr
    xliff = tmp_path / "out" / f"{seed.stem}.zh-en.xlf"
    assert xliff.is_file() and "1 document(s), 49 segments" in translated.stdout
    published = _run("publish", str(xliff), "--format", "docx", cwd=tmp_path)
    assert published.returncode == 0, published.stderr
    assert (tmp_path / "out" / f"{seed.stem}.zh-en.docx").is_file()
    checked = _run("glossary", "check", cwd=tmp_path)
    assert checked.returncode == 0 and "0 problem(s)" in checked.stdout
    usage = _run("translate", "--no-such-option", "x", cwd=tmp_path)
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_the_readme_examples_need_only_the_repository():
    """A user has the clone and nothing beside it: no example may point outside it."""
    examples = "\n".join(re.findall(r"```(?:sh|python)?\n(.*?)```", README, re.S))
    assert "../" not in examples
    for path in re.findall(r"(?<![\w/.-])(seeds/[\w.*-]+)", examples):
        assert list(ROOT.glob(path)), f"{path} is in a README example but not in the repository"
