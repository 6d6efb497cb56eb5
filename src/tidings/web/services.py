"""What routes share: the app's :class:`Services` and the token checks, as dependencies.

>>> @router.get("/thing", dependencies=[Depends(require_read)])
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from tidings.api import Pipeline
from tidings.config import Config
from tidings.store import Store
from tidings.web.security import Tokens, check_read, check_write

__all__ = ["Services", "require_read", "require_write", "services"]

# Declares the scheme in the OpenAPI schema; the checks themselves are ours.
_bearer = HTTPBearer(auto_error=False, description="TIDINGS_TOKEN (writes) or the read token")


@dataclass(slots=True)
class Services:
    """What the routes use, kept on ``app.state.tidings`` (one per app, no globals)."""

    store: Store
    config: Config
    tokens: Tokens
    pipeline: Pipeline | None = None  # loaded on first use
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def check_read(self, authorization: str | None) -> None:
        """Raise :class:`HTTPError` 401 unless reads are open or the header has a token."""
        check_read(self.tokens, authorization)

    def analyse(self) -> _Locked:
        """The pipeline (loaded on first use), held for one caller at a time.

        spaCy pipelines are not documented as thread-safe and the routes run in a
        thread pool, so analyses take turns.
        """
        return _Locked(self)


class _Locked:
    def __init__(self, services: Services) -> None:
        self._services = services

    def __enter__(self) -> Pipeline:
        services = self._services
        services._lock.acquire()
        if services.pipeline is None:
            try:
                services.pipeline = Pipeline(services.config)
            except BaseException:
                services._lock.release()
                raise
        return services.pipeline

    def __exit__(self, *exc: object) -> None:
        self._services._lock.release()


def services(request: Request) -> Services:
    """The app's services, for a route."""
    found: Services = request.app.state.tidings
    return found


def require_read(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Pass when reads are open or the request carries the read (or write) token."""
    services(request).check_read(_header(credentials))


def require_write(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Pass only when the request carries the write token."""
    check_write(services(request).tokens, _header(credentials))


def _header(credentials: HTTPAuthorizationCredentials | None) -> str | None:
    if credentials is None:
        return None
    return f"{credentials.scheme} {credentials.credentials}"
