"""The one exception family tidings raises.

Messages name the bad value, what was expected and how to fix it. Only the
edges (CLI, HTTP API) turn these into exit codes or responses.
"""

from __future__ import annotations

__all__ = [
    "BadInputError",
    "ConfigError",
    "DictionaryError",
    "FetchError",
    "ModelNotFoundError",
    "NotAnArticleError",
    "NotFoundError",
    "StoreError",
    "TidingsError",
]


class TidingsError(Exception):
    """Base class of every error tidings raises on purpose."""


class BadInputError(TidingsError):
    """An argument or file the user gave cannot be used (missing file, bad date...)."""


class NotFoundError(BadInputError):
    """An id names no stored record (an event, an article); HTTP answers 404."""


class NotAnArticleError(TidingsError):
    """A document that cannot be analysed as an English news article.

    ``reason`` is a short machine-readable tag (``empty``, ``binary``,
    ``undecodable``, ``too-large``, ``not-english``) that callers store.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class ModelNotFoundError(TidingsError):
    """The spaCy English model is not installed."""


class DictionaryError(TidingsError):
    """A user-supplied actor dictionary could not be read."""


class ConfigError(TidingsError):
    """A configuration file or key is invalid."""


class FetchError(TidingsError):
    """A URL could not be fetched, or was refused before any connection was made.

    ``reason`` is a short tag that callers store: ``blocked-address``, ``bad-url``,
    ``too-large``, ``too-many-redirects``, ``timeout``, ``unreachable``,
    ``unsupported-content`` or ``http-<status>`` (e.g. ``http-404``).
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class StoreError(TidingsError):
    """The article store cannot be opened, migrated or written."""
