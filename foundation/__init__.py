"""The ground floor: what every other package uses, and which uses nothing of theirs.

``errors`` (UserError, the one-line message every command prints), ``files`` (bounded reads, atomic
writes, XML parsed without entities or network), ``script`` (Simplified and Traditional Chinese through
OpenCC, what counts as a CJK character), ``cpus`` (the CPUs this process may use), ``collector`` (Python's
cycle collector paused while a step makes many objects).
"""
