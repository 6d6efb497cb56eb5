"""Linking in the store: incremental merging on ingest, timelines, sources, relink, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

import tidings
from tidings.api import Pipeline
from tidings.cli import main
from tidings.link import word_overlap
from tidings.model import EventType, Status
from tidings.store import Store
from tidings.store.tables import event_mentions, event_timeline, events

MET = (
    "Russian and Ukrainian negotiators met in Istanbul on Wednesday for the first direct "
    "peace talks in months. The meeting at the Dolmabahce palace lasted two hours."
)
ROWS = [
    ("ndtv.com", "2025-08-20", "Russia proposes Istanbul talks",
     "Russia proposed holding peace talks with Ukraine in Istanbul, the Kremlin said on "
     "Wednesday. Ukrainian officials have not yet responded to the offer."),
    ("reuters.com", "2025-08-24", "Russia strikes Kharkiv",
     "Russian forces struck Kharkiv with missiles on Sunday, killing four civilians, the "
     "regional governor said."),
    ("reuters.com", "2025-08-29", "Istanbul to host talks",
     "Russian and Ukrainian delegations will meet in Istanbul on September 3. Turkey will "
     "host the talks at the Dolmabahce palace."),
    ("bbc.co.uk", "2025-09-03", "Russia and Ukraine meet in Istanbul", MET),
    ("yahoo.com", "2025-09-03", "Russia and Ukraine meet in Istanbul (copy)", MET + " (BBC)"),
]  # fmt: skip


@pytest.fixture
def store(db_url: str, tmp_path: Path, pipeline: Pipeline) -> Store:
    path = tmp_path / "rows.jsonl"
    path.write_text(
        "".join(
            json.dumps({"outlet": o, "published": p, "title": t, "text": x}) + "\n"
            for o, p, t, x in ROWS
        )
    )
    opened = tidings.open(db_url)
    opened.similarity = word_overlap  # fast and the same on every machine
    opened.ingest([path], pipeline=pipeline)
    return opened


def _meeting(store: Store) -> tidings.store.event_queries.LinkedEvent:
    (meeting,) = store.linked_events(type="CONSULT", place="Istanbul")
    return store.event(meeting.id)


def test_mentions_merge_into_one_event_with_timeline_and_sources(store: Store) -> None:
    meeting = _meeting(store)
    assert meeting.event_type is EventType.CONSULT
    assert meeting.status is Status.OCCURRED and not meeting.disputed
    assert {"RUS", "UKR"} <= set(meeting.parties)
    steps = meeting.timeline
    assert steps[0].status is Status.PROPOSED and steps[0].outlet == "ndtv.com"
    assert [s.current for s in steps if s.change][-1] is Status.OCCURRED
    assert all(step.evidence for step in steps)
    # ndtv, reuters, bbc; the yahoo copy is a near-duplicate of the BBC article
    assert meeting.outlets == ("bbc.co.uk", "ndtv.com", "reuters.com", "yahoo.com")
    assert meeting.sources == 3
    assert str(meeting.first_report) == "2025-08-20" and str(meeting.latest_report) == "2025-09-03"
    assert [e.id for e in store.linked_events(text="Dolmabahce")] == [meeting.id]
    assert [e.id for e in store.linked_events(outlet="ndtv")] == [meeting.id]
    strikes = store.linked_events(type="ASSAULT")
    assert strikes and all(s.id != meeting.id for s in strikes)


def test_relink_from_scratch_gives_the_same_events(store: Store) -> None:
    def groups() -> set[tuple[int, ...]]:
        return {
            tuple(sorted(step.mention_id for step in store.event(e.id).timeline))
            for e in store.linked_events(limit=None)
        }

    before = groups()
    assert store.relink() == len(before)
    assert groups() == before
    assert _meeting(store).sources == 3


def test_events_command_shows_merged_events_and_one_event(store: Store, db_url: str) -> None:
    if "://" in db_url:
        pytest.skip("the CLI test runs on the SQLite file")
    runner = CliRunner()
    merged = runner.invoke(main, ["events", "--db", db_url, "--format", "jsonl"])
    assert merged.exit_code == 0, merged.output
    records = [json.loads(line) for line in merged.output.splitlines()]
    assert {r["schema"] for r in records} == {"tidings.event/1"}
    raw = runner.invoke(main, ["events", "--mentions", "--db", db_url, "--format", "jsonl"])
    assert len(raw.output.splitlines()) > len(records)
    meeting = _meeting(store)
    shown = runner.invoke(main, ["event", str(meeting.id), "--db", db_url])
    assert shown.exit_code == 0 and "occurred" in shown.output and "ndtv.com" in shown.output
    assert "Istanbul" in shown.output  # an evidence sentence
    missing = runner.invoke(main, ["event", "9999", "--db", db_url])
    assert missing.exit_code == 2 and "no event 9999" in missing.output
    table = runner.invoke(main, ["events", "--db", db_url])
    assert table.exit_code == 0 and f"{len(records)} event(s)" in table.output
    relinked = runner.invoke(main, ["relink", "--db", db_url])
    assert relinked.exit_code == 0, relinked.output


def test_mentions_left_unlinked_are_linked_with_the_next_article(
    store: Store, tmp_path: Path, pipeline: Pipeline
) -> None:
    before = {e.id: e.mentions for e in store.linked_events(limit=None)}
    with store.engine.begin() as connection:  # as if killed between article and linking
        for table in (event_timeline, event_mentions, events):
            connection.execute(sa.delete(table))
    later = tmp_path / "later.jsonl"
    row = {
        "outlet": "apnews.com",
        "published": "2025-09-04",
        "title": "Istanbul talks end",
        "text": "Russian and Ukrainian officials met in Istanbul on Wednesday and agreed to "
        "exchange prisoners of war, Turkish officials said.",
    }
    later.write_text(json.dumps(row) + "\n")
    store.ingest([later], pipeline=pipeline)
    assert sum(e.mentions for e in store.linked_events(limit=None)) > sum(before.values())
    assert _meeting(store).sources == 4
