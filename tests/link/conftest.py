"""Store fixtures for the linking tests: the store tests' SQLite and PostgreSQL databases."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "store_fixtures", Path(__file__).resolve().parents[1] / "store" / "conftest.py"
)
assert _spec is not None and _spec.loader is not None
_store = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_store)

db_url = _store.db_url  # the same parametrised fixture: SQLite, and PostgreSQL when configured
