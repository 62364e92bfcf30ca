"""A bilingual XLIFF as the review app shows it: its segments with their terms, QA findings and memory
candidates; a segment's English saved back into the file (atomically, under a lock, refused when the
segment changed since it was opened) and into the memory as a human translation; the DOCX and PDF
published again.

The file is written again in the XLIFF version it came in (2.1 or 1.2), by the same writer as
``translate``: what this tool reads from a file, it writes back.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from foundation.errors import UserError
from foundation.files import MB, exclusive, read_bytes, write_bytes_atomic
from foundation.text import clean
from glossary.store import Glossary, load_glossary
from pipeline.job import Options, publish_file
from translate.bitext import from_xliff, to_xliff, xliff_version
from translate.document import Document, Segment, State
from translate.memory import TranslationMemory, offer_candidates
from translate.occasion import document_year
from translate.qa import check_document, check_segment, english_before
from translate.read import DEFAULT_MAX_INPUT_MB
from translate.terms import find_terms
from translate.tm_files import segment_units

LOCK_TIMEOUT_SECONDS = 30.0
EDIT_STATES = (State.REVIEWED, State.FINAL)  # a human edit is at least reviewed: `translate import` takes it
ORIGIN_GROUPS = {"human": "human", "tm-human": "memory", "tm-mt": "memory", "glossary": "glossary", "mt": "engine"}


class StaleSegment(Exception):
    def __init__(self, current: Segment | None):
        super().__init__("stale")
        self.current = current


def segment_version(segment: Segment) -> str:
    """What a save must name: changes whenever the segment's English or state changes."""
    return hashlib.sha256(f"{segment.state}\x00{segment.target}".encode()).hexdigest()[:16]


def origin_group(segment: Segment) -> str:
    """human, memory, glossary, engine or untranslated: where a segment's English came from (a target with
    no mark of ours, from another tool or typed into the file, is a person's, as ``post_edited`` counts it)."""
    origin = segment.origin
    if not segment.target.strip():
        return "untranslated"
    if origin.startswith("tm-fuzzy"):
        return "memory"
    return ORIGIN_GROUPS.get(origin, "human" if not origin else "engine")


@dataclass
class Published:
    files: dict[str, Path]  # "docx" / "pdf" → where it was written
    notes: list[str]


@dataclass
class TranslationView:
    path: Path
    glossary_path: Path
    memory: TranslationMemory | None = None
    max_input_bytes: int = DEFAULT_MAX_INPUT_MB * MB
    published: Published | None = None
    _document: Document | None = None
    _stamp: tuple | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _memory_lock: threading.Lock = field(default_factory=threading.Lock)  # one thread at a time in the memory

    @property
    def name(self) -> str:
        return self.path.name

    def _read(self) -> tuple[Document, str, Glossary]:
        data = read_bytes(self.path, self.max_input_bytes)
        document = from_xliff(data, self.path)
        glossary = load_glossary(self.glossary_path)
        find_terms(document, glossary)
        check_document(document)
        return document, xliff_version(data, self.path), glossary

    def _disk_stamp(self) -> tuple:
        return tuple((p.stat().st_mtime_ns, p.stat().st_size) for p in (self.path, self.glossary_path))

    def document(self) -> Document:
        """The file's document, terms found and QA run with the current glossary; read again when the
        file or the glossary changed on disk."""
        with self._lock:
            stamp = self._disk_stamp()
            if self._document is None or stamp != self._stamp:
                document, _, _ = self._read()
                with self._memory_lock:
                    offer_candidates(document.segments, self.memory, None)
                self._document, self._stamp = document, stamp
            return self._document

    def segment(self, segment_id: str) -> Segment:
        for segment in self.document().segments:
            if segment.id == segment_id:
                return segment
        raise KeyError(segment_id)

    def summary(self) -> dict:
        """QA findings by check, and segments by where their English came from (for the page's chart);
        the checks whose findings are all warnings, to draw them as warnings, not errors."""
        segments = self.document().segments
        issues = [issue for segment in segments for issue in segment.issues]
        return {
            "checks": dict(sorted(Counter(i.check for i in issues).items())),
            "warnings": {i.check for i in issues} - {i.check for i in issues if i.severity == "error"},
            "origins": Counter(origin_group(s) for s in segments),
            "segments": len(segments),
        }

    def save(self, segment_id: str, version: str, target: str, state: str, who: str = "") -> Segment:
        """A human's English for one segment, into the file and the memory (as ``who``'s, a reviewer's
        name); QA run on it at once."""
        if state not in EDIT_STATES:
            raise UserError(f"state must be one of {', '.join(EDIT_STATES)}")
        # Pasted from Word or a PDF: its line breaks said as a file can say them, any other control refused
        # here, before the file is touched, with where it stands.
        target = clean(target, "the translation").strip()
        with exclusive(self.path, "the XLIFF file", LOCK_TIMEOUT_SECONDS):
            document, xliff, glossary = self._read()  # fresh: another tab or tool may have written since
            found = next((s for s in document.segments if s.id == segment_id), None)
            if found is None:
                raise KeyError(segment_id)
            if segment_version(found) != version:
                raise StaleSegment(found)
            found.target, found.state, found.origin = target, State(state), "human"
            found.issues = check_segment(found, english_before(document, found), document_year(document))
            write_bytes_atomic(self.path, to_xliff(document, xliff))
            self._keep(document)
        if self.memory is not None and target:
            with self._memory_lock:
                self.memory.add_human(segment_units([found], self.path), glossary.sha256, who)
        return found

    def _keep(self, document: Document) -> None:
        """The document as just written becomes the page's copy, with the memory candidates the old copy
        had (a save changes no source, so they stand: no new search of the memory)."""
        with self._lock:
            if self._document is not None:
                offered = {s.id: s.candidates for s in self._document.segments}
                for segment in document.segments:
                    segment.candidates = offered.get(segment.id, [])
                self._document, self._stamp = document, self._disk_stamp()

    def memory_problem(self) -> str:
        """Why the memory stopped taking translations, if it did (the file is saved regardless)."""
        return str(self.memory.problem) if self.memory is not None and self.memory.problem else ""

    def publish(self) -> Published:
        """The DOCX and PDF made again from the file as it is now, beside it."""
        glossary = load_glossary(self.glossary_path)
        options = Options(formats=("docx", "pdf"), out_dir=None, max_input_bytes=self.max_input_bytes)
        outcome = publish_file(self.path, glossary, options)
        files = {path.suffix.lstrip("."): path for path in outcome.written if path.suffix in (".docx", ".pdf")}
        self.published = Published(files, outcome.notes)
        return self.published
