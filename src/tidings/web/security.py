"""Bearer tokens: writes need the write token; reads need the read token when one is set.

Tokens come from the environment (``TIDINGS_TOKEN``, ``TIDINGS_READ_TOKEN``) or the
``[serve]`` section of the config; with no write token configured, writes are
refused outright rather than left open.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from dataclasses import dataclass

from tidings.config import Config
from tidings.web.errors import HTTPError

__all__ = ["Tokens", "check_read", "check_write", "tokens_from"]

TOKEN_ENV = "TIDINGS_TOKEN"
READ_TOKEN_ENV = "TIDINGS_READ_TOKEN"

_CHALLENGE = {"WWW-Authenticate": "Bearer"}


@dataclass(frozen=True, slots=True)
class Tokens:
    """The configured tokens; ``None``: not set."""

    write: str | None
    read: str | None

    def __repr__(self) -> str:  # never print the tokens themselves
        return f"Tokens(write={'set' if self.write else None}, read={'set' if self.read else None})"


def tokens_from(config: Config, environ: Mapping[str, str]) -> Tokens:
    """The environment wins over the config file; empty strings mean unset."""
    write = environ.get(TOKEN_ENV) or config.serve.token or None
    read = environ.get(READ_TOKEN_ENV) or config.serve.read_token or None
    return Tokens(write, read)


def check_write(tokens: Tokens, authorization: str | None) -> None:
    """Raise unless ``authorization`` carries the write token.

    Raises:
        HTTPError: 403 when no write token is configured, 401 when the header is
            missing or carries another token.
    """
    if tokens.write is None:
        raise HTTPError(
            403,
            "writes are disabled: set TIDINGS_TOKEN (or [serve] token) on the server",
            "writes-disabled",
        )
    if not _matches(authorization, tokens.write):
        raise HTTPError(401, _ask(authorization), headers=_CHALLENGE)


def check_read(tokens: Tokens, authorization: str | None) -> None:
    """Raise unless reads are open or ``authorization`` carries the read (or write) token."""
    if tokens.read is None:
        return
    if _matches(authorization, tokens.read) or (
        tokens.write is not None and _matches(authorization, tokens.write)
    ):
        return
    raise HTTPError(401, _ask(authorization), headers=_CHALLENGE)


def _matches(authorization: str | None, token: str) -> bool:
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode(), token.encode())


def _ask(authorization: str | None) -> str:
    if not authorization:
        return "this endpoint needs a token: send 'Authorization: Bearer <token>'"
    return "the token is not valid for this endpoint"
