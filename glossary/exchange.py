"""Exchange formats: TBX-Basic for CAT tools, two-column CSV for MT glossaries
(DeepL, Google Cloud, Amazon Translate).  The TSV stays the store; these are
written from it and merged into it."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from foundation.errors import UserError
from foundation.files import decode_utf8, parse_xml, read_bytes
from foundation.text import NotAllowedCharacter, check_tree, checked
from glossary.entry import DOMAINS, Entry, Status
from glossary.eras import eras_of, parse_era
from glossary.store import Glossary, checked_entry, read_rows

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# TBX administrativeStatus values.
PREFERRED, ADMITTED, DEPRECATED = "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"
# The entry's status travels on its Chinese headword; its English renderings carry the term model
# (en preferred, admitted admitted, avoid deprecated) whatever the entry's status.
TBX_STATUS = {Status.APPROVED: PREFERRED, Status.PROPOSED: ADMITTED, Status.REJECTED: DEPRECATED}
SUPERSEDED = "supersededTerm-admn-sts"
STATUS_FROM_TBX = {v: k for k, v in TBX_STATUS.items()} | {SUPERSEDED: Status.REJECTED}
# Senses and eras travel as usage notes (TBX-Basic's termNote type="usageNote", shown to translators by the
# CAT tools that read TBX): on the headword, the kinds of document and the words near it; on an English
# term of an era, its years (its status: superseded once the era has ended, else admitted).
IN_KINDS, ONLY_NEAR, NOT_NEAR, OFFICIAL = "in: ", "only near: ", "not near: ", "official "


def _term_group(parent: ET.Element, term: str, status: str | None, notes: list[str] = ()) -> None:
    tig = ET.SubElement(parent, "tig")
    ET.SubElement(tig, "term").text = term
    if status:
        ET.SubElement(tig, "termNote", type="administrativeStatus").text = status
    for note in notes:
        ET.SubElement(tig, "termNote", type="usageNote").text = note


def _sense_notes(entry: Entry) -> list[str]:
    selecting = [item[1:] for item in entry.context if item[0] == "+"]
    excluding = [item[1:] for item in entry.context if item[0] == "-"]
    notes = [IN_KINDS + ", ".join(entry.scope)] if entry.scope else []
    notes += [ONLY_NEAR + ", ".join(selecting)] if selecting else []
    return notes + ([NOT_NEAR + ", ".join(excluding)] if excluding else [])


def to_tbx(entries: list[Entry]) -> bytes:
    """TBX-Basic in the TBX v2 (martif) form most CAT tools read."""
    root = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: "zh"})
    header = ET.SubElement(ET.SubElement(root, "martifHeader"), "fileDesc")
    ET.SubElement(ET.SubElement(header, "sourceDesc"), "p").text = "governance glossary, zh→en"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for number, entry in enumerate(entries, start=1):
        term_entry = ET.SubElement(body, "termEntry", id=f"c{number}")
        ET.SubElement(term_entry, "descrip", type="subjectField").text = entry.domain
        if entry.note:
            ET.SubElement(term_entry, "note").text = entry.note
        if entry.source:
            ET.SubElement(term_entry, "admin", type="source").text = entry.source
        zh = ET.SubElement(term_entry, "langSet", {XML_LANG: "zh"})
        _term_group(zh, entry.zh, TBX_STATUS[entry.status], _sense_notes(entry))
        for variant in entry.variants:
            _term_group(zh, variant, ADMITTED)
        en = ET.SubElement(term_entry, "langSet", {XML_LANG: "en"})
        if entry.en:
            _term_group(en, entry.en, PREFERRED)
        for admitted in entry.admitted:
            _term_group(en, admitted, ADMITTED)
        for avoid in entry.avoid:
            _term_group(en, avoid, DEPRECATED)
        for era in eras_of(entry.eras):
            years = f"{OFFICIAL}{era.first or ''}-{era.last or ''}"
            _term_group(en, era.rendering, SUPERSEDED if era.last else ADMITTED, [years])
    ET.indent(root)
    check_tree(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ET.Element, *names: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) in names]


@dataclass(frozen=True)
class _Term:
    text: str
    status: str  # administrativeStatus
    notes: tuple[str, ...]  # usage notes


def _terms(lang_set: ET.Element) -> list[_Term]:
    """Each term group's term, administrativeStatus and usage notes: TBX v2 tig/ntig or v3 termSec."""
    found = []
    for group in _children(lang_set, "tig", "ntig", "termSec"):
        term = next((t for t in group.iter() if _local(t.tag) == "term"), None)
        notes = [n for n in group.iter() if _local(n.tag) == "termNote"]
        status = next((n.text or "" for n in notes if n.get("type") == "administrativeStatus"), "")
        usage = tuple((n.text or "").strip() for n in notes if n.get("type") == "usageNote")
        if term is not None and (term.text or "").strip():
            found.append(_Term("".join(term.itertext()).strip(), status.strip(), usage))
    return found


def _era(term: _Term) -> str:
    """``rendering@first-last`` of an English term whose usage note gives the years it was official (read
    as the TSV reads an era; an en dash is a dash here); "" if none does."""
    for note in term.notes:
        if note.startswith(OFFICIAL):
            try:
                return str(parse_era(f"{term.text}@{note.removeprefix(OFFICIAL).replace('–', '-')}"))
            except UserError:
                continue
    return ""


def _senses(head: _Term) -> tuple[list[str], list[str]]:
    """The scope and context items the headword's usage notes give."""
    scope: list[str] = []
    context: list[str] = []
    for note in head.notes:
        for prefix, sign in ((ONLY_NEAR, "+"), (NOT_NEAR, "-")):
            if note.startswith(prefix):
                context += [sign + word.strip() for word in note.removeprefix(prefix).split(",") if word.strip()]
        if note.startswith(IN_KINDS):
            scope += [kind.strip() for kind in note.removeprefix(IN_KINDS).split(",") if kind.strip()]
    return scope, context


def from_tbx(data: bytes, label: str) -> list[Entry]:
    """Entries from TBX (v2 martif/termEntry or v3 tbx/conceptEntry)."""
    root = parse_xml(data, label)
    concepts = [e for e in root.iter() if _local(e.tag) in ("termEntry", "conceptEntry")]
    if _local(root.tag) not in ("martif", "tbx"):
        raise UserError("not a TBX file (no martif or tbx root)", label)
    entries = []
    for concept in concepts:
        by_lang: dict[str, list[tuple[str, str]]] = {}
        for lang_set in _children(concept, "langSet", "langSec"):
            lang = (lang_set.get(XML_LANG) or "").lower().split("-")[0]
            by_lang.setdefault(lang, []).extend(_terms(lang_set))
        zh_terms, all_en = by_lang.get("zh", []), by_lang.get("en", [])
        if not zh_terms:
            continue
        head = zh_terms[0]
        status = STATUS_FROM_TBX.get(head.status, Status.PROPOSED)
        dated = {id(term): era for term in all_en if (era := _era(term))}
        eras = list(dated.values())
        en_terms = [(t.text, t.status) for t in all_en if id(t) not in dated]
        # a superseded term with no years of its own: replaced, no longer to be used (TBX), so one to avoid
        accepted = [t for t, s in en_terms if s not in (DEPRECATED, SUPERSEDED)]
        # The preferred rendering, else the first accepted one (files that mark none preferred).
        preferred = [t for t, s in en_terms if s == PREFERRED][:1] or accepted[:1]
        scope, context = _senses(head)
        domain = next((d.text or "" for d in concept.iter() if d.get("type") == "subjectField"), "general")
        entries.append(
            Entry(
                zh=head.text,
                en=preferred[0] if preferred else "",
                admitted=[t for t in accepted if t not in preferred],
                status=status if preferred or status is not Status.APPROVED else Status.PROPOSED,
                variants=[t.text for t in zh_terms[1:]],
                avoid=[t for t, s in en_terms if s in (DEPRECATED, SUPERSEDED)],
                domain=domain if domain in DOMAINS else "general",
                note=" ".join((n.text or "").strip() for n in _children(concept, "note")),
                source=" ".join(
                    (a.text or "").strip() for a in _children(concept, "admin") if a.get("type") == "source"
                ),
                scope=scope,
                context=context,
                eras=eras,
            )
        )
    return entries


def to_csv(entries: list[Entry], header: bool = False) -> bytes:
    """Two columns, source and target: approved entries, each Chinese form a row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(["zh", "en"])
    for entry in entries:
        if entry.status is Status.APPROVED:
            for form in entry.forms:
                writer.writerow([checked(form, f"the entry {entry.zh}"), checked(entry.en, f"the entry {entry.zh}")])
    return out.getvalue().encode("utf-8")


def from_csv(data: bytes, label: str) -> list[Entry]:
    """Pairs from a two-column CSV (a header of language codes is skipped); imported as proposed."""
    text = decode_utf8(data, label, "CSV")
    entries = []
    reader = csv.reader(io.StringIO(text))
    for row in reader:
        number = reader.line_num  # the line a row ends on: a quoted cell may span lines
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) < 2 or not row[0].strip():
            raise UserError("expected two columns: Chinese, English", label, number)
        zh, en = row[0].strip(), row[1].strip()
        if reader.line_num == 1 and zh.lower().startswith("zh") and en.lower().startswith("en"):
            continue
        entries.append(Entry(zh=zh, en=en, status=Status.PROPOSED, source=f"import {Path(label).name}", line=number))
    return entries


def read_exchange_file(path: Path) -> tuple[list[Entry], list[NotAllowedCharacter]]:
    """The entries of a .tbx, .csv or .tsv file to import, each checked by the store's rules; and the
    entries refused for a character no glossary can hold, each an error naming its line and position (the
    rest are imported: one pasted control character does not cost a file of terms)."""
    suffix = path.suffix.lower()
    if suffix == ".tsv":
        _, entries, problems = read_rows(path)
    elif suffix in (".tbx", ".csv"):
        data = read_bytes(path)
        entries, problems = [], []
        for entry in from_tbx(data, str(path)) if suffix == ".tbx" else from_csv(data, str(path)):
            try:
                entries.append(checked_entry(entry, path, entry.line))
            except UserError as error:
                problems.append(error)
    else:
        raise UserError("import reads .tbx, .csv or .tsv", path)
    refused = [problem for problem in problems if isinstance(problem, NotAllowedCharacter)]
    if len(refused) < len(problems):  # any other fault is the file's: nothing of it is imported
        raise next(problem for problem in problems if not isinstance(problem, NotAllowedCharacter))
    return entries, refused


@dataclass
class MergeReport:
    added: list[Entry] = field(default_factory=list)
    updated: list[Entry] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    unchanged: int = 0

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.conflicts)} conflicts, {self.unchanged} unchanged"
        )


def _widen(old: Entry, new: Entry) -> bool:
    """Add to ``old`` what ``new`` has that only widens it (Chinese forms, renderings, renderings to avoid,
    eras of renderings it has none for); whether anything was added."""
    before = old.to_row()
    old.variants += [v for v in new.variants if v not in old.forms]
    old.admitted += [a for a in new.admitted if a not in old.renderings]
    old.avoid += [a for a in new.avoid if a not in old.avoid]
    have = {era.rendering.lower() for era in eras_of(old.eras)}
    old.eras += [str(era) for era in eras_of(new.eras) if era.rendering.lower() not in have]
    return old.to_row() != before


def _narrowing(old: Entry, new: Entry) -> str:
    """What of ``new``'s senses would change where ``old`` holds (words near it, kinds of document): "" if
    nothing.  An approved entry's senses are never changed by a file; a reviewer decides."""
    context = [c for c in new.context if c not in old.context]
    scope = [k for k in new.scope if k not in old.scope] if new.scope else []  # the kinds it holds in, changed
    parts = ([f"context {'|'.join(context)}"] if context else []) + ([f"scope {'|'.join(scope)}"] if scope else [])
    return ", ".join(parts)


def merge(glossary: Glossary, incoming: list[Entry]) -> MergeReport:
    """Merge ``incoming`` into ``glossary``.  An approved entry is never
    overwritten; a different rendering for it is reported as a conflict.  An
    unapproved entry gives way only to an approved one."""
    report = MergeReport()
    for new in incoming:
        old = glossary.find(new.zh)
        if old is None:
            glossary.add(new)
            report.added.append(new)
        elif old.en == new.en or not new.en:
            added = _widen(old, new)
            narrowing = _narrowing(old, new)
            if narrowing and old.status is Status.APPROVED:
                report.conflicts.append(f"{new.zh}: kept the approved entry's senses, file has {narrowing}")
            elif narrowing:  # an entry not yet approved takes them, for its review
                old.context += [c for c in new.context if c not in old.context]
                old.scope = list(dict.fromkeys([*old.scope, *new.scope]))
                added = True
            glossary.changed()
            if added:
                report.updated.append(old)
            elif not (narrowing and old.status is Status.APPROVED):  # a conflict is counted as one
                report.unchanged += 1
        elif old.status is not Status.APPROVED and new.status is Status.APPROVED:
            new.line = old.line
            glossary.replace(old, new)
            report.updated.append(new)
        else:
            report.conflicts.append(f"{new.zh}: kept {old.status} {old.en!r}, file has {new.status} {new.en!r}")
    return report
