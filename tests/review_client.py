"""A logged-in test client for the review app, speaking to it as the browser on its own address would."""

from __future__ import annotations

import re
import warnings

from starlette.testclient import TestClient

from review.security import Guard

PORT = 8765
ORIGIN = f"http://127.0.0.1:{PORT}"


class ReviewClient:
    def __init__(self, app: Guard, token: str | None = None):
        """Logged in with ``token`` (a reviewer's link; default: the first one's)."""
        app.set_port(PORT)
        self.app = app
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # starlette's note about httpx's successor
            self.http = TestClient(app, base_url=ORIGIN, raise_server_exceptions=False)
        welcome = self.http.get(f"/?token={token or app.sessions.token}", follow_redirects=False)
        assert welcome.status_code == 303, welcome.text
        page = self.http.get(welcome.headers["location"])
        found = re.search(r'<meta name="csrf-token" content="([^"]+)"', page.text)
        self.csrf = found.group(1) if found else ""

    def get(self, url: str, **kwargs):
        return self.http.get(url, **kwargs)

    def post(self, url: str, json=None, headers: dict | None = None, **kwargs):
        sent = {"Origin": ORIGIN, "X-CSRF-Token": self.csrf} | (headers or {})
        return self.http.post(url, json=json, headers={k: v for k, v in sent.items() if v is not None}, **kwargs)
