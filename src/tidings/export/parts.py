"""Coded articles as Parquet part files, without a store (``tidings code``, issue #8).

A :class:`PartWriter` is an ingest Sink: the ingest loop hands it prepared
articles and failures as it would hand them to the store, and it writes them in
part files of ``articles_per_part`` articles under one output folder::

    DIR/articles/part-00000.parquet   one row per article (tidings.article/1 fields)
    DIR/mentions/part-00000.parquet   one row per event mention of those articles
    DIR/failures/part-00000.parquet   documents that gave no article, with reasons

Mention rows have the columns of ``tidings export --format parquet`` (the GDELT
2.0 event table, typed) followed by tidings' own: the article's content hash, the
mention's ordinal, type, status, confidence and time, and the whole
``tidings.mention/1`` record as JSON. With no store there are no database ids:
``GLOBALEVENTID`` is a stable 60-bit number from the content hash and ordinal, so
the same article gets the same ids in every run and on every worker. Each part is
written to a temporary name and renamed, so an interrupted run leaves only whole
parts. Exact duplicates (same text) within a run are written once; near-duplicates
are not looked for (that needs a store).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings import serialize
from tidings.errors import BadInputError
from tidings.export import GDELT_COLUMNS, arrow_field, gdelt_row
from tidings.ingest.records import Failure, Prepared, WriteOutcome
from tidings.model import EventMention
from tidings.store.queries import StoredEvent
from tidings.store.write import mention_dates

__all__ = ["PART_FOLDERS", "PartWriter", "stable_id"]

#: The output folder's sub-folders, one table each.
PART_FOLDERS = ("articles", "mentions", "failures")

_MENTION_EXTRA = (
    ("content_hash", "string"),
    ("ordinal", "int64"),
    ("event_type", "string"),
    ("coded_as", "string"),
    ("status", "string"),
    ("confidence", "float64"),
    ("time_value", "string"),
    ("origin", "string"),
    ("mention", "string"),
)
_ARTICLE_COLUMNS = (
    ("content_hash", "string"),
    ("source_key", "string"),
    ("origin", "string"),
    ("title", "string"),
    ("published", "date32"),
    ("outlet", "string"),
    ("url", "string"),
    ("author", "string"),
    ("words", "int64"),
    ("events", "int64"),
    ("fact_share", "float64"),
    ("quality", "string"),
)
_FAILURE_COLUMNS = (
    ("source_key", "string"),
    ("origin", "string"),
    ("reason", "string"),
    ("message", "string"),
)


def stable_id(*parts: object) -> int:
    """A positive 60-bit integer id from its parts (the same on every machine)."""
    text = "\x1f".join(str(p) for p in parts)
    return int(hashlib.sha256(text.encode()).hexdigest()[:15], 16)


@dataclass(slots=True)
class _Buffer:
    articles: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    failures: list[dict[str, Any]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.articles) + len(self.failures)


class PartWriter:
    """Writes prepared articles, their mentions and failures as Parquet parts.

    Use as a context manager (the last part is written on exit, also after an
    error, so every article handed over is kept). Implements the ingest Sink.

    Raises:
        BadInputError: ``out`` is a file or already holds parts, or pyarrow is missing.
    """

    def __init__(self, out: str | os.PathLike[str], *, articles_per_part: int = 1000) -> None:
        if articles_per_part < 1:
            raise BadInputError(f"articles per part must be at least 1, got {articles_per_part}")
        self._pa, self._pq = _pyarrow()
        self.out = Path(out)
        _check_out(self.out)
        self._per_part = articles_per_part
        self._buffer = _Buffer()
        self._hashes: set[str] = set()
        self.parts = 0

    def __enter__(self) -> PartWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Write what is buffered as the last part."""
        if len(self._buffer):
            self._flush()

    # The ingest Sink protocol.

    def known(self, key: str) -> bool:
        """Nothing is known before the run: there is no store to remember earlier runs."""
        return False

    def write(self, item: Prepared) -> WriteOutcome:
        article = item.article
        article_id = stable_id(article.content_hash)
        if article.content_hash in self._hashes:
            return WriteOutcome(article_id, added=False)
        self._hashes.add(article.content_hash)
        self._buffer.articles.append(_article_row(item))
        self._buffer.mentions.extend(
            _mention_row(item, article_id, ordinal, mention)
            for ordinal, mention in enumerate(item.events)
        )
        if len(self._buffer) >= self._per_part:
            self._flush()
        return WriteOutcome(article_id, added=True, events=len(item.events))

    def record_failure(self, failure: Failure) -> None:
        self._buffer.failures.append(
            {
                "source_key": failure.key,
                "origin": failure.origin,
                "reason": failure.reason,
                "message": failure.message,
            }
        )
        if len(self._buffer) >= self._per_part:
            self._flush()

    def _flush(self) -> None:
        buffer, self._buffer = self._buffer, _Buffer()
        name = f"part-{self.parts:05d}.parquet"
        mention_columns = [(c, "") for c in GDELT_COLUMNS] + list(_MENTION_EXTRA)
        self._table("articles", name, buffer.articles, _ARTICLE_COLUMNS)
        self._table("mentions", name, buffer.mentions, mention_columns)
        if buffer.failures:
            self._table("failures", name, buffer.failures, _FAILURE_COLUMNS)
        self.parts += 1

    def _table(
        self,
        folder: str,
        name: str,
        rows: list[dict[str, Any]],
        columns: list[tuple[str, str]] | tuple[tuple[str, str], ...],
    ) -> None:
        pa = self._pa
        fields = [
            arrow_field(pa, column) if not kind else pa.field(column, getattr(pa, kind)())
            for column, kind in columns
        ]
        data = {f.name: [row[f.name] for row in rows] for f in fields}
        table = pa.table(data, schema=pa.schema(fields))
        target = self.out / folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{name}.tmp")
        self._pq.write_table(table, temporary)
        os.replace(temporary, target)  # readers never see half a part


def _article_row(item: Prepared) -> dict[str, Any]:
    article, quality = item.article, item.quality
    return {
        "content_hash": article.content_hash,
        "source_key": item.key,
        "origin": item.origin,
        "title": article.title,
        "published": article.published,
        "outlet": article.outlet,
        "url": article.url,
        "author": article.author,
        "words": len(article.text.split()),
        "events": len(item.events),
        "fact_share": getattr(quality, "fact_share", None),
        "quality": _json(serialize.quality_to_dict(quality, article.text)) if quality else None,
    }


def _mention_row(
    item: Prepared, article_id: int, ordinal: int, mention: EventMention
) -> dict[str, Any]:
    article = item.article
    date_from, date_to = mention_dates(mention.time, article.published)
    record = serialize.mention_to_dict(mention, article.text)
    event = StoredEvent(
        id=stable_id(article.content_hash, ordinal),
        article_id=article_id,
        event_type=mention.event_type,
        cameo=mention.cameo,
        status=mention.status,
        confidence=mention.confidence,
        date_from=date_from,
        date_to=date_to,
        place=mention.place.name if mention.place else None,
        outlet=article.outlet,
        title=article.title,
        url=article.url,
        published=article.published,
        mention=record,
    )
    return {
        **gdelt_row(event),
        "content_hash": article.content_hash,
        "ordinal": ordinal,
        "event_type": mention.event_type.value,
        "coded_as": mention.coded_as.value,
        "status": mention.status.value,
        "confidence": mention.confidence,
        "time_value": mention.time.value if mention.time else None,
        "origin": item.origin,
        "mention": _json(record),
    }


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise BadInputError(f"--out {out} is a file; give a folder (it is created if missing)")
    for folder in PART_FOLDERS:
        if any((out / folder).glob("part-*.parquet")):
            raise BadInputError(
                f"{out} already holds coded parts ({out / folder}); give a new or empty "
                "folder, so that two runs never mix"
            )


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise BadInputError(
            "Parquet output needs pyarrow: pip install 'tidings[scale]' (or 'tidings[parquet]')"
        ) from None
    return pa, pq
