"""What stands between the app and every other web page open in the same browser.

Any page can send requests to a loopback port, directly or by DNS rebinding a name of its own to
127.0.0.1.  So a request passes only if:

- its Host is this server's own address and port (127.0.0.1, localhost or [::1]): a rebound name is
  refused with 421, a malformed or missing Host with 400;
- it carries the session: the one-time token of the printed address, exchanged on the first visit for
  an HttpOnly, SameSite=Strict cookie (named after the port: cookies do not tell ports apart); each
  reviewer has an address of their own, and their session carries their name and role;
- a change (any method but GET and HEAD) comes from a page of this server (Origin), carries the
  session's CSRF token in the ``X-CSRF-Token`` header, and is a reviewer's, not a reader's.

Every response gets a Content-Security-Policy that allows only this server's own scripts and styles,
``X-Frame-Options: DENY``, ``nosniff``, no referrer and no caching; no CORS header is ever sent.
"""

from __future__ import annotations

import hmac
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie
from urllib.parse import parse_qsl, quote, urlencode

from foundation.text import first_not_allowed
from review.history import who_am_i

SAFE_METHODS = frozenset({"GET", "HEAD"})
CSRF_HEADER = "x-csrf-token"
_HOST = re.compile(r"^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$")
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        b"base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


ROLES = ("review", "read")  # a reviewer changes segments and entries; a reader may only look
MAX_NAME = 80


@dataclass(frozen=True)
class Reviewer:
    """Who a link is for: the name every change they make carries (the memory, its TMX, the glossary's
    history), and their role."""

    name: str
    role: str = "review"

    @property
    def may_change(self) -> bool:
        return self.role == "review"


def reviewer(value: str) -> Reviewer:
    """A reviewer as the command line gives one: ``NAME`` or ``NAME:ROLE`` (review, or read).  A name is
    what every change of theirs carries, so it must read as what it is: letters or digits in it, no colon,
    no control or format character (a zero-width space, a right-to-left mark would hide or disguise it)."""
    name, _, role = value.partition(":") if ":" in value else (value, "", "review")
    name = " ".join(name.split())
    if role not in ROLES:
        raise ValueError(f"{value!r}: after the name comes :review or :read (a name has no colon)")
    hidden = next((c for c in name if unicodedata.category(c) in ("Cc", "Cf") or first_not_allowed(c)), None)
    if hidden is not None:
        raise ValueError(f"{value!r}: a name may not hold U+{ord(hidden):04X} ({unicodedata.name(hidden, 'control')})")
    if not any(c.isalnum() for c in name) or len(name) > MAX_NAME:
        raise ValueError(f"{value!r}: a reviewer's name has letters or digits, {MAX_NAME} characters at most")
    return Reviewer(name, role)


def same_name(one: str, other: str) -> bool:
    """Whether two names read as one (case and compatibility forms aside): two reviewers may not share one."""
    return unicodedata.normalize("NFKC", one).casefold() == unicodedata.normalize("NFKC", other).casefold()


@dataclass
class Sessions:
    """A one-time token for each reviewer's printed address, and the sessions they were exchanged for
    (each with its CSRF token and its reviewer).  One reviewer by default: the person who started it."""

    reviewers: list[Reviewer] = field(default_factory=lambda: [Reviewer(who_am_i())])
    csrf: dict[str, str] = field(default_factory=dict)  # session id → its CSRF token
    people: dict[str, Reviewer] = field(default_factory=dict)  # session id → whose it is
    tokens: dict[str, Reviewer] = field(init=False)  # the tokens not yet exchanged

    def __post_init__(self) -> None:
        for index, person in enumerate(self.reviewers):
            if any(same_name(person.name, earlier.name) for earlier in self.reviewers[:index]):
                raise ValueError(f"{person.name!r} is named twice: each reviewer needs a name of their own")
        self.links = [(person, secrets.token_urlsafe(24)) for person in self.reviewers]
        self.tokens = {token: person for person, token in self.links}

    @property
    def token(self) -> str:
        """The first reviewer's token (the only one when the app serves one person)."""
        return self.links[0][1]

    @property
    def spent(self) -> bool:
        return not self.tokens

    def open(self, offered: str) -> str | None:
        """A new session id for a reviewer's token, used for the first time; else None.  A link the command
        printed may sit in a terminal's scrollback, a shell history or a shared screen: once it has opened
        the app in one browser it is dead, and a new link needs a new start of the command."""
        found = None
        for token, person in list(self.tokens.items()):  # every token compared, in constant time each
            if hmac.compare_digest(offered.encode(), token.encode()):
                found = (token, person)
        if found is None:
            return None
        del self.tokens[found[0]]
        session = secrets.token_urlsafe(24)
        self.csrf[session] = secrets.token_urlsafe(24)
        self.people[session] = found[1]
        return session

    def csrf_of(self, session: str | None) -> str | None:
        return self.csrf.get(session) if session else None


def host_allowed(host: str, port: int) -> bool | None:
    """True for this server's own address, False for another name or port, None for a malformed Host."""
    match = _HOST.match(host)
    if not match:
        return None
    name = host[: match.start(1) - 1] if match.group(1) else host
    return name.lower() in LOOPBACK_NAMES and match.group(1) is not None and int(match.group(1)) == port


class Guard:
    """ASGI middleware applying the rules of the module docstring to every HTTP request."""

    def __init__(self, app, sessions: Sessions, port: int):
        self.app = app
        self.sessions = sessions
        self.port = port  # may be set after construction, once the socket is bound
        self.cookie = f"zhen_review_{port}"

    def set_port(self, port: int) -> None:
        self.port = port
        self.cookie = f"zhen_review_{port}"

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            if scope["type"] == "lifespan":
                await self.app(scope, receive, send)
            return
        headers = {}
        for name, value in scope.get("headers", []):
            headers.setdefault(name.decode("latin-1").lower(), value.decode("latin-1"))
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await _plain(send, *refusal)
            return
        session = _cookies(headers.get("cookie", "")).get(self.cookie)
        if self.sessions.csrf_of(session) is None:
            query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
            opened = self.sessions.open(query.get("token", "")) if scope["method"] == "GET" else None
            if opened is None:
                await _plain(
                    send,
                    401,
                    "Open the address the command printed: it holds a one-time token. A link already used "
                    "opens nothing: start the command again for a new one.",
                )
                return
            await self._welcome(send, scope, query, opened)
            return
        person = self.sessions.people[session]
        if scope["method"] not in SAFE_METHODS:
            if not hmac.compare_digest(headers.get(CSRF_HEADER, "").encode(), self.sessions.csrf[session].encode()):
                await _plain(send, 403, "Refused: the change lacks this session's CSRF token.")
                return
            if not person.may_change:
                await _plain(send, 403, f"Refused: {person.name}'s link is read-only: it may look, not change.")
                return
        scope.setdefault("state", {}).update(csrf=self.sessions.csrf[session], reviewer=person)
        await self.app(scope, receive, _with_headers(send))

    def _refusal(self, scope, headers: dict[str, str]) -> tuple[int, str] | None:
        allowed = host_allowed(headers.get("host", ""), self.port)
        if allowed is None:
            return 400, "Bad Host header."
        if not allowed:
            return 421, "Refused: this server answers only to its own loopback address."
        if scope["method"] not in SAFE_METHODS:
            origin = headers.get("origin", "")
            if origin not in {f"http://{name}:{self.port}" for name in LOOPBACK_NAMES}:
                return 403, "Refused: a change must come from a page of this server."
        return None

    async def _welcome(self, send, scope, query: dict[str, str], session: str) -> None:
        """The token exchanged for the session cookie, and the same address without the token."""
        rest = urlencode({k: v for k, v in query.items() if k != "token"})
        location = _own_path(scope.get("path", "/")) + (f"?{rest}" if rest else "")
        cookie = f"{self.cookie}={session}; HttpOnly; SameSite=Strict; Path=/"
        await send(
            {
                "type": "http.response.start",
                "status": 303,
                "headers": [(b"location", location.encode("latin-1", "replace")), (b"set-cookie", cookie.encode())]
                + HEADERS,
            }
        )
        await send({"type": "http.response.body", "body": b""})


def _own_path(path: str) -> str:
    """A path of this server to send the browser back to: one slash first ("//evil.example/x" would be
    another site's address) and every character outside printable ASCII escaped (a line break would end
    the header)."""
    return "/" + quote(path.lstrip("/\\"), safe="/-._~!$&'()*+,;=:@%")


def _cookies(header: str) -> dict[str, str]:
    cookie = SimpleCookie()
    try:
        cookie.load(header)
    except CookieError:  # a malformed Cookie header is no session, never an error page
        return {}
    return {name: morsel.value for name, morsel in cookie.items()}


def _with_headers(send):
    async def sending(message):
        if message["type"] == "http.response.start":
            present = {name.lower() for name, _ in message.get("headers", [])}
            extra = [(name, value) for name, value in HEADERS if name not in present]
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return sending


async def _plain(send, status: int, text: str) -> None:
    body = (text + "\n").encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
            + HEADERS,
        }
    )
    await send({"type": "http.response.body", "body": body})
