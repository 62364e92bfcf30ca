"""A scripted OpenAI-compatible server on 127.0.0.1 (real HTTP), for the faults a real model cannot be made
to commit on demand: a script decides each answer from the request."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Call:
    number: int  # 1 for the first chat request
    body: dict  # the request as sent
    headers: dict

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
    close: bool = False  # drop the connection without an answer


def good(call: Call) -> Reply:
    return Reply(json.dumps(translations(call)))


class FakeLLM:
    def __init__(self, script=good, models=("fake-model",), port: int = 0):
        self.script = script
        self.models = list(models)
        self.calls: list[Call] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # an answer is not held back waiting for an ACK (40 ms)

            def log_message(self, *args):  # quiet
                pass

            def _send(self, status: int, body: dict, headers: dict | None = None) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                if self.path.rstrip("/").endswith("/models"):
                    self._send(200, {"object": "list", "data": [{"id": m, "object": "model"} for m in server.models]})
                else:
                    self._send(404, {"error": {"message": "not found"}})

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                with server._lock:
                    call = Call(len(server.calls) + 1, body, {k.lower(): v for k, v in self.headers.items()})
                    server.calls.append(call)
                reply = server.script(call)
                if reply.hang:
                    time.sleep(reply.hang)
                if reply.close:
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if reply.status != 200:
                    self._send(reply.status, {"error": {"message": reply.error or "scripted error"}}, reply.headers)
                    return
                completion = {
                    "id": f"chatcmpl-{call.number}",
                    "object": "chat.completion",
                    "created": 0,
                    "model": body.get("model", ""),
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": reply.content},
                            "finish_reason": reply.finish_reason,
                        }
                    ],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }
                self._send(200, completion, reply.headers)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FakeLLM:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def chats(self) -> int:
        return len(self.calls)
