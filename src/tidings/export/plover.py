"""Stored event mentions as PLOVER/POLECAT-style JSON records.

The keys follow the PLOVER event data standard as POLECAT publishes it
(``event_type``, ``mode``, ``context``, ``actor``/``recipient`` lists with codes,
``event_date``, location); ``status`` (occurred, proposed...) and ``confidence`` are
tidings' extension.
"""

from __future__ import annotations

from typing import Any

from tidings.export.gdelt import event_day
from tidings.store.queries import StoredEvent

__all__ = ["PLOVER_SCHEMA", "plover_record"]

PLOVER_SCHEMA = "tidings.plover/1"


def plover_record(event: StoredEvent) -> dict[str, Any]:
    """One mention as a PLOVER/POLECAT-style record."""
    mention = event.mention
    place = mention.get("place") or None
    day = event_day(event)
    return {
        "schema": PLOVER_SCHEMA,
        "event_id": event.id,
        "event_type": event.event_type.value,
        "mode": mention.get("mode"),
        "context": list(mention.get("context") or []),
        "event_date": day.isoformat() if day else None,
        "actor": [_actor(a) for a in mention.get("actors") or []],
        "recipient": [_actor(r) for r in mention.get("recipients") or []],
        "location": (
            {
                "name": place.get("name"),
                "country": place.get("country"),
                "lat": place.get("lat"),
                "lon": place.get("lon"),
                "feature": place.get("feature"),
            }
            if place
            else None
        ),
        "cameo": event.cameo or None,
        "status": event.status.value,
        "confidence": event.confidence,
        "source": {
            "url": event.url,
            "outlet": event.outlet,
            "title": event.title,
            "published": event.published.isoformat() if event.published else None,
        },
    }


def _actor(actor: dict[str, Any]) -> dict[str, Any]:
    return {
        "text": actor.get("text"),
        "name": actor.get("name"),
        "code": actor.get("code"),
        "country": actor.get("country"),
        "sector": actor.get("sector"),
        "igo": actor.get("igo"),
    }
