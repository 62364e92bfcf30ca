"""The LibreTranslate engine: a LibreTranslate server (an office's shared one, say) through its HTTP API.

The glossary goes in as for Argos (approved terms and quantities written into the input in their English,
put back exactly after) and QA checks the output.  Sources go in batches (``q`` as a list).  Faults follow
the same rules as the LLM engine: 429 (honouring Retry-After), 5xx, timeouts and refused connections are
retried with backoff, a bounded number of times; a batch that still fails stays untranslated with one line
saying why; a server that refuses connections, or times out twice in a row, ends the run with what was done
kept.  The API key, if the server wants one, is read from ``ZHEN_LT_API_KEY``.
"""

from __future__ import annotations

import json
import os
import random
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass

from foundation.errors import UserError
from translate.engines import BatchDone

KEY_VARIABLE = "ZHEN_LT_API_KEY"
DEFAULT_URL = "http://127.0.0.1:5000"
SOURCES_PER_REQUEST = 16
CHARACTERS_PER_REQUEST = 2000
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
MAX_BACKOFF_SECONDS = 20.0
TIMEOUTS_UNTIL_GONE = 2


@dataclass
class LTSettings:
    url: str = DEFAULT_URL
    timeout: float = 120.0
    retries: int = 3


class Failed(Exception):
    """A request with no usable answer; ``gone``: the server is not there any more."""

    def __init__(self, message: str, gone: bool = False):
        super().__init__(message)
        self.gone = gone


class LibreTranslateEngine:
    name = "libretranslate"

    def __init__(self, settings: LTSettings, source_lang: str = "zh", target_lang: str = "en"):
        self.settings = settings
        self.url = settings.url.rstrip("/")
        self.key = os.environ.get(KEY_VARIABLE, "")
        self.notes: list[str] = []
        self._timeouts = 0
        self.source, self.target = self._languages(source_lang, target_lang)
        self.identity = f"libretranslate:{self.url}:{self.source}-{self.target}"

    def _languages(self, source: str, target: str) -> tuple[str, str]:
        """The server's codes for the pair (``zh`` may be ``zh-Hans`` there), or a one-line error."""
        try:
            languages = self._call("GET", "/languages", None, retries=0)
        except Failed as failure:
            raise UserError(f"no LibreTranslate server at {self.url}: {failure}")
        codes = [entry.get("code", "") for entry in languages if isinstance(entry, dict)]

        def pick(code: str) -> str:
            for candidate in (code, f"{code}-Hans" if code == "zh" else code, code.split("-")[0]):
                if candidate in codes:
                    return candidate
            raise UserError(f"the LibreTranslate server at {self.url} has no {code!r} (it has {', '.join(codes)})")

        return pick(source), pick(target)

    def translate(self, sources: Sequence[str], batch_done: BatchDone | None = None) -> list[str]:
        results = [""] * len(sources)
        gone = False
        for batch in _batches(sources):
            if gone:
                outputs = [""] * len(batch)
            else:
                try:
                    answer = self._call(
                        "POST",
                        "/translate",
                        {"q": [sources[i] for i in batch], "source": self.source, "target": self.target,
                         "format": "text"} | ({"api_key": self.key} if self.key else {}),
                    )  # fmt: skip
                    outputs = _translated(answer, len(batch))
                except Failed as failure:
                    gone = failure.gone
                    self.notes.append(f"libretranslate: {len(batch)} segment(s) not translated: {failure}")
                    outputs = [""] * len(batch)
            for i, output in zip(batch, outputs):
                results[i] = output
            if batch_done:
                batch_done(batch, outputs)
        return results

    def take_notes(self) -> list[str]:
        notes, self.notes = self.notes, []
        return notes

    def _call(self, method: str, path: str, body: dict | None, retries: int | None = None):
        """The JSON answer of one API call, retried by the fault rules; Failed when there is none."""
        retries = self.settings.retries if retries is None else retries
        for attempt in range(retries + 1):
            try:
                return self._once(method, path, body)
            except ValueError:  # not JSON, or not UTF-8
                raise Failed("the answer is not JSON")
            except urllib.error.HTTPError as error:
                message = _error_text(error)
                if error.code not in RETRY_STATUSES or attempt == retries:
                    raise Failed(f"the server answered {error.code}: {message}")
                time.sleep(_backoff(attempt, error.headers.get("Retry-After")))
            except (TimeoutError, urllib.error.URLError, ConnectionError, OSError) as error:
                if not _timed_out(error):
                    if attempt == retries:
                        raise Failed(f"the server at {self.url} did not answer ({_reason(error)})", gone=True)
                    time.sleep(_backoff(attempt, None))
                    continue
                self._timeouts += 1
                if self._timeouts >= TIMEOUTS_UNTIL_GONE or attempt == retries:
                    raise Failed(f"timed out after {self.settings.timeout:g} s", gone=self._timeouts >= 2)
                time.sleep(_backoff(attempt, None))
        raise Failed("no answer")

    def _once(self, method: str, path: str, body: dict | None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=self.settings.timeout) as answer:
            value = json.loads(answer.read().decode("utf-8"))
        self._timeouts = 0
        return value


def _batches(sources: Sequence[str]) -> list[list[int]]:
    batches, current, size = [], [], 0
    for index, source in enumerate(sources):
        if current and (len(current) >= SOURCES_PER_REQUEST or size + len(source) > CHARACTERS_PER_REQUEST):
            batches.append(current)
            current, size = [], 0
        current.append(index)
        size += len(source)
    if current:
        batches.append(current)
    return batches


def _translated(answer, count: int) -> list[str]:
    """The translations of a batch, or Failed when the answer does not hold one string per source."""
    texts = answer.get("translatedText") if isinstance(answer, dict) else None
    if not isinstance(texts, list) or len(texts) != count or not all(isinstance(t, str) for t in texts):
        raise Failed("the answer does not hold one translation per source")
    return [t.strip() for t in texts]


def _backoff(attempt: int, retry_after: str | None) -> float:
    try:
        asked = float(retry_after) if retry_after else None
    except ValueError:
        asked = None
    if asked is not None and 0 <= asked <= 60:
        return asked
    return min(MAX_BACKOFF_SECONDS, 0.5 * 2**attempt) * (0.75 + random.random() / 2)


def _error_text(error: urllib.error.HTTPError) -> str:
    try:
        value = json.loads(error.read().decode("utf-8", "replace"))
        text = value.get("error", "") if isinstance(value, dict) else ""
    except (ValueError, OSError):
        text = ""
    return " ".join(str(text or error.reason).split())[:160]


def _timed_out(error: Exception) -> bool:
    return isinstance(error, TimeoutError) or isinstance(getattr(error, "reason", None), TimeoutError)


def _reason(error: Exception) -> str:
    reason = getattr(error, "reason", error)
    return " ".join(str(reason).split())[:120]
