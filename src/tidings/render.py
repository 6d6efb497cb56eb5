"""Human-readable output for the terminal (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tidings.api import Result
from tidings.model import Actor, EventMention
from tidings.quality import ArticleQuality, Role

__all__ = ["ROLE_STYLE", "print_quality", "print_table"]

# One style per sentence role, used for the sentence text and the legend.
ROLE_STYLE = {
    Role.REPORT: "bold green",
    Role.CONTEXT: "cyan",
    Role.SPECULATION: "magenta",
    Role.BOILERPLATE: "bright_black",
    Role.REPETITION: "yellow",
}

_STATUS_STYLE = {
    "occurred": "green",
    "ongoing": "green",
    "planned": "cyan",
    "proposed": "yellow",
    "possible": "magenta",
    "denied": "red",
    "cancelled": "red",
}


def _parties(actors: tuple[Actor, ...]) -> str:
    return ", ".join(f"{a.name or a.text} [{a.code or a.igo or '?'}]" for a in actors) or "-"


def _row(mention: EventMention) -> list[str]:
    who = _parties(mention.actors)
    if mention.recipients:
        who += " → " + _parties(mention.recipients)
    elif len(mention.actors) > 1:
        who = who.replace(", ", " ↔ ")
    place = (
        mention.place.name + (f" ({mention.place.country})" if mention.place.country else "")
        if mention.place
        else "-"
    )
    time = f"{mention.time.value} ({mention.time.granularity.value})" if mention.time else "-"
    source = "-"
    if mention.attribution is not None:
        a = mention.attribution
        who_says = a.source.text if a.source else a.source_text
        source = " via ".join(x for x in (who_says, a.outlet) if x) or "-"
    style = _STATUS_STYLE.get(mention.status.value, "white")
    return [
        f"{mention.event_type.value}\nCAMEO {mention.cameo}",
        who,
        f"[{style}]{mention.status.value}[/{style}]",
        place,
        time,
        source,
        f"{mention.confidence:.2f}",
    ]


def print_table(result: Result, console: Console | None = None) -> None:
    """Print a summary of one article's events."""
    console = console or Console()
    article = result.article
    heading = f"{len(result.events)} event(s)"
    if article.published:
        heading += f" · published {article.published.isoformat()}"
    if article.outlet:
        heading += f" · {article.outlet}"
    table = Table(title=heading, show_lines=True)
    for column in ("event", "who", "status", "where", "when", "according to", "conf."):
        table.add_column(column)
    for mention in result.events:
        table.add_row(*_row(mention))
    console.print(table)
    for number, mention in enumerate(result.events, 1):
        console.print(f"[bold]{number}.[/bold] evidence:")
        for span in mention.evidence:
            console.print(f"   “{span.of(article.text)}”", highlight=False)
    if result.quality is not None:
        print_quality(result.quality, article.text, console)


def print_quality(quality: ArticleQuality, text: str, console: Console | None = None) -> None:
    """Print the article's sentences coloured by role, with a legend and the verdict."""
    console = console or Console()
    console.print()
    console.print(Text("Article quality: ", style="bold") + Text(quality.verdict))
    legend = Text("roles: ")
    for role, style in ROLE_STYLE.items():
        share = quality.share(role)
        legend.append(f"■ {role.value} {share:.0%}", style=style)
        legend.append("  ")
    console.print(legend)
    table = Table(show_header=True, show_lines=False, box=None, pad_edge=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("role")
    table.add_column("sentence", ratio=3)
    table.add_column("why", style="dim", ratio=2)
    for sentence in quality.sentences:
        if not sentence.words:
            continue  # list markers and stray punctuation
        style = ROLE_STYLE[sentence.role]
        label = sentence.role.value
        if sentence.similar_to is not None:
            label += f" of {sentence.similar_to + 1}"
        table.add_row(
            str(sentence.index + 1),
            Text(label, style=style),
            Text(" ".join(sentence.span.of(text).split()), style=style),
            sentence.reason,
        )
    console.print(table)
