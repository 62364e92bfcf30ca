"""The review app served for real on a free loopback port, in a thread of the test process."""

from __future__ import annotations

import asyncio
import threading
import time
from contextlib import contextmanager

import uvicorn

from review.security import Guard
from review.server import address, bind


@contextmanager
def serving(app: Guard):
    """Serve ``app`` on 127.0.0.1 until the block ends; yields the address with its token."""
    sock = bind(0)
    app.set_port(sock.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off"))
    thread = threading.Thread(target=lambda: asyncio.run(server.serve(sockets=[sock])), daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the review server did not start")
        time.sleep(0.02)
    try:
        yield address(app)
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
