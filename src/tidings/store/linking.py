"""Linked events in the store: incremental linking after each article, and relinking.

The pure linking lives in :mod:`tidings.link`; this module loads stored mentions as
:class:`~tidings.link.LinkMention` records, runs the :class:`~tidings.link.Linker`
and writes events, their members and their status timelines.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from tidings.link import Linker, LinkMention, family, independent_sources, timeline
from tidings.link.compat import SLACK_DAYS, Similarity, window
from tidings.model import EventType, Status
from tidings.store.tables import (
    articles,
    event_mentions,
    event_timeline,
    events,
    mention_actors,
    mentions,
)

__all__ = ["link_pending", "load_mentions", "relink"]


def party_key(country: str | None, igo: str | None, name: str | None, text: str) -> str:
    """An actor as linking compares it: IGO, else country, else name, else its words."""
    return igo or country or (name or text).lower()


def load_mentions(
    connection: Connection, condition: sa.ColumnElement[bool] | None = None
) -> list[LinkMention]:
    """Stored mentions (all, or those matching ``condition``) in linking order."""
    query = (
        sa.select(
            mentions.c.id,
            mentions.c.article_id,
            mentions.c.event_type,
            mentions.c.coded_as,
            mentions.c.cameo,
            mentions.c.status,
            mentions.c.place,
            mentions.c.place_country,
            mentions.c.time_value,
            mentions.c.date_from,
            mentions.c.date_to,
            mentions.c.data,
            articles.c.published,
            articles.c.outlet,
            articles.c.duplicate_of,
        )
        .join(articles, articles.c.id == mentions.c.article_id)
        .order_by(mentions.c.article_id, mentions.c.ordinal)
    )
    if condition is not None:
        query = query.where(condition)
    rows = connection.execute(query).all()
    parties = _parties(connection, [row.id for row in rows])
    return [
        LinkMention(
            mention_id=row.id,
            article_id=row.article_id,
            event_type=EventType(row.event_type),
            coded_as=EventType(row.coded_as),
            cameo=row.cameo,
            status=Status(row.status),
            actors=frozenset(parties[row.id]["actor"]),
            recipients=frozenset(parties[row.id]["recipient"]),
            place=row.place.lower() if row.place else None,
            place_country=row.place_country,
            date_from=row.date_from,
            date_to=row.date_to,
            explicit_time=bool((row.data.get("time") or {}).get("resolved", False)),
            published=row.published,
            outlet=row.outlet,
            duplicate_of=row.duplicate_of,
            evidence=" ".join(e["text"] for e in row.data.get("evidence") or [] if e),
        )
        for row in rows
    ]


def _parties(connection: Connection, ids: Sequence[int]) -> dict[int, dict[str, list[str]]]:
    found: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for start in range(0, len(ids), 500):  # bounded IN lists
        chunk = ids[start : start + 500]
        query = (
            sa.select(mention_actors)
            .where(mention_actors.c.mention_id.in_(chunk), mention_actors.c.role != "source")
            .order_by(mention_actors.c.mention_id, mention_actors.c.position)
        )
        for row in connection.execute(query):
            key = party_key(row.country, row.igo, row.name, row.text)
            found[row.mention_id][row.role].append(key)
    return found


def relink(connection: Connection, similarity: Similarity) -> int:
    """Drop every linked event and link all stored mentions again; return the events."""
    for table in (event_timeline, event_mentions, events):
        connection.execute(sa.delete(table))
    linker = Linker(similarity)
    scores: dict[int, float | None] = {}
    for mention in load_mentions(connection):
        _, scores[mention.mention_id] = linker.add(mention)
    for key in sorted(linker.clusters):
        _write_event(connection, None, linker.clusters[key].members, scores)
    return len(linker.clusters)


def link_pending(connection: Connection, similarity: Similarity) -> set[int]:
    """Link every stored mention not yet in an event; return the events touched.

    After an ingest these are the new article's mentions; after a process was
    killed between an article's transaction and its linking, or in a store made
    before linking existed, the earlier ones come along. Only events whose days
    come near the new mentions' days can take them, so those (with their members)
    seed the linker; the result is the one a relink in the same order gives.
    """
    linked = sa.select(event_mentions.c.mention_id)
    new = load_mentions(connection, mentions.c.id.not_in(linked))
    windows = [w for w in (window(m) for m in new) if w is not None]
    if not new:
        return set()
    condition: sa.ColumnElement[bool] = events.c.family.in_(sorted({family(m).value for m in new}))
    if len(windows) == len(new):
        slack = dt.timedelta(days=SLACK_DAYS + 1)
        first = min(w[0] for w in windows) - slack
        last = max(w[1] for w in windows) + slack
        condition = sa.and_(
            condition,
            sa.or_(events.c.date_from.is_(None), events.c.date_from <= last),
            sa.or_(events.c.date_to.is_(None), events.c.date_to >= first),
        )
    seeds = list(connection.execute(sa.select(events.c.id).where(condition)).scalars())
    membership = _members(connection, seeds)
    linker = Linker(similarity)
    for event_id in sorted(seeds):
        linker.seed(event_id, membership.get(event_id, []))
    scores = dict(
        connection.execute(
            sa.select(event_mentions.c.mention_id, event_mentions.c.score).where(
                event_mentions.c.event_id.in_(seeds)
            )
        ).all()
    )
    touched: dict[int, None] = {}
    for mention in new:
        key, scores[mention.mention_id] = linker.add(mention)
        touched[key] = None
    for key in touched:
        _write_event(
            connection, key if key in membership else None, linker.clusters[key].members, scores
        )
    return set(touched)


def _members(connection: Connection, event_ids: Iterable[int]) -> dict[int, list[LinkMention]]:
    ids = list(event_ids)
    if not ids:
        return {}
    owner = dict(
        connection.execute(
            sa.select(event_mentions.c.mention_id, event_mentions.c.event_id).where(
                event_mentions.c.event_id.in_(ids)
            )
        ).all()
    )
    found: dict[int, list[LinkMention]] = defaultdict(list)
    for mention in load_mentions(connection, mentions.c.id.in_(list(owner))):
        found[owner[mention.mention_id]].append(mention)
    return found


def _write_event(
    connection: Connection,
    event_id: int | None,
    members: Sequence[LinkMention],
    scores: dict[int, float | None],
) -> int:
    """Insert (``event_id`` None) or rewrite one event with its members and timeline."""
    line = timeline(members)
    windows = [w for w in (window(m) for m in members) if w is not None]
    reported = [m.published for m in members if m.published is not None]
    places = sorted({m.place for m in members if m.place})
    values: dict[str, Any] = {
        "family": family(members[0]).value,
        "status": line.status.value,
        "disputed": line.disputed,
        "parties": sorted({p for m in members for p in m.parties}),
        "place": places[0] if places else None,
        "date_from": min((w[0] for w in windows), default=None),
        "date_to": max((w[1] for w in windows), default=None),
        "first_report": min(reported, default=None),
        "latest_report": max(reported, default=None),
        "sources": independent_sources([m.source for m in members]),
        "outlets": sorted({m.outlet for m in members if m.outlet}),
        "mention_count": len(members),
    }
    if event_id is None:
        key = connection.execute(events.insert().values(**values)).inserted_primary_key
        assert key is not None  # both dialects report the new key
        event_id = int(key[0])
    else:
        connection.execute(events.update().where(events.c.id == event_id).values(**values))
        connection.execute(sa.delete(event_mentions).where(event_mentions.c.event_id == event_id))
        connection.execute(sa.delete(event_timeline).where(event_timeline.c.event_id == event_id))
    connection.execute(
        event_mentions.insert(),
        [
            {"mention_id": m.mention_id, "event_id": event_id, "score": scores.get(m.mention_id)}
            for m in members
        ],
    )
    connection.execute(
        event_timeline.insert(),
        [
            {
                "event_id": event_id,
                "position": position,
                "mention_id": step.mention_id,
                "article_id": step.article_id,
                "reported": step.reported,
                "outlet": step.outlet,
                "status": step.status.value,
                "status_after": step.current.value,
                "changed": step.change,
            }
            for position, step in enumerate(line.steps)
        ],
    )
    return event_id
