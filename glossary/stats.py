"""``glossary stats``: how many entries per status and domain, and how many cite a source."""

from __future__ import annotations

from collections import Counter

from glossary.entry import DOMAINS, STATUSES, Status
from glossary.store import Glossary


def summary(glossary: Glossary) -> str:
    statuses = Counter(e.status for e in glossary.entries)
    lines = [f"{len(glossary.entries)} entries: " + ", ".join(f"{statuses[s]} {s}" for s in STATUSES)]
    by_domain = Counter((e.domain, e.status) for e in glossary.entries)
    for domain in DOMAINS:
        counts = [by_domain[(domain, s)] for s in STATUSES]
        if any(counts):
            lines.append(f"  {domain:<12}" + "  ".join(f"{n:>4} {s}" for n, s in zip(counts, STATUSES)))
    sourced = sum(1 for e in glossary.by_status(Status.APPROVED) if e.source)
    lines.append(f"approved entries citing a source: {sourced} of {statuses[Status.APPROVED]}")
    return "\n".join(lines)
