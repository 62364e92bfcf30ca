"""The top floor: the three command lines, ``translate``, ``glossary`` and ``publish``.

Each parses its arguments, calls the library (``translate.job``, ``glossary``, ``publish``) or starts the
web app (``review``), and turns what comes back into output and an exit code. No logic of their own lives
here that another front end would need.
"""
