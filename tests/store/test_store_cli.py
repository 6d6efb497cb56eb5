"""`tidings ingest`, `tidings events` and `tidings articles` from the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "ingest" / "fixtures"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("TIDINGS_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "tidings.cli", *args],
        input=stdin.decode() if stdin else None,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store filled by `tidings ingest --jobs 2` (worker processes) with a progress bar."""
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    done = run(
        "ingest",
        str(FIXTURES / "corpus"),
        str(FIXTURES / "rows.csv"),
        str(ROOT / "examples"),
        "--db",
        str(path),
        "--jobs",
        "2",
        "--field",
        "text=body",
        "--field",
        "title=headline",
        "--field",
        "outlet=site",
        "--field",
        "published=date",
    )
    assert done.returncode == 0, done.stderr
    assert "added" in done.stdout and "not-english" in done.stdout
    assert "documents" in done.stderr  # the progress line
    return path


def test_ingest_report_as_json_and_rerun_adds_nothing(db: Path) -> None:
    done = run("ingest", str(FIXTURES / "corpus"), "--db", str(db), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["added"] == 0 and report["skipped"] == 3
    assert report["reasons"] == {"not-english": 1}
    assert report["failures"][0]["origin"].endswith("french.txt")


def test_events_as_jsonl_and_table(db: Path) -> None:
    done = run("events", "--mentions", "--db", str(db), "--format", "jsonl", "--type", "CONSULT")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert records and all(r["schema"] == "tidings.mention/1" for r in records)
    assert all("CONSULT" in (r["event_type"], r["coded_as"]) for r in records)
    assert all(r["article"]["id"] and r["evidence"][0]["text"] for r in records)
    table = run("events", "--mentions", "--db", str(db), "--status", "occurred", "--limit", "3")
    assert table.returncode == 0 and "occurred" in table.stdout


def test_articles_with_filters(db: Path) -> None:
    done = run("articles", "--db", str(db), "--format", "jsonl", "--outlet", "paper.example.com")
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert {r["title"] for r in records} == {
        "Police and protesters clash",
        "Ministers meet in Brussels",
    }
    found = run("articles", "--db", str(db), "--search", "dangerous illegal", "--format", "jsonl")
    assert len(found.stdout.splitlines()) == 1
    table = run("articles", "--db", str(db), "--since", "2025-06-02", "--until", "2025-06-02")
    assert table.returncode == 0 and "Ministers meet" in table.stdout


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("events", "--type", "MEETING"), "unknown event type"),
        (("articles", "--since", "yesterday"), "not a date"),
        (("ingest", "/no/such/dir"), "no such file"),
        (("ingest", "x", "--field", "body"), "NAME=KEY"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(db: Path, args: tuple[str, ...], needle: str) -> None:
    done = run(*args, "--db", str(db))
    assert done.returncode == 2
    assert needle in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_query_without_a_store(tmp_path: Path) -> None:
    done = run("events", "--db", str(tmp_path / "none.db"))
    assert done.returncode == 2 and "no store" in done.stderr
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("command", ["ingest", "events", "articles"])
def test_help(command: str) -> None:
    done = run(command, "--help")
    assert done.returncode == 0 and "--db" in done.stdout
