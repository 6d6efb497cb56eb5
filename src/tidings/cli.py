"""The ``tidings`` command: a thin layer over the Python API.

Each command parses its arguments, calls one public function, prints JSON
(Lines) for data or a table for people, and turns :class:`TidingsError` into a
one-line message and a non-zero exit code.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from tidings import __version__
from tidings.errors import NotAnArticleError, TidingsError

F = TypeVar("F", bound=Callable[..., Any])

EXIT_BAD_INPUT = 2
EXIT_NOT_ARTICLE = 3


def _fail(message: str, code: int) -> None:
    click.echo(f"tidings: error: {message}", err=True)
    sys.exit(code)


def _read_input(source: str, max_bytes: int) -> str:
    from tidings.textcheck import decode

    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(source)
        if not path.exists():
            raise _Usage(f"no such file: {source}")
        if path.is_dir():
            raise _Usage(f"{source} is a directory; give a file (or - for standard input)")
        try:
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except OSError as err:
            raise _Usage(f"cannot read {source}: {err.strerror}") from err
    return decode(data, max_bytes=max_bytes)


class _Usage(Exception):
    """A problem with the command line itself (exit 2)."""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tidings")
def main() -> None:
    """tidings: political events from news, with their status and sources."""


@main.command("extract")
@click.argument("source", metavar="FILE|-")
@click.option(
    "--published", metavar="YYYY-MM-DD", help="Publication date; relative times resolve against it."
)
@click.option("--outlet", help="Publishing outlet, e.g. ndtv.com.")
@click.option("--title", help="Headline, if not part of the text.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "table"]),
    default="json",
    show_default=True,
    help="json: one document; jsonl: one event per line; table: for people.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    help="Reject inputs larger than this (default 1,000,000).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="TOML file overriding defaults.toml.",
)
def extract_command(
    source: str,
    published: str | None,
    outlet: str | None,
    title: str | None,
    fmt: str,
    max_bytes: int | None,
    config_path: str | None,
) -> None:
    """Extract the political events one article reports (FILE, or - for stdin)."""
    from tidings.api import Pipeline, parse_date
    from tidings.config import load_config

    try:
        overrides = {"max_bytes": max_bytes} if max_bytes else {}
        config = load_config(config_path, **overrides)
        date = parse_date(published)
        text = _read_input(source, config.max_bytes)
        pipeline = Pipeline(config)
        article = pipeline.article(text, published=date, outlet=outlet, title=title)
        result = pipeline.run(article)
    except _Usage as err:
        _fail(str(err), EXIT_BAD_INPUT)
        return
    except NotAnArticleError as err:
        _fail(f"{source}: {err} [{err.reason}]", EXIT_NOT_ARTICLE)
        return
    except TidingsError as err:
        _fail(str(err), EXIT_BAD_INPUT)
        return
    _print_result(result, fmt)


@main.group("eval")
def eval_group() -> None:
    """Score tidings against gold-standard data (see docs/accuracy.md)."""


@eval_group.command("plover")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
def eval_plover(path: str, as_json: bool) -> None:
    """Score against PLOVER gold records (JSON Lines, e.g. gsr-dev.jsonl)."""
    from tidings.api import Pipeline
    from tidings.eval import evaluate_plover

    try:
        report = evaluate_plover(path, Pipeline())
    except TidingsError as err:
        _fail(str(err), EXIT_BAD_INPUT)
        return
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.format_table())


@eval_group.command("petrarch")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--actors",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="TABARI/PETRARCH actor dictionary (repeatable).",
)
@click.option(
    "--agents",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="TABARI/PETRARCH agent dictionary (repeatable).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
def eval_petrarch(
    path: str, actors: tuple[str, ...], agents: tuple[str, ...], as_json: bool
) -> None:
    """Run PETRARCH2's unit-test records (XML) with its dictionaries loaded."""
    from tidings.api import Pipeline
    from tidings.eval import evaluate_petrarch

    try:
        report = evaluate_petrarch(path, Pipeline(), actors=actors, agents=agents)
    except TidingsError as err:
        _fail(str(err), EXIT_BAD_INPUT)
        return
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.format_table())


def _print_result(result: Any, fmt: str) -> None:
    from tidings.serialize import mention_to_dict, result_to_dict

    if fmt == "json":
        click.echo(json.dumps(result_to_dict(result), ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for mention in result.events:
            click.echo(
                json.dumps(mention_to_dict(mention, result.article.text), ensure_ascii=False)
            )
    else:
        from tidings.render import print_table

        print_table(result)


if __name__ == "__main__":  # pragma: no cover
    main()
