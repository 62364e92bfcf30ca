"""The bilingual file: XLIFF 2.1, readable by CAT tools, read back to publish.

A unit per heading or paragraph, a segment per sentence, ``state`` from
initial to final, glossary hits as ``<mrk type="term">`` in the source,
translation-memory candidates as ``<mtc:matches>`` of the unit, QA
findings as ``<note category="qa">`` of the unit (read back, they are ignored:
QA runs again on what the file says now).
"""

from __future__ import annotations

import hashlib
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from glossary.entry import STATUSES, Entry, Status
from glossary.errors import UserError
from glossary.files import MB, parse_xml, read_bytes
from translate.document import Block, BlockKind, Document, Segment, State, TermHit
from translate.languages import check_language_tag
from translate.normalize import normalize
from translate.read import DEFAULT_MAX_INPUT_MB

XLIFF = "urn:oasis:names:tc:xliff:document:2.0"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MDA = "urn:oasis:names:tc:xliff:metadata:2.0"
MTC = "urn:oasis:names:tc:xliff:matches:2.0"
# Our own namespace, for what a term mark says beyond XLIFF's value: the
# headword (when a variant matched) and the entry's status.
ZHEN = "urn:x-zhen:translate"
# Our own values of XLIFF's extensible attributes (subState, unit type).
PREFIX = "zhen"


def _q(tag: str, ns: str = XLIFF) -> str:
    return f"{{{ns}}}{tag}"


def _metadata(parent: ET.Element, category: str, values: dict[str, str]) -> None:
    group = ET.SubElement(ET.SubElement(parent, _q("metadata", MDA)), _q("metaGroup", MDA), category=category)
    for key, value in values.items():
        ET.SubElement(group, _q("meta", MDA), type=key).text = value


def _read_metadata(parent: ET.Element, category: str) -> dict[str, str]:
    values = {}
    for group in parent.findall(f"{_q('metadata', MDA)}/{_q('metaGroup', MDA)}"):
        if group.get("category") == category:
            for meta in group.findall(_q("meta", MDA)):
                values[meta.get("type", "")] = meta.text or ""
    return values


def _source_element(segment: Segment) -> ET.Element:
    source = ET.Element(_q("source"))
    text, position, last = segment.source, 0, None
    for number, hit in enumerate(segment.terms, start=1):
        chunk = text[position : hit.start]
        if last is None:
            source.text = chunk
        else:
            last.tail = chunk
        last = ET.SubElement(source, _q("mrk"), id=f"{segment.id}m{number}", type="term", value=hit.en)
        last.set(_q("status", ZHEN), hit.status)
        last.text = text[hit.start : hit.end]
        if hit.zh != last.text:
            last.set(_q("term", ZHEN), hit.zh)
        position = hit.end
    if last is None:
        source.text = text[position:]
    else:
        last.tail = text[position:]
    return source


def _indent(element: ET.Element, depth: int = 0) -> None:
    """Pretty-print structure only: source and target text is content, left alone."""
    if element.tag in (_q("source"), _q("target")) or not len(element):
        return
    pad = "\n" + "  " * (depth + 1)
    element.text = pad
    for child in element:
        _indent(child, depth + 1)
        child.tail = pad
    element[-1].tail = "\n" + "  " * depth


def written_hash(target: str) -> str:
    """A short hash of a target as written, so that an import can tell whether someone edited it."""
    return hashlib.sha256(target.encode("utf-8")).hexdigest()[:16]


def post_edited(segment: Segment) -> bool:
    """Whether a human stands behind this target: marked reviewed or final, or changed since it was written
    (a target from another tool, with no mark of ours, counts as a human's)."""
    if not segment.target.strip():
        return False
    return segment.state in (State.REVIEWED, State.FINAL) or segment.written != written_hash(segment.target)


def _matches(unit: ET.Element, block: Block) -> None:
    """Translation-memory candidates (the XLIFF 2 matches module), which a CAT tool offers the translator."""
    candidates = [(segment, c) for segment in block.segments for c in segment.candidates]
    if not candidates:
        return
    matches = ET.SubElement(unit, _q("matches", MTC))
    for segment, candidate in candidates:
        match = ET.SubElement(
            matches,
            _q("match", MTC),
            ref=f"#{segment.id}",
            type="tm",
            similarity=f"{math.floor(candidate.similarity * 10) / 10:g}",  # 99.96 is not a 100% match
            origin=f"translation memory ({candidate.origin})",
        )
        ET.SubElement(match, _q("source")).text = candidate.source
        ET.SubElement(match, _q("target")).text = candidate.target


def _qa_notes(unit: ET.Element, block: Block) -> None:
    """QA findings as notes a CAT tool shows beside the unit: category "qa", about the target,
    priority 1 for errors and 5 for warnings (XLIFF's 1 is the highest)."""
    findings = [(segment, issue) for segment in block.segments for issue in segment.issues]
    if not findings:
        return
    notes = ET.SubElement(unit, _q("notes"))
    for number, (segment, issue) in enumerate(findings, start=1):
        note = ET.SubElement(notes, _q("note"), id=f"qa{number}", category="qa", appliesTo="target")
        note.set("priority", "1" if issue.severity == "error" else "5")
        note.text = f"{segment.id}: {issue.check}: {issue.message}"


def _register_prefixes() -> None:
    # ElementTree's prefix table is global and other libraries write to it too,
    # so the prefixes are claimed again right before each serialisation.
    for prefix, uri in (("", XLIFF), ("mda", MDA), ("mtc", MTC), ("zhen", ZHEN)):
        ET.register_namespace(prefix, uri)


def to_xliff(document: Document) -> bytes:
    root = ET.Element(_q("xliff"), version="2.1", srcLang=document.source_lang, trgLang=document.target_lang)
    file = ET.SubElement(root, _q("file"), id="f1", original=document.stem)
    facts = {
        "title": document.title,
        "glossary-sha256": document.glossary_sha256,
        "source-file": document.source_file,
        "translated": document.translated,
    }
    _metadata(file, "document", {key: value for key, value in facts.items() if value})
    for block in document.blocks:
        unit = ET.SubElement(file, _q("unit"), id=block.id, type=f"{PREFIX}:{block.kind.value}")
        if block.kind is BlockKind.HEADING:
            _metadata(unit, "block", {"level": str(block.level)})
        _matches(unit, block)
        _qa_notes(unit, block)
        for segment in block.segments:
            attributes = {"id": segment.id, "state": segment.state.value}
            if segment.origin:
                attributes["subState"] = f"{PREFIX}:{segment.origin}"
            element = ET.SubElement(unit, _q("segment"), attributes)
            element.append(_source_element(segment))
            if segment.target or segment.state is not State.INITIAL:
                ET.SubElement(element, _q("target")).text = segment.target
                element.set(_q("written", ZHEN), written_hash(segment.target))
    _indent(root)
    _register_prefixes()
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def _status(value: str) -> Status:
    return Status(value) if value in STATUSES else Status.PROPOSED


def _read_source(element: ET.Element) -> tuple[str, list[TermHit]]:
    """The source text and the term hits marked in it."""
    text, hits = element.text or "", []
    for child in element:
        inner = "".join(child.itertext())
        if child.tag == _q("mrk") and child.get("type") == "term":
            # The entry as the file recorded it; publishing finds terms again with the current glossary.
            recorded = Entry(
                zh=child.get(_q("term", ZHEN), inner),
                en=child.get("value", ""),
                status=_status(child.get(_q("status", ZHEN), Status.APPROVED)),
            )
            hits.append(TermHit(len(text), len(text) + len(inner), recorded))
        text += inner + (child.tail or "")
    return text, hits


def _heading_level(unit: ET.Element, label: str | Path) -> int:
    level = _read_metadata(unit, "block").get("level", "1").strip() or "1"
    if not (level.isascii() and level.isdigit() and 1 <= int(level) <= 6):
        raise UserError(
            f"unit {unit.get('id', '')[:40]!r}: heading level {level[:20]!r} is not a number from 1 to 6", label
        )
    return int(level)


def from_xliff(data: bytes, label: str | Path) -> Document:
    root = parse_xml(data, label)
    if root.tag != _q("xliff") or not root.get("version", "").startswith("2."):
        raise UserError("not an XLIFF 2 file", label)
    file = root.find(_q("file"))
    if file is None:
        raise UserError("XLIFF file has no <file>", label)
    info = _read_metadata(file, "document")
    blocks = []
    for unit in file.iter(_q("unit")):
        kind_name = (unit.get("type") or "").removeprefix(f"{PREFIX}:")
        kind = BlockKind.HEADING if kind_name == "heading" else BlockKind.PARAGRAPH
        level = _heading_level(unit, label)
        block = Block(id=unit.get("id", f"u{len(blocks) + 1}"), kind=kind, level=level)
        for element in unit.findall(_q("segment")):
            source_element = element.find(_q("source"))
            if source_element is None:
                raise UserError(f"segment {element.get('id')} has no <source>", label)
            source, terms = _read_source(source_element)
            target_element = element.find(_q("target"))
            target = "".join(target_element.itertext()) if target_element is not None else ""
            try:
                state = State(element.get("state", "initial"))
            except ValueError:
                raise UserError(f"segment {element.get('id')}: unknown state {element.get('state')!r}", label)
            block.segments.append(
                Segment(
                    id=element.get("id", f"{block.id}s{len(block.segments) + 1}"),
                    source=source,
                    normalized=normalize(source),
                    target=target,
                    state=state,
                    origin=(element.get("subState") or "").removeprefix(f"{PREFIX}:"),
                    written=element.get(_q("written", ZHEN), ""),
                    terms=terms,
                )
            )
        blocks.append(block)
    stem = file.get("original") or Path(str(label)).name.split(".")[0]  # made safe when outputs are named
    return Document(
        title=info.get("title", stem),
        blocks=blocks,
        stem=stem,
        source_lang=check_language_tag(root.get("srcLang", "zh"), label),
        target_lang=check_language_tag(root.get("trgLang", "en"), label),
        glossary_sha256=info.get("glossary-sha256", ""),
        source_file=info.get("source-file", ""),
        translated=info.get("translated", "") if ISO_DATE.fullmatch(info.get("translated", "")) else "",
    )


def read_xliff(path: Path, max_input_bytes: int = DEFAULT_MAX_INPUT_MB * MB) -> Document:
    return from_xliff(read_bytes(Path(path), max_input_bytes), path)
