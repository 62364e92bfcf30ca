"""How many CPUs this process may use: ``os.cpu_count()`` counts the machine's,
which in a container or under ``taskset`` is more than the process gets, and
more compute threads than CPUs makes CTranslate2 slower, not faster."""

from __future__ import annotations

import math
import os
from pathlib import Path

CGROUP_CPU_MAX = Path("/sys/fs/cgroup/cpu.max")  # cgroup v2: "<quota> <period>" or "max <period>"


def cgroup_quota(cpu_max: Path = CGROUP_CPU_MAX) -> int | None:
    """The CPU quota of this cgroup in whole CPUs (rounded up), or None when there is none."""
    try:
        quota, period = cpu_max.read_text().split()[:2]
        if quota == "max":
            return None
        return max(1, math.ceil(int(quota) / int(period)))
    except (OSError, ValueError):
        return None


def usable_cpus(cpu_max: Path = CGROUP_CPU_MAX) -> int:
    """The CPUs the scheduler lets this process run on, capped by the cgroup quota."""
    try:
        allowed = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        allowed = os.cpu_count() or 1
    quota = cgroup_quota(cpu_max)
    return max(1, min(allowed, quota) if quota else allowed)
