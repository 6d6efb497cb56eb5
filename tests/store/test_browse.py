"""Browsing queries (pagination, one article, actors, network, places) on the bundled examples.

Each aggregate is checked against a recount from the raw mention records, so the
SQL and the records cannot drift apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import tidings
from tidings.errors import BadInputError, NotFoundError
from tidings.store import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("browse") / "browse.db"
    with tidings.open(path) as opened:
        report = opened.ingest([EXAMPLES])
        assert report.added == len(list(EXAMPLES.glob("*.txt")))
        yield opened


def test_offset_pages_through_every_listing(store: Store) -> None:
    for listing in (store.events, store.linked_events, store.articles):
        everything = [r.id for r in listing(limit=None)]
        assert len(everything) > 5
        pages = [
            r.id for start in range(0, len(everything), 3) for r in listing(limit=3, offset=start)
        ]
        assert pages == everything
        assert listing(offset=len(everything)) == []
        assert [r.id for r in listing(limit=None, offset=2)] == everything[2:]


def test_negative_offset_is_refused(store: Store) -> None:
    with pytest.raises(BadInputError, match="offset must be 0 or more"):
        store.events(offset=-1)


def test_article_detail_has_text_quality_and_located_mentions(store: Store) -> None:
    for listed in store.articles(limit=None):
        detail = store.article(listed.id)
        text = detail.article.text
        assert text and detail.article.id == listed.id
        assert len(detail.mentions) == listed.events
        assert {m.article_id for m in detail.mentions} <= {listed.id}
        for sentence in detail.article.quality["sentences"]:
            span = sentence["span"]
            assert text[span["start"] : span["end"]] == span["text"]
        for mention in detail.mentions:
            assert mention.event_id is not None  # ingest links every mention
            assert mention.id in {s.mention_id for s in store.event(mention.event_id).timeline}
            for evidence in mention.mention["evidence"]:
                assert text[evidence["start"] : evidence["end"]] == evidence["text"]
        record = detail.to_dict()
        assert record["text"] == text and len(record["mentions"]) == len(detail.mentions)


def test_missing_article_and_event_are_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no article 9999"):
        store.article(9999)
    with pytest.raises(NotFoundError, match="no event 9999"):
        store.event(9999)


def test_article_texts_in_one_query_match_the_details(store: Store) -> None:
    ids = [a.id for a in store.articles()]
    texts = store.article_texts([*ids, ids[0], 9999])  # repeated and unknown ids
    assert sorted(texts) == sorted(ids)
    for article_id, text in texts.items():
        assert text == store.article(article_id).article.text
    assert store.article_texts([]) == {}


def test_timeline_steps_carry_evidence_spans(store: Store) -> None:
    for linked in store.linked_events(limit=None):
        for step in store.event(linked.id).timeline:
            text = store.article(step.article_id).article.text
            assert step.spans and [s.text for s in step.spans] == list(step.evidence)
            for span in step.spans:
                assert text is not None and text[span.start : span.end] == span.text


def _key(actor: dict[str, Any]) -> str:
    return str(actor["igo"] if actor["code"] == "IGO" and actor["igo"] else actor["code"])


def _recount(
    store: Store, **filters: str
) -> tuple[Counter[str], Counter[str], Counter[tuple[str, str, str]]]:
    actors: Counter[str] = Counter()
    recipients: Counter[str] = Counter()
    edges: Counter[tuple[str, str, str]] = Counter()
    for event in store.events(limit=None, **filters):
        record = event.mention
        sources = {_key(a) for a in record["actors"] if a["code"]}
        targets = {_key(r) for r in record["recipients"] if r["code"]}
        actors.update(sources)
        recipients.update(targets)
        edges.update((s, t, record["event_type"]) for s in sources for t in targets if s != t)
    return actors, recipients, edges


def test_actor_counts_match_the_mentions(store: Store) -> None:
    actors, recipients, _ = _recount(store)
    summaries = store.actors(limit=None)
    assert {s.code for s in summaries} == set(actors) | set(recipients)
    for summary in summaries:
        assert (summary.as_actor, summary.as_recipient) == (
            actors[summary.code],
            recipients[summary.code],
        )
    assert [s.mentions for s in summaries] == sorted((s.mentions for s in summaries), reverse=True)
    assert any(s.name for s in summaries)  # the knowledge base names some of them
    assert store.actors(limit=2, offset=1) == summaries[1:3]


def test_actor_filter_lists_who_appears_alongside(store: Store) -> None:
    actors, recipients, _ = _recount(store, type="CONSULT")
    summaries = store.actors(type="CONSULT", limit=None)
    assert summaries and {s.code for s in summaries} == set(actors) | set(recipients)


def test_network_edges_match_the_mentions(store: Store) -> None:
    _, _, edges = _recount(store)
    network = store.network(limit=None)
    assert {(e.source, e.target, e.event_type): e.count for e in network.edges} == dict(edges)
    joined = {code for e in network.edges for code in (e.source, e.target)}
    assert {n.code for n in network.nodes} == joined
    top = store.network(limit=2)
    assert (
        len(top.edges) == 2
        and [e.count for e in top.edges]
        == sorted((e.count for e in network.edges), reverse=True)[:2]
    )
    assert set(network.to_dict()) == {"nodes", "edges"}


def test_places_have_coordinates_and_linked_events(store: Store) -> None:
    expected: Counter[tuple[str, str | None]] = Counter()
    for event in store.events(limit=None):
        if event.place:
            expected[(event.place.lower(), event.mention["place"]["country"])] += 1
    places = store.places(limit=None)
    assert {(p.name.lower(), p.country): p.mentions for p in places} == dict(expected)
    for place in places:
        assert place.events == len(place.event_ids) >= 1
        for event_id in place.event_ids:
            assert store.event(event_id).id == event_id
    located = [p for p in places if p.lat is not None]
    assert located and all(-90 <= p.lat <= 90 and -180 <= p.lon <= 180 for p in located)  # type: ignore[operator]
    assert [p.name for p in store.places(place=places[0].name)] == [places[0].name]


def test_queries_agree_across_databases(db_url: str) -> None:
    """The same answers on SQLite and (when configured) PostgreSQL."""
    with tidings.open(db_url) as store:
        store.ingest(sorted(EXAMPLES.glob("*.txt"))[:4])
        actors, recipients, edges = _recount(store)
        assert {s.code: (s.as_actor, s.as_recipient) for s in store.actors(limit=None)} == {
            code: (actors[code], recipients[code]) for code in set(actors) | set(recipients)
        }
        network = store.network(limit=None)
        assert {(e.source, e.target, e.event_type): e.count for e in network.edges} == dict(edges)
        assert sum(p.mentions for p in store.places(limit=None)) == sum(
            1 for e in store.events(limit=None) if e.place
        )
        first = store.articles(limit=1, offset=1)[0]
        assert store.article(first.id).article.text


@pytest.mark.parametrize("blank", ["", " ", "\t\n"])
def test_blank_text_filters_filter_nothing(store: Store, blank: str) -> None:
    everything = [a.id for a in store.articles(limit=None)]
    assert [a.id for a in store.articles(text=blank, limit=None)] == everything
    assert len(store.linked_events(text=blank, outlet=blank, limit=None)) == len(
        store.linked_events(limit=None)
    )


def test_nul_in_a_filter_is_bad_input(store: Store) -> None:
    with pytest.raises(BadInputError, match="NUL"):
        store.articles(text="cease\x00fire")
    with pytest.raises(BadInputError, match="NUL"):
        store.events(actor="R\x00US")
