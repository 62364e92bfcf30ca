"""Run every benchmark and print its figures; exit 1 if a target is missed."""

from __future__ import annotations

import sys

from bench import glossary_match


def main() -> int:
    results = [glossary_match.run()]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
