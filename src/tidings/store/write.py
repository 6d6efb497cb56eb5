"""Writing one prepared article: the article, its mentions, actors, band keys and source.

Everything for one article happens inside the caller's transaction, so a
killed process leaves either all of it or none of it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from tidings import serialize
from tidings.errors import StoreError
from tidings.ingest.neardup import MinHasher, pack, similarity, unpack
from tidings.ingest.records import Failure, Prepared, WriteOutcome
from tidings.model import Actor, EventMention, Granularity, TimeRef
from tidings.quality import ArticleQuality
from tidings.serialize import mention_to_dict
from tidings.store.tables import article_bands, articles, mention_actors, mentions, sources

__all__ = ["mention_dates", "record_failure", "write_prepared"]


def write_prepared(
    connection: Connection, item: Prepared, hasher: MinHasher, threshold: float
) -> WriteOutcome:
    """Store ``item`` unless its text is already stored; link it to a near-duplicate."""
    article = item.article
    existing = connection.execute(
        sa.select(articles.c.id).where(articles.c.content_hash == article.content_hash)
    ).scalar()
    if existing is not None:
        _source(connection, item.key, item.origin, "duplicate", existing)
        return WriteOutcome(existing, added=False)
    original = _near_duplicate(connection, item.signature, hasher, threshold)
    inserted = connection.execute(
        articles.insert().values(
            content_hash=article.content_hash,
            text=article.text,
            title=article.title,
            published=article.published,
            outlet=article.outlet,
            url=article.url,
            author=article.author,
            words=len(article.text.split()),
            event_count=len(item.events),
            ingested_at=dt.datetime.now(dt.UTC),
            near_duplicate=original is not None,
            duplicate_of=original[0] if original else None,
            similarity=original[1] if original else None,
            minhash=pack(item.signature),
            quality=_quality(item.quality, article.text),
        )
    )
    article_id = _new_id(inserted)
    for ordinal, mention in enumerate(item.events):
        _mention(connection, article_id, ordinal, mention, item)
    if original is None:  # only originals are indexed: copies link to the first version
        connection.execute(
            article_bands.insert(),
            [
                {"band": band, "bucket": bucket, "article_id": article_id}
                for band, bucket in hasher.band_keys(item.signature)
            ],
        )
    _source(connection, item.key, item.origin, "stored", article_id)
    return WriteOutcome(
        article_id,
        added=True,
        events=len(item.events),
        duplicate_of=original[0] if original else None,
        similarity=original[1] if original else None,
    )


def record_failure(connection: Connection, failure: Failure) -> None:
    """Store (or update) why a document gave no article."""
    _source(connection, failure.key, failure.origin, "failed", None, failure)


def _near_duplicate(
    connection: Connection, signature: tuple[int, ...], hasher: MinHasher, threshold: float
) -> tuple[int, float] | None:
    keys = hasher.band_keys(signature)
    candidates = connection.execute(
        sa.select(articles.c.id, articles.c.minhash)
        .where(
            articles.c.id.in_(
                sa.select(article_bands.c.article_id).where(
                    sa.tuple_(article_bands.c.band, article_bands.c.bucket).in_(keys)
                )
            )
        )
        .order_by(articles.c.id)
    ).all()
    best: tuple[int, float] | None = None
    for row in candidates:
        score = similarity(signature, unpack(row.minhash))
        if score >= threshold and (best is None or score > best[1]):
            best = (row.id, score)
    return best


def _mention(
    connection: Connection, article_id: int, ordinal: int, mention: EventMention, item: Prepared
) -> None:
    article = item.article
    date_from, date_to = mention_dates(mention.time, article.published)
    attribution = mention.attribution
    inserted = connection.execute(
        mentions.insert().values(
            article_id=article_id,
            ordinal=ordinal,
            event_type=mention.event_type.value,
            coded_as=mention.coded_as.value,
            cameo=mention.cameo,
            status=mention.status.value,
            confidence=mention.confidence,
            place=mention.place.name if mention.place else None,
            place_country=mention.place.country if mention.place else None,
            time_value=mention.time.value if mention.time else None,
            date_from=date_from,
            date_to=date_to,
            source_outlet=attribution.outlet if attribution else None,
            data=mention_to_dict(mention, article.text),
        )
    )
    mention_id = _new_id(inserted)
    parties: list[tuple[str, Actor]] = [("actor", a) for a in mention.actors]
    parties += [("recipient", r) for r in mention.recipients]
    if attribution is not None and attribution.source is not None:
        parties.append(("source", attribution.source))
    if parties:
        connection.execute(
            mention_actors.insert(),
            [
                {
                    "mention_id": mention_id,
                    "position": position,
                    "role": role,
                    "code": actor.code or None,
                    "country": actor.country,
                    "sector": actor.sector,
                    "igo": actor.igo,
                    "name": actor.name,
                    "text": actor.text,
                }
                for position, (role, actor) in enumerate(parties)
            ],
        )


def mention_dates(
    time: TimeRef | None, published: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day an event may fall on."""
    if time is not None and time.resolved:
        try:
            return _period(time.value, time.granularity)
        except ValueError:
            pass  # a value we cannot read as a period: fall back to the publication date
    return published, published


def _period(value: str, granularity: Granularity) -> tuple[dt.date, dt.date]:
    if granularity is Granularity.DAY:
        day = dt.date.fromisoformat(value)
        return day, day
    if granularity is Granularity.WEEK:
        iso_year, week = value.split("-W")
        monday = dt.date.fromisocalendar(int(iso_year), int(week), 1)
        return monday, monday + dt.timedelta(days=6)
    if granularity is Granularity.MONTH:
        year, month = (int(p) for p in value.split("-")[:2])
        first = dt.date(year, month, 1)
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    return dt.date(int(value[:4]), 1, 1), dt.date(int(value[:4]), 12, 31)


def _new_id(result: sa.CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    if key is None:  # pragma: no cover - both dialects report the new key
        raise StoreError("the database did not report the new row's id")
    return int(key[0])


def _source(
    connection: Connection,
    key: str,
    origin: str,
    status: str,
    article_id: int | None,
    failure: Failure | None = None,
) -> None:
    connection.execute(sa.delete(sources).where(sources.c.key == key))
    connection.execute(
        sources.insert().values(
            key=key,
            origin=origin,
            status=status,
            article_id=article_id,
            reason=failure.reason if failure else None,
            message=failure.message if failure else None,
            updated_at=dt.datetime.now(dt.UTC),
        )
    )


def _quality(quality: ArticleQuality | None, text: str) -> dict[str, Any] | None:
    """The article-quality record as JSON-ready data (spans point into the text)."""
    return None if quality is None else serialize.quality_to_dict(quality, text)
