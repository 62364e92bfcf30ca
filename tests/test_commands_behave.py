"""The three commands behave as people expect, each case as a new user met it: a mistake is found first and
said in one line, '-' is standard input or output, a pipe closed early is no error, the user's edits go
to the user's glossary, and the shell completes what can be typed."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from commands.glossary import build_parser as glossary_parser
from commands.publish import build_parser as publish_parser
from commands.translate import build_parser as translate_parser
from glossary.store import load_glossary, shipped_glossary_path, user_glossary_path

from .conftest import ROOT, SEEDS

BIN = Path(sys.executable).parent
SEED = SEEDS / "000_fd68bde13d4caed7.txt"


def process(*command: str, cwd: Path, stdin: bytes | None = None, env: dict | None = None):
    """An installed command as a real process, its homes in ``cwd``."""
    homes = {"XDG_DATA_HOME": str(cwd / "data"), "XDG_CACHE_HOME": str(cwd / "cache")}
    environment = {**os.environ, **homes, **(env or {})}
    return subprocess.run(
        [str(BIN / command[0]), *command[1:]], cwd=cwd, env=environment, input=stdin, capture_output=True, timeout=300
    )


@pytest.fixture
def untranslated(run, tmp_path) -> Path:
    """The Xicheng seed as the glossary alone leaves it: every segment untranslated."""
    result = run("translate", str(SEED), "--engine", "none", "--format", "xlf", "--out", str(tmp_path / "out"))
    assert result.code == 0, result.err
    return tmp_path / "out" / f"{SEED.stem}.zh-en.xlf"


# -- mistakes found first, in one line ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("qq", "qq: no such file or folder, nor a command (did you mean 'qa'?)"),
        ("modls", "(did you mean 'models'?)"),
        ("nosuch.docx", "nosuch.docx: no such file or folder"),
    ],
)
def test_a_missing_model_does_not_hide_a_mistyped_command_or_path(run, packages_dir, typed, said):
    result = run("translate", typed)  # no zh→en model is installed in packages_dir
    assert result.code == 2 and said in result.err
    assert "installed" not in result.err and result.out == ""


def test_a_file_or_unwritable_out_is_one_line_before_any_work(run, packages_dir, tmp_path):
    a_file = tmp_path / "out.txt"
    a_file.write_text("x", encoding="utf-8")
    for out in (a_file, a_file / "under"):
        result = run("translate", str(SEED), "--out", str(out))  # no model: the --out check came first
        assert result.code == 2
        [line] = result.err.splitlines()
        assert line.startswith(f"translate: --out {out}: ") and "model" not in line and ".tmp" not in line


@pytest.mark.parametrize("suffix", [".txt", ".json", ".docx"])
def test_publish_and_qa_on_something_not_xliff_say_what_they_take(run, tmp_path, suffix):
    wrong = tmp_path / f"report{suffix}"
    wrong.write_bytes(SEED.read_bytes() if suffix == ".txt" else b'{"a": 1}')
    for command in (("publish",), ("translate", "qa")):
        result = run(*command, str(wrong))
        assert result.code == 2
        assert "not an XLIFF file" in result.err and "the .xlf that 'translate' writes" in result.err
        assert "not well-formed" not in result.err and "segments" not in result.out
    if suffix == ".txt":
        assert f"translate it first ('translate {wrong}')" in run("publish", str(wrong)).err


def test_an_output_given_to_publish_names_the_xliff_beside_it(run, untranslated):
    docx = untranslated.with_suffix(".docx")
    docx.write_bytes(b"PK\x03\x04")
    result = run("publish", str(docx))
    assert result.code == 2 and f"the one beside it is {untranslated}" in result.err


def test_a_file_to_write_that_is_a_folder_is_one_line_without_a_temporary_name(run, tmp_path):
    tmx = str(SEEDS / "000_fd68bde13d4caed7.en.tmx")
    assert run("translate", "tm", "import", tmx, "--tm", str(tmp_path / "tm.sqlite")).code == 0
    for command in (("glossary", "export", "--format", "tbx", "--out"), ("translate", "tm", "export")):
        result = run(*command, str(tmp_path), *(["--tm", str(tmp_path / "tm.sqlite")] if "tm" in command else []))
        assert result.code == 2 and result.err.strip().endswith(f"{tmp_path}: is a folder: give a file name")
        assert ".tmp" not in result.err


def test_a_bad_option_value_is_one_line_and_a_hint_not_the_whole_usage(run):
    result = run("translate", str(SEED), "--format", "docz")
    assert result.code == 2 and "usage:" not in result.err
    assert result.err.splitlines() == [
        "translate run: argument --format: unknown format docz: use xlf,docx,pdf (did you mean 'docx'?)",
        "translate run: see 'translate run --help'",
    ]


def test_an_unknown_option_is_blamed_on_its_subcommand_with_a_guess(run, tmp_path):
    result = run("translate", "tm", "export", str(tmp_path / "x.tmx"), "--orign", "human")
    assert result.code == 2
    assert result.err.splitlines()[0].startswith("translate tm export: unrecognized arguments: --orign human")
    assert "(did you mean '--origin'?)" in result.err
    assert "--stauts" in run("glossary", "list", "--stauts", "approved").err
    assert "(did you mean '--status'?)" in run("glossary", "list", "--stauts", "approved").err


def test_a_bad_status_is_said_as_the_user_types_it(run):
    result = run("glossary", "list", "--status", "approve")
    assert result.code == 2 and "<Status" not in result.err
    assert "'approve' is not one of approved, proposed, rejected (did you mean 'approved'?)" in result.err


@pytest.mark.parametrize(("typed", "said"), [("english", "write its code, 'en'"), ("fr", "Chinese into English only")])
def test_the_target_language_is_a_code_and_english(run, tmp_path, typed, said):
    result = run("translate", str(SEED), "--engine", "none", "--to", typed, "--out", str(tmp_path / "out"))
    assert result.code == 2 and said in result.err and not (tmp_path / "out").exists()


def test_every_output_is_named_for_its_language_pair(untranslated):
    names = sorted(p.name for p in untranslated.parent.iterdir())
    assert names == [f"{SEED.stem}.zh-en.qa.json", f"{SEED.stem}.zh-en.xlf"]


# -- what a run says -------------------------------------------------------------------------------------


def test_qa_strict_fails_on_an_untranslated_file_and_the_table_counts_it(run, untranslated):
    result = run("translate", "qa", str(untranslated), "--strict")
    assert result.code == 1
    published = run("publish", str(untranslated), "--strict", "--format", "docx")
    assert published.code == 1 and "(0 QA errors; 49 untranslated" in published.out  # why --strict failed
    header, row = result.out.splitlines()[:2]
    assert header.split()[:2] == ["segments", "untranslated"]
    assert row.split()[:2] == ["49", "49"]


def test_the_summary_counts_the_terms_marked_as_the_xliff_holds_them(run, tmp_path):
    result = run("translate", str(SEED), "--engine", "none", "--format", "xlf", "--out", str(tmp_path))
    marks = ET.parse(tmp_path / f"{SEED.stem}.zh-en.xlf").getroot().iter("{urn:oasis:names:tc:xliff:document:2.0}mrk")
    marked = sum(1 for mark in marks if mark.get("type") == "term")
    said = re.search(r"(\d+) glossary terms marked, (\d+) of them approved, 0 rendered in the translations", result.out)
    assert marked > 40 and said and int(said[1]) == marked and 0 < int(said[2]) <= marked


def test_a_run_whose_only_input_failed_prints_no_summary_of_nothing(run, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    result = run("translate", str(empty), "--engine", "none", "--out", str(tmp_path / "out"))
    assert result.code == 2 and result.out == ""  # no "0 document(s)"
    assert result.err.splitlines() == [f"translate: {empty}: empty file: nothing to translate"]


def test_qa_json_on_several_files_is_one_json_array(run, untranslated):
    one = json.loads(run("translate", "qa", str(untranslated), "--json").out)
    several = json.loads(run("translate", "qa", str(untranslated), str(untranslated), "--json").out)
    assert isinstance(one, dict) and several == [one, one]


# -- folders --------------------------------------------------------------------------------------------


def test_folders_say_when_their_reports_are_deeper_and_recursive_mirrors_them(run, tmp_path):
    for sub in ("a", "b"):
        (tmp_path / "big" / sub).mkdir(parents=True)
        shutil.copy(SEED, tmp_path / "big" / sub / "report.txt")  # one name in two folders
    shallow = run("translate", str(tmp_path / "big"), "--engine", "none", "--out", str(tmp_path / "out"))
    assert shallow.code == 2 and "its subfolders hold 2: add --recursive" in shallow.err
    out = str(tmp_path / "out")
    deep = run("translate", str(tmp_path / "big"), "-r", "--engine", "none", "--format", "xlf", "--out", out)
    assert deep.code == 0, deep.err
    for sub in ("a", "b"):
        assert (tmp_path / "out" / sub / "report.zh-en.xlf").is_file()


# -- the memory's files: several, and '-' -------------------------------------------------------------


def test_tm_import_takes_several_files_and_export_dash_is_standard_output(tmp_path):
    tmxs = sorted(str(p) for p in SEEDS.glob("*.tmx"))
    imported = process("translate", "tm", "import", *tmxs, "--tm", "tm.sqlite", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.decode().count("stored as human") == 2
    exported = process("translate", "tm", "export", "-", "--tm", "tm.sqlite", cwd=tmp_path)
    assert exported.returncode == 0 and not (tmp_path / "-").exists()
    assert ET.fromstring(exported.stdout).tag == "tmx" and exported.stderr.decode().strip() == "107 units"
    again = process("translate", "tm", "import", "-", "--tm", "again.sqlite", cwd=tmp_path, stdin=exported.stdout)
    assert again.returncode == 0 and "standard input: 107 units read; 107 stored as human" in again.stdout.decode()


def test_a_memory_that_is_not_there_is_an_error_unless_the_command_makes_one(run, packages_dir, tmp_path):
    typo = tmp_path / "tm.sqltie"
    for command in (("translate", str(SEED), "--tm", str(typo)), ("translate", "tm", "stats", "--tm", str(typo))):
        result = run(*command)  # translate: said before the missing model
        assert result.code == 2 and f"--tm {typo}: no translation memory here" in result.err
    assert not typo.exists()
    made = tmp_path / "new" / "tm.sqlite"
    tmx = str(SEEDS / "000_fd68bde13d4caed7.en.tmx")
    assert run("translate", "tm", "import", tmx, "--tm", str(made)).code == 0 and made.is_file()


def test_a_memory_address_with_a_password_or_another_scheme_is_refused_and_the_password_never_shown(run):
    result = run("translate", "tm", "stats", "--tm", "postgresql://bob:secret@db.example/tm")
    assert result.code == 2 and "the password does not go in the address" in result.err
    other = run("translate", "tm", "stats", "--tm", "mysql://bob:secret@db.example/tm")
    assert other.code == 2 and "a SQLite file's path or a postgresql:// address" in other.err
    assert "secret" not in result.err + other.err
    assert not Path("postgresql:").exists() and not Path("mysql:").exists()  # no local file of that name


def test_a_reader_that_stops_early_is_no_error(tmp_path):
    environment = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    child = subprocess.Popen([str(BIN / "glossary"), "list"], env=environment, **pipes)
    assert child.stdout.readline()  # like 'glossary list | head -1'
    child.stdout.close()
    assert child.wait(timeout=60) == 141  # as a shell sees a writer stopped by SIGPIPE
    assert child.stderr.read() == b""
    child.stderr.close()


# -- the glossary -----------------------------------------------------------------------------------------


def test_glossary_options_go_before_or_after_the_subcommand(run, tmp_path):
    own = tmp_path / "g.tsv"
    shutil.copy(shipped_glossary_path(), own)
    assert run("glossary", "check", "--glossary", str(own)).code == 0
    assert run("glossary", "--glossary", str(own), "check").code == 0
    assert run("glossary", "add", "小巷管家", "--en", "alley stewards", "--glossary", str(own)).code == 0
    assert load_glossary(own).find("小巷管家") and not load_glossary().find("小巷管家")


def test_an_edit_keeps_the_files_line_endings_and_byte_order_mark(run, tmp_path):
    windows = tmp_path / "g.tsv"
    original = b"\xef\xbb\xbf" + shipped_glossary_path().read_bytes().replace(b"\n", b"\r\n")
    windows.write_bytes(original)
    assert run("glossary", "add", "小巷管家", "--en", "alley stewards", "--glossary", str(windows)).code == 0
    edited = windows.read_bytes()
    assert edited.startswith(original) and edited[len(original) :].endswith(b"\r\n")
    assert edited[len(original) :].count(b"\n") == 1  # the one new line, nothing else rewritten


def test_edits_without_a_glossary_named_go_to_the_users_own(run):
    shipped = shipped_glossary_path().read_bytes()
    result = run("glossary", "add", "小巷管家", "--en", "alley stewards")
    assert result.code == 0 and f"your own glossary is {user_glossary_path()}" in result.err
    assert shipped_glossary_path().read_bytes() == shipped  # the installed copy is never edited
    assert load_glossary().find("小巷管家")  # and what is read by default from now on
    assert run("glossary", "set", "小巷管家", "--status", "approved").err == ""  # said once


def test_a_newer_shipped_glossary_is_announced_and_merged_into_the_users_own(run, tmp_path, monkeypatch):
    import glossary.own
    import glossary.store

    shipped = tmp_path / "shipped.tsv"  # stands for the file a new version of the package brings
    shutil.copy(shipped_glossary_path(), shipped)
    for module in (glossary.store, glossary.own):
        monkeypatch.setattr(module, "shipped_glossary_path", lambda: shipped)
    assert run("glossary", "add", "小巷管家", "--en", "alley stewards").code == 0
    assert "glossary update" not in run("glossary", "list").err  # made from this one: nothing to say
    with shipped.open("a", encoding="utf-8") as upgrade:
        upgrade.write("接诉即办\timmediate response to public complaints\tapproved\t\t\t\tgovernment\t\t\n")
    listed = run("glossary", "list", "--search", "接诉即办")
    assert listed.out == "" and "'glossary update' merges its new entries into yours" in listed.err
    updated = run("glossary", "update")
    assert updated.code == 0 and "1 added" in updated.out
    after = run("glossary", "list", "--search", "接诉即办")
    assert "immediate response to public complaints" in after.out and after.err == ""
    assert load_glossary().find("小巷管家")  # the user's own entry is still there


def test_the_readme_glossary_examples_run(run, tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [line for line in re.findall(r"^glossary (?:add|set) .*$", readme, re.M)]
    assert len(lines) == 4
    own = tmp_path / "g.tsv"
    shutil.copy(shipped_glossary_path(), own)
    for line in lines:
        import shlex

        words = shlex.split(line.split("  #")[0])
        result = run(*words, "--glossary", str(own))
        assert result.code == 0, (line, result.err)


# -- help, version, completion ---------------------------------------------------------------------------


PARSERS = {"translate": translate_parser, "glossary": glossary_parser, "publish": publish_parser}


def undescribed(parser: argparse.ArgumentParser, prefix: str) -> list[str]:
    found = []
    if "``" in (parser.description or ""):
        found.append(f"{prefix}: reStructuredText in its description")
    for action in parser._actions:  # argparse keeps no public list of its actions
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for name, sub in action.choices.items():
                found += [] if helps.get(name) else [f"{prefix} {name}: no help"]
                found += undescribed(sub, f"{prefix} {name}")
        elif not action.help or "``" in action.help:
            found.append(f"{prefix} {'/'.join(action.option_strings) or action.dest}")
    return found


@pytest.mark.parametrize("command", PARSERS)
def test_every_option_and_argument_says_what_it_is(command):
    assert undescribed(PARSERS[command](), command) == []


@pytest.mark.parametrize("command", PARSERS)
def test_each_command_has_a_version_and_alone_shows_its_help(run, command):
    version = run(command, "--version")
    assert version.code == 0 and re.fullmatch(rf"{command} \d+\.\d+\.\d+\n", version.out)
    bare = run(command)
    assert bare.code == 2 and bare.err.startswith(f"usage: {command}") and "options:" in bare.err


def test_the_shell_completes_subcommands_and_options(tmp_path):
    def complete(line: str) -> list[str]:
        answer = tmp_path / "answer"
        environment = {"_ARGCOMPLETE": "1", "COMP_LINE": line, "COMP_POINT": str(len(line))}
        environment["_ARGCOMPLETE_STDOUT_FILENAME"] = str(answer)
        process(line.split()[0], cwd=tmp_path, env=environment)
        return sorted(answer.read_text(encoding="utf-8").replace("\013", "\n").split())

    assert complete("translate q") == ["qa", "queue"]
    assert complete("translate seeds/ --fo") == ["--font-en", "--font-zh", "--force", "--format"]  # 'run' implied
    assert complete("translate seeds/ --format ") == ["docx", "pdf", "xlf"]
    assert complete("glossary list --st") == ["--status"]
    assert "--layout" in complete("publish --la")
