"""A scripted LibreTranslate server on 127.0.0.1 (real HTTP): /languages and /translate."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from .fake_server import JSONHandler, LoopbackServer


def latin_spans(text: str) -> str:
    """A stand-in translation: the English the input already holds (the glossary's and the quantities')."""
    spans = re.findall(r"[A-Za-z0-9][A-Za-z0-9 ,.%-]*[A-Za-z0-9%]|[A-Za-z0-9]", text)
    return "Translated: " + "; ".join(s.strip() for s in spans) + "."


@dataclass
class LTCall:
    number: int
    body: dict


@dataclass
class LTReply:
    body: object = None  # the JSON answer; None: one translation per q
    status: int = 200
    headers: dict | None = None
    hang: float = 0.0
    close: bool = False


def good(call: LTCall) -> LTReply:
    return LTReply({"translatedText": [latin_spans(q) for q in call.body["q"]]})


class FakeLibreTranslate(LoopbackServer):
    def __init__(self, script=good, languages=("en", "zh-Hans"), port: int = 0):
        self.script = script
        self.languages = languages
        self.calls: list[LTCall] = []
        self._lock = threading.Lock()
        server = self

        class Handler(JSONHandler):
            def do_GET(self):
                if self.path == "/languages":
                    codes = list(server.languages)
                    self.send_json(200, [{"code": c, "name": c, "targets": codes} for c in codes])
                else:
                    self.send_json(404, {"error": "Not Found"})

            def do_POST(self):
                body = self.read_json()
                with server._lock:
                    call = LTCall(len(server.calls) + 1, body)
                    server.calls.append(call)
                reply = server.script(call)
                if self.stalled_or_dropped(reply):
                    return
                answer = reply.body if reply.body is not None else good(call).body
                self.send_json(reply.status, answer, reply.headers)

        super().__init__(Handler, port)
        self.url = f"http://127.0.0.1:{self.port}"
