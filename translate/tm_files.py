"""Translation-memory files: what ``translate tm import`` reads and ``tm export`` writes.

- TMX 1.4b as OmegaT and Trados write it: a ``<tu>`` per pair, a ``<tuv>`` per
  language (xml:lang zh, zh-CN, ZH-CN …), inline tags in ``<seg>`` dropped.
  The Chinese ``<seg>`` holds the source as its document wrote it (ASCII
  commas, Traditional script), so a CAT tool's exact match fires on the same
  document; a unit imported from a TMX exports as it came in.
  Exported with the origin, state and source file as ``<prop>``, the
  creation and change dates as TMX writes them (20260101T120000Z), and who
  made and last changed a unit (a reviewer's name) as ``creationid`` and
  ``changeid``, which an import keeps.
- XLIFF 2.x or 1.2: segments with a target (ours or another tool's).
- CSV with ``zh`` and ``en`` columns (a header names them; the official 2024
  report's dev set has ``中文`` and ``英文``, read as the same).

Sources are normalised as the pipeline normalises them, so imported units
match the segments they translate; the memory keeps the source as written too.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NamedTuple

from foundation.errors import UserError
from foundation.files import decode_utf8, parse_xml, read_bytes
from foundation.text import NotAllowedCharacter, check_tree, first_not_allowed
from translate.bitext import from_xliff
from translate.document import Segment, State
from translate.memory import Unit
from translate.normalize import normalize

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CSV_COLUMNS = {"zh": ("zh", "中文", "source", "zh-cn"), "en": ("en", "英文", "target", "en-us", "en-gb")}


def _tmx_date(iso: str) -> str:
    return iso.replace("-", "").replace(":", "") if iso else ""


def _iso_date(tmx: str) -> str:
    if len(tmx) >= 15 and tmx[8] == "T":
        return f"{tmx[0:4]}-{tmx[4:6]}-{tmx[6:8]}T{tmx[9:11]}:{tmx[11:13]}:{tmx[13:15]}Z"
    return ""


def to_tmx(units: list[Unit]) -> bytes:
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(
        root,
        "header",
        creationtool="zhen-publish",
        creationtoolversion="0.1.0",
        segtype="sentence",
        adminlang="en",
        srclang="zh-CN",
        datatype="plaintext",
        **{"o-tmf": "zhen-publish"},
    )
    body = ET.SubElement(root, "body")
    for unit in units:
        tu = ET.SubElement(body, "tu", creationdate=_tmx_date(unit.created), changedate=_tmx_date(unit.changed))
        for attribute, person in (("creationid", unit.creator), ("changeid", unit.changer)):
            if person:
                tu.set(attribute, person)  # who made it and who changed it last: a reviewer's name
        for kind, value in (("x-origin", unit.origin), ("x-state", unit.state), ("x-file", unit.file)):
            if value:
                ET.SubElement(tu, "prop", type=kind).text = value
        for lang, text in (("zh-CN", unit.source_as_written), ("en", unit.target)):
            ET.SubElement(ET.SubElement(tu, "tuv", {XML_LANG: lang}), "seg").text = text
    ET.indent(root)
    check_tree(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


class UnitsRead(NamedTuple):
    """A memory file's units that keep the rule for text, and an error for each unit refused for a
    character no memory can hold (file, unit and position in it)."""

    units: list[Unit]
    refused: list[NotAllowedCharacter]


def keeping_the_rule(units: list[Unit], label: Path) -> UnitsRead:
    kept, refused = [], []
    for unit in units:
        for side, text in (("Chinese", unit.source_as_written), ("English", unit.target)):
            found = first_not_allowed(text)
            if found is not None:
                refused.append(NotAllowedCharacter(f"unit {unit.segment or '?'}: its {side}", *found, label))
                break
        else:
            kept.append(unit)
    return UnitsRead(kept, refused)


def _from_tmx(data: bytes, label: Path) -> list[Unit]:
    root = parse_xml(data, label)
    if root.tag != "tmx":
        raise UserError("not a TMX file (no <tmx> root)", label)
    units = []
    for number, tu in enumerate(root.iter("tu"), start=1):
        texts = {}
        for tuv in tu.iter("tuv"):
            lang = (tuv.get(XML_LANG) or tuv.get("lang") or "").lower()
            seg = tuv.find("seg")
            if seg is not None:
                texts[lang.split("-")[0]] = "".join(seg.itertext()).strip()
        props = {p.get("type"): (p.text or "") for p in tu.iter("prop")}
        if texts.get("zh") and texts.get("en"):
            state = props.get("x-state") or State.TRANSLATED.value
            units.append(
                Unit(
                    normalize(texts["zh"]),
                    texts["en"],
                    "human",
                    state if state in {s.value for s in State} else State.TRANSLATED.value,
                    _iso_date(tu.get("creationdate", "")),
                    _iso_date(tu.get("changedate", "")),
                    props.get("x-file", str(label)),
                    segment=tu.get("tuid") or f"tu {number}",  # where a refusal points
                    written=texts["zh"],
                    creator=tu.get("creationid", ""),
                    changer=tu.get("changeid", ""),
                )
            )
    return units


def segment_units(segments: list[Segment], label: Path) -> list[Unit]:
    """Segments with a target, as human units that say where they came from."""
    return [
        Unit(s.normalized, s.target, "human", s.state.value, file=str(label), segment=s.id, written=s.source)
        for s in segments
        if s.target.strip()
    ]


def _from_xliff(data: bytes, label: Path) -> list[Unit]:
    return segment_units(from_xliff(data, label).segments, label)


def read_csv(data: bytes, label: Path) -> tuple[list[str], list[list[str]]]:
    """A CSV file's header (names trimmed, in lower case) and its other rows (a blank line is a row of no
    cells, kept so that each row's number is its line's)."""
    # A field may be as long as the file, whose size the caller bounded: csv's own limit (128 KB) would
    # stop a long paragraph with a bare error.
    csv.field_size_limit(max(csv.field_size_limit(), len(data) + 1))
    try:
        rows = list(csv.reader(io.StringIO(decode_utf8(data, label, "CSV"))))
    except csv.Error as error:
        raise UserError(f"not a readable CSV file ({error})", label)
    return ([cell.strip().lower() for cell in rows[0]], rows[1:]) if rows else ([], [])


def column(header: list[str], names: tuple[str, ...]) -> int | None:
    """The index of the first column with one of these names, or None."""
    return next((i for i, cell in enumerate(header) if cell in names), None)


def _from_csv(data: bytes, label: Path) -> list[Unit]:
    header, rows = read_csv(data, label)
    if not header:
        return []
    columns = {name: column(header, aliases) for name, aliases in CSV_COLUMNS.items()}
    if None in columns.values():
        raise UserError("a CSV memory needs a header with zh and en columns (or 中文 and 英文)", label, 1)
    units = []
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue  # a blank line (a spreadsheet's last, a gap between groups): nothing, and no wrong row
        if len(row) <= max(columns.values()):
            raise UserError(f"expected {len(header)} columns", label, number)
        zh, en = row[columns["zh"]].strip(), row[columns["en"]].strip()
        if zh and en:
            units.append(Unit(normalize(zh), en, "human", file=str(label), segment=str(number), written=zh))
    return units


def read_units(path: Path, max_input_bytes: int) -> UnitsRead:
    """The human units of a TMX, XLIFF or CSV file, and the ones refused."""
    return units_of(read_bytes(path, max_input_bytes), path, path.suffix.lower())


def units_of(data: bytes, label: Path | str, suffix: str = "") -> UnitsRead:
    """The human units of a memory file's bytes, and the ones refused; with no ``suffix`` (standard
    input), its kind is told by its content: TMX and XLIFF by their root element, anything else is CSV."""
    suffix = suffix or _kind_of(data)
    path = Path(str(label))
    readers = {".tmx": _from_tmx, ".xlf": _from_xliff, ".xliff": _from_xliff, ".csv": _from_csv}
    if suffix not in readers:
        raise UserError("a memory file is .tmx, .xlf/.xliff or .csv", path)
    return keeping_the_rule(readers[suffix](data, path), path)


def _kind_of(data: bytes) -> str:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return ".tmx" if b"<tmx" in head else ".xlf"
    return ".csv"
