"""A scripted LibreTranslate server on 127.0.0.1 (real HTTP): /languages and /translate."""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


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


class FakeLibreTranslate:
    def __init__(self, script=good, languages=("en", "zh-Hans"), port: int = 0):
        self.script = script
        self.languages = languages
        self.calls: list[LTCall] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # an answer is not held back waiting for an ACK (40 ms)

            def log_message(self, *args):
                pass

            def _send(self, status: int, body, headers: dict | None = None) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                if self.path == "/languages":
                    self._send(
                        200, [{"code": c, "name": c, "targets": list(server.languages)} for c in server.languages]
                    )
                else:
                    self._send(404, {"error": "Not Found"})

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                with server._lock:
                    call = LTCall(len(server.calls) + 1, body)
                    server.calls.append(call)
                reply = server.script(call)
                if reply.hang:
                    time.sleep(reply.hang)
                if reply.close:
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                body = reply.body if reply.body is not None else good(call).body
                self._send(reply.status, body, reply.headers)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FakeLibreTranslate:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
