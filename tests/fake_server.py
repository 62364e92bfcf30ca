"""What the scripted fake servers share: an HTTP/1.1 server on 127.0.0.1 in a thread, JSON answers."""

from __future__ import annotations

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class JSONHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # an answer is not held back waiting for an ACK (40 ms)

    def log_message(self, *args):  # quiet
        pass

    def send_json(self, status: int, body, headers: dict | None = None) -> None:
        self.send_body(status, json.dumps(body).encode(), "application/json", headers)

    def send_body(self, status: int, data: bytes, content_type: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def read_json(self):
        return json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")

    def stalled_or_dropped(self, reply) -> bool:
        """A scripted reply's faults: ``hang`` seconds of waiting first; ``close``: the connection shut with
        no answer, as a server going away mid-request (True: nothing more to send)."""
        if reply.hang:
            time.sleep(reply.hang)
        if reply.close:
            self.close_connection = True
            self.connection.shutdown(2)
        return reply.close


class ConcurrentServer(ThreadingHTTPServer):
    """A thread per connection, as before, with a listen backlog like a real server's (uvicorn's 2048,
    Go's the system's): socketserver's default of 5 let 64 clients connecting at once overflow it, and
    the kernel dropped the extra handshakes, retried 1 s and then 3 s later."""

    daemon_threads = True
    request_queue_size = 1024

    def handle_error(self, request, client_address) -> None:
        """A client that hung up before its answer (a timeout the test provokes) is no server error: its
        traceback, printed seconds later from a handler still sleeping, landed in another test's stderr."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class LoopbackServer:
    """``handler`` served on 127.0.0.1 (a free port, or ``port``) from a thread, while the block lasts."""

    def __init__(self, handler: type[JSONHandler], port: int = 0):
        self.httpd = ConcurrentServer(("127.0.0.1", port), handler)
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
