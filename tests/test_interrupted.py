"""A writer killed in the middle of a write: the old file stays whole, and what
the killed writer left is removed by the next write into the folder."""

from __future__ import annotations

import textwrap

from foundation.files import remove_orphans, temporary_path, write_bytes_atomic

from .conftest import kill_after_first_line


def _kill_while_writing(target) -> None:
    script = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        import foundation.files as files

        def stall(fd):
            print("writing", flush=True)
            time.sleep(60)

        files.os.fsync = stall
        files.write_bytes_atomic(Path({str(target)!r}), b"new content " * 100_000)
        """
    )
    assert kill_after_first_line(script) == b"writing\n"


def test_a_killed_write_keeps_the_old_file_and_the_next_write_clears_its_leftover(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    target = out / "report.zh-en.pdf"
    target.write_bytes(b"the complete old file")
    _kill_while_writing(target)
    leftovers = [p.name for p in out.iterdir() if p != target]
    assert len(leftovers) == 1 and leftovers[0].startswith(".report.zh-en.pdf.")  # the kill left a temporary
    assert target.read_bytes() == b"the complete old file"

    write_bytes_atomic(out / "report.zh-en.qa.json", b"{}")  # the next run writes into the folder
    assert sorted(p.name for p in out.iterdir()) == ["report.zh-en.pdf", "report.zh-en.qa.json"]


def test_a_running_writer_s_temporary_is_left_alone(tmp_path):
    mine = temporary_path(tmp_path / "report.zh-en.docx")  # this process is alive
    mine.write_bytes(b"in progress")
    unrelated = tmp_path / ".notes.tmp"
    unrelated.write_bytes(b"not ours")
    remove_orphans(tmp_path)
    assert mine.exists() and unrelated.exists()


def test_an_install_killed_midway_is_cleared_by_the_next_install(installed_model, run, tiny_package):
    orphan = installed_model / ".installing.999999999-0123abcd.tmp"  # no such process
    (orphan / "half-unpacked").mkdir(parents=True)
    assert run("translate", "models", "install", "--file", str(tiny_package)).code == 0
    assert not orphan.exists()
    assert [p.name for p in installed_model.iterdir()] == ["translate-zh_en-tiny"]
