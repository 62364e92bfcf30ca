"""The app: the routes of the pages it was started with, static files, error answers, behind the guard."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from foundation.errors import UserError
from review import glossary_routes, translation_routes
from review.glossary_view import GlossaryView
from review.security import Guard, Sessions
from review.translation_view import TranslationView
from review.web import HERE, BadRequest, NotFound, error


def create_app(
    glossary: GlossaryView | None = None,
    translations: list[TranslationView] | None = None,
    sessions: Sessions | None = None,
    port: int = 0,
) -> Guard:
    """The app for what the command was started on, guarded (``port``: where it listens, set later if 0)."""
    routes: list = []
    if glossary is not None:
        routes += glossary_routes.routes(glossary, bool(translations))
    if translations:
        routes += translation_routes.routes(translations)
    home = "/translation" if translations else "/glossary"

    async def index(request: Request) -> Response:
        return RedirectResponse(home, status_code=303)

    routes += [Route("/", index), Mount("/static", StaticFiles(directory=HERE / "static"), name="static")]

    async def bad_request(request: Request, exc: Exception) -> Response:
        return error(str(exc), 400)

    async def not_found(request: Request, exc: Exception) -> Response:
        return error(f"Not found: {exc}", 404)

    async def refused(request: Request, exc: Exception) -> Response:
        # A file the app was started on that can no longer be read (deleted, made unreadable, broken by
        # another editor): its one-line reason, as the commands give it.
        return PlainTextResponse(f"Cannot go on: {exc}", 409)

    async def server_error(request: Request, exc: Exception) -> Response:
        return PlainTextResponse("Something went wrong on the server; nothing was changed by this request.", 500)

    app = Starlette(
        routes=routes,
        exception_handlers={
            BadRequest: bad_request,
            NotFound: not_found,
            UserError: refused,
            OSError: refused,
            Exception: server_error,
        },
    )
    return Guard(app, sessions or Sessions(), port)
