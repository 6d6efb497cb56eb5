"""The dashboard's HTML pages (placeholder: the dashboard replaces this module).

Every page escapes what it shows; each has a JSON twin under ``/api``.
"""

from __future__ import annotations

import html

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from tidings import __version__
from tidings.web.services import services

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    """A small index: the latest articles (escaped) and a link to the API docs."""
    services(request).check_read(request.headers.get("authorization"))
    store = services(request).store
    items = "".join(
        f'<li><a href="/api/articles/{a.id}">{html.escape(a.title or f"article {a.id}")}</a>'
        f"<p>{html.escape((a.text or '')[:200])}</p></li>"
        for a in store.articles(limit=20, with_text=True)
    )
    page = (
        "<!doctype html><html lang=en><meta charset=utf-8><title>tidings</title>"
        f"<h1>tidings {html.escape(__version__)}</h1>"
        '<p>The JSON API and its documentation: <a href="/api/docs">/api/docs</a></p>'
        f"<h2>Latest articles</h2><ul>{items}</ul></html>"
    )
    return HTMLResponse(page)
