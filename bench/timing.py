"""Timing for benchmarks: the median of several runs, since the machines are noisy; and readings taken
while no other process used the CPUs, for figures that two CPUs shared with someone else would halve."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

PROC_STAT = Path("/proc/stat")
# A reading is quiet when the other processes kept busy no more than this share of one CPU, on average.
QUIET_CPUS = 0.1
QUIET_WAIT_SECONDS = 20  # before each round, waiting for the others to be done


def median_seconds(work: Callable[[], T], runs: int) -> tuple[float, T]:
    """The median wall time of ``runs`` calls of ``work``, and what the last call returned."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _all_cpu_seconds(stat: Path = PROC_STAT) -> float | None:
    """The CPU time every process has taken since boot (the hypervisor's steal included), or None where
    there is no /proc/stat."""
    try:
        user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, stat.read_text().split()[1:9])
    except (OSError, ValueError):
        return None
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _own_cpu_seconds() -> float:
    """This process's CPU time and that of its children waited for (a pool's workers, once shut down)."""
    return sum(os.times()[:4])


def others_busy(work: Callable[[], T]) -> tuple[float, float, T]:
    """The wall time of ``work``, how many CPUs' worth the other processes kept busy meanwhile (0 where
    that cannot be known), and what ``work`` returned."""
    everyone, own, start = _all_cpu_seconds(), _own_cpu_seconds(), time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    after = _all_cpu_seconds()
    if everyone is None or after is None or seconds <= 0:
        return seconds, 0.0, result
    others = (after - everyone) - (_own_cpu_seconds() - own)
    return seconds, max(0.0, others / seconds), result


def quiet_rounds(ways: dict[str, Callable[[], object]], wanted: int, tries: int) -> tuple[list[dict[str, float]], str]:
    """Rounds of every way in turn (so that noise slows each alike), until ``wanted`` rounds ran with the
    machine otherwise quiet, or ``tries`` rounds ran; the quiet rounds' seconds by way (all rounds', when
    too few were quiet), and a note saying which they are."""
    quiet, noisy, loads = [], [], []
    for _ in range(tries):
        _wait_for_quiet(QUIET_WAIT_SECONDS)
        round_, load = {}, 0.0
        for name, work in ways.items():
            round_[name], others, _ = others_busy(work)
            load = max(load, others)
        (quiet if load <= QUIET_CPUS else noisy).append(round_)
        loads.append(load)
        if len(quiet) == wanted:
            break
    if len(quiet) < wanted:
        return quiet + noisy, f"{len(quiet + noisy)} rounds, {len(quiet)} quiet: others took up to {max(loads):.1f} CPU"
    rounds = "round" if len(noisy) == 1 else "rounds"
    left = f"; {len(noisy)} noisy {rounds} left out (others took up to {max(loads):.1f} CPU)" if noisy else ""
    return quiet, f"{wanted} quiet rounds{left}"


def _wait_for_quiet(most: float) -> None:
    """Until the other processes have left the CPUs quiet for a second, or ``most`` seconds have passed."""
    deadline = time.monotonic() + most
    while time.monotonic() < deadline and others_busy(lambda: time.sleep(1))[1] > QUIET_CPUS:
        pass
