"""The article store: SQLAlchemy 2 over SQLite (default) or PostgreSQL.

>>> import tidings
>>> store = tidings.open("tidings.db")
>>> report = store.ingest(["feeds.txt", "dump.jsonl.gz"])
>>> store.events(actor="RUS", status="proposed", since="2025-08-01")
"""

from tidings.store.queries import Filters, StoredArticle, StoredEvent
from tidings.store.store import Store, open_store

__all__ = ["Filters", "Store", "StoredArticle", "StoredEvent", "open_store"]
