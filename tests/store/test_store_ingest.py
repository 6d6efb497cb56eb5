"""Ingest into a real database: every source kind, idempotence, duplicates, failures, queries."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

import tidings
from tidings.api import Pipeline
from tidings.config import Config, load_config
from tidings.errors import BadInputError
from tidings.store import Store

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "ingest" / "fixtures"
EXAMPLES = ROOT / "examples"


def ingest_config() -> Config:
    config = load_config()
    fields = replace(config.fields, text="body", title="headline", published="date", outlet="site")
    return replace(config, fields=fields, ingest=replace(config.ingest, feed_min_words=20))


@pytest.fixture
def store(db_url: str) -> Store:
    return tidings.open(db_url, ingest_config())


def test_every_source_kind_then_nothing_twice(store: Store, pipeline: Pipeline) -> None:
    sources = [
        FIXTURES / "corpus",
        FIXTURES / "article.html",
        FIXTURES / "rows.jsonl.gz",
        FIXTURES / "rows.csv",
        FIXTURES / "atom.xml",
    ]
    first = store.ingest(sources, pipeline=pipeline)
    # corpus: 3 articles + 1 French; html: 1; jsonl: 2 + 2 bad rows; csv: 2; atom: 1
    assert first.documents == 12
    assert first.added == 9 and first.events > 0
    assert first.reasons() == {"bad-row": 2, "not-english": 1}
    assert store.counts() == {"articles": 9, "events": first.events, "failed": 3}
    assert {f.reason for f in store.failures()} == {"bad-row", "not-english"}

    second = store.ingest(sources, pipeline=pipeline)
    assert (second.added, second.skipped, second.events) == (0, 9, 0)
    assert store.counts()["articles"] == 9

    (html,) = [a for a in store.articles() if a.title and "border talks" in a.title]
    assert html.author == "Jane Doe" and str(html.published) == "2025-08-20"
    (row,) = store.articles(outlet="news.example.com")
    assert row.title == "Turkey deploys troops to Libya"


def test_near_duplicates_are_linked_and_exact_copies_counted(
    store: Store, pipeline: Pipeline, tmp_path: Path
) -> None:
    text = (EXAMPLES / "modi-macron-paris.txt").read_text()
    (tmp_path / "1-original.txt").write_text(text)
    (tmp_path / "2-wire-copy.txt").write_text(
        "PARIS (Wire) - " + text + "\nReporting by A. Writer; editing by B. Editor.\n"
    )
    (tmp_path / "3-same-text.txt").write_text(text + "\n")  # same article text once stripped
    shutil.copy(EXAMPLES / "pyongyang-threat.txt", tmp_path / "4-other.txt")

    report = store.ingest([tmp_path], pipeline=pipeline)
    assert (report.added, report.duplicates, report.near_duplicates) == (3, 1, 1)
    by_id = {a.id: a for a in store.articles()}
    copies = [a for a in by_id.values() if a.near_duplicate]
    assert len(copies) == 1
    copy = copies[0]
    assert copy.duplicate_of is not None and copy.similarity is not None
    assert copy.similarity >= 0.8
    assert not by_id[copy.duplicate_of].near_duplicate


def test_queries_filter_events_and_articles(store: Store, pipeline: Pipeline) -> None:
    store.ingest([EXAMPLES], pipeline=pipeline)
    events = store.events(limit=None)
    assert events
    consult = store.events(type="consult")
    assert consult and all("CONSULT" in (e.event_type, e.mention["coded_as"]) for e in consult)
    for status in {e.status.value for e in events}:
        assert {e.status.value for e in store.events(status=status)} == {status}
    coded = [e for e in events if e.mention["actors"] and e.mention["actors"][0]["code"]]
    code = coded[0].mention["actors"][0]["code"][:3]
    for event in store.events(actor=code):
        attribution = event.mention["attribution"] or {}
        parties = event.mention["actors"] + event.mention["recipients"]
        parties += [attribution["source"]] if attribution.get("source") else []
        assert any((p["code"] or "").startswith(code) for p in parties)
    by_name = store.events(actor=coded[0].mention["actors"][0]["text"].lower())
    assert coded[0].id in {e.id for e in by_name}
    placed = next(e for e in events if e.place)
    assert placed.place and placed.id in {e.id for e in store.events(place=placed.place.lower())}
    dated = next(e for e in events if e.date_from)
    assert dated.date_from is not None
    window = store.events(since=dated.date_from, until=dated.date_from)
    assert dated.id in {e.id for e in window}
    assert all(e.date_to is None or e.date_to >= dated.date_from for e in window)
    assert store.events(since="2999-01-01") == []

    found = store.articles(text="Philippine supply boat")
    assert len(found) == 1 and found[0].events > 0
    assert store.articles(text="philippine") == found  # case-insensitive words
    assert store.articles(text='"unbalanced AND (') == []  # query syntax is never interpreted
    with_events = store.articles(type="CONSULT")
    assert with_events and all(a.events > 0 for a in with_events)
    assert store.articles(limit=2, with_text=True)[0].text


@pytest.mark.parametrize(
    "filters",
    [{"type": "MEETING"}, {"status": "happened"}, {"since": "last week"}, {"limit": 0}],
)
def test_bad_filters_are_bad_input(filters: dict[str, object], tmp_path: Path) -> None:
    with tidings.open(tmp_path / "x.db") as store, pytest.raises(BadInputError):
        store.events(**filters)


def test_stdin_source(store: Store, pipeline: Pipeline) -> None:
    import io

    data = (EXAMPLES / "nairobi-protest-arrests.txt").read_bytes()
    report = store.ingest(["-"], stdin=io.BytesIO(data), pipeline=pipeline)
    assert report.added == 1
