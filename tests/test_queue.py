"""The work queue over several machines (issue 29): documents queued on the tests' PostgreSQL, taken by
real worker processes, a killed worker's document done by another, failures said with their reason."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.queue import STALLED_SECONDS
from translate.bitext import read_xliff
from translate.memory import memory_at

from .paths import DATA, SEEDS
from .postgres import fresh_database

BIN = Path(sys.executable).parent
OUTPUTS = ("zh-en.xlf", "zh-en.docx", "zh-en.pdf", "zh-en.qa.json")


def translate(*arguments: str, cwd: Path, wait: bool = True):
    command = [str(BIN / "translate"), *arguments]
    if not wait:
        return subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)


def status_line(queue: str, cwd: Path) -> str:
    result = translate("queue", "status", "--queue", queue, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def reports(tmp_path) -> Path:
    """Six reports: the two seeds, and four long excerpts (18,000 characters: a worker is busy with one for
    seconds, long enough to be killed in the middle)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    rows = [json.loads(line) for line in (DATA / "corpus" / "gwr-excerpts-zh.jsonl").read_text("utf-8").splitlines()]
    text = "\n\n".join(row["content"] for row in rows if len(row["content"]) > 3000)
    for number in range(1, 5):
        (folder / f"long{number}.txt").write_text(text, encoding="utf-8")
    return folder


def test_two_workers_share_a_queue_and_each_document_is_done_once(postgres_server, installed_model, reports, tmp_path):
    queue = fresh_database(postgres_server, "queue_two")
    memory = fresh_database(postgres_server, "queue_two_tm")
    queued = translate(
        str(reports), "--engine", "argos", "--tm", memory, "--out", "out", "--queue", queue, cwd=tmp_path
    )
    assert queued.returncode == 0 and queued.stdout.startswith("6 document(s) queued"), queued.stderr
    again = translate(str(reports), "--engine", "argos", "--tm", memory, "--out", "out", "--queue", queue, cwd=tmp_path)
    assert "0 document(s) queued" in again.stdout and "(6 already waiting)" in again.stdout
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())  # nothing translated here
    workers = [translate("worker", "--queue", queue, "--burst", cwd=tmp_path, wait=False) for _ in range(2)]
    done = [worker.communicate(timeout=600) for worker in workers]
    assert all(worker.returncode == 0 for worker in workers), done
    by_worker = [[line for line in out.splitlines() if line.startswith("/")] for out, _ in done]
    assert all(by_worker), by_worker  # both took a share
    assert sorted(line.split(":")[0] for lines in by_worker for line in lines) == sorted(
        str(path) for path in reports.glob("*.txt")
    )  # each document once
    assert "0 queued, 0 running, 6 done, 0 failed" in status_line(queue, tmp_path)
    for path in reports.glob("*.txt"):
        assert all((tmp_path / "out" / f"{path.stem}.{suffix}").is_file() for suffix in OUTPUTS)
    units = memory_at(memory).units()
    keys = [u.key for u in units if u.origin == "mt"]
    assert keys and len(keys) == len(set(keys))


def test_a_killed_workers_document_is_done_by_another_and_only_once(postgres_server, reports, tmp_path):
    queue = fresh_database(postgres_server, "queue_killed")
    memory = fresh_database(postgres_server, "queue_killed_tm")
    long_ones = sorted(reports.glob("long*.txt"))
    queued = translate(*map(str, long_ones), "--engine", "none", "--tm", memory, "--out", "out", "--queue", queue,
                       cwd=tmp_path)  # fmt: skip
    assert queued.returncode == 0, queued.stderr
    first = translate("worker", "--queue", queue, cwd=tmp_path, wait=False)
    deadline = time.monotonic() + 120
    while "1 running" not in status_line(queue, tmp_path):
        assert time.monotonic() < deadline, "the first worker never started a document"
        time.sleep(0.2)
    time.sleep(1.0)  # in the middle of it
    first.send_signal(signal.SIGKILL)  # no clean-up: its machine is gone
    first.wait(timeout=30)
    line = status_line(queue, tmp_path)
    assert "1 running" in line  # the queue cannot know yet
    time.sleep(STALLED_SECONDS + 2)  # its heartbeat has stopped for longer than a worker may be silent
    second = translate("worker", "--queue", queue, "--burst", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert f"0 queued, 0 running, {len(long_ones)} done, 0 failed" in status_line(queue, tmp_path)
    for path in long_ones:
        xliff = tmp_path / "out" / f"{path.stem}.zh-en.xlf"
        assert all((tmp_path / "out" / f"{path.stem}.{suffix}").is_file() for suffix in OUTPUTS)
        assert len(read_xliff(xliff).segments) > 100
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]  # no half-written file


def test_a_document_that_fails_is_said_with_its_reason(postgres_server, tmp_path):
    queue = fresh_database(postgres_server, "queue_failed")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip file at all")
    good = tmp_path / "good.txt"
    good.write_text("街道党工委召开会议。\n", encoding="utf-8")
    queued = translate(str(broken), str(good), "--engine", "none", "--no-tm", "--out", "out", "--queue", queue,
                       cwd=tmp_path)  # fmt: skip
    assert queued.returncode == 0, queued.stderr
    worker = translate("worker", "--queue", queue, "--burst", cwd=tmp_path)
    said = worker.stderr.strip().splitlines()
    assert worker.returncode == 1 and len(said) == 3 and "Traceback" not in worker.stderr, worker.stderr
    assert said[1] == f"translate worker: {broken}: not a readable .docx file (File is not a zip file)"
    assert said[2] == "translate worker: no document left; 1 done, 1 failed here"
    line = status_line(queue, tmp_path)
    assert "1 done, 1 failed" in line, line
    assert line.splitlines()[1] == f"  failed: {broken}: not a readable .docx file (File is not a zip file)"
    assert len(line.splitlines()) == 2  # the counts, and one line for the failure
    import docx  # the file mended and queued again: done, and its failure no longer listed

    mended = docx.Document()
    mended.add_paragraph("街道党工委召开会议。")
    mended.save(broken)
    assert translate(str(broken), "--engine", "none", "--no-tm", "--out", "out", "--queue", queue,
                     cwd=tmp_path).returncode == 0  # fmt: skip
    assert translate("worker", "--queue", queue, "--burst", cwd=tmp_path).returncode == 0
    line = status_line(queue, tmp_path)
    assert len(line.splitlines()) == 1 and "2 done, 0 failed" in line, line


def test_a_run_queued_with_zhen_tm_carries_the_team_memory_to_its_workers(postgres_server, tmp_path, monkeypatch):
    from translate.memory import memory_at

    queue = fresh_database(postgres_server, "queue_env")
    team = fresh_database(postgres_server, "queue_env_tm")
    assert (
        translate("tm", "import", str(SEEDS / "000_fd68bde13d4caed7.en.tmx"), "--tm", team, cwd=tmp_path).returncode
        == 0
    )
    seed = str(SEEDS / "000_fd68bde13d4caed7.txt")
    queued = subprocess.run(
        [str(BIN / "translate"), seed, "--engine", "none", "--format", "xlf", "--out", "out", "--queue", queue],
        cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "ZHEN_TM": team},
    )  # fmt: skip
    assert queued.returncode == 0, queued.stderr
    again = subprocess.run(  # the same document by a run with other options: another task
        [str(BIN / "translate"), seed, "--engine", "none", "--format", "xlf", "--out", "out2", "--queue", queue],
        cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "ZHEN_TM": team},
    )  # fmt: skip
    assert again.stdout.startswith("1 document(s) queued"), again.stdout
    worker = translate("worker", "--queue", queue, "--burst", cwd=tmp_path)  # no ZHEN_TM on this machine
    assert worker.returncode == 0, worker.stderr
    for out in ("out", "out2"):
        segments = read_xliff(tmp_path / out / "000_fd68bde13d4caed7.zh-en.xlf").segments
        assert sum(1 for s in segments if s.target) == 49  # every sentence from the team's memory
    assert memory_at(team).stats()["human"] == 49


def test_a_queue_that_cannot_be_reached_is_one_line(tmp_path):
    down = "postgresql://zhen@127.0.0.1:9/zhen"
    for command in (("queue", "status", "--queue", down), ("worker", "--queue", down, "--burst")):
        result = translate(*command, cwd=tmp_path)
        assert result.returncode == 2 and "cannot be reached" in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    refused = translate("queue", "status", "--queue", "postgresql://zhen:pw@127.0.0.1:9/zhen", cwd=tmp_path)
    assert refused.returncode == 2 and ":pw@" not in refused.stderr and "PGPASSWORD" in refused.stderr
