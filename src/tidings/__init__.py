"""tidings: political events from news, with their status and sources.

>>> import tidings
>>> result = tidings.extract(text, published="2025-08-20", outlet="ndtv.com")
>>> result.events
>>> store = tidings.open("tidings.db")          # or a postgresql:// URL
>>> store.ingest(["articles/", "https://example.org/feed.xml"])
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from tidings.api import Pipeline, Result, extract
from tidings.errors import (
    BadInputError,
    ConfigError,
    DictionaryError,
    FetchError,
    ModelNotFoundError,
    NotAnArticleError,
    StoreError,
    TidingsError,
)
from tidings.model import (
    Actor,
    Article,
    Attribution,
    EventMention,
    EventType,
    Granularity,
    Place,
    Span,
    Status,
    TimeRef,
)

if TYPE_CHECKING:
    from tidings.config import Config
    from tidings.store import Store

__version__ = "0.1.0"


def open(target: str | os.PathLike[str] = "tidings.db", config: Config | None = None) -> Store:
    """Open the article store at a SQLite path or a ``postgresql://`` URL (see ``tidings.store``).

    The store is created and migrated on first use. Imported lazily, so that
    ``import tidings`` does not load SQLAlchemy.
    """
    from tidings.store import open_store

    return open_store(target, config)


__all__ = [
    "Actor",
    "Article",
    "Attribution",
    "BadInputError",
    "ConfigError",
    "DictionaryError",
    "EventMention",
    "EventType",
    "FetchError",
    "Granularity",
    "ModelNotFoundError",
    "NotAnArticleError",
    "Pipeline",
    "Place",
    "Result",
    "Span",
    "Status",
    "StoreError",
    "TidingsError",
    "TimeRef",
    "__version__",
    "extract",
    "open",
]
