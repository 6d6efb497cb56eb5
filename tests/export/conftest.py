"""Export fixtures: a SQLite store holding two small articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tidings
from tidings.api import Pipeline

ARTICLES = [
    {
        "text": "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on "
        "Tuesday to discuss trade, the Kremlin said.",
        "title": "Putin meets Xi in Beijing",
        "published": "2025-09-02",
        "outlet": "example.com",
        "url": "https://example.com/putin-xi",
    },
    {
        "text": "Israeli aircraft struck targets in Gaza on Monday, killing at least five people, "
        "Palestinian health officials said.",
        "title": "Israeli strikes on Gaza",
        "published": "2025-09-03",
        "outlet": "news.example.org",
        "url": "https://news.example.org/gaza",
    },
]


@pytest.fixture
def export_articles() -> list[dict[str, str]]:
    """The two articles of ``export_db`` (ingestable JSONL rows)."""
    return [dict(a) for a in ARTICLES]


@pytest.fixture(scope="module")
def export_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> str:
    """Path of a SQLite store with the two articles ingested."""
    folder = tmp_path_factory.mktemp("export")
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = str(Path(folder) / "tidings.db")
    with tidings.open(db) as store:
        report = store.ingest([source], pipeline=pipeline)
    assert report.added == 2 and report.events >= 2
    return db
