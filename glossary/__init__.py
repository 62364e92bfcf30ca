"""The governance term base: load, match, check, review, exchange.

A domain package on the foundation: it imports nothing but ``foundation`` and knows nothing of
translating, reviewing in the browser, or command lines (``commands.glossary`` is its command).
"""
