"""One Ctrl-C ends a folder run within seconds: every worker with it, no traceback, no process left, and a
closing line that says which files are complete, as the disk shows (issue 27, items 8 and 9)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from translate.bitext import read_xliff

from .paths import DATA
from .test_distribution import page_count

RUNS = 20
REPORTS = 8
OUTPUTS = ("zh-en.xlf", "zh-en.docx", "zh-en.pdf", "zh-en.qa.json")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """Eight reports of about 18,000 characters (the three long excerpts, 1978, 2008 and 2019): long enough that
    a run is busy in the engine's process and in a publishing worker at once when it is stopped."""
    rows = [json.loads(line) for line in (DATA / "corpus" / "gwr-excerpts-zh.jsonl").read_text("utf-8").splitlines()]
    text = "\n\n".join(row["content"] for row in rows if len(row["content"]) > 3000)
    folder = tmp_path_factory.mktemp("reports")
    for number in range(1, REPORTS + 1):
        (folder / f"r{number}.txt").write_text(text, encoding="utf-8")
    return folder


def translate(folder: Path, out: Path) -> subprocess.Popen:
    command = [str(Path(sys.executable).parent / "translate"), str(folder), "--engine", "none", "--no-tm"]
    return subprocess.Popen(
        [*command, "--out", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )


def in_group(group: int) -> list[str]:
    """Every process still in the run's process group, zombies included (a zombie is a child no one waited
    for: an orphan too): its pid, state and command line, to say which one was left."""
    pids = subprocess.run(["pgrep", "-g", str(group)], capture_output=True, text=True).stdout.split()
    return [_described(pid) for pid in pids]


def _described(pid: str) -> str:
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return pid  # gone since pgrep saw it
    return f"{pid} ({state}) {command[:200]}"


def complete_in(closing: str) -> list[str]:
    """The files the closing line calls complete."""
    listed = closing.partition("complete: ")[2].partition(";")[0] if "; complete: " in closing else ""
    return [Path(name).stem for name in listed.split(", ") if name]


def test_twenty_interrupted_folder_runs_end_at_once_and_say_what_is_complete(folder, tmp_path):
    out = tmp_path / "out"
    took = []
    for run in range(RUNS):
        child = translate(folder, out)
        time.sleep(0.3 + (run % 10) * 0.4)  # from starting up to deep in the folder, 0.3 to 3.9 s
        os.killpg(child.pid, signal.SIGINT)  # as a terminal sends Ctrl-C: to the command and its workers
        stopped = time.monotonic()
        try:
            stdout, stderr = child.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            pytest.fail(f"run {run}: still running 30 s after Ctrl-C")
        took.append(time.monotonic() - stopped)
        err = stderr.decode()
        assert child.returncode == 130, err
        assert "Traceback" not in err and "Exception ignored" not in err, err
        assert in_group(child.pid) == [], f"run {run}: left running: {in_group(child.pid)}"
        closing = err.strip().splitlines()[-1]
        if closing == "translate: interrupted while starting; nothing was done":  # still importing: nothing begun
            assert not stdout and not (out.exists() and run == 0)
            continue
        assert closing.startswith("translate: interrupted;") and "the others" not in closing, err
        printed = [Path(line.split(":")[0]).stem for line in stdout.decode().splitlines() if line.startswith("/")]
        complete = complete_in(closing)
        assert set(printed) <= set(complete)  # every file reported done is said complete
        for stem in complete:  # and what is said complete is so on the disk
            assert all((out / f"{stem}.{suffix}").is_file() for suffix in OUTPUTS), (run, stem)
            assert len(read_xliff(out / f"{stem}.zh-en.xlf").segments) > 100
            assert page_count(out / f"{stem}.zh-en.pdf") > 1
        for stem in {f"r{n}" for n in range(1, REPORTS + 1)} - set(complete):
            assert stem + ".txt" in closing.partition("not complete")[2], (stem, closing)  # named, not skipped
    print("seconds from Ctrl-C to exit:", sorted(round(t, 2) for t in took))
    assert max(took) < 5, took
    finished = translate(folder, out)  # a second run does what the first left, and leaves nothing behind
    assert finished.wait(timeout=300) == 0
    assert sorted(path.name for path in out.iterdir()) == sorted(
        f"r{n}.{suffix}" for n in range(1, REPORTS + 1) for suffix in OUTPUTS
    )


def test_ctrl_c_while_opencc_loads_is_the_interrupt_not_a_broken_install(monkeypatch):
    """pybind11 turns a KeyboardInterrupt during its module's initialisation into an ImportError, and
    OpenCC's fallbacks into "opencc_clib not found in Bazel runfiles": staged here, as no real client can
    time a Ctrl-C to land inside that import."""
    import builtins
    import sys

    from foundation import script

    real_import = builtins.__import__

    def interrupted_import(name, *args, **kwargs):
        if name == "opencc":
            try:
                try:
                    raise KeyboardInterrupt
                except KeyboardInterrupt as interrupt:
                    raise ImportError("initialization failed") from interrupt
            except ImportError:
                raise ImportError("opencc_clib not found in Bazel runfiles")  # noqa: B904 (as OpenCC does)
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "opencc", raising=False)
    monkeypatch.setattr(builtins, "__import__", interrupted_import)
    script._converter.cache_clear()
    try:
        with pytest.raises(KeyboardInterrupt):
            script.to_simplified("測試")
    finally:
        script._converter.cache_clear()
