"""What every route shares: the templates (autoescaped), JSON bodies read with a size limit, and the
answers for errors (a line of text, never a traceback)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse

HERE = Path(__file__).resolve().parent
MAX_BODY_BYTES = 1 * 2**20
# The app's own bodies nest three levels ({"fields": {"note": ...}}); a few more allow for growth.
MAX_NESTING = 16
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(r"[\[\]{}]")

templates = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(["html"], default=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


class BadRequest(Exception):
    """A request the app cannot act on: answered 400 with its message."""


class NotFound(Exception):
    """A document or segment the request names that the app does not have: answered 404."""


def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    return HTMLResponse(fragment(request, name, **context), status_code=status)


def fragment(request: Request, name: str, **context) -> str:
    """A template rendered to text, with the session's CSRF token at hand for the page's meta tag, and its
    reviewer (their name and whether they may change anything)."""
    state = request.scope.get("state", {})
    return templates.get_template(name).render(csrf=state.get("csrf", ""), reviewer=state.get("reviewer"), **context)


async def json_body(request: Request) -> dict:
    """The request's JSON object, or BadRequest."""
    body = await request.body()
    if len(body) > MAX_BODY_BYTES:
        raise BadRequest("the request is too large")
    try:
        text = body.decode("utf-8")
        if nesting(text) > MAX_NESTING:  # before the parser, which would recurse once a level
            raise BadRequest(f"the request nests deeper than {MAX_NESTING} levels")
        value = json.loads(text)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BadRequest("the request is not JSON")
    if not isinstance(value, dict):
        raise BadRequest("the request is not a JSON object")
    return value


def nesting(text: str) -> int:
    """How deep the arrays and objects of a JSON text nest, its strings left out (for a text that is no
    JSON the figure means nothing, and the parser refuses it anyway)."""
    depth = deepest = 0
    for bracket in _BRACKETS.findall(_STRINGS.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def text_field(body: dict, name: str, required: bool = True) -> str:
    value = body.get(name, "" if not required else None)
    if not isinstance(value, str):
        raise BadRequest(f"{name} must be a string")
    return value


def error(message: str, status: int = 400, **extra) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


def page_number(request: Request) -> int:
    """The ``page`` a list's URL asks for (1 when it asks for none, or for nonsense)."""
    try:
        return int(request.query_params.get("page", "1"))
    except ValueError:
        return 1


def reviewer_name(request: Request) -> str:
    """The name of the reviewer whose session sent the request: what their changes carry."""
    person = request.scope.get("state", {}).get("reviewer")
    return person.name if person is not None else ""
