"""XLIFF 2.1: the bilingual file, valid against the OASIS core schema and the modules it uses.

A unit per heading or paragraph, a segment per sentence, ``state`` from initial
to final, glossary hits as ``<mrk type="term">`` in the source.  A table is a
``<group>`` with a unit per cell.  What the core has no place for goes where the
standard allows it: translation-memory candidates in the matches module
(``<mtc:matches>``), a heading's level, a cell's place and the hash of each
target as written in the metadata module (``<mda:metadata>`` of the unit), and
QA findings as ``<note category="qa">`` of the unit (read back, they are ignored:
QA runs again on what the file says now).
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

from foundation.errors import UserError
from glossary.entry import Entry, Status
from translate.bitext.units import (
    block_kind,
    cell_facts,
    checked_table,
    document_facts,
    entry_status,
    heading_level,
    indent,
    read_cell,
    read_marked,
    serialize,
    source_with_marks,
    written_hash,
)
from translate.document import Block, BlockKind, Cell, Document, Segment, State, TermHit
from translate.normalize import normalize

XLIFF = "urn:oasis:names:tc:xliff:document:2.0"
MDA = "urn:oasis:names:tc:xliff:metadata:2.0"
MTC = "urn:oasis:names:tc:xliff:matches:2.0"
# Our own namespace, for what a term mark says beyond XLIFF's value: the
# headword (when a variant matched) and the entry's status (<mrk> takes other namespaces' attributes).
ZHEN = "urn:x-zhen:translate"
# Our own values of XLIFF's extensible attributes (subState, unit and group type).
PREFIX = "zhen"
WRITTEN = "written"  # the metadata group of each target's hash as written


def _q(tag: str, ns: str = XLIFF) -> str:
    return f"{{{ns}}}{tag}"


def _metadata(parent: ET.Element, groups: dict[str, dict[str, str]]) -> None:
    """One ``<mda:metadata>`` with a group per category that has values."""
    groups = {category: values for category, values in groups.items() if values}
    if not groups:
        return
    metadata = ET.SubElement(parent, _q("metadata", MDA))
    for category, values in groups.items():
        group = ET.SubElement(metadata, _q("metaGroup", MDA), category=category)
        if category == WRITTEN:
            group.set("appliesTo", "target")
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
    def mark(source: ET.Element, number: int, hit: TermHit) -> ET.Element:
        element = ET.SubElement(source, _q("mrk"), id=f"{segment.id}m{number}", type="term", value=hit.en)
        element.set(_q("status", ZHEN), hit.status)
        if hit.zh != segment.source[hit.start : hit.end]:
            element.set(_q("term", ZHEN), hit.zh)
        return element

    return source_with_marks(ET.Element(_q("source")), segment, mark)


def _matches(unit: ET.Element, segments: list[Segment]) -> None:
    """Translation-memory candidates (the XLIFF 2 matches module), which a CAT tool offers the translator."""
    candidates = [(segment, c) for segment in segments for c in segment.candidates]
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


def _qa_notes(unit: ET.Element, segments: list[Segment]) -> None:
    """QA findings as notes a CAT tool shows beside the unit: category "qa", about the target,
    priority 1 for errors and 5 for warnings (XLIFF's 1 is the highest)."""
    findings = [(segment, issue) for segment in segments for issue in segment.issues]
    if not findings:
        return
    notes = ET.SubElement(unit, _q("notes"))
    for number, (segment, issue) in enumerate(findings, start=1):
        note = ET.SubElement(notes, _q("note"), id=f"qa{number}", category="qa", appliesTo="target")
        note.set("priority", "1" if issue.severity == "error" else "5")
        note.text = f"{segment.id}: {issue.check}: {issue.message}"


def _unit(parent: ET.Element, unit_id: str, kind: str, segments: list[Segment], facts: dict[str, dict[str, str]]):
    unit = ET.SubElement(parent, _q("unit"), id=unit_id, type=f"{PREFIX}:{kind}")
    written = {s.id: written_hash(s.target) for s in segments if s.target or s.state is not State.INITIAL}
    _matches(unit, segments)
    _metadata(unit, {**facts, WRITTEN: written})
    _qa_notes(unit, segments)
    if not segments:  # an empty table cell: a unit needs a segment or an ignorable, and its place stays
        ET.SubElement(ET.SubElement(unit, _q("ignorable")), _q("source"))
    for segment in segments:
        attributes = {"id": segment.id, "state": segment.state.value}
        if segment.origin:
            attributes["subState"] = f"{PREFIX}:{segment.origin}"
        element = ET.SubElement(unit, _q("segment"), attributes)
        element.append(_source_element(segment))
        if segment.id in written:
            ET.SubElement(element, _q("target")).text = segment.target


def to_xliff2(document: Document) -> bytes:
    root = ET.Element(_q("xliff"), version="2.1", srcLang=document.source_lang, trgLang=document.target_lang)
    file = ET.SubElement(root, _q("file"), id="f1", original=document.stem)
    facts = document_facts(document)
    _metadata(file, {"document": facts})
    for block in document.blocks:
        if block.kind is BlockKind.TABLE:
            group = ET.SubElement(file, _q("group"), id=block.id, type=f"{PREFIX}:table")
            for cell in block.cells:
                _unit(group, cell.id, "cell", cell.segments, {"cell": cell_facts(cell)})
        else:
            level = {"level": str(block.level)} if block.kind is BlockKind.HEADING else {}
            _unit(file, block.id, block.kind.value, block.segments, {"block": level})
    indent(root, lambda element: element.tag in (_q("source"), _q("target")))
    return serialize(root, {"": XLIFF, "mda": MDA, "mtc": MTC, "zhen": ZHEN})


def _term(child: ET.Element, inner: str) -> Entry | None:
    """The entry a term mark records; publishing finds terms again with the current glossary."""
    if child.tag != _q("mrk") or child.get("type") != "term":
        return None
    status = entry_status(child.get(_q("status", ZHEN), Status.APPROVED))
    return Entry(zh=child.get(_q("term", ZHEN), inner), en=child.get("value", ""), status=status)


def _segments(unit: ET.Element, label: str | Path) -> list[Segment]:
    written = _read_metadata(unit, WRITTEN)
    segments = []
    for element in unit.findall(_q("segment")):
        source_element = element.find(_q("source"))
        if source_element is None:
            raise UserError(f"segment {element.get('id')} has no <source>", label)
        source, terms = read_marked(source_element, _term)
        target_element = element.find(_q("target"))
        target = "".join(target_element.itertext()) if target_element is not None else ""
        try:
            state = State(element.get("state", "initial"))
        except ValueError:
            raise UserError(f"segment {element.get('id')}: unknown state {element.get('state')!r}", label)
        segment_id = element.get("id", f"{unit.get('id', '')}s{len(segments) + 1}")
        segments.append(
            Segment(
                id=segment_id,
                source=source,
                normalized=normalize(source),
                target=target,
                state=state,
                origin=(element.get("subState") or "").removeprefix(f"{PREFIX}:"),
                written=written.get(segment_id, ""),
                terms=terms,
            )
        )
    return segments


def _kind(element: ET.Element) -> str:
    return (element.get("type") or "").removeprefix(f"{PREFIX}:")


def _blocks(parent: ET.Element, label: str | Path) -> list[Block]:
    """The blocks of a file or of another tool's group, in order: a unit is a block, a table group is one."""
    blocks = []
    for child in parent:
        if child.tag == _q("group") and _kind(child) == "table":
            cells: list[Cell] = []
            for unit in child.iter(_q("unit")):
                facts = _read_metadata(unit, "cell")
                cells.append(read_cell(facts, unit.get("id", ""), _segments(unit, label), label))
            blocks.append(checked_table(child.get("id", f"u{len(blocks) + 1}"), cells, label))
        elif child.tag == _q("group"):
            blocks += _blocks(child, label)
        elif child.tag == _q("unit"):
            kind = block_kind(_kind(child))
            level = heading_level(_read_metadata(child, "block").get("level"), child.get("id", ""), label)
            blocks.append(Block(child.get("id", f"u{len(blocks) + 1}"), kind, _segments(child, label), level))
    return blocks


def from_xliff2(root: ET.Element, label: str | Path) -> tuple[Document, dict[str, str]]:
    """The document of an XLIFF 2 file and the facts about it the file recorded."""
    if not root.get("version", "").startswith("2."):
        raise UserError(f"XLIFF version {root.get('version', '')[:10]!r} in the XLIFF 2 namespace", label)
    file = root.find(_q("file"))
    if file is None:
        raise UserError("XLIFF file has no <file>", label)
    document = Document(
        title="",
        blocks=_blocks(file, label),
        stem=file.get("original") or "",
        source_lang=root.get("srcLang", "zh"),
        target_lang=root.get("trgLang", "en"),
    )
    return document, _read_metadata(file, "document")
