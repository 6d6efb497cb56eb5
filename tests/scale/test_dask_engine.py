"""The Dask engine on a real two-worker LocalCluster (processes): same results as the default.

One cluster serves the module (started once: each worker loads spaCy on its first
batch). The engine's own LocalCluster (no --scheduler) is exercised once, through
the CLI.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import tidings
from tidings.api import Pipeline
from tidings.cli import main
from tidings.export import GDELT_COLUMNS, arrow_field

distributed = pytest.importorskip("distributed")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from tidings.scale import DaskEngine, code  # noqa: E402  (after the skips: needs both)
from tidings.scale.dask_engine import local_cluster  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """Address of a LocalCluster of two worker processes, one thread each."""
    with local_cluster(2) as cluster:  # the engine's own settings
        yield cluster.scheduler_address


def _stored(db: Path) -> dict[str, Any]:
    """What a store holds, keyed by content, not by database ids or write time."""
    with tidings.open(db) as store:
        articles = store.articles(limit=None)
        mentions = store.events(limit=None)
        linked = store.linked_events(limit=None)
    hashes = {a.id: a.content_hash for a in articles}
    return {
        "articles": sorted(
            (a.content_hash, a.title, a.words, a.events, a.near_duplicate) for a in articles
        ),
        "mentions": sorted(
            (hashes[m.article_id], json.dumps(m.mention, sort_keys=True)) for m in mentions
        ),
        "events": sorted(
            (e.event_type.value, e.status.value, e.parties, e.mentions, e.sources) for e in linked
        ),
    }


def test_dask_ingest_stores_what_the_default_engine_stores(
    scheduler: str, tmp_path: Path, pipeline: Pipeline
) -> None:
    with tidings.open(tmp_path / "local.db") as store:
        local = store.ingest(EXAMPLES, pipeline=pipeline)
    engine = DaskEngine(scheduler=scheduler)
    with tidings.open(tmp_path / "dask.db") as store:
        report = store.ingest(EXAMPLES, engine=engine)
        again = store.ingest(EXAMPLES, engine=engine)
    assert report.added == local.added == len(EXAMPLES) and report.failed == 0
    assert report.events == local.events > len(EXAMPLES)
    assert again.skipped == len(EXAMPLES) and again.added == 0  # idempotent
    assert _stored(tmp_path / "dask.db") == _stored(tmp_path / "local.db")


def _extract_jsonl(path: Path) -> list[dict[str, Any]]:
    result = CliRunner().invoke(main, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line]


def test_code_parts_match_tidings_extract(scheduler: str, tmp_path: Path) -> None:
    out = tmp_path / "coded"
    done = code(EXAMPLES, out, engine=DaskEngine(scheduler=scheduler))
    assert done.parts == 1 and done.report.added == len(EXAMPLES)
    articles = pq.read_table(out / "articles").to_pylist()
    mentions = pq.read_table(out / "mentions")
    assert not (out / "failures").exists()

    # The mention table starts with the export's GDELT columns, typed alike.
    assert mentions.schema.names[: len(GDELT_COLUMNS)] == list(GDELT_COLUMNS)
    for name in GDELT_COLUMNS:
        assert mentions.schema.field(name).type == arrow_field(pa, name).type
    rows = mentions.to_pylist()
    assert len(rows) == done.report.events
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)

    by_origin = {a["origin"]: a["content_hash"] for a in articles}
    for path in EXAMPLES:
        expected = _extract_jsonl(path)
        content_hash = by_origin[str(path)]
        coded = sorted(
            (r for r in rows if r["content_hash"] == content_hash), key=lambda r: r["ordinal"]
        )
        assert [json.loads(r["mention"]) for r in coded] == expected, path.name
        assert [r["EventCode"] for r in coded] == [e["cameo"] for e in expected]
        assert [r["status"] for r in coded] == [e["status"] for e in expected]


def test_cli_code_with_its_own_local_cluster(tmp_path: Path) -> None:
    """No --scheduler: the engine starts (and stops) a LocalCluster of --jobs workers."""
    out = tmp_path / "coded"
    done = subprocess.run(
        [
            *(sys.executable, "-m", "tidings.cli", "code", *map(str, EXAMPLES[:3])),
            *("--out", str(out), "--engine", "dask", "--jobs", "2", "--json"),
        ],
        capture_output=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert done.returncode == 0, done.stderr.decode()
    report = json.loads(done.stdout)
    assert report["added"] == 3 and report["parts"] == 1
    assert pq.read_table(out / "articles").num_rows == 3
    assert pq.read_table(out / "mentions").num_rows == report["events"] > 0
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("tcp://nohost.invalid:8786", "bad Dask scheduler address"),
        ("localhost", "missing port"),
        ("http://localhost:8786", "unknown address scheme"),
        ("tcp://127.0.0.1:9", "cannot reach the Dask scheduler"),  # nothing listens there
    ],
)
def test_bad_scheduler_is_a_one_line_error(address: str, message: str, tmp_path: Path) -> None:
    config = tmp_path / "fast.toml"
    config.write_text("[scale]\nconnect_timeout = 1.0\n")
    result = CliRunner().invoke(
        main,
        [
            *("ingest", str(EXAMPLES[0]), "--db", str(tmp_path / "t.db")),
            *("--engine", "dask", "--scheduler", address, "--config", str(config), "-q"),
        ],
    )
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
