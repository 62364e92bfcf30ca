"""A scripted OpenAI-compatible server on 127.0.0.1 (real HTTP), for the faults a real model cannot be made
to commit on demand: a script decides each answer from the request."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field

from .fake_server import JSONHandler, LoopbackServer


@dataclass
class Call:
    number: int  # 1 for the first chat request
    body: dict  # the request as sent
    headers: dict
    client: tuple = ()  # the connection's (host, port): a connection carries one request at a time
    received: float = 0.0  # time.perf_counter() when the request was read whole
    answered: float | None = None  # and when its answer was sent (None: dropped)

    @property
    def asked(self) -> dict:
        """The user message's JSON (after any sentence before it)."""
        content = self.body["messages"][-1]["content"]
        return json.loads(content[content.index("{") :])

    @property
    def segments(self) -> list[dict]:
        return self.asked["segments"]

    @property
    def again(self) -> bool:
        return any("it lacked" in s for s in self.segments)


def faithful(segment: dict, asked: dict) -> str:
    """A stand-in translation that holds every glossary rendering and quantity of its source."""
    parts = [g["en"] for g in asked.get("glossary", []) if g["zh"] in segment["source"]]
    parts += [q["en"] for q in asked.get("quantities", []) if q["zh"] in segment["source"]]
    return "Translated " + segment["id"] + (": " + ", ".join(parts) if parts else "") + "."


def translations(call: Call, target=faithful) -> dict:
    return {"translations": [{"id": s["id"], "target": target(s, call.asked)} for s in call.segments]}


@dataclass
class Reply:
    content: str | None = None  # the assistant's message
    finish_reason: str = "stop"
    status: int = 200
    headers: dict = field(default_factory=dict)
    error: str = ""
    hang: float = 0.0  # seconds to wait before answering
    page: str | None = None  # an HTML page sent instead of a completion (a proxy's, say)
    close: bool = False  # drop the connection without an answer


def good(call: Call) -> Reply:
    return Reply(json.dumps(translations(call)))


class FakeLLM(LoopbackServer):
    def __init__(self, script=good, models=("fake-model",), port: int = 0):
        self.script = script
        self.models = list(models)
        self.calls: list[Call] = []
        self._lock = threading.Lock()
        server = self

        class Handler(JSONHandler):
            def do_GET(self):
                if self.path.rstrip("/").endswith("/models"):
                    self.send_json(
                        200, {"object": "list", "data": [{"id": m, "object": "model"} for m in server.models]}
                    )
                else:
                    self.send_json(404, {"error": {"message": "not found"}})

            def do_POST(self):
                body = self.read_json()
                received = time.perf_counter()
                headers = {k.lower(): v for k, v in self.headers.items()}
                with server._lock:
                    call = Call(len(server.calls) + 1, body, headers, self.client_address, received)
                    server.calls.append(call)
                reply = server.script(call)
                if self.stalled_or_dropped(reply):
                    return
                call.answered = time.perf_counter()
                if reply.page is not None:
                    self.send_body(reply.status, reply.page.encode(), "text/html", reply.headers)
                    return
                if reply.status != 200:
                    self.send_json(reply.status, {"error": {"message": reply.error or "scripted error"}}, reply.headers)
                    return
                choice = {"index": 0, "message": {"role": "assistant", "content": reply.content}}
                completion = {
                    "id": f"chatcmpl-{call.number}",
                    "object": "chat.completion",
                    "created": 0,
                    "model": body.get("model", ""),
                    "choices": [choice | {"finish_reason": reply.finish_reason}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }
                self.send_json(200, completion, reply.headers)

        super().__init__(Handler, port)
        self.url = f"http://127.0.0.1:{self.port}/v1"

    @property
    def chats(self) -> int:
        return len(self.calls)
