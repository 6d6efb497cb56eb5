"""Shared fixtures: one loaded pipeline for the whole session (loading spaCy takes a second)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from tidings.api import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# `.ci/run` starts a PostgreSQL server on loopback and exports this; without it the
# PostgreSQL variants of the tests skip.
PG_URL = os.environ.get("TIDINGS_TEST_PG_URL")


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The workspace's ../shared folder; tests needing it skip cleanly without it."""
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared is not present (a clone outside the workspace)")
    return SHARED


@pytest.fixture(scope="session")
def fresh_postgres() -> Callable[[], str]:
    """A call that empties the test PostgreSQL database and returns its URL (skips the
    test when there is none)."""

    def reset() -> str:
        if not PG_URL:
            pytest.skip("TIDINGS_TEST_PG_URL is not set (no PostgreSQL server)")
        from tidings.store.engine import make_engine

        engine = make_engine(PG_URL)
        try:
            with engine.begin() as connection:
                connection.execute(sa.text("DROP SCHEMA IF EXISTS public CASCADE"))
                connection.execute(sa.text("CREATE SCHEMA public"))
        finally:
            engine.dispose()
        return PG_URL

    return reset
