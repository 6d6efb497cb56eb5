"""RSS and Atom feeds (feedparser): one document per entry.

An entry that carries the full article (``content:encoded``, Atom ``content``)
is used as it is; an entry with only a summary stands for the page its link
points to, which is fetched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from tidings.ingest.dates import loose_date
from tidings.ingest.html import outlet_of
from tidings.ingest.records import DocKind, Document, Failure

__all__ = ["looks_like_feed", "read_feed"]

_FEED_START = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def looks_like_feed(data: bytes) -> bool:
    """True when the first kilobytes hold an RSS, Atom or RDF root element."""
    return _FEED_START.search(data[:4096]) is not None


def read_feed(data: bytes, origin: str, *, min_words: int) -> Iterator[Document | Failure]:
    """The entries of a feed as documents.

    Args:
        data: The feed, as bytes (feedparser reads the XML encoding declaration).
        origin: The feed's path or URL, for the entries' origins.
        min_words: Entry content with at least this many words is the article itself.
    """
    import feedparser

    parsed = feedparser.parse(data)
    entries = list(parsed.entries)
    if not entries:
        problem = parsed.get("bozo_exception")
        yield Failure(
            key=f"feed:{origin}",
            origin=origin,
            reason="bad-feed",
            message=f"no entries in the feed{f' ({problem})' if problem else ''}",
        )
        return
    feed_link = parsed.feed.get("link") or (origin if "://" in origin else None)
    for number, entry in enumerate(entries, 1):
        yield _entry_document(entry, f"{origin}#{number}", feed_link, min_words)


def _entry_document(entry: Any, origin: str, feed_link: str | None, min_words: int) -> Document:
    link = entry.get("link") or None
    published = loose_date(entry.get("published_parsed") or entry.get("updated_parsed"))
    base = Document(
        origin=link or origin,
        kind=DocKind.URL,
        url=link,
        title=entry.get("title") or None,
        published=published,
        outlet=outlet_of(link) or outlet_of(feed_link),
        author=entry.get("author") or None,
    )
    content = _richest(entry)
    if content and _words(content) >= min_words:
        return replace(base, kind=DocKind.HTML, payload=content)
    if link:
        return base
    # No link to follow: the summary is all there is; checks downstream judge it.
    return replace(base, kind=DocKind.HTML, payload=content)


def _richest(entry: Any) -> str:
    texts = [str(c.get("value", "")) for c in entry.get("content", [])]
    texts.append(str(entry.get("summary", "")))
    return max(texts, key=len)


def _words(html: str) -> int:
    return len(_TAG.sub(" ", html).split())
