"""Query functions over the store, shared by the CLI and (later) the HTTP API.

Filters are plain keyword arguments collected into a frozen :class:`Filters`;
results are frozen records with a ``to_dict`` for JSON Lines.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from tidings.api import parse_date
from tidings.errors import BadInputError
from tidings.model import EventType, Status
from tidings.store.tables import articles, event_mentions, mention_actors, mentions

__all__ = [
    "Filters",
    "StoredArticle",
    "StoredEvent",
    "select_article_mentions",
    "select_articles",
    "select_events",
    "stored_article",
]


@dataclass(frozen=True, slots=True)
class Filters:
    """What to look for; every filter given must match.

    Attributes:
        actor: An actor code prefix (``RUS``, ``RUSGOV``) or part of a name (``Putin``),
            as actor, recipient or source.
        event_type: A PLOVER type (``CONSULT``), as the event or as coded.
        status: ``occurred``, ``proposed``...
        place: Part of the venue's name, or its country code.
        since: First day (events: the day the event may fall on; articles: published).
        until: Last day, likewise.
        outlet: Part of the outlet's name (the article's, or the one an event is
            attributed to).
        text: Words that must all occur in the article (full-text search).
        limit: At most this many results, newest first.
        offset: Skip this many results first (pagination).
    """

    actor: str | None = None
    event_type: str | None = None
    status: str | None = None
    place: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    outlet: str | None = None
    text: str | None = None
    limit: int | None = 100
    offset: int = 0

    @classmethod
    def of(
        cls,
        *,
        actor: str | None = None,
        type: str | None = None,  # the keyword mirrors the CLI's --type
        status: str | None = None,
        place: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        outlet: str | None = None,
        text: str | None = None,
        limit: int | None = 100,
        offset: int = 0,
    ) -> Filters:
        """Check and normalise user-given filters.

        Raises:
            BadInputError: an unknown event type or status, a bad date, a limit
                below 1, a negative offset or a NUL character in a text filter.
        """
        if type is not None:
            type = type.upper()
            if type not in EventType.__members__:
                raise BadInputError(
                    f"unknown event type {type!r}; use one of {', '.join(EventType)}"
                )
        if status is not None:
            status = status.lower()
            if status not in {s.value for s in Status}:
                raise BadInputError(
                    f"unknown status {status!r}; use one of {', '.join(s.value for s in Status)}"
                )
        if limit is not None and limit < 1:
            raise BadInputError(f"limit must be at least 1, got {limit}")
        if offset < 0:
            raise BadInputError(f"offset must be 0 or more, got {offset}")
        return cls(
            actor=_clean("actor", actor),
            event_type=type,
            status=status,
            place=_clean("place", place),
            since=parse_date(since),
            until=parse_date(until),
            outlet=_clean("outlet", outlet),
            text=_clean("text", text),
            limit=limit,
            offset=offset,
        )


def _clean(name: str, value: str | None) -> str | None:
    """A text filter without outer blanks; blank means no filter."""
    if value is None:
        return None
    if "\x00" in value:
        raise BadInputError(f"the {name} filter contains a NUL character; remove it")
    return value.strip() or None


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event mention as stored, with where it came from."""

    id: int
    article_id: int
    event_type: EventType
    cameo: str
    status: Status
    confidence: float
    date_from: dt.date | None
    date_to: dt.date | None
    place: str | None
    outlet: str | None
    title: str | None
    url: str | None
    published: dt.date | None
    mention: dict[str, Any]  # the tidings.mention/1 record, spans with their text
    event_id: int | None = None  # the linked event it belongs to (None: not yet linked)

    def to_dict(self) -> dict[str, Any]:
        """The mention record plus its store id, linked event and article."""
        return {
            **self.mention,
            "id": self.id,
            "event_id": self.event_id,
            "article": {
                "id": self.article_id,
                "title": self.title,
                "published": _iso(self.published),
                "outlet": self.outlet,
                "url": self.url,
            },
        }


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as stored (without its text unless asked for)."""

    id: int
    content_hash: str
    title: str | None
    published: dt.date | None
    outlet: str | None
    url: str | None
    author: str | None
    words: int
    events: int
    near_duplicate: bool
    duplicate_of: int | None
    similarity: float | None
    ingested_at: dt.datetime
    quality: Any = None
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        record = {
            "schema": "tidings.article/1",
            "id": self.id,
            "content_hash": self.content_hash,
            "title": self.title,
            "published": _iso(self.published),
            "outlet": self.outlet,
            "url": self.url,
            "author": self.author,
            "words": self.words,
            "events": self.events,
            "near_duplicate": self.near_duplicate,
            "duplicate_of": self.duplicate_of,
            "similarity": self.similarity,
            "ingested_at": self.ingested_at.isoformat(),
            "quality": self.quality,
        }
        if self.text is not None:
            record["text"] = self.text
        return record


def select_events(connection: Connection, filters: Filters) -> list[StoredEvent]:
    """Event mentions matching ``filters``, newest first."""
    query = (
        _mention_query()
        .where(*_event_conditions(filters), *_article_conditions(connection, filters, dated=False))
        .order_by(mentions.c.date_from.desc(), mentions.c.id.desc())
        .limit(filters.limit)
        .offset(filters.offset or None)
    )
    return read_mentions(connection, query)


def _mention_query() -> sa.Select[Any]:
    return (
        sa.select(
            mentions,
            articles.c.title,
            articles.c.outlet,
            articles.c.url,
            articles.c.published,
            event_mentions.c.event_id,
        )
        .join(articles, articles.c.id == mentions.c.article_id)
        .outerjoin(event_mentions, event_mentions.c.mention_id == mentions.c.id)
    )


def select_article_mentions(connection: Connection, article_id: int) -> list[StoredEvent]:
    """Every event mention of one article, in text order."""
    query = _mention_query().where(mentions.c.article_id == article_id).order_by(mentions.c.ordinal)
    return read_mentions(connection, query)


def read_mentions(connection: Connection, query: sa.Select[Any]) -> list[StoredEvent]:
    """Run a query built on the mention columns and read its rows as records."""
    return [
        StoredEvent(
            id=row.id,
            article_id=row.article_id,
            event_type=EventType(row.event_type),
            cameo=row.cameo,
            status=Status(row.status),
            confidence=row.confidence,
            date_from=row.date_from,
            date_to=row.date_to,
            place=row.place,
            outlet=row.outlet,
            title=row.title,
            url=row.url,
            published=row.published,
            mention=row.data,
            event_id=row.event_id,
        )
        for row in connection.execute(query)
    ]


def select_articles(
    connection: Connection, filters: Filters, *, with_text: bool = False
) -> list[StoredArticle]:
    """Articles matching ``filters`` (event filters: having such an event), newest first."""
    conditions = _article_conditions(connection, filters, dated=True)
    event_filters = _event_conditions(filters, dated=False)
    if event_filters:
        conditions.append(sa.exists().where(mentions.c.article_id == articles.c.id, *event_filters))
    columns = [c for c in articles.c if c.name not in ("text", "minhash")]
    if with_text:
        columns.append(articles.c.text)
    query = (
        sa.select(*columns)
        .where(*conditions)
        .order_by(articles.c.published.desc(), articles.c.id.desc())
        .limit(filters.limit)
        .offset(filters.offset or None)
    )
    return [stored_article(row, with_text=with_text) for row in connection.execute(query)]


def stored_article(row: Any, *, with_text: bool) -> StoredArticle:
    """An ``articles`` row (with ``text`` when ``with_text``) as a record."""
    return StoredArticle(
        id=row.id,
        content_hash=row.content_hash,
        title=row.title,
        published=row.published,
        outlet=row.outlet,
        url=row.url,
        author=row.author,
        words=row.words,
        events=row.event_count,
        near_duplicate=bool(row.near_duplicate),
        duplicate_of=row.duplicate_of,
        similarity=row.similarity,
        ingested_at=as_utc(row.ingested_at),
        quality=row.quality,
        text=row.text if with_text else None,
    )


def _event_conditions(filters: Filters, *, dated: bool = True) -> list[sa.ColumnElement[bool]]:
    conditions: list[sa.ColumnElement[bool]] = []
    if filters.event_type:
        conditions.append(
            sa.or_(
                mentions.c.event_type == filters.event_type,
                mentions.c.coded_as == filters.event_type,
            )
        )
    if filters.status:
        conditions.append(mentions.c.status == filters.status)
    if filters.place:
        conditions.append(
            sa.or_(
                _contains(mentions.c.place, filters.place),
                mentions.c.place_country == filters.place.upper(),
            )
        )
    if filters.actor:
        conditions.append(_actor_condition(filters.actor))
    if dated and filters.since:
        conditions.append(mentions.c.date_to >= filters.since)
    if dated and filters.until:
        conditions.append(mentions.c.date_from <= filters.until)
    return conditions


def _actor_condition(actor: str) -> sa.ColumnElement[bool]:
    if actor.isalpha() and actor.isupper():  # a code: RUS, RUSGOV, NATO
        match = sa.or_(
            mention_actors.c.code.startswith(actor, autoescape=True),
            mention_actors.c.igo == actor,
        )
    else:  # part of a name or of the words the text used: "Putin", "kremlin"
        match = sa.or_(
            _contains(mention_actors.c.name, actor), _contains(mention_actors.c.text, actor)
        )
    return sa.exists().where(mention_actors.c.mention_id == mentions.c.id, match)


def _article_conditions(
    connection: Connection, filters: Filters, *, dated: bool
) -> list[sa.ColumnElement[bool]]:
    conditions: list[sa.ColumnElement[bool]] = []
    if filters.outlet:
        outlet = _contains(articles.c.outlet, filters.outlet)
        if not dated:  # events: the outlet an event is attributed to counts too
            outlet = sa.or_(outlet, _contains(mentions.c.source_outlet, filters.outlet))
        conditions.append(outlet)
    if dated and filters.since:
        conditions.append(articles.c.published >= filters.since)
    if dated and filters.until:
        conditions.append(articles.c.published <= filters.until)
    if filters.text:
        conditions.append(_text_match(connection, filters.text))
    return conditions


def _text_match(connection: Connection, words: str) -> sa.ColumnElement[bool]:
    if connection.dialect.name == "sqlite":
        # Every word quoted: user input never reaches FTS5's query syntax.
        terms = " ".join('"' + w.replace('"', '""') + '"' for w in words.split())
        hits = sa.text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :terms")
        return articles.c.id.in_(hits.bindparams(terms=terms).columns(sa.column("rowid")))
    # Literals, not parameters, so the expression is the one the GIN index was built on.
    body = (
        sa.func.coalesce(articles.c.title, sa.literal_column("''"))
        .op("||")(sa.literal_column("' '"))
        .op("||")(articles.c.text)
    )
    document = sa.func.to_tsvector(sa.literal_column("'english'"), body)
    return document.bool_op("@@")(sa.func.plainto_tsquery(sa.literal_column("'english'"), words))


def _contains(column: sa.ColumnElement[Any], value: str) -> sa.ColumnElement[bool]:
    return sa.func.lower(column).contains(value.lower(), autoescape=True)


def as_utc(moment: dt.datetime) -> dt.datetime:
    """A stored moment with its time zone: SQLite drops it, and every write is in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
