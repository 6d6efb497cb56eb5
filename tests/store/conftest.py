"""Store fixtures: every store test runs on SQLite, and on PostgreSQL when one is available.

`.ci/run` starts a PostgreSQL server on loopback and exports TIDINGS_TEST_PG_URL;
without it the PostgreSQL variants skip.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(
    request: pytest.FixtureRequest, tmp_path: Path, fresh_postgres: Callable[[], str]
) -> Iterator[str]:
    """A URL of an empty database."""
    if request.param == "sqlite":
        yield str(tmp_path / "tidings.db")
        return
    yield fresh_postgres()
