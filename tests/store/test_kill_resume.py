"""Killing an ingest midway loses no committed article, leaves no half-written one, resumes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import tidings
from tidings.api import Pipeline

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))


def committed(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not created or not migrated yet
        return 0


def check_consistent(db: Path) -> int:
    """Every stored article is whole: its events, actors, source row and text index."""
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT a.id, a.event_count,"
            " (SELECT count(*) FROM mentions m WHERE m.article_id = a.id),"
            " (SELECT count(*) FROM sources s WHERE s.article_id = a.id AND s.status = 'stored')"
            " FROM articles a"
        ).fetchall()
        for article_id, expected, found, source_rows in rows:
            assert found == expected, f"article {article_id} has {found} of {expected} events"
            assert source_rows == 1, f"article {article_id} has no source row"
        orphans = connection.execute(
            "SELECT count(*) FROM mention_actors WHERE mention_id NOT IN (SELECT id FROM mentions)"
        ).fetchone()[0]
        assert orphans == 0
        # Raises if the full-text index and the articles table disagree.
        connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    return len(rows)


@pytest.mark.slow
def test_kill_then_resume(tmp_path: Path, pipeline: Pipeline) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number, path in enumerate(EXAMPLES + EXAMPLES[:2]):
        # Distinct texts: each example, and two of them again with a different last line.
        extra = f"\nThe story was updated {number} times." if number >= len(EXAMPLES) else ""
        (corpus / f"{number:02d}.txt").write_text(path.read_text() + extra)
    total = len(EXAMPLES) + 2
    config = tmp_path / "one-at-a-time.toml"
    config.write_text("[ingest]\nbatch_size = 1\n")
    db = tmp_path / "kill.db"
    command = [sys.executable, "-m", "tidings.cli", "ingest", str(corpus), "--db", str(db)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [*command, "--config", str(config), "--quiet"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 240
    try:
        while committed(db) < 3:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "no article was committed in time"
            time.sleep(0.02)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    before = check_consistent(db)
    assert 3 <= before < total, "the kill must land mid-ingest"

    with tidings.open(db) as store:
        report = store.ingest([corpus], pipeline=pipeline)
        assert report.skipped == before  # nothing committed is redone
        assert report.added == total - before  # and nothing is lost
        assert store.counts()["articles"] == total
    assert check_consistent(db) == total
