"""The LLM engine against a scripted OpenAI-compatible server with a fixed latency per request.

The 2024 report (the dev set's Chinese, a paragraph per line) is read and segmented as the main job does,
its glossary terms found; the fake server (tests/fake_llm.py, real HTTP on 127.0.0.1) answers every request
after LATENCY seconds with translations that hold every rendering and quantity in the form the prompt gives,
so a segment is asked again only where QA does not read that form (一半 given as "1/2": one request more).

- throughput at 1, 4, 16 and 64 workers: the ideal for that latency is LATENCY × ⌈requests / workers⌉
  (each worker always busy); the figure is the ideal over the time taken (target ≥ 0.9);
- at 16 and 64 workers, where the time beyond the ideal went, along the connection answered last (the
  fake server stamps each request when read and when answered; a connection carries one at a time):
  before its first request, between its requests (the answer's way back, the engine reading and checking
  it, the next prompt, the request's way there), the server beyond its latency, after its last answer,
  and the requests it carried beyond the ideal's share;
- the engine's own work per segment, without the server: planning, prompt building, reading the answer,
  restoring and checking (target < 2 ms).

Medians of 3 runs.
"""

from __future__ import annotations

import csv
import json
import math
import multiprocessing
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from bench.data import REFERENCE, missing
from glossary.store import load_glossary
from tests.fake_llm import FakeLLM, Reply, translations
from translate.engines.llm import LLMEngine, LLMSettings, plan
from translate.engines.llm.prompt import max_tokens, messages, read_answer
from translate.read import read_document
from translate.segment import segment_document
from translate.terms import find_terms

LATENCY = 0.3
WORKERS = (1, 4, 16, 64)
BREAKDOWN = (16, 64)  # the worker counts whose time beyond the ideal is broken down
RUNS = 3
RATIO_TARGET = 0.9
OVERHEAD_TARGET_MS = 2.0


def report_document():
    paragraphs: dict[str, list[str]] = defaultdict(list)
    with REFERENCE.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            paragraphs[row["年度文件内行号"]].append(row["中文"].strip())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gwr-2024.txt"
        path.write_text("\n\n".join("".join(p) for p in paragraphs.values()) + "\n", encoding="utf-8")
        document = segment_document(read_document(path))
    find_terms(document, load_glossary())
    return document


def slow(call):
    time.sleep(LATENCY)
    return Reply(json.dumps(translations(call)))


@dataclass
class Run:
    seconds: float
    ideal: float
    requests: int
    beyond: str  # where the time beyond the ideal went


class Stamp(NamedTuple):
    """When the server read a request and answered it, on which connection (perf_counter is the system's
    monotonic clock: the same in every process)."""

    client: tuple
    received: float
    answered: float | None


@contextmanager
def server_process() -> Iterator[tuple[str, list[Stamp]]]:
    """The fake server in a process of its own, as a real server is: its reading, JSON and writing (0.7 ms a
    request) do not take the engine's interpreter lock, which in one process they would.  Yields its URL, and
    a list that holds the requests' stamps once the server has stopped."""
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe()
    process = context.Process(target=_serve, args=(theirs,), daemon=True)
    process.start()
    stamps: list[Stamp] = []
    try:
        yield ours.recv(), stamps
    finally:
        ours.send("stop")
        stamps += ours.recv()
        process.join()


def _serve(pipe) -> None:
    with FakeLLM(slow) as server:
        pipe.send(server.url)
        pipe.recv()
        pipe.send([Stamp(c.client, c.received, c.answered) for c in server.calls])


def throughput(document, workers: int) -> Run:
    with server_process() as (url, calls):
        engine = LLMEngine(LLMSettings(url=url, model="fake-model", workers=workers))
        segments = document.segments
        start = time.perf_counter()
        engine.translate_segments(segments, document, lambda indices, outputs, kept=None: None)
        end = time.perf_counter()
    waves = math.ceil(len(calls) / workers)
    return Run(end - start, LATENCY * waves, len(calls), beyond(calls, start, end, waves))


def beyond(calls, start: float, end: float, waves: int) -> str:
    """The time beyond the ideal, along the connection whose last answer came last: exactly the sum of
    the parts, since that connection's requests ran one after another from the start to the end."""
    lane = last_lane(calls)
    answered = [c.answered or c.received for c in lane]  # None: dropped, which the bench's server never does
    parts = {
        "before its first request": lane[0].received - start,
        f"between its {len(lane)} requests": sum(c.received - a for c, a in zip(lane[1:], answered)),
        "server beyond its latency": sum(a - c.received - LATENCY for c, a in zip(lane, answered)),
        "after its last answer": end - answered[-1],
    }
    extra = len(lane) - waves
    if extra:
        parts[f"{extra:+d} request(s) beyond the ideal's {waves}"] = extra * LATENCY
    total = end - start - waves * LATENCY
    return f"{total:.3f} s beyond the ideal: " + ", ".join(f"{name} {value:.3f}" for name, value in parts.items())


def last_lane(calls) -> list:
    """The requests of the connection whose last answer came last, in order."""
    lanes = defaultdict(list)
    for call in calls:
        lanes[call.client].append(call)
    lane = max(lanes.values(), key=lambda lane: max(c.answered or c.received for c in lane))
    return sorted(lane, key=lambda c: c.received)


def overhead_ms(document) -> float:
    """The engine's own work per segment: plan, prompt, answer read, restore and check."""
    engine = LLMEngine.__new__(LLMEngine)  # its methods, no client: nothing is sent
    segments = document.segments
    start = time.perf_counter()
    for request in plan(segments, document):
        messages(request)
        max_tokens(request, 8192)
        answer = {"translations": [{"id": s.id, "target": f"Translated {s.id}."} for s in request.segments]}
        found = read_answer(json.dumps(answer), request)
        for segment in request.segments:
            engine._check(segment, found[segment.id])
    return (time.perf_counter() - start) * 1000 / len(segments)


def run() -> bool:
    if missing("llm engine", REFERENCE):
        return False
    document = report_document()
    segments = len(document.segments)
    planned = len(plan(document.segments, document))
    print(
        f"llm engine: the 2024 report ({segments} segments, {planned} requests planned) against a fake server, "
        f"{LATENCY * 1000:.0f} ms a request"
    )
    met = True
    for workers in WORKERS:
        runs = sorted((throughput(document, workers) for _ in range(RUNS)), key=lambda run: run.seconds)
        median = runs[len(runs) // 2]
        seconds, ideal, requests = median.seconds, median.ideal, median.requests
        ratio = ideal / seconds
        ok = ratio >= RATIO_TARGET
        met &= ok
        print(
            f"  {workers:2} worker(s): {requests} requests, {seconds:6.2f} s, {segments / seconds:6.1f} segments/s; "
            f"ideal {ideal:6.2f} s: {ratio:.2f} of it (target >= {RATIO_TARGET})  {'met' if ok else 'MISSED'}"
        )
        if workers in BREAKDOWN:
            print(f"      the median run, {median.beyond}")
    overhead_ms(document)  # warm: the rendering patterns compiled once, as in a run
    per_segment = statistics.median(overhead_ms(document) for _ in range(RUNS))
    ok = per_segment < OVERHEAD_TARGET_MS
    print(
        f"  the engine's own work: {per_segment:.2f} ms a segment (target < {OVERHEAD_TARGET_MS})  "
        + ("met" if ok else "MISSED")
    )
    return met and ok


if __name__ == "__main__":
    raise SystemExit(0 if run() else 1)
