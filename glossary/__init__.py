"""The governance term base: load, match, check, review, exchange.

This is the bottom layer: it imports nothing from ``translate`` or ``publish``,
so the small shared pieces (errors, atomic writes) live here.
"""
