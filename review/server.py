"""Start the app on 127.0.0.1, print its address with the session token, open the browser, stop on Ctrl-C."""

from __future__ import annotations

import asyncio
import socket
import sys
import threading
import webbrowser

import uvicorn

from foundation.errors import UserError
from review.security import Guard


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1 (a free port when ``port`` is 0), or a one-line error."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as error:
        sock.close()
        raise UserError(f"cannot listen on 127.0.0.1:{port}: {error.strerror}; try another --port or leave it out")
    sock.listen(64)
    sock.setblocking(False)
    return sock


def address(app: Guard, token: str | None = None) -> str:
    return f"http://127.0.0.1:{app.port}/?token={token or app.sessions.token}"


def serve(app: Guard, port: int = 0, open_browser: bool = True, what: str = "review") -> None:
    """Serve until Ctrl-C; the address (with its one-time token) goes to standard output."""
    sock = bind(port)
    app.set_port(sock.getsockname()[1])
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off", server_header=False)
    server = uvicorn.Server(config)
    url = address(app)
    if len(app.sessions.links) == 1:
        print(f"{what}: {url}", flush=True)
        print("  (this address holds the session's token; Ctrl-C stops the server)", flush=True)
    else:  # a team: each reviewer's own address, to hand to them alone
        for person, token in app.sessions.links:
            role = "review" if person.may_change else "read-only"
            print(f"{what} for {person.name} ({role}): {address(app, token)}", flush=True)
        print("  (each address holds one reviewer's token and opens once; Ctrl-C stops the server)", flush=True)
        open_browser = False  # the addresses are for others' browsers
    if open_browser:
        threading.Timer(0.5, lambda: webbrowser.open(url)).start()
    try:
        asyncio.run(server.serve(sockets=[sock]))
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
    print(f"{what}: stopped", file=sys.stderr)
