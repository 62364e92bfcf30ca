"""QA fidelity on official translations: how often does QA cry wolf?

The official English of the State Council's 2024 work report is right, so
every missing-term or number-mismatch finding on it is a false alarm.  The
dev set (``reference/gwr-2024-zh-en.csv`` of the bench data, ``bench/data.py``)
is grouped by paragraph (its pairing within a paragraph is sometimes shifted
by a sentence), written as an
XLIFF 2.1 file as another tool would write it (final targets, no term marks)
and checked by ``translate qa`` with the shipped glossary.

Targets: missing-term false alarms <= 5% of approved term occurrences,
number false alarms <= 1% of source quantities.  Also printed: glossary
precision, the share of approved entries met in the text whose rendering (or
an admitted form) stands in every official paragraph they occur in, and the
most frequent false alarms, to show where the causes are.
"""

from __future__ import annotations

import csv
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

from bench.data import REFERENCE, missing
from glossary.store import load_glossary
from pipeline.job import Options, qa_file
from translate.qa import qa_report

XLIFF = "urn:oasis:names:tc:xliff:document:2.0"
TERM_TARGET = 0.05
NUMBER_TARGET = 0.01


def paragraphs(reference: Path) -> list[tuple[str, str]]:
    """(Chinese, English) per paragraph of the report, in order."""
    grouped: dict[int, list[tuple[str, str]]] = defaultdict(list)
    with reference.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            grouped[int(row["年度文件内行号"])].append((row["中文"].strip(), row["英文"].strip()))
    return [("".join(zh for zh, _ in rows), " ".join(en for _, en in rows)) for _, rows in sorted(grouped.items())]


def write_xliff(pairs: list[tuple[str, str]], path: Path) -> None:
    """A plain XLIFF 2.1: a unit and a final segment per paragraph, nothing of ours."""
    root = ET.Element(f"{{{XLIFF}}}xliff", version="2.1", srcLang="zh", trgLang="en")
    file = ET.SubElement(root, f"{{{XLIFF}}}file", id="f1", original="gwr-2024")
    for number, (zh, en) in enumerate(pairs, start=1):
        unit = ET.SubElement(file, f"{{{XLIFF}}}unit", id=f"p{number}")
        segment = ET.SubElement(unit, f"{{{XLIFF}}}segment", id=f"p{number}s1", state="final")
        ET.SubElement(segment, f"{{{XLIFF}}}source").text = zh
        ET.SubElement(segment, f"{{{XLIFF}}}target").text = en
    ET.register_namespace("", XLIFF)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def measure(reference: Path = REFERENCE) -> dict:
    glossary = load_glossary()
    with tempfile.TemporaryDirectory() as folder:
        xliff = Path(folder) / "gwr-2024.zh-en.xlf"
        write_xliff(paragraphs(reference), xliff)
        document = qa_file(xliff, glossary, Options(out_dir=None)).document
    report = qa_report(document)
    missing_terms: Counter[str] = Counter()
    missing_numbers: Counter[str] = Counter()
    entries_seen, entries_wrong = set(), set()
    for segment in document.segments:
        for issue in segment.issues:
            if issue.check == "missing-term":
                missing_terms[issue.message] += 1
            elif issue.check == "number-mismatch":
                missing_numbers[issue.message] += 1
        missing_here = {i.message.split(" must be")[0] for i in segment.issues if i.check == "missing-term"}
        for hit in segment.terms:
            if hit.status == "approved":
                entries_seen.add(hit.zh)
                if hit.zh in missing_here:
                    entries_wrong.add(hit.zh)
    return {
        "report": report,
        "paragraphs": len(document.segments),
        "missing_terms": missing_terms,
        "missing_numbers": missing_numbers,
        "entries": len(entries_seen),
        "entries_right": len(entries_seen - entries_wrong),
    }


def run(reference: Path = REFERENCE) -> bool:
    if missing("fidelity", reference):
        return False
    figures = measure(reference)
    report = figures["report"]
    checked, by_check = report["checked"], report["by_check"]
    terms, numbers = by_check.get("missing-term", 0), by_check.get("number-mismatch", 0)
    term_rate = terms / max(checked["terms"], 1)
    number_rate = numbers / max(checked["numbers"], 1)
    met = term_rate <= TERM_TARGET and number_rate <= NUMBER_TARGET
    print(f"fidelity: {reference.name}, {figures['paragraphs']} paragraphs of official English, through translate qa")
    print(
        f"  missing-term false alarms  {terms:4} / {checked['terms']:4} term occurrences = {term_rate:6.1%}"
        f"  target <= {TERM_TARGET:.0%}: {'met' if term_rate <= TERM_TARGET else 'MISSED'}"
    )
    print(
        f"  number false alarms        {numbers:4} / {checked['numbers']:4} quantities       = {number_rate:6.1%}"
        f"  target <= {NUMBER_TARGET:.0%}: {'met' if number_rate <= NUMBER_TARGET else 'MISSED'}"
    )
    precision = figures["entries_right"] / max(figures["entries"], 1)
    print(
        f"  glossary precision         {figures['entries_right']:4} / {figures['entries']:4} approved entries met "
        f"have their rendering in every official paragraph = {precision:.1%}"
    )
    warnings = sum(n for check, n in by_check.items() if check not in ("missing-term", "number-mismatch"))
    print(f"  warnings (and other checks) {warnings:4}: " + ", ".join(f"{c} {n}" for c, n in sorted(by_check.items())))
    for label, counter in (("terms", figures["missing_terms"]), ("numbers", figures["missing_numbers"])):
        if counter:
            print(f"  most frequent false alarms ({label}):")
            for message, count in counter.most_common(12):
                print(f"    {count:3}  {message}")
    return met


if __name__ == "__main__":
    # Another year's official pairs in the dev set's columns (中文, 英文, 年度文件内行号) may be given: held-out text.
    sys.exit(0 if run(Path(sys.argv[1]) if len(sys.argv) > 1 else REFERENCE) else 1)
