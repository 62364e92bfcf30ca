"""The glossary pages: the table (search, filters, paging), an entry's panel (edit, approve, reject,
context, evidence, problems, history), and the changes (save fields, admit a rendering, make one preferred)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from foundation.errors import UserError
from glossary.entry import DOMAINS, STATUSES
from review.glossary_view import EDITABLE, LIST_FIELDS, GlossaryView, StaleEntry, entry_json
from review.web import BadRequest, error, fragment, json_body, page_number, render, reviewer_name, text_field
from translate.evidence_proposals import proposals


def _filters(request: Request) -> dict:
    query = request.query_params
    status = query.get("status", "")
    domain = query.get("domain", "")
    return {
        "q": query.get("q", "")[:200],
        "status": status if status in STATUSES else "",
        "domain": domain if domain in DOMAINS else "",
        "disagrees": query.get("disagrees") == "1",
    }


def _table(request: Request, view: GlossaryView, translating: bool) -> dict:
    filters = _filters(request)
    found = view.search(filters["q"], filters["status"], filters["domain"], filters["disagrees"])
    page = view.page(found, page_number(request))
    problems = view.problems()
    return {
        "filters": filters,
        "page": page,
        "problems": problems,
        "statuses": STATUSES,
        "domains": DOMAINS,
        "has_evidence": bool(view.pairs),
        "translating": translating,
    }


def _panel(request: Request, view: GlossaryView, zh: str) -> str:
    entry = view.entry(zh)
    evidence = view.evidence().get(entry.zh)
    return fragment(
        request,
        "_entry.html",
        entry=entry,
        fields=entry_json(entry),
        editable=EDITABLE,
        list_fields=LIST_FIELDS,
        statuses=STATUSES,
        domains=DOMAINS,
        contexts=view.contexts(entry),
        evidence=evidence,
        proposed=proposals(evidence, view.glossary().matcher.boundaries.words) if evidence else None,
        has_evidence=bool(view.pairs),
        problems=view.problems_of(entry),
        changes=view.history(entry),
    )


def routes(view: GlossaryView, translating: bool = False) -> list[Route]:
    """``translating``: the app serves translation pages too (the navigation links them)."""

    async def page(request: Request) -> Response:
        context = _table(request, view, translating)
        selected = request.query_params.get("zh", "")
        panel = _panel(request, view, selected) if selected and view.glossary().find(selected) else ""
        return render(request, "glossary.html", panel=panel, **context)

    async def rows(request: Request) -> Response:
        return render(request, "_glossary_table.html", **_table(request, view, translating))

    async def panel(request: Request) -> Response:
        zh = request.query_params.get("zh", "")
        if not view.glossary().find(zh):
            return render(request, "_missing.html", status=404, message=f"No entry {zh} in this glossary.")
        return render(request, "_panel_only.html", panel=_panel(request, view, zh))

    async def save(request: Request) -> Response:
        body = await json_body(request)
        zh, version = text_field(body, "zh"), text_field(body, "version")
        fields = body.get("fields")
        if not isinstance(fields, dict) or not all(isinstance(v, str) for v in fields.values()):
            raise BadRequest("fields must be an object of strings")
        return _saved(request, view, lambda: view.save(zh, version, fields, reviewer_name(request)))

    async def admit(request: Request) -> Response:
        return await _rendering_change(request, view, view.admit)

    async def prefer(request: Request) -> Response:
        return await _rendering_change(request, view, view.prefer)

    return [
        Route("/glossary", page),
        Route("/glossary/rows", rows),
        Route("/glossary/entry", panel),
        Route("/api/glossary/save", save, methods=["POST"]),
        Route("/api/glossary/admit", admit, methods=["POST"]),
        Route("/api/glossary/prefer", prefer, methods=["POST"]),
    ]


async def _rendering_change(request: Request, view: GlossaryView, change) -> Response:
    """A change the evidence panel makes with one rendering (admit it, make it preferred)."""
    body = await json_body(request)
    zh, version, rendering = text_field(body, "zh"), text_field(body, "version"), text_field(body, "rendering")
    return _saved(request, view, lambda: change(zh, version, rendering, reviewer_name(request)))


def _saved(request: Request, view: GlossaryView, change) -> Response:
    try:
        entry = change()
    except StaleEntry as stale:
        current = stale.current
        message = (
            "Not saved: this entry was changed elsewhere since you opened it. Its current text is shown; "
            "make your change again on it."
            if current is not None
            else "Not saved: this entry is no longer in the glossary."
        )
        return error(
            message,
            409,
            entry=entry_json(current) if current else None,
            panel=_panel(request, view, current.zh) if current else "",
        )
    except UserError as refused:
        return error(f"Not saved: {refused.message}", 400)
    except KeyError:
        return error("Not saved: this entry is no longer in the glossary.", 409)
    return JSONResponse(
        {
            "entry": entry_json(entry),
            "row": fragment(request, "_glossary_row.html", entry=entry, problems=view.problems()),
            "panel": _panel(request, view, entry.zh),
        }
    )
