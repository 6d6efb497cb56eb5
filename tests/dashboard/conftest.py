"""A store built from the bundled example articles, two multi-outlet stories and one
article whose title, outlet and text carry hostile HTML; the dashboard app over it.

``data/stories.jsonl`` holds events E1 (proposed → planned → occurred, six outlets) and
E6 (proposed → possible → denied) of the linking set ``tests/link/data/linkset.jsonl``,
then the hostile article.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tidings.api import Pipeline
from tidings.store import Store, open_store
from tidings.web import create_app

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"


def build_store(path: Path, pipeline: Pipeline) -> Store:
    store = open_store(path)
    report = store.ingest([ROOT / "examples", DATA / "stories.jsonl"], pipeline=pipeline)
    assert not report.failures, report.failures
    return store


@pytest.fixture(scope="session")
def dashboard_store(
    tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline
) -> Iterator[Store]:
    with build_store(tmp_path_factory.mktemp("dashboard") / "news.db", pipeline) as store:
        yield store


@pytest.fixture(scope="session")
def hostile() -> tuple[str, ...]:
    """Strings of the hostile article that must never reach a page unescaped."""
    return (
        "<script>alert('xss')</script>",
        "<img src=x onerror=alert('img')>",
        "<script>alert('title')</script>",
        "<img src=x onerror=alert('outlet')>",
        'href="javascript:',
    )


@pytest.fixture(scope="session")
def client(dashboard_store: Store) -> TestClient:
    return TestClient(create_app(dashboard_store, environ={}))
