"""The LLM engine: any server that speaks the OpenAI chat-completions protocol (llama.cpp's server,
Ollama, vLLM, LM Studio…), through the ``openai`` client, with the glossary told and then checked.

- **Requests**: a paragraph's segments together (12 at most), with the document title and heading
  (``prompt``), at temperature 0, the answer's token limit from the input's length.  ``--llm-workers``
  requests run at once; ``--llm-rate`` caps how many start per second, whatever the workers.
- **Alignment**: an answer that is not JSON, lacks an id or adds one, or stopped at its token limit
  (``finish_reason`` "length") is never guessed at: the request is split in halves, down to single
  segments.  A single segment that still gets no usable answer stays untranslated, and one line says why.
- **Checks**: every output (terms restored as for Argos) goes through QA's own checks: approved terms,
  avoided renderings, quantities, Chinese left.  The segments that fail are asked again once, naming
  what they lacked; what still fails is kept as the translation (QA flags it) and counted.
- **Faults**: the client retries 408, 409, 429 (honouring Retry-After), 5xx, timeouts and refused
  connections with backoff, ``--llm-retries`` times.  After that: an error status fails that request's
  segments, and so does an answer that is no chat completion (a proxy's sign-in page); a refused
  connection, or two timeouts in a row, means the server is gone, and the requests not yet sent are not
  sent (the run ends with what was done, kept; the next run does the rest).  An error text never becomes
  a translation.
- **Memory**: only outputs that passed their checks are kept; their key holds the endpoint, the model,
  the prompt version and the entries of the segment, so a re-run calls nothing and a changed entry
  translates again exactly its sentences.
- **Audit**: ``--llm-log FILE`` appends every request and answer (JSON Lines; the key is never in it).
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path

from foundation.errors import UserError
from translate.document import Document, Segment, State
from translate.engines import BatchDone
from translate.engines.llm.prompt import PROMPT_VERSION, BadAnswer, Request, max_tokens, messages, read_answer
from translate.engines.pacing import Pacing
from translate.protect import restore
from translate.qa import check_segment

DEFAULT_URL = "http://127.0.0.1:8080/v1"
KEY_VARIABLES = ("ZHEN_LLM_API_KEY", "OPENAI_API_KEY")
FAILING_CHECKS = frozenset({"missing-term", "avoided-term", "number-mismatch", "chinese-left", "empty"})
SEGMENTS_PER_REQUEST = 12
CHARACTERS_PER_REQUEST = 1500
TOKEN_CAP = 8192
TIMEOUTS_UNTIL_GONE = 2


@dataclass
class LLMSettings:
    url: str = DEFAULT_URL
    model: str | None = None
    workers: int = 2  # local servers have few slots
    rate: float | None = None  # requests a second, at most
    timeout: float = 180.0  # seconds per request
    retries: int = 3
    log: Path | None = None


@dataclass
class Result:
    index: int
    output: str  # "" when no usable answer came
    passed: bool  # passed its checks: kept in the memory
    problem: str = ""  # why it is untranslated or still failing


class NoAnswer(Exception):
    """A request that got no usable answer (the server failed, or is gone): its segments stay untranslated."""


def api_key() -> str:
    """The key from the environment (never the command line); local servers take any."""
    return next((os.environ[name] for name in KEY_VARIABLES if os.environ.get(name)), "not-needed")


class LLMEngine:
    name = "llm"

    def __init__(self, settings: LLMSettings):
        import openai

        self.settings = settings
        self._openai = openai
        self.client = openai.OpenAI(
            base_url=settings.url,
            api_key=api_key(),
            timeout=settings.timeout,
            max_retries=settings.retries,
            http_client=_pooled(openai, settings.workers),
        )
        self.model = settings.model or self._only_model()
        self.identity = f"llm:{settings.url.rstrip('/')}:{self.model}:{PROMPT_VERSION}"
        self.pacing = Pacing(settings.rate)
        self.notes: list[str] = []
        self.failed_checks = 0
        self.untranslated = 0
        self.reasked = 0  # segments asked a second time, naming what their first answer lacked
        self._gone = threading.Event()
        self._timeouts = 0
        self._lock = threading.Lock()

    def _only_model(self) -> str:
        """The model the server serves, when it serves one: what llama.cpp's server and LM Studio do."""
        try:
            models = [m.id for m in self.client.with_options(max_retries=0, timeout=10).models.list()]
        except self._openai.APIConnectionError as error:  # down, or not there: no model would help
            raise UserError(f"no LLM server answers at {self.settings.url} ({_short(error)}): is it started?")
        except self._openai.OpenAIError as error:
            raise UserError(f"no model named and none listed by {self.settings.url}: {_short(error)}; give --llm-model")
        if len(models) != 1:
            listed = ", ".join(models[:8]) or "none"
            raise UserError(f"{self.settings.url} serves {len(models)} models ({listed}): choose one with --llm-model")
        return models[0]

    # -- the Engine protocol -----------------------------------------------------------------------
    def translate(self, sources: Sequence[str], batch_done: BatchDone | None = None) -> list[str]:
        raise UserError("the llm engine translates documents (translate_segments), not bare strings")

    def translate_segments(self, segments: list[Segment], document: Document | None, batch_done: BatchDone) -> None:
        """Translate the segments, calling ``batch_done(indices, outputs, kept)`` as each request finishes."""
        requests = plan(segments, document)
        with ThreadPoolExecutor(max(1, self.settings.workers)) as pool:
            futures = [pool.submit(self._run, request) for request in requests]
            for future in as_completed(futures):
                results = future.result()
                batch_done([r.index for r in results], [r.output for r in results], [r.passed for r in results])
        failing = [n for n in (self.untranslated, self.failed_checks) if n]
        if failing:
            self.notes.append(
                f"llm: {self.untranslated} segment(s) untranslated, {self.failed_checks} kept though they "
                "failed their checks after a second ask (QA flags them)"
            )

    # -- one request, split when it must be ----------------------------------------------------------
    def _run(self, request: Request) -> list[Result]:
        outputs, problems = self._aligned(request)
        checked = {i: self._check(request.segments[i], outputs[i]) for i in outputs}
        again = [i for i, lacking in checked.items() if lacking]
        if again and not self._gone.is_set():
            self._count("reasked", len(again))
            retry = request.part(again)
            retry.previous = {request.segments[i].id: (outputs[i], checked[i]) for i in again}
            second, more = self._aligned(retry)
            problems.update({again[i]: p for i, p in more.items()})
            for position, output in second.items():
                i = again[position]
                outputs[i], checked[i] = output, self._check(request.segments[i], output)
        results = []
        for i, index in enumerate(request.indices):
            if i in outputs:
                passed = not checked[i]
                if not passed:
                    self._count("failed_checks")
                results.append(Result(index, outputs[i], passed, "; ".join(checked[i])))
            else:
                self._count("untranslated")
                self._note(f"{request.segments[i].id} not translated: {problems.get(i, 'no answer')}")
                results.append(Result(index, "", False, problems.get(i, "")))
        return results

    def _aligned(self, request: Request) -> tuple[dict[int, str], dict[int, str]]:
        """Outputs by position in the request, restored; and why the others have none.  A request whose
        answer does not align is split in halves, down to single segments."""
        try:
            return self._ask(request), {}
        except NoAnswer as gone:
            return {}, {i: str(gone) for i in range(len(request.segments))}
        except BadAnswer as bad:
            if len(request.segments) == 1:
                return {}, {0: f"the answer did not align: {bad}"}
        half = len(request.segments) // 2
        outputs, problems = {}, {}
        for offset, chosen in ((0, list(range(half))), (half, list(range(half, len(request.segments))))):
            part_outputs, part_problems = self._aligned(request.part(chosen))
            outputs.update({offset + i: o for i, o in part_outputs.items()})
            problems.update({offset + i: p for i, p in part_problems.items()})
        return outputs, problems

    def _ask(self, request: Request) -> dict[int, str]:
        if self._gone.is_set():
            raise NoAnswer("not sent: the server stopped answering")
        self.pacing.wait()
        sent = {
            "model": self.model,
            "messages": messages(request),
            "temperature": 0,
            "max_tokens": max_tokens(request, TOKEN_CAP),
        }
        raw = self._post(sent, request)
        try:
            choice = first_choice(raw)
        except ValueError as error:
            self._log(sent, error=f"not a chat completion: {error}")
            raise NoAnswer(f"the server's answer is not a chat completion ({error})")
        content, finish = choice or ("", None)
        self._log(sent, content=content, finish=finish)
        if choice is None:
            raise BadAnswer("no choice in the answer")
        if finish == "length":
            raise BadAnswer("stopped at its token limit")
        found = read_answer(content, request)
        return {i: restore(found[s.id], s) for i, s in enumerate(request.segments)}

    def _post(self, sent: dict, request: Request) -> bytes:
        """The body of the server's answer; NoAnswer for a failure, BadAnswer for a refusal that a
        shorter request may not meet (it is split)."""
        openai = self._openai
        try:
            # post() is the client's documented call for a body sent as it is, with create()'s retries,
            # backoff, Retry-After and errors; create() would first walk every message through its
            # typed-dict transform, a no-op for plain strings that costs 0.7 ms a request under the GIL,
            # and then build a model of the answer (0.12 ms), which first_choice reads in a tenth of that.
            raw = self.client.post("/chat/completions", body=sent, cast_to=bytes)
        except openai.APITimeoutError as error:
            self._log(sent, error=f"timeout: {_short(error)}")
            with self._lock:
                self._timeouts += 1
                gone = self._timeouts >= TIMEOUTS_UNTIL_GONE
            if gone:
                self._gone.set()
            raise NoAnswer(f"timed out after {self.settings.timeout:g} s and {self.settings.retries} retries")
        except openai.APIConnectionError as error:
            self._log(sent, error=f"connection: {_short(error)}")
            self._gone.set()
            raise NoAnswer(f"the server at {self.settings.url} did not answer ({_short(error)})")
        except openai.APIStatusError as error:
            self._log(sent, error=f"status {error.status_code}: {_short(error)}")
            if error.status_code in (401, 403, 404):  # the key or the model is wrong: nothing will work
                self._gone.set()
                raise NoAnswer(f"the server refused: {error.status_code} {_short(error)}")
            if error.status_code in (400, 413, 422) and len(request.segments) > 1:
                raise BadAnswer(f"the server refused the request ({error.status_code})")  # too long: split
            raise NoAnswer(f"the server answered {error.status_code} after {self.settings.retries} retries")
        with self._lock:
            self._timeouts = 0
        return raw

    def _check(self, segment: Segment, output: str) -> list[str]:
        """What QA would flag in this output: the terms and quantities it lacks (empty: it passed)."""
        trial = replace(segment, target=output, state=State.TRANSLATED, issues=[])
        return [issue.message for issue in check_segment(trial) if issue.check in FAILING_CHECKS]

    # -- bookkeeping ---------------------------------------------------------------------------------
    def _count(self, name: str, by: int = 1) -> None:
        with self._lock:
            setattr(self, name, getattr(self, name) + by)

    def _note(self, line: str) -> None:
        with self._lock:
            if len(self.notes) < 20:
                self.notes.append(line)
            elif len(self.notes) == 20:
                self.notes.append("… (more segments not translated; see --llm-log)")

    def take_notes(self) -> list[str]:
        with self._lock:
            notes, self.notes = self.notes, []
            self.failed_checks = self.untranslated = 0
        return notes

    def _log(self, sent: dict, content: str | None = None, finish: str | None = None, error: str | None = None) -> None:
        if self.settings.log is None:
            return
        record = {"time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "url": self.settings.url, "request": sent}
        record |= {"error": error} if error else {"answer": content, "finish_reason": finish}
        line = json.dumps(record, ensure_ascii=False) + "\n"
        with self._lock, self.settings.log.open("a", encoding="utf-8") as handle:
            handle.write(line)


def plan(segments: list[Segment], document: Document | None) -> list[Request]:
    """The requests: each paragraph's segments together (split at the size limits), with its context."""
    wanted = {id(s): i for i, s in enumerate(segments)}
    requests: list[Request] = []
    title, heading = (document.title if document else ""), ""
    blocks = document.blocks if document else []
    placed: set[int] = set()
    for block in blocks:
        if block.kind == "heading":
            heading = block.source
        members = [s for s in block.segments if id(s) in wanted]
        _chunk(members, wanted, title, heading, requests)
        placed.update(id(s) for s in members)
    _chunk([s for s in segments if id(s) not in placed], wanted, title, heading, requests)
    return requests


def _chunk(members: list[Segment], wanted: dict[int, int], title: str, heading: str, requests: list[Request]):
    current: list[Segment] = []
    for segment in members:
        size = sum(len(s.normalized) for s in current) + len(segment.normalized)
        if current and (len(current) >= SEGMENTS_PER_REQUEST or size > CHARACTERS_PER_REQUEST):
            requests.append(Request([wanted[id(s)] for s in current], current, title, heading))
            current = []
        current.append(segment)
    if current:
        requests.append(Request([wanted[id(s)] for s in current], current, title, heading))


def first_choice(raw: bytes) -> tuple[str, str | None] | None:
    """A chat completion's first choice: its message's text ("" for none) and its finish_reason; None
    when it has none.  ValueError for an answer that is no chat completion (a proxy's HTML page, say):
    nothing a shorter request would mend."""
    try:
        completion = json.loads(raw)
    except ValueError:
        raise ValueError("not JSON") from None
    choices = completion.get("choices") if isinstance(completion, dict) else None
    if not isinstance(choices, list):
        raise ValueError("no list of choices")
    if not choices:
        return None
    message = choices[0].get("message") if isinstance(choices[0], dict) else None
    if not isinstance(message, dict):
        raise ValueError("a choice without a message")
    content, finish = message.get("content"), choices[0].get("finish_reason")
    return (content if isinstance(content, str) else ""), (finish if isinstance(finish, str) else None)


def _pooled(openai, workers: int):
    """The openai client's own HTTP defaults with a pool of a kept-alive connection per worker: its
    default keeps 100, so more workers than that would connect again for every request."""
    import httpx2

    limits = httpx2.Limits(max_connections=max(1, workers), max_keepalive_connections=max(1, workers))
    return openai.DefaultHttpx2Client(limits=limits)


def _short(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text[:160] + ("…" if len(text) > 160 else "")
