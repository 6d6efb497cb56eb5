"""The dashboard's HTML pages, built from the store's query functions.

Every page has a JSON twin under ``/api`` with the same filters (linked in the
page header and as ``<link rel="alternate">``). Templates are Jinja2 with autoescape
on; article text reaches them only as Markup built by :mod:`tidings.web.highlight`.
The network and map pages are drawn in the browser from their JSON twins with d3,
served from ``/static/vendor`` (no CDN: the dashboard works offline).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader
from markupsafe import Markup

import tidings
from tidings.errors import BadInputError, NotFoundError, TidingsError
from tidings.model import EventType, Status
from tidings.quality.records import Role
from tidings.store import Filters, Store
from tidings.store.event_queries import LinkedEvent, TimelineStep
from tidings.web.highlight import Mark, highlight, marks_of, role_sentences, roles_of
from tidings.web.params import (
    form_values,
    page_url,
    paging,
    record_id,
    safe_link,
    set_filters,
    twin_url,
    whole_number,
)
from tidings.web.services import services
from tidings.web.timeline import layout_timeline

__all__ = ["router"]

#: Pages load only their own scripts, styles, data and map: even markup that slipped
#: past escaping could not run a script or send anything elsewhere. Inline styles are
#: allowed for the quality share bar's widths.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
#: Which navigation tab a page belongs to.
_SECTIONS = {"network.html": "network", "map.html": "map"}

router = APIRouter(include_in_schema=False)


@router.get("/static/{path:path}", name="static")
async def static(request: Request, path: str) -> Response:
    """CSS, scripts and the vendored libraries, from the package (ETag, 304, no traversal).

    A route rather than a mount: the app factory includes this router, and not every
    FastAPI version carries an included router's mounts along.
    """
    return await _static_files().get_response(path, request.scope)


@functools.cache
def _static_files() -> StaticFiles:
    return StaticFiles(packages=[("tidings.web", "static")])


@functools.cache
def _templates() -> Jinja2Templates:
    environment = Environment(
        loader=PackageLoader("tidings.web", "templates"),
        autoescape=True,  # every page: article text and titles are hostile until escaped
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return Jinja2Templates(env=environment)


@router.get("/", response_class=HTMLResponse)
@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> HTMLResponse:
    """Linked events, latest report first, with a filter form and pagination."""
    form = form_values(request.query_params)
    context: dict[str, Any] = {"form": form, "events": [], "offset": 0, "error": None}
    try:
        store = _store(request)
        limit, offset = paging(request.query_params)
        found = store.linked_events(**set_filters(form), limit=limit + 1, offset=offset)
    except BadInputError as err:
        context["error"] = str(err)
        return _page(request, "events.html", "Events", "/api/events", context, status=400)
    json_url = twin_url("/api/events", set_filters(form), limit=limit, offset=offset)
    context.update(
        events=found[:limit],
        offset=offset,
        prev_url=page_url(form, limit, offset - limit) if offset > 0 else None,
        next_url=page_url(form, limit, offset + limit) if len(found) > limit else None,
    )
    return _page(request, "events.html", "Events", json_url, context)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    """One event: its status timeline, sources, and each report's evidence in context."""
    json_url = f"/api/events/{quote(event_id)}"
    try:
        event = _store(request).event(record_id("event", event_id))
        reports = _reports(_store(request), event)
    except TidingsError as err:
        return _error(request, err, json_url)
    context = {"event": event, "drawing": layout_timeline(event.timeline), "reports": reports}
    title = f"Event {event.id}: {event.event_type.value}"
    return _page(request, "event.html", title, json_url, context)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, mention: str | None = None) -> HTMLResponse:
    """One article, sentences coloured by quality role; ``?mention=ID`` marks its evidence."""
    json_url = f"/api/articles/{quote(article_id)}"
    try:
        detail = _store(request).article(record_id("article", article_id))
        selected = whole_number("mention", mention) if mention else None
        chosen = [m for m in detail.mentions if m.id == selected]
        if selected is not None and not chosen:
            raise BadInputError(f"article {article_id} has no event mention {selected}")
    except TidingsError as err:
        return _error(request, err, json_url)
    article = detail.article
    marks = marks_of(chosen[0].mention, chosen[0].event_type.value) if chosen else []
    context = {
        "article": article,
        "source_link": safe_link(article.url),
        "quality": article.quality,
        "roles": [role.value for role in Role],
        "body": role_sentences(article.text or "", roles_of(article.quality), marks),
        "mentions": detail.mentions,
        "highlighted": selected,
    }
    title = _title(article.title, article.text, f"Article {article.id}")
    context["heading"] = title
    return _page(request, "article.html", title, json_url, context)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    """The actor network, drawn in the browser from ``/api/network``."""
    return _chart_page(request, "network.html", "Actor network", "/api/network")


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    """Event places on a world map, drawn in the browser from ``/api/places``."""
    return _chart_page(request, "map.html", "Map", "/api/places")


def _chart_page(request: Request, template: str, title: str, api: str) -> HTMLResponse:
    form = form_values(request.query_params)
    context: dict[str, Any] = {"form": form}
    try:
        _store(request)
        filters = set_filters(form)
        Filters.of(**filters)  # a bad filter is a clear 400 here, not a broken chart
    except BadInputError as err:
        return _error(request, err, api)
    return _page(request, template, title, twin_url(api, filters), context)


@dataclass(frozen=True, slots=True)
class Report:
    """One timeline step with its article text, evidence marked, for the template."""

    step: TimelineStep
    html: Markup
    title: str


def _reports(store: Store, event: LinkedEvent) -> list[Report]:
    texts = store.article_texts(step.article_id for step in event.timeline)
    reports = []
    for step in event.timeline:
        text = texts.get(step.article_id, "")
        marks = [Mark(s.start, s.end, "evidence", event.event_type.value) for s in step.spans]
        html = highlight(text, marks) if text else Markup("<br>").join(step.evidence)
        reports.append(Report(step, html, _title(step.title, text, f"Article {step.article_id}")))
    return reports


def _title(title: str | None, text: str | None, fallback: str) -> str:
    """An article's title; untitled (plain text) articles: their first line, shortened."""
    if title:
        return title
    first = (text or "").strip().split("\n", 1)[0].strip()
    if not first:
        return fallback
    return first if len(first) <= 90 else first[:89].rsplit(" ", 1)[0] + "…"


def _page(
    request: Request,
    template: str,
    title: str,
    json_url: str,
    context: Mapping[str, Any],
    *,
    status: int = 200,
) -> HTMLResponse:
    full = {
        "title": title,
        "json_url": json_url,
        "section": _SECTIONS.get(template, "events"),
        "version": tidings.__version__,
        "backend": services(request).store.engine.dialect.name,  # not the path: pages are public
        "event_types": [t.value for t in EventType],
        "statuses": [s.value for s in Status],
        **context,
    }
    response = _templates().TemplateResponse(request, template, full, status_code=status)
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _error(request: Request, err: TidingsError, json_url: str) -> HTMLResponse:
    if isinstance(err, NotFoundError):
        status, title = 404, "Not found"
    elif isinstance(err, BadInputError):
        status, title = 400, "Bad request"
    else:
        status, title = 503, "Store unavailable"
    context = {"message": str(err)}
    return _page(request, "error.html", title, json_url, context, status=status)


def _store(request: Request) -> Store:
    """The app's store, once the request may read it (a read token, when one is set).

    Raises:
        HTTPError: 401 without the read token (answered by the app's handlers).
    """
    found = services(request)
    found.check_read(request.headers.get("authorization"))
    return found.store
