"""HTTP errors: one exception class with a status, and the handlers that turn every
error (ours, FastAPI's validation errors, Starlette's 404/405) into the same JSON.

The body is always ``{"status": 4xx, "error": "tag", "message": "one line"}``.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from tidings.errors import BadInputError, NotAnArticleError, NotFoundError, TidingsError

__all__ = ["HTTPError", "error_response", "install_handlers"]

log = logging.getLogger(__name__)


class HTTPError(Exception):
    """An error the API answers with ``status``; ``tag`` defaults to the status's phrase."""

    def __init__(
        self,
        status: int,
        message: str,
        tag: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.tag = tag or _tag(status)
        self.headers = headers


def error_response(
    status: int, message: str, tag: str | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    body = {"status": status, "error": tag or _tag(status), "message": message}
    return JSONResponse(body, status_code=status, headers=headers)


def from_tidings(err: TidingsError) -> HTTPError:
    """The HTTP face of a library error."""
    if isinstance(err, NotFoundError):
        return HTTPError(404, str(err))
    if isinstance(err, NotAnArticleError):
        return HTTPError(422, str(err), f"not-an-article:{err.reason}")
    if isinstance(err, BadInputError):
        return HTTPError(400, str(err))
    return HTTPError(503, str(err), "store-unavailable")


def install_handlers(app: FastAPI) -> None:
    """Route every error path of ``app`` to one JSON shape."""

    async def on_http_error(_: Request, err: Exception) -> JSONResponse:
        assert isinstance(err, HTTPError)
        return error_response(err.status, err.message, err.tag, err.headers)

    async def on_tidings_error(_: Request, err: Exception) -> JSONResponse:
        assert isinstance(err, TidingsError)
        http = from_tidings(err)
        return error_response(http.status, http.message, http.tag)

    async def on_validation_error(_: Request, err: Exception) -> JSONResponse:
        assert isinstance(err, RequestValidationError)
        return error_response(422, _validation_message(err), "invalid-request")

    async def on_starlette_error(_: Request, err: Exception) -> JSONResponse:
        assert isinstance(err, StarletteHTTPException)
        message = err.detail if isinstance(err.detail, str) else _tag(err.status_code)
        return error_response(err.status_code, message, headers=dict(err.headers or {}))

    async def on_unexpected(request: Request, err: Exception) -> JSONResponse:
        log.exception("unexpected error answering %s %s", request.method, request.url.path)
        return error_response(500, f"internal error ({type(err).__name__}); see the server log")

    app.add_exception_handler(HTTPError, on_http_error)
    app.add_exception_handler(TidingsError, on_tidings_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_starlette_error)
    app.add_exception_handler(Exception, on_unexpected)


def _validation_message(err: RequestValidationError) -> str:
    """The first problem, in words: ``query.limit: Input should be ...``."""
    problems = err.errors()
    if not problems:
        return "invalid request"
    first = problems[0]
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "body") or "body"
    message = f"{where}: {first.get('msg', 'invalid value')}"
    if len(problems) > 1:
        message += f" (and {len(problems) - 1} more problem(s))"
    return message


def _tag(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "-")
    except ValueError:
        return "error"
