"""Typed records passed between ingest stages: sources → documents → prepared articles."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from tidings.model import Article, EventMention

__all__ = [
    "DocKind",
    "Document",
    "Failure",
    "IngestProgress",
    "IngestReport",
    "Prepared",
    "WriteOutcome",
]


class DocKind(StrEnum):
    """What a document's payload holds."""

    TEXT = "text"  # the article text itself (str, or bytes still to decode)
    HTML = "html"  # an HTML page whose body is still to be extracted
    URL = "url"  # nothing yet: ``url`` is fetched first


@dataclass(frozen=True, slots=True)
class Document:
    """One would-be article as a source delivered it, before any checks.

    Metadata given here (from a feed entry, a JSONL row...) wins over what is
    extracted from the page later.
    """

    origin: str  # where it came from, for people: a path, ``path:LINE``, a URL
    kind: DocKind
    payload: str | bytes = b""
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    author: str | None = None
    fixed_key: str | None = None  # set for a page fetched in place of a URL document

    @property
    def key(self) -> str:
        """Identity of this input: re-ingesting the same key skips it.

        A URL document (and the page fetched for it) is keyed by its URL, so nothing
        is fetched twice; others by a hash of their payload and metadata.
        """
        if self.fixed_key is not None:
            return self.fixed_key
        if self.kind is DocKind.URL:
            return f"url:{self.url}"
        digest = hashlib.sha256()
        digest.update(self.kind.value.encode())
        raw = self.payload if isinstance(self.payload, bytes) else self.payload.encode()
        digest.update(hashlib.sha256(raw).digest())
        meta = [self.url, self.title, str(self.published or ""), self.outlet, self.author]
        digest.update(json.dumps(meta).encode())
        return f"sha256:{digest.hexdigest()}"


@dataclass(frozen=True, slots=True)
class Failure:
    """A document (or a whole source) that produced no article, and why.

    ``reason`` is a short tag (``not-english``, ``http-404``, ``bad-row``...) that
    is stored and counted; ``message`` says what happened in words.
    """

    key: str
    origin: str
    reason: str
    message: str


@dataclass(frozen=True, slots=True)
class Prepared:
    """A checked article with its events and near-duplicate signature, ready to store."""

    key: str
    origin: str
    article: Article
    events: tuple[EventMention, ...]
    signature: tuple[int, ...]
    quality: Any = None  # an ArticleQuality where the pipeline provides one


@dataclass(frozen=True, slots=True)
class WriteOutcome:
    """What storing one prepared article did."""

    article_id: int
    added: bool  # False: the same text was already stored (exact duplicate)
    events: int = 0
    duplicate_of: int | None = None  # the original, for a near-duplicate
    similarity: float | None = None


@dataclass(frozen=True, slots=True)
class IngestProgress:
    """Counts so far, passed to the progress callback after each document."""

    documents: int
    added: int
    events: int
    failed: int
    skipped: int
    seconds: float


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest run did.

    Attributes:
        documents: Documents read from the sources (articles, rows, entries).
        added: New articles stored.
        duplicates: Documents whose text was already stored (same content hash).
        near_duplicates: Added articles flagged as near-duplicates of an earlier one.
        skipped: Documents an earlier run already ingested (same source key).
        events: Event mentions stored with the added articles.
        failures: Documents and sources that gave no article, with reasons.
        seconds: Wall-clock time of the run.
    """

    documents: int = 0
    added: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    skipped: int = 0
    events: int = 0
    failures: tuple[Failure, ...] = field(default=())
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def rate(self) -> float:
        """Documents processed (not skipped) per second."""
        processed = self.documents - self.skipped
        return processed / self.seconds if self.seconds > 0 else 0.0

    def reasons(self) -> dict[str, int]:
        """Failure counts by reason, most frequent first."""
        return dict(Counter(f.reason for f in self.failures).most_common())

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "added": self.added,
            "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates,
            "skipped": self.skipped,
            "events": self.events,
            "failed": self.failed,
            "reasons": self.reasons(),
            "seconds": round(self.seconds, 3),
            "rate": round(self.rate, 3),
            "failures": [
                {"origin": f.origin, "reason": f.reason, "message": f.message}
                for f in self.failures
            ],
        }
