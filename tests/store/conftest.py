"""Store fixtures: every store test runs on SQLite, and on PostgreSQL when one is available.

`.ci/run` starts a PostgreSQL server on loopback and exports TIDINGS_TEST_PG_URL;
without it the PostgreSQL variants skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

PG_URL = os.environ.get("TIDINGS_TEST_PG_URL")


def _reset_postgres(url: str) -> None:
    from tidings.store.engine import make_engine

    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("DROP SCHEMA IF EXISTS public CASCADE"))
            connection.execute(sa.text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database."""
    if request.param == "sqlite":
        yield str(tmp_path / "tidings.db")
        return
    if not PG_URL:
        pytest.skip("TIDINGS_TEST_PG_URL is not set (no PostgreSQL server)")
    _reset_postgres(PG_URL)
    yield PG_URL
