"""Query functions for browsing the store: one article, actors, who meets whom, places.

The HTTP API and the dashboard call these (through :class:`~tidings.store.Store`);
every filter is a :class:`~tidings.store.queries.Filters`, matched against event
mentions the way :meth:`Store.events` matches them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from tidings.errors import NotFoundError
from tidings.store.event_queries import LinkedEvent, select_linked_events
from tidings.store.queries import (
    Filters,
    StoredArticle,
    StoredEvent,
    _article_conditions,
    _event_conditions,
    select_article_mentions,
    select_articles,
    stored_article,
)
from tidings.store.tables import articles, event_mentions, mention_actors, mentions

_T = TypeVar("_T")

__all__ = [
    "ActorSummary",
    "ArticleDetail",
    "Edge",
    "Network",
    "PlaceSummary",
    "SearchResults",
    "search",
    "select_actors",
    "select_article",
    "select_article_texts",
    "select_network",
    "select_places",
]


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    """One stored article with its text, quality record and event mentions.

    ``article.quality`` (schema ``tidings.quality/1``) labels every sentence with a
    role and a span; each mention's evidence spans (``mention["evidence"]``) are
    offsets into ``article.text`` too.
    """

    article: StoredArticle
    mentions: tuple[StoredEvent, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**self.article.to_dict(), "mentions": [m.to_dict() for m in self.mentions]}


@dataclass(frozen=True, slots=True)
class ActorSummary:
    """A coded actor and how many event mentions name it, by role.

    ``code`` is the CAMEO actor code (``RUSGOV``); an international organisation
    coded only as ``IGO`` is listed under its own name (``NATO``, ``UN``).
    """

    code: str
    name: str | None  # the name the knowledge base gives it most often, if any
    as_actor: int
    as_recipient: int

    @property
    def mentions(self) -> int:
        return self.as_actor + self.as_recipient

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "as_actor": self.as_actor,
            "as_recipient": self.as_recipient,
            "mentions": self.mentions,
        }


@dataclass(frozen=True, slots=True)
class Edge:
    """``count`` event mentions of ``event_type`` with ``source`` acting on ``target``."""

    source: str
    target: str
    event_type: str
    count: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "event_type": self.event_type,
            "count": self.count,
        }


@dataclass(frozen=True, slots=True)
class Network:
    """Who interacts with whom, by event type: actors as nodes, typed edges."""

    nodes: tuple[ActorSummary, ...]
    edges: tuple[Edge, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": [n.to_dict() for n in self.nodes],
            "edges": [e.to_dict() for e in self.edges],
        }


@dataclass(frozen=True, slots=True)
class PlaceSummary:
    """A venue, where it lies, and the events that happened (or may happen) there."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    mentions: int
    event_ids: tuple[int, ...]  # linked events, ascending

    @property
    def events(self) -> int:
        return len(self.event_ids)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "mentions": self.mentions,
            "events": self.events,
            "event_ids": list(self.event_ids),
        }


@dataclass(frozen=True, slots=True)
class SearchResults:
    """What one search box query finds: events, articles and actors."""

    query: str
    events: tuple[LinkedEvent, ...]
    articles: tuple[StoredArticle, ...]
    actors: tuple[ActorSummary, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "events": [e.to_dict() for e in self.events],
            "articles": [a.to_dict() for a in self.articles],
            "actors": [a.to_dict() for a in self.actors],
        }


def search(connection: Connection, query: str, limit: int) -> SearchResults:
    """Events and articles whose text has every word of ``query`` (full-text search),
    and actors whose code starts with it or whose name contains it. A query of
    blanks finds nothing.
    """
    words = query.strip()
    if not words:
        return SearchResults(query=words, events=(), articles=(), actors=())
    by_text = Filters(text=words, limit=limit)
    needle = words.lower()
    actors = [
        a
        for a in select_actors(connection, Filters(limit=None))
        if a.code.lower().startswith(needle) or (a.name and needle in a.name.lower())
    ]
    return SearchResults(
        query=words,
        events=tuple(select_linked_events(connection, by_text)),
        articles=tuple(select_articles(connection, by_text)),
        actors=tuple(actors[:limit]),
    )


def select_article(connection: Connection, article_id: int) -> ArticleDetail:
    """One article with its text, quality and event mentions.

    Raises:
        NotFoundError: no article has this id.
    """
    columns = [c for c in articles.c if c.name != "minhash"]
    row = connection.execute(sa.select(*columns).where(articles.c.id == article_id)).first()
    if row is None:
        raise NotFoundError(f"no article {article_id}; list them with `tidings articles`")
    article = stored_article(row, with_text=True)
    return ArticleDetail(article, tuple(select_article_mentions(connection, article_id)))


def select_article_texts(connection: Connection, article_ids: Iterable[int]) -> dict[int, str]:
    """The texts of several articles in one query (ids without an article are absent)."""
    wanted = sorted(set(article_ids))
    if not wanted:
        return {}
    query = sa.select(articles.c.id, articles.c.text).where(articles.c.id.in_(wanted))
    return {row.id: row.text for row in connection.execute(query)}


def _matching_mentions(connection: Connection, filters: Filters) -> sa.Select[Any]:
    """The ids of the mentions ``filters`` select (limit and offset not applied)."""
    return (
        sa.select(mentions.c.id)
        .join(articles, articles.c.id == mentions.c.article_id)
        .where(*_event_conditions(filters), *_article_conditions(connection, filters, dated=False))
    )


def select_actors(connection: Connection, filters: Filters) -> list[ActorSummary]:
    """Coded actors of the matching mentions, most mentioned first."""
    matching = _matching_mentions(connection, filters)
    code = _actor_key(mention_actors)
    query = (
        sa.select(
            code.label("code"),
            mention_actors.c.role,
            mention_actors.c.name,
            sa.func.count(sa.distinct(mention_actors.c.mention_id)).label("n"),
        )
        .where(
            mention_actors.c.mention_id.in_(matching),
            mention_actors.c.code.is_not(None),
            mention_actors.c.role.in_(("actor", "recipient")),
        )
        .group_by(code, mention_actors.c.role, mention_actors.c.name)
    )
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for row in connection.execute(query):
        roles[row.code][row.role] += row.n
        if row.name:
            names[row.code][row.name] += row.n
    summaries = [
        ActorSummary(
            code=code,
            name=_most_common(names.get(code)),
            as_actor=counts["actor"],
            as_recipient=counts["recipient"],
        )
        for code, counts in roles.items()
    ]
    summaries.sort(key=lambda s: (-s.mentions, s.code))
    return _page(summaries, filters)


def select_network(connection: Connection, filters: Filters) -> Network:
    """Actor-to-recipient edges by event type among the matching mentions.

    ``filters.limit`` bounds the edges (the heaviest are kept); the nodes are the
    actors those edges join, with their counts over all matching mentions.
    """
    source = mention_actors.alias("source")
    target = mention_actors.alias("target")
    matching = _matching_mentions(connection, filters)
    count = sa.func.count(sa.distinct(mentions.c.id)).label("n")
    source_code, target_code = _actor_key(source), _actor_key(target)
    query = (
        sa.select(
            source_code.label("source"),
            target_code.label("target"),
            mentions.c.event_type,
            count,
        )
        .join(source, source.c.mention_id == mentions.c.id)
        .join(target, target.c.mention_id == mentions.c.id)
        .where(
            mentions.c.id.in_(matching),
            source.c.role == "actor",
            target.c.role == "recipient",
            source.c.code.is_not(None),
            target.c.code.is_not(None),
            source_code != target_code,
        )
        .group_by(source_code, target_code, mentions.c.event_type)
        .order_by(count.desc(), source_code, target_code, mentions.c.event_type)
        .limit(filters.limit)
        .offset(filters.offset or None)
    )
    edges = tuple(
        Edge(row.source, row.target, row.event_type, row.n) for row in connection.execute(query)
    )
    joined = {code for edge in edges for code in (edge.source, edge.target)}
    everyone = select_actors(connection, replace(filters, limit=None, offset=0))
    return Network(tuple(a for a in everyone if a.code in joined), edges)


def select_places(connection: Connection, filters: Filters) -> list[PlaceSummary]:
    """Venues of the matching mentions with their coordinates, busiest first."""
    matching = _matching_mentions(connection, filters)
    query = (
        sa.select(
            mentions.c.place,
            mentions.c.place_country,
            mentions.c.data["place"]["lat"].as_float().label("lat"),
            mentions.c.data["place"]["lon"].as_float().label("lon"),
            event_mentions.c.event_id,
        )
        .outerjoin(event_mentions, event_mentions.c.mention_id == mentions.c.id)
        .where(mentions.c.id.in_(matching), mentions.c.place.is_not(None))
        .order_by(mentions.c.id)
    )
    found: dict[tuple[str, str | None], _PlaceTally] = {}
    for row in connection.execute(query):
        key = (row.place.lower(), row.place_country)
        tally = found.setdefault(key, _PlaceTally(row.place))
        tally.mentions += 1
        if row.event_id is not None:
            tally.events.add(row.event_id)
        if tally.lat is None and row.lat is not None and row.lon is not None:
            tally.lat, tally.lon = row.lat, row.lon
    places = [
        PlaceSummary(
            name=tally.name,
            country=country,
            lat=tally.lat,
            lon=tally.lon,
            mentions=tally.mentions,
            event_ids=tuple(sorted(tally.events)),
        )
        for (_, country), tally in found.items()
    ]
    places.sort(key=lambda p: (-p.mentions, p.name.lower(), p.country or ""))
    return _page(places, filters)


class _PlaceTally:
    """Counts for one venue while its mentions are read."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.mentions = 0
        self.events: set[int] = set()
        self.lat: float | None = None
        self.lon: float | None = None


def _actor_key(table: sa.FromClause) -> sa.ColumnElement[str]:
    """The actor's code, or its organisation's name where the code is just ``IGO``."""
    return sa.case(
        (sa.and_(table.c.code == "IGO", table.c.igo.is_not(None)), table.c.igo),
        else_=table.c.code,
    )


def _most_common(counts: Counter[str] | None) -> str | None:
    if not counts:
        return None
    return min(counts, key=lambda name: (-counts[name], name))


def _page(items: list[_T], filters: Filters) -> list[_T]:
    end = None if filters.limit is None else filters.offset + filters.limit
    return items[filters.offset : end]
