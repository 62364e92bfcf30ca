"""The main job: a report through the stages in order (read, normalise and segment, terms, memory,
engine, QA), then its outputs (XLIFF, DOCX, PDF, the QA report), one file or a folder of them across the
CPUs.

It stands above both ``translate`` (the stages and the bilingual file) and ``publish`` (DOCX and PDF),
and below the commands and the web app that call it.  ``from translate import translate_file`` finds it
here too: the ``translate`` package hands on the library's public names.
"""
