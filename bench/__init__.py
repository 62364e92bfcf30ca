"""Benchmarks with their targets: ``python -m bench`` (or ``make bench``)."""
