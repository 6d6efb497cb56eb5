"""The ``tidings`` command: a thin layer over the Python API.

Each command parses its arguments, calls one public function, prints JSON
(Lines) for data or a table for people, and turns :class:`TidingsError` into a
one-line message and a non-zero exit code.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

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


def _print_report(evaluate: Callable[[], Any], as_json: bool) -> None:
    """Run an evaluation and print its report (a table, or JSON)."""
    try:
        report = evaluate()
    except TidingsError as err:
        _fail(str(err), EXIT_BAD_INPUT)
        return
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.format_table())


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

    _print_report(lambda: evaluate_plover(path, Pipeline()), as_json)


def _dictionaries(flag: str, help: str) -> Callable[[F], F]:
    """A repeatable option naming existing dictionary files."""
    return click.option(
        flag, multiple=True, type=click.Path(exists=True, dir_okay=False), help=help
    )


@eval_group.command("petrarch")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@_dictionaries("--actors", "TABARI/PETRARCH actor dictionary (repeatable).")
@_dictionaries("--agents", "TABARI/PETRARCH agent dictionary (repeatable).")
@_dictionaries(
    "--verbs", "PETRARCH verb dictionary (repeatable); its patterns code the verbs it lists."
)
@_dictionaries(
    "--discards", "PETRARCH discard dictionary (repeatable): phrases whose text codes nothing."
)
@click.option(
    "--half",
    type=click.Choice(["even", "odd"]),
    default=None,
    help="Score only the records at even (development) or odd (held-out) positions.",
)
@click.option(
    "--only",
    is_flag=True,
    help="Code from the given dictionaries alone, not tidings' knowledge base and triggers.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
def eval_petrarch(
    path: str,
    actors: tuple[str, ...],
    agents: tuple[str, ...],
    verbs: tuple[str, ...],
    discards: tuple[str, ...],
    half: str | None,
    only: bool,
    as_json: bool,
) -> None:
    """Run PETRARCH2's unit-test records (XML) with its dictionaries loaded."""
    from tidings.api import Pipeline
    from tidings.eval import evaluate_petrarch

    _print_report(
        lambda: evaluate_petrarch(
            path,
            Pipeline(),
            actors=actors,
            agents=agents,
            verbs=verbs,
            discards=discards,
            half=half,
            only=only,
        ),
        as_json,
    )


@eval_group.command("quality")
@click.argument("path", type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
def eval_quality(path: str, as_json: bool) -> None:
    """Score sentence roles against labelled articles (a JSON/JSONL file or a folder)."""
    from tidings.api import Pipeline
    from tidings.eval.quality import evaluate_quality

    _print_report(lambda: evaluate_quality(path, Pipeline()), as_json)


_DB_OPTION = click.option(
    "--db",
    default="tidings.db",
    envvar="TIDINGS_DB",
    show_default=True,
    help="SQLite file or postgresql:// URL (env: TIDINGS_DB).",
)


_SOURCE_OPTIONS = [
    click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help="Worker processes for per-article work (each loads spaCy once).",
    ),
    click.option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        default="local",
        show_default=True,
        help="local: this process or --jobs processes; dask: a Dask cluster "
        "(a local one of --jobs workers, or --scheduler's).",
    ),
    click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler of a running cluster, e.g. tcp://host:8786 (with --engine dask).",
    ),
    click.option(
        "--allow-private",
        is_flag=True,
        help="Let URLs reach private, loopback and link-local addresses (refused by default).",
    ),
    click.option(
        "--field",
        "fields",
        multiple=True,
        metavar="NAME=KEY",
        help="JSONL key / CSV column of a field, e.g. text=body (repeatable).",
    ),
    click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        help="TOML file overriding defaults.toml.",
    ),
    click.option("--json", "as_json", is_flag=True, help="Print the final report as JSON."),
    click.option("--quiet", "-q", is_flag=True, help="No progress bar."),
]


def _source_options(function: F) -> F:
    for option in reversed(_SOURCE_OPTIONS):
        function = option(function)
    return function


@main.command("ingest")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@_DB_OPTION
@_source_options
def ingest_command(
    sources: tuple[str, ...],
    db: str,
    jobs: int,
    engine: str,
    scheduler: str | None,
    allow_private: bool,
    fields: tuple[str, ...],
    config_path: str | None,
    as_json: bool,
    quiet: bool,
) -> None:
    """Store the articles of files, directories, feeds, JSONL/CSV dumps, URLs or - (stdin).

    Idempotent: what an earlier run stored is skipped, so an interrupted run is
    resumed by running it again. Per-article failures are recorded and reported,
    never fatal.
    """
    from rich.console import Console

    from tidings.render_store import print_report
    from tidings.store import open_store

    try:
        config = _ingest_config(config_path, fields, allow_private)
        work, stdin = _work_for(sources, engine, jobs, scheduler)
        with open_store(db, config) as store, _progress(quiet or as_json) as progress:
            report = store.ingest(sources, engine=work, progress=progress, stdin=stdin)
    except (_Usage, TidingsError) as err:
        _fail(str(err), EXIT_BAD_INPUT)
        return
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print_report(report, Console())


@main.command("code")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder for the Parquet parts (articles/, mentions/, failures/); new or empty.",
)
@_source_options
def code_command(
    sources: tuple[str, ...],
    out: str,
    jobs: int,
    engine: str,
    scheduler: str | None,
    allow_private: bool,
    fields: tuple[str, ...],
    config_path: str | None,
    as_json: bool,
    quiet: bool,
) -> None:
    """Code articles straight to Parquet, without a store (batch coding at scale).

    Reads SOURCEs as `tidings ingest` does and writes OUT/articles/part-*.parquet,
    OUT/mentions/part-*.parquet (the columns of `tidings export --format parquet`,
    then tidings' own) and OUT/failures/part-*.parquet.
    """
    from rich.console import Console

    from tidings.render_store import print_report
    from tidings.scale import code

    try:
        config = _ingest_config(config_path, fields, allow_private)
        work, stdin = _work_for(sources, engine, jobs, scheduler)
        with _progress(quiet or as_json) as progress:
            result = code(sources, out, config, engine=work, progress=progress, stdin=stdin)
    except (_Usage, TidingsError) as err:
        _fail(str(err), EXIT_BAD_INPUT)
        return
    except OSError as err:
        _fail(f"cannot write {out}: {err.strerror or err}", EXIT_BAD_INPUT)
        return
    if as_json:
        record = {**result.report.to_dict(), "out": str(result.out), "parts": result.parts}
        click.echo(json.dumps(record, ensure_ascii=False))
    else:
        print_report(result.report, Console())
        click.echo(f"{result.parts} part(s) written to {result.out}", err=True)


def _work_for(
    sources: tuple[str, ...], engine: str, jobs: int, scheduler: str | None
) -> tuple[Any, BinaryIO | None]:
    """The checked sources' engine, and standard input when ``-`` is among them."""
    _check_sources(sources)
    stdin = sys.stdin.buffer if "-" in sources and sys.stdin is not None else None
    return _engine(engine, jobs, scheduler), stdin


@contextmanager
def _progress(silent: bool) -> Iterator[Callable[[Any], None] | None]:
    """A live progress line on stderr for a long run, or None when ``silent``."""
    if silent:
        yield None
        return
    from rich.console import Console

    from tidings.render_store import ingest_progress

    with ingest_progress(Console(stderr=True)) as progress:
        yield progress


def _engine(engine: str, jobs: int, scheduler: str | None) -> Any:
    """The engine the options name (Dask imported only when it starts)."""
    if engine == "local":
        if scheduler is not None:
            raise _Usage("--scheduler needs --engine dask")
        from tidings.ingest.engine import LocalEngine

        return LocalEngine(jobs)
    from tidings.scale import DaskEngine

    return DaskEngine(scheduler=scheduler, jobs=jobs)


def _ingest_config(config_path: str | None, fields: tuple[str, ...], allow_private: bool) -> Any:
    from dataclasses import replace

    from tidings.config import FieldNames, load_config

    config = load_config(config_path)
    names = {}
    for item in fields:
        name, _, key = item.partition("=")
        if name not in FieldNames.__slots__ or not key:
            raise _Usage(f"--field {item!r}: use NAME=KEY with NAME one of {FieldNames.__slots__}")
        names[name] = key
    fetch = replace(config.fetch, allow_private=config.fetch.allow_private or allow_private)
    return replace(config, fields=replace(config.fields, **names), fetch=fetch)


def _check_sources(sources: tuple[str, ...]) -> None:
    for source in sources:
        if source != "-" and "://" not in source and not Path(source).exists():
            raise _Usage(f"no such file or directory: {source}")


_FILTER_OPTIONS = [
    _DB_OPTION,
    click.option("--actor", help="Actor code prefix (RUS, RUSGOV) or part of a name."),
    click.option("--type", "event_type", help="PLOVER event type, e.g. CONSULT."),
    click.option("--status", help="occurred, ongoing, planned, proposed, possible, ..."),
    click.option("--place", help="Part of the venue name, or its country code."),
    click.option("--since", metavar="YYYY-MM-DD", help="From this day on."),
    click.option("--until", metavar="YYYY-MM-DD", help="Up to this day."),
    click.option("--outlet", help="Part of the outlet name."),
    click.option("--search", help="Words that must all occur in the article text."),
]


def _filter_options(function: F) -> F:
    for option in reversed(_FILTER_OPTIONS):
        function = option(function)
    return function


def _query_options(function: F) -> F:
    options = [
        *_FILTER_OPTIONS,
        click.option(
            "--limit", type=click.IntRange(min=1), default=100, show_default=True, help="At most."
        ),
        click.option(
            "--format",
            "fmt",
            type=click.Choice(["table", "jsonl"]),
            default="table",
            show_default=True,
            help="table: for people; jsonl: one record per line.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@main.command("events")
@_query_options
@click.option("--mentions", is_flag=True, help="Raw event mentions instead of merged events.")
def events_command(db: str, fmt: str, mentions: bool, **filters: Any) -> None:
    """List merged events (one per real-world event), latest report first.

    With --mentions: stored event mentions, newest first (dates: when the event
    may have happened).
    """
    _query("events" if mentions else "linked", db, fmt, filters)


@main.command("event")
@click.argument("event_id", type=int, metavar="ID")
@_DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the event as JSON.")
def event_command(event_id: int, db: str, as_json: bool) -> None:
    """Print one merged event: its status timeline with the evidence of each report."""
    from rich.console import Console

    from tidings.render_events import print_event

    _need_store(db)
    try:
        with _open_store(db) as store:
            event = store.event(event_id)
    except TidingsError as err:
        _fail(str(err), EXIT_BAD_INPUT)
        return
    if as_json:
        click.echo(json.dumps(event.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_event(event, Console())


@main.command("relink")
@_DB_OPTION
@click.option(
    "--minilm", is_flag=True, help="Evidence similarity with the MiniLM embedding (slower)."
)
def relink_command(db: str, minilm: bool) -> None:
    """Merge every stored mention into events again, from scratch."""
    _need_store(db)
    try:
        with _open_store(db) as store:
            if minilm:
                from tidings.link.similarity import EmbeddingSimilarity

                store.similarity = EmbeddingSimilarity()
            count = store.relink()
    except TidingsError as err:
        _fail(str(err), EXIT_BAD_INPUT)
        return
    click.echo(f"{count} event(s) linked", err=True)


@main.command("export")
@_filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "plover", "csv", "gdelt", "parquet"]),
    required=True,
    help="jsonl: tidings records; plover: PLOVER/POLECAT-style JSON; gdelt: GDELT 2.0 "
    "event table (tab-separated, no header); csv: GDELT columns with a header; parquet: "
    "GDELT columns, typed (needs pyarrow).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True),
    help="Write here (default: standard output; parquet needs a file).",
)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many (default: all).")
@click.option("--merged", is_flag=True, help="One row per merged event (its first report) instead.")
def export_command(
    fmt: str, out: str | None, limit: int | None, merged: bool, **filters: Any
) -> None:
    """Write stored event mentions (one row each) in the field's formats.

    With --merged: one row per merged event, counts of its mentions and sources.
    """
    from tidings.export import export_events, merged_events

    filters["type"] = filters.pop("event_type")
    filters["text"] = filters.pop("search")
    db = filters.pop("db")
    _need_store(db)
    try:
        if fmt == "parquet" and out is None:
            raise _Usage("parquet needs a file: give --out FILE")
        with _open_store(db) as store:
            if merged:
                events: list[Any] = merged_events(store, limit=limit, **filters)
            else:
                events = store.events(limit=limit, **filters)
        count = export_events(events, fmt, out if out is not None else sys.stdout)
    except (_Usage, TidingsError) as err:
        _fail(str(err), EXIT_BAD_INPUT)
        return
    except OSError as err:
        _fail(f"cannot write {out}: {err.strerror}", EXIT_BAD_INPUT)
        return
    what = "merged event(s)" if merged else "event mention(s)"
    click.echo(f"{count} {what} exported", err=True)


def _open_store(db: str) -> Any:
    from tidings.store import open_store

    return open_store(db)


def _need_store(db: str) -> None:
    if "://" not in db and not Path(db).exists():
        _fail(f"no store at {db}; make one with `tidings ingest SOURCE --db {db}`", EXIT_BAD_INPUT)


@main.command("articles")
@_query_options
def articles_command(db: str, fmt: str, **filters: Any) -> None:
    """List stored articles, newest first (event filters: articles with such an event)."""
    _query("articles", db, fmt, filters)


def _query(what: str, db: str, fmt: str, options: dict[str, Any]) -> None:
    from rich.console import Console

    from tidings.render_store import print_articles, print_events, print_jsonl
    from tidings.store import open_store

    options["type"] = options.pop("event_type")
    options["text"] = options.pop("search")
    if "://" not in db and not Path(db).exists():
        _fail(f"no store at {db}; make one with `tidings ingest SOURCE --db {db}`", EXIT_BAD_INPUT)
        return
    console = Console(soft_wrap=fmt == "jsonl")
    try:
        with open_store(db) as store:
            if what == "linked":
                from tidings.render_events import print_linked_events

                linked = store.linked_events(**options)
                if fmt == "jsonl":
                    print_jsonl(linked, console)
                else:
                    print_linked_events(linked, console)
            elif what == "events":
                events = store.events(**options)
                if fmt == "jsonl":
                    print_jsonl(events, console)
                else:
                    print_events(events, console)
            else:
                articles = store.articles(**options)
                if fmt == "jsonl":
                    print_jsonl(articles, console)
                else:
                    print_articles(articles, console)
    except TidingsError as err:
        _fail(str(err), EXIT_BAD_INPUT)


@main.command("serve")
@_DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="TCP port."
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="TOML file overriding defaults.toml ([serve]: tokens, body limit).",
)
def serve_command(db: str, host: str, port: int, config_path: str | None) -> None:
    """Serve the HTTP API (/api, docs at /api/docs) and the dashboard.

    Reads are open unless TIDINGS_READ_TOKEN (or [serve] read_token) is set;
    POST /api/ingest and /api/extract need TIDINGS_TOKEN and are refused
    without one.
    """
    try:
        from tidings.web import create_app
        from tidings.web.server import bind, is_loopback, serve
    except ImportError as err:
        _fail(
            f"the web server needs the serve extra ({err.name} is missing): "
            "pip install 'tidings[serve]'",
            EXIT_BAD_INPUT,
        )
        return
    from tidings.config import load_config

    _need_store(db)
    try:
        config = load_config(config_path)
        app = create_app(db, config=config)
        listener = bind(host, port)
    except TidingsError as err:
        _fail(str(err), EXIT_BAD_INPUT)
        return
    tokens = app.state.tidings.tokens
    address = listener.getsockname()
    click.echo(
        f"tidings: serving {app.state.tidings.store.url} on "
        f"http://{host}:{address[1]}/ (API docs: /api/docs)",
        err=True,
    )
    if tokens.write is None:
        click.echo(
            "tidings: writes are off (set TIDINGS_TOKEN to allow POST /api/ingest)", err=True
        )
    if not is_loopback(host) and tokens.read is None:
        click.echo(
            f"tidings: warning: {host} is not loopback and reads are open to anyone "
            "who can reach it (set TIDINGS_READ_TOKEN to close them)",
            err=True,
        )
    serve(app, listener)


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
