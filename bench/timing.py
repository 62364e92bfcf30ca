"""Timing for benchmarks: the median of several runs, since the machines are noisy."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def median_seconds(work: Callable[[], T], runs: int) -> tuple[float, T]:
    """The median wall time of ``runs`` calls of ``work``, and what the last call returned."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result
