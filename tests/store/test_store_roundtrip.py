"""Property: whatever article and mentions are written, the same come back."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tidings
from tidings.ingest.neardup import MinHasher
from tidings.ingest.records import Prepared
from tidings.model import (
    Actor,
    Article,
    Attribution,
    EventMention,
    EventType,
    Granularity,
    Place,
    Span,
    Status,
    TimeRef,
)
from tidings.serialize import mention_to_dict

HASHER = MinHasher()
# Any Unicode but NUL, which no checked article holds (and PostgreSQL text cannot store).
TEXT = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=["Cs"]))
SHORT = st.one_of(st.none(), TEXT.map(lambda s: s[:40]))
CODE = st.one_of(st.none(), st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3))


@st.composite
def spans(draw: st.DrawFn, text: str) -> Span:
    start = draw(st.integers(0, len(text)))
    return Span(start, draw(st.integers(start, len(text))))


@st.composite
def actors(draw: st.DrawFn, text: str) -> Actor:
    return Actor(
        text=draw(TEXT.map(lambda s: s[:30])),
        span=draw(st.one_of(st.none(), spans(text))),
        country=draw(CODE),
        sector=draw(st.sampled_from([None, "GOV", "MIL", "CVL"])),
        name=draw(SHORT),
        role=draw(SHORT),
        igo=draw(st.sampled_from([None, "NATO", "UN"])),
    )


@st.composite
def mentions(draw: st.DrawFn, text: str, published: dt.date | None) -> EventMention:
    day = draw(st.dates(dt.date(1990, 1, 1), dt.date(2090, 12, 31)))
    iso = day.isocalendar()
    time = draw(
        st.sampled_from(
            [
                None,
                TimeRef("today", None, day.isoformat(), Granularity.DAY),
                TimeRef("that month", None, day.strftime("%Y-%m"), Granularity.MONTH),
                TimeRef("that week", None, "{}-W{:02d}".format(*iso[:2]), Granularity.WEEK),
                TimeRef("that year", None, str(day.year), Granularity.YEAR),
                TimeRef("in May", None, "XXXX-05", Granularity.MONTH, resolved=False),
            ]
        )
    )
    return EventMention(
        event_type=draw(st.sampled_from(EventType)),
        coded_as=draw(st.sampled_from(EventType)),
        cameo=draw(st.text("0123456789", min_size=2, max_size=4)),
        status=draw(st.sampled_from(Status)),
        actors=tuple(draw(st.lists(actors(text), max_size=3))),
        recipients=tuple(draw(st.lists(actors(text), max_size=2))),
        evidence=tuple(draw(st.lists(spans(text), min_size=1, max_size=3))),
        trigger=draw(spans(text)),
        confidence=draw(st.floats(0, 1)),
        mode=draw(st.sampled_from([None, "military"])),
        context=tuple(draw(st.lists(st.sampled_from(["economic", "political"]), max_size=2))),
        place=draw(
            st.one_of(
                st.none(),
                st.builds(
                    Place,
                    name=TEXT.map(lambda s: s[:30]),
                    span=st.one_of(st.none(), spans(text)),
                    country=CODE,
                    lat=st.one_of(st.none(), st.floats(-90, 90)),
                    lon=st.one_of(st.none(), st.floats(-180, 180)),
                ),
            )
        ),
        time=time,
        attribution=draw(
            st.one_of(
                st.none(),
                st.builds(
                    Attribution,
                    source=st.one_of(st.none(), actors(text)),
                    source_text=SHORT,
                    outlet=SHORT,
                    cue=st.sampled_from([None, "said"]),
                ),
            )
        ),
    )


@st.composite
def prepared(draw: st.DrawFn) -> Prepared:
    text = draw(TEXT.filter(str.strip))
    published = draw(st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))))
    article = Article(
        text=text,
        title=draw(SHORT),
        published=published,
        outlet=draw(SHORT),
        url=draw(SHORT),
        author=draw(SHORT),
    )
    events = tuple(draw(st.lists(mentions(text, published), max_size=4)))
    return Prepared(
        key=f"test:{article.content_hash}",
        origin="hypothesis",
        article=article,
        events=events,
        signature=HASHER.signature(text),
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(item=prepared())
def test_store_round_trip(db_url: str, item: Prepared) -> None:
    with tidings.open(db_url) as store:
        outcome = store.write(item)
        (article,) = [
            a for a in store.articles(limit=None, with_text=True) if a.id == outcome.article_id
        ]
        events = [e for e in store.events(limit=None) if e.article_id == outcome.article_id]
    if not outcome.added:  # hypothesis drew a text it had drawn before
        assert article.text == item.article.text
        return
    written = item.article
    assert (article.text, article.title, article.published) == (
        written.text,
        written.title,
        written.published,
    )
    assert (article.outlet, article.url, article.author) == (
        written.outlet,
        written.url,
        written.author,
    )
    assert article.content_hash == written.content_hash and article.events == len(item.events)
    stored = sorted(events, key=lambda e: e.id)
    assert [e.mention for e in stored] == [mention_to_dict(m, written.text) for m in item.events]
    assert [(e.event_type, e.status, e.cameo) for e in stored] == [
        (m.event_type, m.status, m.cameo) for m in item.events
    ]
    for event in stored:
        if event.date_from is not None:
            assert event.date_to is not None and event.date_from <= event.date_to
