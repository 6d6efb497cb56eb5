"""Query functions over linked events (one record per real-world event)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from tidings.errors import NotFoundError
from tidings.model import EventType, Status
from tidings.store.queries import Filters, _contains, _event_conditions, _text_match
from tidings.store.tables import (
    articles,
    event_mentions,
    event_timeline,
    events,
    mentions,
)

__all__ = ["EvidenceSpan", "LinkedEvent", "TimelineStep", "select_event", "select_linked_events"]


@dataclass(frozen=True, slots=True)
class EvidenceSpan:
    """A stretch of an article's text: ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class TimelineStep:
    """One report on an event's timeline, with its evidence."""

    reported: dt.date | None
    status: Status
    current: Status
    change: bool
    outlet: str | None
    article_id: int
    mention_id: int
    title: str | None
    url: str | None
    spans: tuple[EvidenceSpan, ...]  # the evidence, located in the article's text

    @property
    def evidence(self) -> tuple[str, ...]:
        """The evidence sentences' texts."""
        return tuple(span.text for span in self.spans)

    def to_dict(self) -> dict[str, Any]:
        return {
            "reported": self.reported.isoformat() if self.reported else None,
            "status": self.status.value,
            "current": self.current.value,
            "change": self.change,
            "outlet": self.outlet,
            "article": {"id": self.article_id, "title": self.title, "url": self.url},
            "mention_id": self.mention_id,
            "evidence": list(self.evidence),
            "spans": [span.to_dict() for span in self.spans],
        }


@dataclass(frozen=True, slots=True)
class LinkedEvent:
    """A real-world event: its merged mentions, sources and current status."""

    id: int
    event_type: EventType
    status: Status
    disputed: bool
    parties: tuple[str, ...]
    place: str | None
    date_from: dt.date | None
    date_to: dt.date | None
    first_report: dt.date | None
    latest_report: dt.date | None
    sources: int
    outlets: tuple[str, ...]
    mentions: int
    timeline: tuple[TimelineStep, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "schema": "tidings.event/1",
            "id": self.id,
            "event_type": self.event_type.value,
            "status": self.status.value,
            "disputed": self.disputed,
            "parties": list(self.parties),
            "place": self.place,
            "date_from": _iso(self.date_from),
            "date_to": _iso(self.date_to),
            "first_report": _iso(self.first_report),
            "latest_report": _iso(self.latest_report),
            "sources": self.sources,
            "outlets": list(self.outlets),
            "mentions": self.mentions,
        }
        if self.timeline:
            record["timeline"] = [step.to_dict() for step in self.timeline]
        return record


def select_linked_events(connection: Connection, filters: Filters) -> list[LinkedEvent]:
    """Events with at least one member mention matching ``filters``, latest report first."""
    member = sa.select(event_mentions.c.event_id).join(
        mentions, mentions.c.id == event_mentions.c.mention_id
    )
    # Type, place and actor select member mentions; status and dates are the event's own.
    conditions = _event_conditions(replace(filters, status=None), dated=False)
    if filters.outlet or filters.text:
        member = member.join(articles, articles.c.id == mentions.c.article_id)
    if filters.outlet:
        conditions.append(_contains(articles.c.outlet, filters.outlet))
    if filters.text:
        conditions.append(_text_match(connection, filters.text))
    query = sa.select(events)
    if conditions:
        query = query.where(events.c.id.in_(member.where(*conditions)))
    if filters.status:
        query = query.where(events.c.status == filters.status)
    if filters.since:
        query = query.where(events.c.date_to >= filters.since)
    if filters.until:
        query = query.where(events.c.date_from <= filters.until)
    query = (
        query.order_by(events.c.latest_report.desc(), events.c.id.desc())
        .limit(filters.limit)
        .offset(filters.offset or None)
    )
    return [_event(row) for row in connection.execute(query)]


def select_event(connection: Connection, event_id: int) -> LinkedEvent:
    """One event with its timeline and evidence.

    Raises:
        NotFoundError: no event has this id.
    """
    row = connection.execute(sa.select(events).where(events.c.id == event_id)).first()
    if row is None:
        raise NotFoundError(
            f"no event {event_id}; list them with `tidings events` (or run `tidings relink`)"
        )
    query = (
        sa.select(event_timeline, articles.c.title, articles.c.url, mentions.c.data)
        .join(mentions, mentions.c.id == event_timeline.c.mention_id)
        .join(articles, articles.c.id == event_timeline.c.article_id)
        .where(event_timeline.c.event_id == event_id)
        .order_by(event_timeline.c.position)
    )
    steps = tuple(
        TimelineStep(
            reported=step.reported,
            status=Status(step.status),
            current=Status(step.status_after),
            change=bool(step.changed),
            outlet=step.outlet,
            article_id=step.article_id,
            mention_id=step.mention_id,
            title=step.title,
            url=step.url,
            spans=tuple(
                EvidenceSpan(e["start"], e["end"], e["text"])
                for e in step.data.get("evidence") or []
                if e
            ),
        )
        for step in connection.execute(query)
    )
    return _event(row, steps)


def _event(row: Any, steps: tuple[TimelineStep, ...] = ()) -> LinkedEvent:
    return LinkedEvent(
        id=row.id,
        event_type=EventType(row.family),
        status=Status(row.status),
        disputed=bool(row.disputed),
        parties=tuple(row.parties),
        place=row.place,
        date_from=row.date_from,
        date_to=row.date_to,
        first_report=row.first_report,
        latest_report=row.latest_report,
        sources=row.sources,
        outlets=tuple(row.outlets),
        mentions=row.mention_count,
        timeline=steps,
    )


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
