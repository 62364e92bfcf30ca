"""``glossary serve`` and ``translate review`` as a user starts them: a real process, its address with
the token, a page, Ctrl-C; and a one-line error for what cannot be served."""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
REPORT = "街道党工委召开会议。\n\n全年新增就业1200人。\n"


def start(*command: str, cwd: Path) -> tuple[subprocess.Popen, str]:
    environment = {**os.environ, "BROWSER": "false"}
    child = subprocess.Popen(
        [str(BIN / command[0]), *command[1:]], cwd=cwd, env=environment,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = child.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+", line)
        if found:
            return child, found.group(0)
        if not line and child.poll() is not None:
            break
    child.kill()
    raise AssertionError(f"no address printed: {child.stderr.read()}")


def fetch(url: str) -> tuple[int, str]:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    with opener.open(url, timeout=30) as answer:
        return answer.status, answer.read().decode("utf-8")


def stop(child: subprocess.Popen) -> int:
    child.send_signal(signal.SIGINT)  # Ctrl-C
    return child.wait(timeout=20)


def test_glossary_serve_prints_its_address_serves_and_stops_on_ctrl_c(tmp_path):
    child, url = start("glossary", "serve", "--no-browser", cwd=tmp_path)
    try:
        status, page = fetch(url)
        assert status == 200 and "党工委" in page
    finally:
        code = stop(child)
    assert code == 0
    assert "Traceback" not in child.stderr.read()


def test_translate_review_translates_a_report_first(tmp_path):
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    command = ("translate", "review", "report.txt", "--engine", "none", "--no-tm", "--no-browser")
    child, url = start(*command, cwd=tmp_path)
    try:
        status, page = fetch(url)
        assert status == 200 and "全年新增就业" in page and 'class="segment' in page
        assert (tmp_path / "out" / "report.zh-en.xlf").is_file()
    finally:
        assert stop(child) == 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["translate", "review", "missing.xlf", "--no-tm", "--no-browser"], "no such file"),
        (["translate", "review", "bad.xlf", "--no-tm", "--no-browser"], "bad.xlf"),
        (["glossary", "--glossary", "missing.tsv", "serve", "--no-browser"], "missing.tsv"),
    ],
)
def test_what_cannot_be_served_is_a_one_line_error(tmp_path, arguments, message):
    (tmp_path / "bad.xlf").write_bytes(b"\x00\x01 not xml")
    result = subprocess.run([str(BIN / arguments[0]), *arguments[1:]], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr


def test_a_port_in_use_is_a_one_line_error(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [str(BIN / "glossary"), "serve", "--no-browser", "--port", str(port)],
            cwd=tmp_path, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr and "Traceback" not in result.stderr


def test_translate_review_for_a_team_prints_each_reviewers_own_address(tmp_path, postgres_server):
    from .postgres import fresh_database

    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    team = fresh_database(postgres_server, "review_team")
    command = ["translate", "review", "report.txt", "--engine", "none", "--tm", team, "--no-browser"]
    child = subprocess.Popen(
        [str(BIN / command[0]), *command[1:], "--reviewer", "Li Na", "--reviewer", "Wang Wei:read"],
        cwd=tmp_path, env={**os.environ, "BROWSER": "false"}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        lines = [child.stdout.readline() for _ in range(2)]
        assert lines[0].startswith("translate review for Li Na (review): http://127.0.0.1:"), lines
        assert lines[1].startswith("translate review for Wang Wei (read-only): http://127.0.0.1:"), lines
        addresses = [re.search(r"http://\S+", line).group(0) for line in lines]
        assert addresses[0] != addresses[1]
        for address, shown in zip(addresses, ("Li Na", "Wang Wei · read-only")):
            status, page = fetch(address)
            assert status == 200 and shown in page
    finally:
        assert stop(child) == 0
    assert "Traceback" not in child.stderr.read()
