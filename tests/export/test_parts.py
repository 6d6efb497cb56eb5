"""Parquet part files without a store (`tidings code`, local engine): layout, parts, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.api import Pipeline
from tidings.cli import main
from tidings.config import load_config
from tidings.errors import BadInputError
from tidings.export.parts import PartWriter, stable_id
from tidings.ingest.engine import LocalEngine
from tidings.scale import code

pq = pytest.importorskip("pyarrow.parquet")

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "ingest" / "fixtures"
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))


def test_parts_roll_over_and_keep_failures(tmp_path: Path, pipeline: Pipeline) -> None:
    config = load_config()
    config = replace(config, scale=replace(config.scale, articles_per_part=3))
    copy = tmp_path / "copy"
    copy.mkdir()
    # The same text with more outer whitespace: another document, the same article.
    (copy / "same.txt").write_bytes(EXAMPLES[0].read_bytes() + b"\n\n")
    sources = [*EXAMPLES[:4], copy, FIXTURES / "corpus" / "sub" / "french.txt"]
    out = tmp_path / "coded"
    done = code(sources, out, config, engine=LocalEngine(1, pipeline))

    report = done.report
    assert (report.added, report.duplicates, report.failed) == (4, 1, 1)
    # 4 articles, 1 duplicate (nothing written) and 1 failure: parts of 3 handed-over rows.
    assert done.parts == 2
    names = sorted(p.name for p in (out / "articles").iterdir())
    assert names == ["part-00000.parquet", "part-00001.parquet"]
    assert sorted(p.name for p in (out / "mentions").iterdir()) == names
    articles = pq.read_table(out / "articles").to_pylist()
    assert len(articles) == 4 and len({a["content_hash"] for a in articles}) == 4
    assert sum(a["events"] for a in articles) == report.events
    assert all(0.0 <= a["fact_share"] <= 1.0 and json.loads(a["quality"]) for a in articles)
    failures = pq.read_table(out / "failures").to_pylist()
    assert [(f["origin"], f["reason"]) for f in failures] == [
        (str(FIXTURES / "corpus" / "sub" / "french.txt"), "not-english")
    ]
    mentions = pq.read_table(out / "mentions").to_pylist()
    assert len(mentions) == report.events
    first = next(m for m in mentions if m["ordinal"] == 0)
    assert first["GLOBALEVENTID"] == stable_id(first["content_hash"], 0)
    assert not list(out.rglob("*.tmp"))


def test_writer_refuses_a_file_or_a_folder_with_parts(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(BadInputError, match="is a file"):
        PartWriter(target)
    (tmp_path / "used" / "mentions").mkdir(parents=True)
    (tmp_path / "used" / "mentions" / "part-00000.parquet").write_bytes(b"")
    with pytest.raises(BadInputError, match="already holds coded parts"):
        PartWriter(tmp_path / "used")
    with pytest.raises(BadInputError, match="at least 1"):
        PartWriter(tmp_path / "new", articles_per_part=0)


def test_cli_code_local_engine_and_usage_errors(tmp_path: Path) -> None:
    out = tmp_path / "coded"
    result = CliRunner().invoke(main, ["code", str(EXAMPLES[1]), "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["added"] == 1 and record["parts"] == 1 and record["out"] == str(out)
    assert pq.read_table(out / "mentions").num_rows == record["events"]

    again = CliRunner().invoke(main, ["code", str(EXAMPLES[1]), "--out", str(out), "-q"])
    assert again.exit_code == 2 and "already holds coded parts" in again.stderr
    stray = CliRunner().invoke(
        main, ["code", str(EXAMPLES[1]), "--out", str(tmp_path / "o"), "--scheduler", "x:1"]
    )
    assert stray.exit_code == 2 and "--scheduler needs --engine dask" in stray.stderr
    missing = CliRunner().invoke(main, ["code", "no-such-dir", "--out", str(tmp_path / "o")])
    assert missing.exit_code == 2 and "no such file or directory" in missing.stderr


def test_dask_and_pyarrow_are_imported_only_when_used() -> None:
    check = (
        "import sys, tidings.cli, tidings.scale, tidings.store, tidings.export; "
        "loaded = [m for m in ('dask', 'distributed', 'pyarrow') if m in sys.modules]; "
        "assert not loaded, loaded"
    )
    done = subprocess.run(
        [sys.executable, "-c", check],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode()
