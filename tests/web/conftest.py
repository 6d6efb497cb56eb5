"""Web fixtures: a store built once from the bundled examples plus one hostile article.

The hostile article carries markup in its title and text; every page must show it
escaped and every JSON answer must carry it verbatim.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

import tidings
from tidings.api import Pipeline

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@dataclass(frozen=True)
class Hostile:
    """An article whose title and text carry markup."""

    title: str
    markup: str
    text: str


@pytest.fixture(scope="session")
def hostile() -> Hostile:
    markup = '<img src=x onerror="alert(1)"><b>bold</b>'
    body = (EXAMPLES / "nato-ministers-brussels.txt").read_text("utf-8")
    return Hostile(
        title='<script>alert("title")</script> Talks & "quotes"',
        markup=markup,
        text=f"{markup} Reporters in Brussels noted the meeting.\n\n{body}".strip(),
    )


@pytest.fixture(scope="session")
def example_db(
    tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline, hostile: Hostile
) -> Path:
    """A SQLite store of examples/*.txt and the hostile article; copy it before writing."""
    folder = tmp_path_factory.mktemp("web")
    rows = folder / "hostile.jsonl"
    row = {"title": hostile.title, "text": hostile.text, "outlet": "<i>evil</i>.example"}
    rows.write_text(json.dumps(row) + "\n", "utf-8")
    path = folder / "examples.db"
    with tidings.open(path) as store:
        report = store.ingest([EXAMPLES, rows], pipeline=pipeline)
    assert report.added == len(list(EXAMPLES.glob("*.txt"))) + 1, report.failures
    return path


@pytest.fixture()
def db_copy(example_db: Path, tmp_path: Path) -> Path:
    """A private copy of the example store, for tests that write."""
    copy = tmp_path / "copy.db"
    shutil.copy(example_db, copy)
    return copy
