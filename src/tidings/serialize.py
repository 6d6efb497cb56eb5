"""Records as JSON-ready dictionaries (schema ``tidings.mention/1``).

Spans become ``{"start", "end", "text"}`` so evidence can be shown without the
article at hand.
"""

from __future__ import annotations

from typing import Any

from tidings.api import Result
from tidings.model import Actor, Attribution, EventMention, Place, Span, TimeRef
from tidings.quality import ArticleQuality

__all__ = ["QUALITY_SCHEMA", "SCHEMA", "mention_to_dict", "quality_to_dict", "result_to_dict"]

SCHEMA = "tidings.mention/1"
QUALITY_SCHEMA = "tidings.quality/1"


def _span(span: Span | None, text: str) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.of(text)}


def _actor(actor: Actor, text: str) -> dict[str, Any]:
    return {
        "text": actor.text,
        "code": actor.code or None,
        "country": actor.country,
        "sector": actor.sector,
        "igo": actor.igo,
        "name": actor.name,
        "role": actor.role,
        "span": _span(actor.span, text),
    }


def _place(place: Place | None, text: str) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "name": place.name,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "feature": place.feature,
        "span": _span(place.span, text),
    }


def _time(time: TimeRef | None, text: str) -> dict[str, Any] | None:
    if time is None:
        return None
    return {
        "text": time.text,
        "value": time.value,
        "granularity": time.granularity.value,
        "resolved": time.resolved,
        "span": _span(time.span, text),
    }


def _attribution(attribution: Attribution | None, text: str) -> dict[str, Any] | None:
    if attribution is None:
        return None
    return {
        "source": _actor(attribution.source, text) if attribution.source else None,
        "source_text": attribution.source_text,
        "outlet": attribution.outlet,
        "cue": attribution.cue,
    }


def mention_to_dict(mention: EventMention, text: str) -> dict[str, Any]:
    """One event mention; ``text`` is the article text its spans point into."""
    return {
        "schema": SCHEMA,
        "event_type": mention.event_type.value,
        "coded_as": mention.coded_as.value,
        "cameo": mention.cameo,
        "mode": mention.mode,
        "context": list(mention.context),
        "status": mention.status.value,
        "actors": [_actor(a, text) for a in mention.actors],
        "recipients": [_actor(r, text) for r in mention.recipients],
        "place": _place(mention.place, text),
        "time": _time(mention.time, text),
        "attribution": _attribution(mention.attribution, text),
        "confidence": mention.confidence,
        "trigger": _span(mention.trigger, text),
        "evidence": [_span(e, text) for e in mention.evidence],
    }


def quality_to_dict(quality: ArticleQuality, text: str) -> dict[str, Any]:
    """An article's quality; ``text`` is the article text its spans point into.

    Shares are fractions of the article's words (0..1), rounded to 4 places;
    ``similar_to`` is a 0-based sentence index.
    """
    return {
        "schema": QUALITY_SCHEMA,
        "verdict": quality.verdict,
        "words": quality.words,
        "fact_share": round(quality.fact_share, 4),
        "distinct_facts": quality.distinct_facts,
        "named_sources": list(quality.named_sources),
        "unnamed_sources": list(quality.unnamed_sources),
        "similarity": quality.similarity,
        "roles": {
            r.role.value: {"sentences": r.sentences, "words": r.words, "share": round(r.share, 4)}
            for r in quality.roles
        },
        "sentences": [
            {
                "index": s.index,
                "role": s.role.value,
                "reason": s.reason,
                "words": s.words,
                "similar_to": s.similar_to,
                "similarity": s.similarity,
                "span": _span(s.span, text),
            }
            for s in quality.sentences
        ],
    }


def result_to_dict(result: Result) -> dict[str, Any]:
    """A whole article's result: article metadata and its events."""
    article = result.article
    return {
        "article": {
            "content_hash": article.content_hash,
            "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "outlet": article.outlet,
            "url": article.url,
        },
        "events": [mention_to_dict(m, article.text) for m in result.events],
        "quality": quality_to_dict(result.quality, article.text) if result.quality else None,
    }
