"""The article store: SQLAlchemy 2 over SQLite (default) or PostgreSQL.

>>> import tidings
>>> store = tidings.open("tidings.db")
>>> report = store.ingest(["feeds.txt", "dump.jsonl.gz"])
>>> store.events(actor="RUS", status="proposed", since="2025-08-01")
"""

from tidings.store.browse import (
    ActorSummary,
    ArticleDetail,
    Edge,
    Network,
    PlaceSummary,
    SearchResults,
)
from tidings.store.event_queries import EvidenceSpan, LinkedEvent, TimelineStep
from tidings.store.queries import Filters, StoredArticle, StoredEvent
from tidings.store.store import Store, open_store

__all__ = [
    "ActorSummary",
    "ArticleDetail",
    "Edge",
    "EvidenceSpan",
    "Filters",
    "LinkedEvent",
    "Network",
    "PlaceSummary",
    "SearchResults",
    "Store",
    "StoredArticle",
    "StoredEvent",
    "TimelineStep",
    "open_store",
]
