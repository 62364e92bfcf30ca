"""Checks per segment: missing or avoided term, number mismatch, Chinese left
in English, empty target.  Findings go on the segment and into ``qa.json``.

A calendar year the translation names only from the text's own time (2024年 as
"this year") is a warning to check, not an error: which year "this year" means
depends on when the text was written, which QA cannot know.  So is a quantity the
English says only approximately: by its order of size ("hundreds of" for 300), a
percentage as a fraction near it ("more than half" for 52%), or rounded to fewer
places ("RMB30.5 trillion" for 305160亿元); and a label of a name in brackets the
English leaves out (中国—东盟（10+1）领导人会议 as "the China-ASEAN Summit")."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from foundation.script import chinese_characters
from glossary.entry import Entry, Status
from glossary.eras import accepted_renderings, other_eras
from translate.document import Document, Issue, Segment, State, TermHit
from translate.occasion import document_kind, document_year
from translate.qa.english import noun_forms, rendering_places, renders, searchable, without_places
from translate.qa.mentions import says_short_form, shares_wording
from translate.quantities import (
    COUNTS,
    Quantity,
    amounts_by_order,
    chinese_quantities,
    compare_quantities,
    dates_by_context,
    english_quantities,
    years_by_context,
)

_DAY_AFTER = re.compile(r"\d{1,2}日")
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9&.]+s?")  # CPC, BRI, R&D


def quantity_issues(source: str, target: str) -> list[Issue]:
    """Errors for the source's quantities the English does not state; warnings where QA cannot tell: a year
    or a date the English names from its own time ("last year", "yesterday"), and a figure of the English
    that states none of the source's (added, or a number changed where the Chinese said it twice)."""
    compared = compare_quantities(source, target)
    years, dates, orders = years_by_context(target), dates_by_context(target), amounts_by_order(target)
    # A four-figure number the English states for no number of the Chinese may be the year written wrong
    # (2021 as 3021): then "this year" beside it vouches for nothing.
    stray_year = any(q.value.is_integer() and 1000 <= q.value <= 9999 for q in compared.extra)
    issues = []
    for quantity in compared.missing:
        shown = quantity.shown()
        if quantity.dimension == "year" and years and not stray_year:
            message = f"{shown} is written {years.pop(0)!r}: check that it means {shown}"
            issues.append(Issue("year-by-context", message, "warning"))
        elif quantity.dimension in ("month", "day") and dates:
            if issues and issues[-1].check == "date-by-context" and quantity.dimension == "day":
                continue  # the day of the month just said: one date, one warning
            date = source[quantity.start : quantity.end]
            day = _DAY_AFTER.match(source, quantity.end) if quantity.dimension == "month" else None
            date += day.group() if day else ""
            message = f"the date {date} is written {dates[0]!r}: check that it means it"
            issues.append(Issue("date-by-context", message, "warning"))
        elif quantity.dimension == "label" and _in_brackets(source, quantity) and not compared.extra:
            message = f"({shown}) of the name is not in the translation: check that the name says it"
            issues.append(Issue("number-label", message, "warning"))
        elif said := _said_approximately(quantity, compared.extra, target, orders):
            message = f"{shown} is said as {said!r}: check that it means it"
            issues.append(Issue("number-approximated", message, "warning"))
        else:
            issues.append(Issue("number-mismatch", f"{shown} is not in the translation"))
    if not compared.missing:  # a changed number is said by what it replaced; an added one is said here
        for quantity in compared.extra:
            figure = target[quantity.start : quantity.end]
            message = f"{figure!r} in the translation states no number of the Chinese: check it"
            issues.append(Issue("number-extra", message, "warning"))
    return issues


def _in_brackets(source: str, quantity: Quantity) -> bool:
    return (
        0 < quantity.start
        and quantity.end < len(source)
        and source[quantity.start - 1] in "（("
        and source[quantity.end] in "）)"
    )


APPROXIMATE_POINTS = 10  # a percentage said as a fraction ("more than half" for 52%) within this many points


def _said_approximately(
    quantity: Quantity, extra: list[Quantity], target: str, orders: list[tuple[str, float, float]]
) -> str:
    """The words in which the English says a quantity only approximately, or "": an amount by its order of
    size ("hundreds of" for 300) or a percentage as a fraction near it ("more than half" for 52%).  Never
    where a figure of the English states no number of the Chinese: that figure may be the quantity,
    changed."""
    rounded = next((q for q in extra if _rounds_to(quantity, q, target)), None)
    if rounded:
        return target[rounded.start : rounded.end]
    if extra:
        return ""
    if quantity.dimension == "percent":
        fractions = [q for q in english_quantities(target) if q.dimension == "fraction"]
        near = [q for q in fractions if abs(q.value * 100 - quantity.value) <= APPROXIMATE_POINTS]
        return target[near[0].start : near[0].end] if near else ""
    if quantity.dimension in (*COUNTS, "money"):
        return next((phrase for phrase, low, high in orders if low <= quantity.value < high), "")
    return ""


_SCALE_WORD = re.compile(r"million|billion|trillion|\d\s?(?:bn|tn|mn)\b", re.IGNORECASE)


def _rounds_to(quantity: Quantity, offered: Quantity, target: str) -> bool:
    """Whether ``offered`` is ``quantity`` rounded to the places its figure is written to, its decimals or
    its scale, keeping two digits or more: 305160亿元 as "RMB30.5 trillion".  Exactly so: a figure with a
    digit changed is never the rounding of the true one."""
    figure = re.search(r"\d[\d,]*(?:\.(\d+))?", target[offered.start : offered.end])
    if not figure or not (offered.dimension == quantity.dimension or offered.dimension == "count"):
        return False
    written = float(figure.group().replace(",", ""))
    digits = figure.group().replace(",", "").replace(".", "").strip("0")
    scaled = figure.group(1) or _SCALE_WORD.search(target, offered.start, offered.end)
    if not written or quantity.approx or quantity.upper or not scaled or len(digits) < 2:
        return False  # "10" for 9 is no rounding: a figure is rounded to its decimals or its scale
    whole = figure.group().split(".")[0].replace(",", "")
    places = 10.0 ** -len(figure.group(1)) if figure.group(1) else 10.0 ** (len(whole) - len(whole.rstrip("0")))
    step = places * offered.value / written  # one unit of the last place written, in the base unit
    rounded = round(quantity.value / step) * step
    return rounded != quantity.value and abs(rounded - offered.value) <= 1e-9 * abs(offered.value)


def _unrendered(
    hit: TermHit, target: str, earlier: Sequence[str], year: int | None, others: Sequence[TermHit] = ()
) -> Issue | None:
    """What to say of an approved term none of whose renderings for the document's year the English holds:
    a warning for a rendering official in other years; nothing if it names the term shortly after the full
    name stood earlier in the document; a warning for the term in the translator's own words (not in the
    words that render the segment's ``others`` terms: "the 15th Five-Year Plan" says nothing of 十四五);
    else an error."""
    era = next((era for era in other_eras(hit.entry, year) if renders(target, era.rendering)), None)
    if era:
        message = f"{hit.zh}: {era.rendering!r} was the official rendering in {era.years}, not in {year}: {hit.en!r}"
        return Issue("term-era", message, "warning")
    accepted = accepted_renderings(hit.entry, year)
    short = next((s for r in accepted if (s := says_short_form(target, r))), None)
    if short and earlier:
        before = " ".join(earlier)
        if any(renders(before, r) for r in accepted):
            return None
    rest = searchable(target)
    for other in others:
        for rendering in accepted_renderings(other.entry, year) if other.zh != hit.zh else ():
            rest = without_places(rest, rendering_places(rest, rendering))
    if any(shares_wording(rest, r) for r in accepted):
        message = f"{hit.zh}: worded otherwise than the glossary's {hit.en!r}: check that it says the same"
        return Issue("term-variant", message, "warning")
    return Issue("missing-term", f"{hit.zh} must be rendered {hit.en!r}")


def check_segment(segment: Segment, earlier: Sequence[str] = (), year: int | None = None) -> list[Issue]:
    """QA of one segment; ``earlier``, the English of the segments before it in its document (where a
    term's full name may stand that the segment names shortly); ``year``, the document's (which renderings
    were official then; None when not known: every era's)."""
    target = segment.target
    if not target.strip():
        if segment.state is State.INITIAL:
            return [Issue("untranslated", "no translation yet", "warning")]
        return [Issue("empty", "the translation is empty")]
    issues = []
    judged: dict[tuple, list[Issue]] = {}  # a term said again in the segment is judged as it was the first time
    for index in range(len(segment.terms)):
        key = _occurrence_key(segment.terms, index)
        if key not in judged:
            judged[key] = _term_issues(target, segment.terms, index, earlier, year)
        issues += judged[key]
    issues += quantity_issues(segment.normalized, target)
    left = sorted(set(chinese_characters(target)))
    if left:
        issues.append(Issue("chinese-left", f"Chinese left in the English: {''.join(left[:10])}"))
    return issues


def _term_issues(
    target: str, hits: Sequence[TermHit], index: int, earlier: Sequence[str], year: int | None
) -> list[Issue]:
    """What QA says of one occurrence of a term."""
    hit, issues = hits[index], []
    if hit.status == Status.PROPOSED:
        if not (hit.en and rendered(target, hit.entry, _holder(hits, index), year)):
            message = f"{hit.zh}: proposed rendering {hit.en!r} is not yet approved"
            issues.append(Issue("proposed-term", message, "warning"))
    elif hit.en and not term_rendered(target, hits, index, year):
        issue = _unrendered(hit, target, earlier, year, hits)
        issues += [issue] if issue else []
    for avoid in hit.entry.avoid:
        if renders(target, avoid):
            issues.append(Issue("avoided-term", f"{hit.zh}: {avoid!r} is to be avoided, use {hit.en!r}"))
    return issues


def _occurrence_key(hits: Sequence[TermHit], index: int) -> tuple:
    """What a judgement of ``hits[index]`` depends on within its segment: its entry and the term holding it.
    Two occurrences with the same key are judged alike, so a term said a thousand times in one long
    paragraph is judged once, not a thousand times over the whole paragraph."""
    holder = _holder(hits, index)
    return id(hits[index].entry), hits[index].status, id(holder.entry) if holder else None


def terms_rendered(target: str, hits: Sequence[TermHit], year: int | None = None) -> list[bool]:
    """``term_rendered`` for every term of a segment, each kind of occurrence judged once."""
    judged: dict[tuple, bool] = {}
    found = []
    for index in range(len(hits)):
        key = _occurrence_key(hits, index)
        if key not in judged:
            judged[key] = term_rendered(target, hits, index, year)
        found.append(judged[key])
    return found


def _holder(hits: Sequence[TermHit], index: int) -> TermHit | None:
    """The term right before ``hits[index]`` that holds it (公安局 before 局长), or None."""
    return hits[index - 1] if index and hits[index - 1].end == hits[index].start else None


def term_rendered(target: str, hits: Sequence[TermHit], index: int, year: int | None = None) -> bool:
    """Whether the English renders the term ``hits[index]`` of its segment as QA judges it: an accepted
    rendering, in the English not claimed by another term's rendering that holds it."""
    hit = hits[index]
    return rendered(_unclaimed(target, hit, hits, year), hit.entry, _holder(hits, index), year)


def _unclaimed(target: str, hit: TermHit, hits: Sequence[TermHit], year: int | None) -> str:
    """The English where ``hit``'s rendering may stand: not inside the rendering of another term of the
    segment that holds it ("Vice Premier", 副总理, holds "Premier", 总理): that English is the other's,
    unless the English says it more often than the Chinese says the other term."""
    own = accepted_renderings(hit.entry, year)
    for other in {other.zh: other for other in hits if other.zh != hit.zh and other.en}.values():
        said_in_chinese = sum(1 for h in hits if h.zh == other.zh)
        for longer in accepted_renderings(other.entry, year):
            if not any(_holds(longer, r) for r in own):
                continue
            places = rendering_places(target, longer)
            if places and len(places) <= said_in_chinese:
                target = without_places(target, places)
    return target


@lru_cache(maxsize=8192)
def _holds(longer: str, rendering: str) -> bool:
    """Whether one rendering holds another (asked for every pair of terms in every segment: remembered)."""
    return len(longer) > len(rendering) and renders(longer, rendering)


def rendered(target: str, entry: Entry, holder: TermHit | None = None, year: int | None = None) -> bool:
    """Whether the translation renders the entry: its preferred or an admitted rendering, or one of its
    eras for ``year``, in any English form, or, right after a term that holds it (``holder``), one that
    leaves the holder's words to the holder's own English."""
    return any(
        renders(target, rendering) and not _introduced_only(target, rendering)
        for rendering in held_renderings(entry, holder, year)
    )


def _introduced_only(target: str, rendering: str) -> bool:
    """Whether an abbreviation stands in the text only in brackets, "(CPC)": there it introduces itself
    after the full name, which must stand before it; it renders the term only where it stands alone."""
    if not _ABBREVIATION.fullmatch(rendering) or f"({rendering})" not in target:
        return False
    return not re.search(rf"(?<![\w(-]){re.escape(rendering)}s?(?![\w-])", target)


def held_renderings(entry: Entry, holder: TermHit | None, year: int | None = None) -> list[str]:
    """A title's English follows its holder: 公安局局长 is "Director of the Public Security Bureau",
    so right after a term whose English has the words "Bureau", 局长 ("Bureau Director") is also
    rendered by "Director".  Each rendering, and each without the words its holder's English has."""
    renderings = accepted_renderings(entry, year)
    if holder is None or not holder.en:
        return renderings
    held = {form for word in re.findall(r"[A-Za-z]+", holder.en) for form in noun_forms(word)}
    for rendering in list(renderings):
        words = rendering.split()
        kept = [word for word in words if word.lower().strip("'’s,") not in held]
        if kept and len(kept) < len(words):
            renderings.append(" ".join(kept))
    return renderings


def check_document(document: Document) -> None:
    earlier: list[str] = []
    year = document_year(document)
    for segment in document.segments:
        segment.issues = check_segment(segment, earlier, year)
        earlier.append(segment.target)


def english_before(document: Document, segment: Segment) -> list[str]:
    """The English of the segments before ``segment`` in ``document`` (what ``check_segment`` looks back on)."""
    earlier = []
    for other in document.segments:
        if other is segment:
            break
        earlier.append(other.target)
    return earlier


def count_errors(document: Document) -> int:
    return sum(1 for s in document.segments for i in s.issues if i.severity == "error")


def count_terms_applied(document: Document) -> int:
    """Approved term occurrences whose rendering stands in the translation."""
    return sum(
        1 for s in document.segments for h in s.terms if h.status == Status.APPROVED and rendered(s.target, h.entry)
    )


def checked(document: Document) -> dict[str, int]:
    """The denominators: approved term occurrences and source quantities in the segments that have a translation."""
    translated = [s for s in document.segments if s.target.strip()]
    return {
        "terms": sum(1 for s in translated for h in s.terms if h.status == Status.APPROVED and h.en),
        "numbers": sum(len(chinese_quantities(s.normalized)) for s in translated),
    }


def qa_report(document: Document, xliff: str = "") -> dict:
    """The report: one issue per missing term occurrence and per missing quantity, and what was checked;
    ``xliff``, the bilingual file it checks, relative to the report's folder (whose outputs these are)."""
    counts = Counter(issue.check for s in document.segments for issue in s.issues)
    return {
        "document": document.stem,
        **({"xliff": xliff} if xliff else {}),
        "glossary_sha256": document.glossary_sha256,
        "segments": len(document.segments),
        # what QA read the document as: its year (which renderings were official) and kind (which sense a
        # term has), given or inferred; null and "" where not known
        "year": document_year(document),
        "kind": document_kind(document),
        "errors": count_errors(document),
        # What QA could not verify, for a person to look at (a term in other words, a date named from the
        # text's own time, a figure that states no number of the Chinese): never counted as errors.
        "warnings": sum(1 for s in document.segments for i in s.issues if i.severity == "warning"),
        "checked": checked(document),
        "not_read": document.skipped,  # what reading the source could not take, by kind: never dropped silently
        "by_check": dict(sorted(counts.items())),
        "findings": [
            {
                "segment": s.id,
                "source": s.source,
                "target": s.target,
                "issues": [{"check": i.check, "severity": i.severity, "message": i.message} for i in s.issues],
            }
            for s in document.segments
            if s.issues
        ],
    }


def qa_json(document: Document, xliff: str = "") -> str:
    return json.dumps(qa_report(document, xliff), ensure_ascii=False, indent=2) + "\n"
