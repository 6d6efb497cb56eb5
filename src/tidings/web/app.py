"""The FastAPI application: JSON routes under ``/api`` and the dashboard's pages.

>>> from tidings.web import create_app
>>> app = create_app("tidings.db")  # serve with uvicorn, or test with TestClient
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tidings import __version__
from tidings.api import Pipeline
from tidings.config import Config
from tidings.store import Store, open_store
from tidings.web import api, pages
from tidings.web.errors import error_response, install_handlers
from tidings.web.security import tokens_from
from tidings.web.services import Services

__all__ = ["create_app"]


def create_app(
    store_or_url: Store | str | os.PathLike[str],
    *,
    config: Config | None = None,
    environ: Mapping[str, str] | None = None,
    pipeline: Pipeline | None = None,
) -> FastAPI:
    """The web app over a store (or the store at a path or URL, opened now).

    Args:
        store_or_url: An open :class:`Store` (the caller closes it) or what
            :func:`tidings.open` takes (the app closes it on shutdown).
        config: Settings; ``[serve]`` holds the tokens and the body size limit.
        environ: Where ``TIDINGS_TOKEN`` and ``TIDINGS_READ_TOKEN`` are read
            (default: the process environment).
        pipeline: A loaded pipeline for the POST routes (default: one is loaded
            on the first POST).

    Raises:
        StoreError: the store cannot be opened.
    """
    owned = not isinstance(store_or_url, Store)
    store = (
        open_store(store_or_url, config) if not isinstance(store_or_url, Store) else store_or_url
    )
    settings = config or store.config
    tokens = tokens_from(settings, os.environ if environ is None else environ)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            store.close()

    app = FastAPI(
        title="tidings",
        version=__version__,
        description=(
            "Political events from news, with their status and sources. Reads are open "
            "unless a read token is configured; POST endpoints need "
            "`Authorization: Bearer <TIDINGS_TOKEN>`. Errors are JSON: "
            '`{"status": 404, "error": "not-found", "message": "..."}`.'
        ),
        openapi_url="/api/openapi.json",
        docs_url=None,  # served below from the vendored Swagger UI, not a CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.tidings = Services(store, settings, tokens, pipeline)
    install_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_api_route("/api/docs", _docs, include_in_schema=False)
    app.add_middleware(BodyLimit, max_bytes=settings.serve.max_body_bytes)
    if tokens.read is None:
        _declare_open_reads(app)
    return app


def _docs() -> HTMLResponse:
    """The interactive API docs, from the Swagger UI copy in ``static/vendor``."""
    return get_swagger_ui_html(
        openapi_url="/api/openapi.json",
        title="tidings API",
        swagger_js_url="/static/vendor/swagger-ui-bundle.js",
        swagger_css_url="/static/vendor/swagger-ui.css",
        swagger_favicon_url="/static/favicon.svg",
    )


def _declare_open_reads(app: FastAPI) -> None:
    """Make the schema say what the server does: with no read token, reads need none."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            for path in schema.get("paths", {}).values():
                if "get" in path:
                    path["get"].pop("security", None)
                    path["get"]["responses"].pop("401", None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with 413, before the route reads them.

    A declared ``Content-Length`` is checked first; a streamed body is counted as
    it arrives and buffered (it is at most ``max_bytes``), then replayed.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(scope, receive, send)
            return
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await self._refuse(scope, receive, send)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(
            413,
            f"the request body is over the limit of {self.max_bytes:,} bytes "
            "([serve] max_body_bytes)",
            "payload-too-large",
        )
        await response(scope, receive, send)
