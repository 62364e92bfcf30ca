"""The local web app: glossary entries reviewed with their corpus context and evidence, and a bilingual
XLIFF post-edited side by side, QA re-run, saved and republished.

It serves one person on one machine: it binds 127.0.0.1, and every request passes ``security.Guard``
(Host, Origin, the session token, a CSRF header on changes).  Nothing else in the project imports it;
the ``glossary serve`` and ``translate review`` commands start it.
"""
