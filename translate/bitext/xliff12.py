"""XLIFF 1.2, for the CAT tools that read no other (OmegaT without plugins, and many in daily use):
the content of the XLIFF 2.1 file in 1.2's terms, valid against OASIS's strict schema.

- a ``<group>`` per heading or paragraph (``restype`` x-heading or x-paragraph), a ``<trans-unit>``
  per sentence; a table is a group (x-table) of cell groups (x-cell) of trans-units;
- glossary hits as ``<mrk mtype="term" comment="preferred English">`` in the source (a proposed
  term's mtype is x-term-proposed);
- the state on ``<target>``: translated, needs-review-translation (a machine's target),
  signed-off (reviewed), final; who made it in ``state-qualifier`` (leveraged-mt, leveraged-tm,
  leveraged-glossary, or x-…);
- a sentence not yet translated has a copy of its source as its target, in plain text, with the state
  needs-translation: OmegaT's own XLIFF filter translates the text of ``<target>`` (and skips a unit
  without one), as CAT tools that pre-fill targets with the source expect.  Read back, a target the
  same as its source in a state that asks for translation is no translation; any other target is one,
  whatever state a tool left on it (OmegaT writes the English and leaves the state as it was);
- memory candidates as ``<alt-trans>`` with ``match-quality`` and ``origin``; QA findings as
  ``<note from="qa">`` of the trans-unit;
- what 1.2 has no element for (a heading's level, a cell's place, each target's hash as written)
  in ``<context-group name="zhen-publish">`` with x- context types; the document's facts as
  header notes from ``zhen-publish:<fact>``.

The strict schema allows no attribute of another namespace, so nothing here uses one.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

from foundation.errors import UserError
from glossary.entry import Entry, Status
from translate.bitext.units import (
    TOOL,
    block_kind,
    cell_facts,
    checked_table,
    document_facts,
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

XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"
TERM = "term"
PROPOSED_TERM = "x-term-proposed"
WRITTEN = "x-written"  # the context type of a target's hash as written

# Who made a target, as state-qualifier: XLIFF 1.2's own values where one fits, x- values otherwise.
_QUALIFIERS = {"mt": "leveraged-mt", "tm-human": "leveraged-tm", "glossary": "leveraged-glossary"}
_ORIGINS = {value: key for key, value in _QUALIFIERS.items()}
_MACHINE_ORIGINS = ("mt", "tm-mt", "tm-fuzzy-mt")
# 1.2's states read back; an unknown x- state counts as translated when there is a target.
_STATES = {
    "new": State.INITIAL,
    "needs-translation": State.INITIAL,
    "needs-adaptation": State.INITIAL,
    "needs-l10n": State.INITIAL,
    "needs-review-translation": State.TRANSLATED,
    "needs-review-adaptation": State.TRANSLATED,
    "needs-review-l10n": State.TRANSLATED,
    "translated": State.TRANSLATED,
    "signed-off": State.REVIEWED,
    "final": State.FINAL,
}


def _q(tag: str) -> str:
    return f"{{{XLIFF12}}}{tag}"


UNTRANSLATED = "needs-translation"
_ASKING_FOR_TRANSLATION = {name for name, state in _STATES.items() if state is State.INITIAL}


def _state(segment: Segment) -> str:
    if segment.state is State.TRANSLATED:
        return "needs-review-translation" if segment.origin in _MACHINE_ORIGINS else "translated"
    return {State.INITIAL: UNTRANSLATED, State.REVIEWED: "signed-off", State.FINAL: "final"}[segment.state]


def _context(parent: ET.Element, owner: str, facts: dict[str, str]) -> None:
    """Our facts as a context group of x- types (a place for them the strict schema allows), named
    for its owner: a group's name is unique in the file."""
    if not facts:
        return
    group = ET.SubElement(parent, _q("context-group"), name=f"{TOOL}:{owner}", purpose="information")
    for key, value in facts.items():
        ET.SubElement(group, _q("context"), {"context-type": f"x-{key}"}).text = value


def _read_context(element: ET.Element) -> dict[str, str]:
    facts = {}
    for group in element.findall(_q("context-group")):
        if (group.get("name") or "").startswith(f"{TOOL}:"):
            for context in group.findall(_q("context")):
                facts[context.get("context-type", "").removeprefix("x-")] = context.text or ""
    return facts


def _source_element(segment: Segment) -> ET.Element:
    def mark(source: ET.Element, number: int, hit: TermHit) -> ET.Element:
        element = ET.SubElement(source, _q("mrk"), mtype=TERM if hit.status is Status.APPROVED else PROPOSED_TERM)
        if hit.en:
            element.set("comment", hit.en)
        return element

    return source_with_marks(ET.Element(_q("source")), segment, mark)


def _trans_unit(parent: ET.Element, segment: Segment) -> None:
    unit = ET.SubElement(parent, _q("trans-unit"), id=segment.id)
    if segment.state in (State.REVIEWED, State.FINAL):
        unit.set("approved", "yes")
    unit.append(_source_element(segment))
    target = ET.SubElement(unit, _q("target"), state=_state(segment))
    if segment.target or segment.state is not State.INITIAL:
        if segment.origin:
            target.set("state-qualifier", _QUALIFIERS.get(segment.origin, f"x-{segment.origin}"))
        target.text = segment.target
        _context(unit, segment.id, {WRITTEN.removeprefix("x-"): written_hash(segment.target)})
    else:
        target.text = segment.source  # to be translated: see the module's docstring
    for issue in segment.issues:
        note = ET.SubElement(unit, _q("note"), {"from": "qa", "annotates": "target"})
        note.set("priority", "1" if issue.severity == "error" else "5")
        note.text = f"{issue.check}: {issue.message}"
    for candidate in segment.candidates:
        alternative = ET.SubElement(
            unit,
            _q("alt-trans"),
            {
                "match-quality": f"{math.floor(candidate.similarity * 10) / 10:g}",
                "origin": f"translation memory ({candidate.origin})",
            },
        )
        ET.SubElement(alternative, _q("source")).text = candidate.source
        ET.SubElement(alternative, _q("target")).text = candidate.target


def _group(parent: ET.Element, group_id: str, restype: str, facts: dict[str, str]) -> ET.Element:
    group = ET.SubElement(parent, _q("group"), id=group_id, restype=f"x-{restype}")
    _context(group, group_id, facts)
    return group


def to_xliff12(document: Document) -> bytes:
    root = ET.Element(_q("xliff"), version="1.2")
    file = ET.SubElement(
        root,
        _q("file"),
        {
            "original": document.stem,
            "source-language": document.source_lang,
            "target-language": document.target_lang,
            "datatype": "plaintext",
        },
    )
    header = ET.SubElement(file, _q("header"))
    ET.SubElement(header, _q("tool"), {"tool-id": TOOL, "tool-name": TOOL})
    facts = document_facts(document)
    for key, value in facts.items():
        ET.SubElement(header, _q("note"), {"from": f"{TOOL}:{key}", "annotates": "general"}).text = value
    body = ET.SubElement(file, _q("body"))
    for block in document.blocks:
        if block.kind is BlockKind.TABLE:
            table = _group(body, block.id, "table", {})
            for cell in block.cells:
                group = _group(table, cell.id, "cell", cell_facts(cell))
                for segment in cell.segments:
                    _trans_unit(group, segment)
        else:
            level = {"level": str(block.level)} if block.kind is BlockKind.HEADING else {}
            group = _group(body, block.id, block.kind.value, level)
            for segment in block.segments:
                _trans_unit(group, segment)
    indent(root, lambda element: element.tag in (_q("source"), _q("target"), _q("note"), _q("context")))
    return serialize(root, {"": XLIFF12})


def _term(child: ET.Element, inner: str) -> Entry | None:
    mtype = child.get("mtype") if child.tag == _q("mrk") else None
    if mtype not in (TERM, PROPOSED_TERM):
        return None
    return Entry(zh=inner, en=child.get("comment", ""), status=Status.APPROVED if mtype == TERM else Status.PROPOSED)


def _segment(unit: ET.Element, label: str | Path) -> Segment:
    source_element = unit.find(_q("source"))
    if source_element is None:
        raise UserError(f"trans-unit {unit.get('id', '')[:40]!r} has no <source>", label)
    source, terms = read_marked(source_element, _term)
    target_element = unit.find(_q("target"))
    target = "".join(target_element.itertext()) if target_element is not None else ""
    state, origin = State.INITIAL, ""
    if target_element is not None:
        named = target_element.get("state", "")
        if named in _ASKING_FOR_TRANSLATION and target.strip() == source.strip():
            target = ""  # the source copied, waiting for a translation
        state = _STATES.get(named, State.TRANSLATED)
        if not target.strip():
            state = State.INITIAL if state is State.TRANSLATED else state
        elif state is State.INITIAL:
            state = State.TRANSLATED  # translated by a tool that left the state as it was
        qualifier = target_element.get("state-qualifier", "")
        origin = _ORIGINS.get(qualifier, qualifier.removeprefix("x-") if qualifier.startswith("x-") else "")
    if unit.get("approved") == "yes" and target.strip() and state in (State.INITIAL, State.TRANSLATED):
        state = State.REVIEWED  # approved in a CAT tool
    return Segment(
        id=unit.get("id", ""),
        source=source,
        normalized=normalize(source),
        target=target,
        state=state,
        origin=origin,
        written=_read_context(unit).get(WRITTEN.removeprefix("x-"), ""),
        terms=terms,
    )


def _blocks(parent: ET.Element, label: str | Path) -> list[Block]:
    """The blocks in a body or group: our groups are blocks; another tool's groups are looked into,
    and its trans-units standing alone are paragraphs of one sentence."""
    blocks: list[Block] = []
    for child in parent:
        restype = (child.get("restype") or "").removeprefix("x-")
        if child.tag == _q("group") and restype == "table":
            cells: list[Cell] = []
            for group in child.findall(_q("group")):
                segments = [_segment(unit, label) for unit in group.iter(_q("trans-unit"))]
                cells.append(read_cell(_read_context(group), group.get("id", ""), segments, label))
            blocks.append(checked_table(child.get("id", f"u{len(blocks) + 1}"), cells, label))
        elif child.tag == _q("group") and restype in ("heading", "paragraph"):
            facts = _read_context(child)
            kind = block_kind(restype)
            level = heading_level(facts.get("level"), child.get("id", ""), label)
            segments = [_segment(unit, label) for unit in child.iter(_q("trans-unit"))]
            blocks.append(Block(child.get("id", f"u{len(blocks) + 1}"), kind, segments, level))
        elif child.tag == _q("group"):
            blocks += _blocks(child, label)
        elif child.tag == _q("trans-unit"):
            segment = _segment(child, label)
            blocks.append(Block(segment.id or f"u{len(blocks) + 1}", BlockKind.PARAGRAPH, [segment]))
    return blocks


def from_xliff12(root: ET.Element, label: str | Path) -> tuple[Document, dict[str, str]]:
    """The document of an XLIFF 1.2 file (its first ``<file>``) and the facts about it the file recorded."""
    if root.get("version", "") != "1.2":
        raise UserError(f"XLIFF version {root.get('version', '')[:10]!r} in the XLIFF 1.2 namespace", label)
    file = root.find(_q("file"))
    body = file.find(_q("body")) if file is not None else None
    if file is None or body is None:
        raise UserError("XLIFF file has no <file> with a <body>", label)
    facts = {}
    for note in file.findall(f"{_q('header')}/{_q('note')}"):
        name = note.get("from", "")
        if name.startswith(f"{TOOL}:"):
            facts[name.removeprefix(f"{TOOL}:")] = note.text or ""
    document = Document(
        title="",
        blocks=_blocks(body, label),
        stem=file.get("original") or "",  # made safe when outputs are named
        source_lang=file.get("source-language", "zh"),
        target_lang=file.get("target-language", "en"),
    )
    return document, facts
