"""Terminal output for the store commands: ingest progress and report, event/article tables."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from tidings.ingest.records import IngestProgress, IngestReport
from tidings.store.event_queries import LinkedEvent
from tidings.store.queries import StoredArticle, StoredEvent

__all__ = [
    "ingest_progress",
    "print_articles",
    "print_events",
    "print_jsonl",
    "print_report",
    "when",
]

_FAILURES_SHOWN = 10


@contextmanager
def ingest_progress(console: Console) -> Iterator[Callable[[IngestProgress], None]]:
    """A live progress line (documents, articles, events, failures, rate); yields the callback."""
    columns = (
        SpinnerColumn(),
        TextColumn("[bold]{task.fields[documents]}[/] documents"),
        TextColumn("{task.fields[added]} articles · {task.fields[events]} events"),
        TextColumn("[red]{task.fields[failed]} failed[/] · {task.fields[skipped]} skipped"),
        TextColumn("{task.fields[rate]:.1f} docs/s"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task(
            "ingest", total=None, documents=0, added=0, events=0, failed=0, skipped=0, rate=0.0
        )

        def update(state: IngestProgress) -> None:
            processed = state.documents - state.skipped
            progress.update(
                task,
                documents=state.documents,
                added=state.added,
                events=state.events,
                failed=state.failed,
                skipped=state.skipped,
                rate=processed / state.seconds if state.seconds > 0 else 0.0,
            )

        yield update


def print_report(report: IngestReport, console: Console) -> None:
    """The final report of an ingest run, for people."""
    console.print(
        f"[bold]{report.documents}[/] documents in {report.seconds:.1f} s "
        f"({report.rate:.1f}/s): [green]{report.added} added[/] with {report.events} events, "
        f"{report.near_duplicates} of them near-duplicates; {report.duplicates} exact "
        f"duplicates, {report.skipped} already ingested, [red]{report.failed} failed[/]",
        highlight=False,
    )
    if not report.failures:
        return
    reasons = ", ".join(f"{reason} {count}" for reason, count in report.reasons().items())
    console.print(f"failures by reason: {reasons}", highlight=False)
    for failure in report.failures[:_FAILURES_SHOWN]:
        where, reason = escape(failure.origin), escape(failure.reason)
        console.print(f"  {where}: [red]{reason}[/] {escape(failure.message)}", highlight=False)
    if report.failed > _FAILURES_SHOWN:
        console.print(f"  ... and {report.failed - _FAILURES_SHOWN} more", highlight=False)


class _Record(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


def print_jsonl(records: Sequence[_Record], console: Console) -> None:
    """One JSON object a line: stored mentions, articles or linked events."""
    for record in records:
        console.out(json.dumps(record.to_dict(), ensure_ascii=False), highlight=False)


def print_events(events: Sequence[StoredEvent], console: Console) -> None:
    table = Table(title=f"{len(events)} event(s)", show_lines=False)
    for column in ("id", "when", "event", "who", "status", "where", "outlet", "conf."):
        table.add_column(column, no_wrap=column in ("id", "when", "status"))
    for event in events:
        table.add_row(
            str(event.id),
            when(event),
            f"{event.event_type.value} {event.cameo}",
            _who(event),
            event.status.value,
            event.place or "-",
            event.outlet or "-",
            f"{event.confidence:.2f}",
        )
    console.print(table)


def print_articles(articles: Sequence[StoredArticle], console: Console) -> None:
    table = Table(title=f"{len(articles)} article(s)", show_lines=False)
    for column in ("id", "published", "outlet", "title", "events", "near-dup of"):
        table.add_column(column)
    for article in articles:
        table.add_row(
            str(article.id),
            article.published.isoformat() if article.published else "-",
            article.outlet or "-",
            (article.title or "-")[:80],
            str(article.events),
            f"{article.duplicate_of} ({article.similarity:.2f})"
            if article.duplicate_of is not None and article.similarity is not None
            else "",
        )
    console.print(table)


def when(event: StoredEvent | LinkedEvent) -> str:
    """The days an event may fall on: one day, a range, or "-" when unresolved."""
    if event.date_from is None:
        return "-"
    if event.date_to in (None, event.date_from):
        return event.date_from.isoformat()
    return f"{event.date_from.isoformat()}…{event.date_to.isoformat() if event.date_to else ''}"


def _who(event: StoredEvent) -> str:
    def names(key: str) -> str:
        parties = event.mention.get(key) or []
        return ", ".join(str(p.get("code") or p.get("text")) for p in parties)

    actors, recipients = names("actors"), names("recipients")
    return f"{actors} → {recipients}" if recipients else actors or "-"
