"""``glossary check``: what makes a term base inconsistent, each with its line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

from foundation.script import is_cjk, to_simplified
from glossary.entry import Entry, Status
from glossary.store import read_rows


@dataclass(frozen=True)
class Problem:
    line: int
    message: str


def _stray_whitespace(lines: list[str]) -> list[Problem]:
    problems = []
    for number, line in enumerate(lines[1:], start=2):
        for cell in line.split("\t"):
            parts = cell.split("|")
            if any(p != p.strip() for p in parts) or "  " in cell:
                problems.append(Problem(number, f"stray whitespace in {cell!r}"))
                break
    return problems


def _duplicates(entries: list[Entry]) -> list[Problem]:
    """The same Chinese form in two entries: one rendering must win, so both are suspect."""
    problems, owner = [], {}
    for entry in entries:
        for form in entry.forms:
            first = owner.setdefault(form, entry)
            if first is entry:
                continue
            if form == entry.zh and form == first.zh:
                problems.append(Problem(entry.line, f"duplicate zh {form} (first at line {first.line})"))
            elif entry.en != first.en:
                problems.append(
                    Problem(entry.line, f"{form} rendered {entry.en!r} here but {first.en!r} at line {first.line}")
                )
            else:
                problems.append(Problem(entry.line, f"{form} is already a form of the entry at line {first.line}"))
    return problems


def _contains(rendering: str, part: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(part.lower()) + r"(?!\w)", rendering.lower()) is not None


def _inconsistent_parts(entries: list[Entry]) -> list[Problem]:
    """An approved term inside a longer approved term should keep its rendering there.

    (党工委 is 'Party Work Committee', so 街道党工委 must say 'Party Work Committee'.)
    A longer entry that deliberately renders differently says so in its note
    with 'not ' followed by the shorter term's rendering, e.g. "not 'community'".
    """
    approved = [e for e in entries if e.status is Status.APPROVED]
    shorts: dict[str, list[tuple[int, Entry]]] = {}
    for index, short in enumerate(approved):
        if len(short.zh) >= 2:
            shorts.setdefault(short.zh, []).append((index, short))
    if not shorts:
        return []
    automaton = ahocorasick.Automaton()  # every short headword at once: one pass over each long form
    for zh in shorts:
        automaton.add_word(zh, zh)
    automaton.make_automaton()
    problems = []
    for long in approved:
        inside: dict[int, Entry] = {}
        for form in long.forms:
            for _, zh in automaton.iter(form):
                if zh != form:
                    inside.update((index, short) for index, short in shorts[zh] if short is not long)
        for index in sorted(inside):
            short = inside[index]
            if _contains(long.en, short.en) or f"not '{short.en}'" in long.note:
                continue
            problems.append(
                Problem(
                    long.line,
                    f"{long.zh} contains {short.zh} (line {short.line}) but its rendering {long.en!r} "
                    f"does not contain {short.en!r}",
                )
            )
    return problems


def _script(entries: list[Entry]) -> list[Problem]:
    problems = []
    for entry in entries:
        for form in entry.forms:
            simplified = to_simplified(form)
            if simplified != form:
                problems.append(Problem(entry.line, f"{form} is Traditional: store {simplified} (matched in both)"))
        for rendering in (entry.en, *entry.admitted, *entry.avoid):
            if any(is_cjk(c) for c in rendering):
                problems.append(Problem(entry.line, f"Chinese in the English rendering {rendering!r}"))
    return problems


def _term_model(entries: list[Entry]) -> list[Problem]:
    """Preferred, admitted and deprecated renderings must not contradict one another."""
    problems = []
    for entry in entries:
        if entry.admitted and not entry.en:
            problems.append(Problem(entry.line, f"{entry.zh} has admitted renderings but no preferred one (en)"))
        for rendering in entry.admitted:
            if rendering.lower() == entry.en.lower():
                problems.append(Problem(entry.line, f"admitted {rendering!r} is the preferred rendering already"))
        for rendering in set(map(str.lower, entry.renderings)) & set(map(str.lower, entry.avoid)):
            problems.append(Problem(entry.line, f"{rendering!r} is both accepted and to be avoided"))
        if "’" in entry.en or "‘" in entry.en:
            problems.append(
                Problem(entry.line, f"curly apostrophe in {entry.en!r}: write a straight one (QA accepts both)")
            )
    return problems


def check_glossary(path: Path) -> tuple[list[Entry], list[Problem]]:
    lines, entries, row_errors = read_rows(path)
    problems = [Problem(e.line or 0, e.message) for e in row_errors]
    problems += _stray_whitespace(lines)
    problems += _duplicates(entries)
    problems += _inconsistent_parts(entries)
    problems += _script(entries)
    problems += _term_model(entries)
    return entries, sorted(problems, key=lambda p: p.line)
