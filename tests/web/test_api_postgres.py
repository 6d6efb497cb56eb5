"""The JSON API over a PostgreSQL store answers as the store does (skips without one).

`.ci/run` exports TIDINGS_TEST_PG_URL; see `fresh_postgres` in tests/conftest.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import tidings
from tidings.api import Pipeline
from tidings.store import Store
from tidings.web import create_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def pg_store(pipeline: Pipeline, fresh_postgres: Callable[[], str]) -> Iterator[Store]:
    with tidings.open(fresh_postgres()) as store:
        store.ingest(sorted(EXAMPLES.glob("*.txt")), pipeline=pipeline)
        yield store


def test_reads_match_the_store_on_postgresql(pg_store: Store) -> None:
    with TestClient(create_app(pg_store, environ={})) as client:
        assert client.get("/api/health").json()["database"] == "postgresql"
        page = client.get("/api/events", params={"limit": 3, "offset": 2}).json()
        assert [e["id"] for e in page] == [e.id for e in pg_store.linked_events(limit=3, offset=2)]
        first = page[0]["id"]
        assert client.get(f"/api/events/{first}").json() == pg_store.event(first).to_dict()
        found = client.get("/api/articles", params={"text": "ministers"}).json()
        assert [a["id"] for a in found] == [a.id for a in pg_store.articles(text="ministers")]
        moment = dt.datetime.fromisoformat(found[0]["ingested_at"])
        assert moment.utcoffset() == dt.timedelta(0)
        detail = client.get(f"/api/articles/{found[0]['id']}").json()
        assert detail["text"] == pg_store.article(found[0]["id"]).article.text
        for path, expected in (
            ("/api/actors", [a.to_dict() for a in pg_store.actors()]),
            ("/api/network", pg_store.network().to_dict()),
            ("/api/places", [p.to_dict() for p in pg_store.places()]),
        ):
            assert client.get(path).json() == expected
        assert client.get("/api/search", params={"q": "nato"}).json()["actors"]
