"""`--merged`: one row per linked event, with its mention and source counts."""

from __future__ import annotations

import io
import json
from pathlib import Path

from click.testing import CliRunner

import tidings
from tidings.api import Pipeline
from tidings.cli import main
from tidings.export import export_events, merged_events

SECOND_REPORT = {
    "text": "Israeli warplanes struck targets in Gaza on Monday, killing five people, "
    "health officials in the territory said.",
    "title": "Israel strikes Gaza",
    "published": "2025-09-03",
    "outlet": "other.example.net",
    "url": "https://other.example.net/gaza-strikes",
}


def test_merged_event_counts_its_reports(
    tmp_path: Path, pipeline: Pipeline, export_articles: list[dict[str, str]]
) -> None:
    source = tmp_path / "articles.jsonl"
    rows = [*export_articles, SECOND_REPORT]
    source.write_text("".join(json.dumps(a) + "\n" for a in rows), encoding="utf-8")
    db = str(tmp_path / "tidings.db")
    with tidings.open(db) as store:
        store.ingest([source], pipeline=pipeline)
        merged = merged_events(store, type="ASSAULT", limit=None)
        mentions = store.events(type="ASSAULT", limit=None)
    assert len(mentions) == 2
    (strike,) = merged
    out = io.StringIO()
    export_events(merged, "gdelt", out)
    fields = out.getvalue().rstrip("\n").split("\t")
    assert len(fields) == 61
    assert fields[0] == str(strike.event.id)
    assert fields[31:34] == ["2", "2", "2"]  # NumMentions, NumSources, NumArticles
    assert fields[26] == strike.representative.cameo

    result = CliRunner().invoke(
        main, ["export", "--db", db, "--format", "jsonl", "--merged", "--type", "ASSAULT"]
    )
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines() if line]
    assert record["schema"] == "tidings.event/1" and record["mentions"] == 2
