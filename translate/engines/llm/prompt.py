"""What an LLM is told and what its answer must be.

A request carries one paragraph's segments (or part of one) as JSON objects with ``id`` and ``source``,
with the document's title and the current heading as context, the approved glossary entries found in
those segments (longest first, with their admitted renderings) and the quantities in the English forms
QA checks.  The answer must be a JSON object ``{"translations": [{"id": …, "target": …}, …]}`` with
exactly the ids asked for; anything else is refused, never guessed at (the engine splits the request).
A leading ``<think>…</think>`` block, and a code fence around the JSON, are taken off first.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from glossary.entry import Status
from translate.document import Segment
from translate.quantities import chinese_quantities

# Part of every remembered translation's key: a new prompt translates again.
# 2: terms as the text writes them, every quantity.
PROMPT_VERSION = "llm-prompt-2"

SYSTEM = (
    "You translate Chinese government reports into English for publication. "
    "Translate every segment completely and faithfully, in the style of official English translations of "
    "Chinese government documents. "
    "Where a glossary term occurs, use its English rendering exactly (the first one, or one listed as also "
    "acceptable). Write every number, percentage and amount with its value unchanged; the quantities list "
    "gives their English forms. Do not add notes or explanations. "
    'Answer with JSON only, of the form {"translations": [{"id": "...", "target": "..."}]}: one item for '
    "every segment id you were given, in the same order, and nothing else."
)

_THINKING = re.compile(r"^\s*<think>.*?</think>\s*", re.S)
_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.S)


@dataclass
class Request:
    """One request: its segments (by their index in the run), and its context."""

    indices: list[int]
    segments: list[Segment]
    title: str = ""
    heading: str = ""
    previous: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # id → (attempt, what it lacked)

    def part(self, chosen: list[int]) -> Request:
        """The same request for some of its segments (positions in this request)."""
        return Request(
            [self.indices[i] for i in chosen],
            [self.segments[i] for i in chosen],
            self.title,
            self.heading,
            {k: v for k, v in self.previous.items() if k in {self.segments[i].id for i in chosen}},
        )


def glossary_entries(segments: list[Segment]) -> list[dict]:
    """The approved entries found in the segments, as the text writes them (a variant, say 村委 for
    村民委员会, with its headword beside it), longest first."""
    entries = {}
    for segment in segments:
        for hit in segment.terms:
            if hit.status is Status.APPROVED and hit.en:
                entries[segment.normalized[hit.start : hit.end]] = hit.entry
    items = []
    for form in sorted(entries, key=lambda f: (-len(f), f)):
        entry = entries[form]
        item = {"zh": form, "en": entry.en}
        item |= {"headword": entry.zh} if form != entry.zh else {}
        item |= {"also": entry.admitted} if entry.admitted else {}
        items.append(item)
    return items


def quantities(segments: list[Segment]) -> list[dict]:
    """Every quantity QA checks, in its English form (a month is the model's to name)."""
    found = {}
    for segment in segments:
        for quantity in chinese_quantities(segment.normalized):
            if quantity.dimension != "month":
                found[segment.normalized[quantity.start : quantity.end]] = quantity.shown()
    return [{"zh": zh, "en": en} for zh, en in found.items()]


def messages(request: Request) -> list[dict]:
    """The chat messages of a request."""
    body: dict = {}
    if request.title:
        body["document"] = request.title
    if request.heading:
        body["section"] = request.heading
    terms, numbers = glossary_entries(request.segments), quantities(request.segments)
    if terms:
        body["glossary"] = terms
    if numbers:
        body["quantities"] = numbers
    items = []
    for segment in request.segments:
        item = {"id": segment.id, "source": segment.normalized}
        if segment.id in request.previous:
            attempt, lacking = request.previous[segment.id]
            item |= {"your previous translation": attempt, "it lacked": lacking}
        items.append(item)
    body["segments"] = items
    user = json.dumps(body, ensure_ascii=False, indent=1)
    if request.previous:
        user = (
            "Translate these segments again. Your previous translation lacked what each lists: write it "
            "exactly as given.\n" + user
        )
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]


def max_tokens(request: Request, cap: int) -> int:
    """The answer's token limit, from the input's length: English takes about as many tokens as the
    Chinese has characters and more; JSON and ids add some per segment."""
    characters = sum(len(s.normalized) for s in request.segments)
    return min(cap, 256 + 3 * characters + 40 * len(request.segments))


class BadAnswer(Exception):
    """An answer that does not align with the request: not JSON, or not exactly its ids."""


def without_thinking(content: str) -> str:
    return _THINKING.sub("", content, count=1)


def read_answer(content: str, request: Request) -> dict[str, str]:
    """The translations of the answer by id, or BadAnswer saying why it does not align."""
    text = without_thinking(content or "")
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced.group(1)
    try:
        value = json.loads(text)
    except ValueError as error:
        raise BadAnswer(f"not JSON ({error.msg})")
    items = value.get("translations") if isinstance(value, dict) else value
    if not isinstance(items, list):
        raise BadAnswer("no list of translations")
    found: dict[str, str] = {}
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not isinstance(item.get("target"), str):
            raise BadAnswer("an item without a string id and target")
        if item["id"] in found:
            raise BadAnswer(f"id {item['id']} twice")
        found[item["id"]] = without_thinking(item["target"]).strip()
    asked = [s.id for s in request.segments]
    if set(found) != set(asked):
        missing, extra = sorted(set(asked) - set(found)), sorted(set(found) - set(asked))
        raise BadAnswer(f"ids do not match (missing {missing or 'none'}, extra {extra or 'none'})")
    return found
