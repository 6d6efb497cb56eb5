"""Terminal output for linked events: the event list and one event's timeline."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tidings.render_store import when
from tidings.store.event_queries import LinkedEvent

__all__ = ["print_event", "print_linked_events"]


def print_linked_events(events: Sequence[LinkedEvent], console: Console) -> None:
    table = Table(title=f"{len(events)} event(s)", show_lines=False)
    for column in ("id", "when", "event", "parties", "status", "where", "sources", "reports"):
        table.add_column(column, no_wrap=column in ("id", "when", "status"))
    for event in events:
        table.add_row(
            str(event.id),
            when(event),
            event.event_type.value,
            ", ".join(event.parties) or "-",
            event.status.value + (" (disputed)" if event.disputed else ""),
            event.place or "-",
            str(event.sources),
            f"{event.mentions} ({_iso(event.first_report)}…{_iso(event.latest_report)})",
        )
    console.print(table)


def print_event(event: LinkedEvent, console: Console) -> None:
    """The event's summary, then every report in order with its evidence."""
    disputed = " (disputed)" if event.disputed else ""
    console.print(
        f"[bold]event {event.id}[/bold]: {event.event_type.value} "
        f"{escape(', '.join(event.parties) or '-')} at {escape(event.place or '-')}, "
        f"{when(event)} — [bold]{event.status.value}[/bold]{disputed}",
        highlight=False,
    )
    console.print(
        f"{event.sources} independent source(s), {event.mentions} report(s); "
        f"outlets: {escape(', '.join(event.outlets) or '-')}",
        highlight=False,
    )
    for step in event.timeline:
        marker = "→" if step.change else " "
        console.print(
            f"{marker} {_iso(step.reported)}  {step.status.value:<9} "
            f"(now {step.current.value})  {escape(step.outlet or '-')}  "
            f"article {step.article_id}: {escape(step.title or '')}",
            highlight=False,
        )
        for sentence in step.evidence:
            console.print(f"      “{escape(sentence)}”", highlight=False)


def _iso(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else "-"
