"""The translation pages: an XLIFF's segments side by side, a segment saved (file, memory, QA at once),
a term proposed from a selection, the DOCX and PDF published again and served."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from foundation.errors import UserError
from glossary.store import add_entry, editing, one_line
from review import history
from review.translation_view import EDIT_STATES, StaleSegment, TranslationView, origin_group, segment_version
from review.web import NotFound, error, fragment, json_body, page_number, render, reviewer_name, text_field
from translate.document import Document, Segment
from translate.occasion import read_as
from translate.qa.english import renders

# A page shows this many segments: a report of thousands stays quick to show and to scroll (and its rows
# light for the browser), and a 107-segment report is one page.
SEGMENTS_A_PAGE = 200
CHART_ORDER = ("human", "memory", "glossary", "engine", "untranslated")
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def source_pieces(segment: Segment) -> list[tuple[str, object]]:
    """The Chinese as written, cut at its glossary terms: (text, the hit or None)."""
    pieces, at = [], 0
    for hit in sorted(segment.terms, key=lambda h: h.start):
        if hit.start < at:
            continue
        if hit.start > at:
            pieces.append((segment.source[at : hit.start], None))
        pieces.append((segment.source[hit.start : hit.end], hit))
        at = hit.end
    if at < len(segment.source):
        pieces.append((segment.source[at:], None))
    return pieces


def target_terms(segment: Segment) -> list[dict]:
    """Each term of the segment as its English column shows it: the rendering found (as QA finds it), or
    the one wanted."""
    shown = []
    for hit in segment.terms:
        found = next((r for r in hit.entry.renderings if renders(segment.target, r)), "")
        shown.append({"hit": hit, "found": found, "wanted": hit.en or "(no English yet)"})
    return shown


def _segment_row(request: Request, view: TranslationView, number: int, segment: Segment) -> str:
    return fragment(
        request,
        "_segment.html",
        number=number,
        segment=segment,
        version=segment_version(segment),
        pieces=source_pieces(segment),
        terms=target_terms(segment),
        states=EDIT_STATES,
        group=origin_group(segment),
    )


def _chart(request: Request, view: TranslationView) -> str:
    summary = view.summary()
    origins = [(name, summary["origins"].get(name, 0)) for name in CHART_ORDER]
    # QA's "untranslated" finding counts the segments the origin bar of that name counts: one bar, not two.
    checks = [(name, count) for name, count in summary["checks"].items() if name != "untranslated"]
    return fragment(request, "_chart.html", summary=summary, origins=origins, checks=checks)


def read_as_line(document: Document) -> str:
    """What QA reads the document as, for the page: its year and kind, and whether given or inferred (a
    reviewer should know why a term is not checked here, or an older rendering accepted)."""
    readings = [f"{reading} ({source})" for reading, source, _ in read_as(document)]
    return "QA reads it as: " + ", ".join(readings) if readings else ""


def routes(views: list[TranslationView]) -> list[Route]:
    def view_of(request: Request) -> tuple[int, TranslationView]:
        number = request.path_params["number"]
        if not 1 <= number <= len(views):
            raise NotFound("no such document")
        return number, views[number - 1]

    async def index(request: Request) -> Response:
        if len(views) == 1:
            return RedirectResponse("/translation/1", status_code=303)
        return render(request, "translations.html", views=list(enumerate(views, start=1)))

    async def page(request: Request) -> Response:
        number, view = view_of(request)
        document = await run_in_threadpool(view.document)
        segments = document.segments
        pages = max(1, -(-len(segments) // SEGMENTS_A_PAGE))
        shown = min(max(1, page_number(request)), pages)
        first = (shown - 1) * SEGMENTS_A_PAGE
        rows = [_segment_row(request, view, number, s) for s in segments[first : first + SEGMENTS_A_PAGE]]
        return render(
            request,
            "translation.html",
            number=number,
            view=view,
            document=document,
            rows=rows,
            chart=_chart(request, view),
            read_as=read_as_line(document),
            many=len(views) > 1,
            page={"number": shown, "pages": pages, "first": first + 1, "last": first + len(rows)},
        )

    async def save(request: Request) -> Response:
        number, view = view_of(request)
        body = await json_body(request)
        segment_id, version = text_field(body, "id"), text_field(body, "version")
        target, state = text_field(body, "target"), text_field(body, "state")
        try:
            await run_in_threadpool(view.save, segment_id, version, target, state, reviewer_name(request))
        except KeyError:
            raise NotFound(f"no segment {segment_id} in {view.name}")
        except StaleSegment as stale:
            row = _segment_row(request, view, number, view.segment(stale.current.id))
            message = "Not saved: this segment was changed elsewhere since you opened it. Its current text is shown."
            return error(message, 409, row=row)
        except UserError as refused:
            return error(f"Not saved: {refused.message}", 400)
        segment = view.segment(segment_id)
        return JSONResponse(
            {
                "row": _segment_row(request, view, number, segment),
                "chart": _chart(request, view),
                "issues": len(segment.issues),
                "memory_problem": view.memory_problem(),
            }
        )

    async def publish(request: Request) -> Response:
        number, view = view_of(request)
        try:
            published = await run_in_threadpool(view.publish)
        except UserError as refused:
            return error(f"Not published: {refused.message}", 400)
        return JSONResponse({"links": fragment(request, "_published.html", number=number, published=published)})

    async def published_file(request: Request) -> Response:
        number, view = view_of(request)
        kind = request.path_params["kind"]
        path = view.published.files.get(kind) if view.published else None
        if kind not in MEDIA_TYPES or path is None or not path.is_file():
            message = f"No {kind.upper()} published for this document yet: press Publish first."
            return render(
                request, "_missing.html", status=404, message=message if kind in MEDIA_TYPES else "No such file."
            )
        disposition = "inline" if kind == "pdf" else "attachment"  # a PDF opens in a tab, a DOCX downloads
        return FileResponse(
            path, media_type=MEDIA_TYPES[kind], filename=path.name, content_disposition_type=disposition
        )

    async def propose(request: Request) -> Response:
        body = await json_body(request)
        zh, en, note = text_field(body, "zh"), text_field(body, "en", False), text_field(body, "note", False)
        glossary_path = views[0].glossary_path
        try:
            with editing(glossary_path) as glossary:
                before = glossary.sha256
                existing = glossary.find(one_line(zh))
                if existing is not None:  # said for a reviewer in a browser: where to change it, in the app
                    as_now = f"as “{existing.en}” ({existing.status})" if existing.en else f"({existing.status})"
                    raise UserError(
                        f"{existing.zh} is already in the glossary, {as_now}: open it on the Glossary page "
                        "(the link at the top) to change it"
                    )
                entry = add_entry(glossary, zh, en=en, note=note or "proposed from a translation in the review app")
        except UserError as refused:
            return error(f"Not proposed: {refused.message}", 400)
        # in the entry's history under the reviewer's name, and the file's hash as the app wrote it, so that
        # the other entries' histories do not take the addition for a change made outside the app
        history.record(glossary_path, None, entry.to_row(), before, glossary.sha256, reviewer_name(request))
        return JSONResponse({"message": f"Proposed for the glossary: {entry.zh} → {entry.en or '(no English yet)'}"})

    return [
        Route("/translation", index),
        Route("/translation/{number:int}", page),
        Route("/translation/{number:int}/file/{kind}", published_file),
        Route("/api/translation/{number:int}/segment", save, methods=["POST"]),
        Route("/api/translation/{number:int}/publish", publish, methods=["POST"]),
        Route("/api/glossary/propose", propose, methods=["POST"]),
    ]
