"""Run every benchmark and print its figures; exit 1 if a target is missed."""

from __future__ import annotations

import sys

from bench import (
    docx_rows,
    evaluation,
    evidence,
    fidelity,
    glossary_match,
    heldout,
    llm_engine,
    memory,
    publishing,
    review_glossary,
    review_translation,
    team_memory,
)


def main() -> int:
    benches = (glossary_match, fidelity, heldout, memory, evidence, docx_rows, publishing)
    benches += (review_glossary, review_translation, llm_engine, team_memory, evaluation)
    results = [bench.run() for bench in benches]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
