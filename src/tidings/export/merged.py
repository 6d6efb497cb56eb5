"""Merged events (one per real-world event) for export: each with its first report."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from tidings.store.event_queries import LinkedEvent
from tidings.store.queries import StoredEvent

__all__ = ["MergedEvent", "merged_events"]


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """A linked event with its timeline and the mention that reported it first.

    ``representative`` carries the event's id, status and dates (its other fields:
    the first report's actors, code, place and source).
    """

    event: LinkedEvent
    representative: StoredEvent

    @property
    def articles(self) -> int:
        return len({step.article_id for step in self.event.timeline}) or 1


def merged_events(store: Any, **filters: Any) -> list[MergedEvent]:
    """The store's linked events matching ``filters``, each with its first report.

    Args:
        store: A :class:`tidings.store.Store`.
        filters: As in :meth:`tidings.store.Store.linked_events`.
    """
    linked = store.linked_events(**filters)
    if not linked:
        return []
    by_id = {m.id: m for m in store.events(limit=None)}
    found = []
    for summary in linked:
        event: LinkedEvent = store.event(summary.id)
        firsts = [by_id[s.mention_id] for s in event.timeline if s.mention_id in by_id]
        if not firsts:
            continue
        representative = replace(
            firsts[0],
            id=event.id,
            status=event.status,
            event_type=event.event_type,
            date_from=event.date_from,
            date_to=event.date_to,
        )
        found.append(MergedEvent(event, representative))
    return found
