"""tidings: political events from news, with their status and sources.

>>> import tidings
>>> result = tidings.extract(text, published="2025-08-20", outlet="ndtv.com")
>>> result.events
"""

from tidings.api import Pipeline, Result, extract
from tidings.errors import (
    BadInputError,
    ConfigError,
    DictionaryError,
    ModelNotFoundError,
    NotAnArticleError,
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

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Attribution",
    "BadInputError",
    "ConfigError",
    "DictionaryError",
    "EventMention",
    "EventType",
    "Granularity",
    "ModelNotFoundError",
    "NotAnArticleError",
    "Pipeline",
    "Place",
    "Result",
    "Span",
    "Status",
    "TidingsError",
    "TimeRef",
    "__version__",
    "extract",
]
