"""The :class:`Store`: ingest into a database and query it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any, BinaryIO

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from tidings.api import Pipeline
from tidings.config import Config, load_config
from tidings.errors import NotAnArticleError, StoreError
from tidings.ingest.engine import Engine as WorkEngine
from tidings.ingest.neardup import MinHasher
from tidings.ingest.records import (
    Document,
    Failure,
    IngestProgress,
    IngestReport,
    Prepared,
    WriteOutcome,
)
from tidings.ingest.runner import run_ingest
from tidings.ingest.worker import Preparer
from tidings.link.compat import Similarity, word_overlap
from tidings.store.browse import (
    ActorSummary,
    ArticleDetail,
    Network,
    PlaceSummary,
    SearchResults,
    search,
    select_actors,
    select_article,
    select_article_texts,
    select_network,
    select_places,
)
from tidings.store.engine import WRITE, make_engine
from tidings.store.event_queries import LinkedEvent, select_event, select_linked_events
from tidings.store.linking import link_pending, relink
from tidings.store.migrations import MIGRATIONS
from tidings.store.queries import (
    Filters,
    StoredArticle,
    StoredEvent,
    select_articles,
    select_events,
)
from tidings.store.tables import articles, mentions, sources
from tidings.store.write import record_failure, write_prepared

__all__ = ["Store", "open_store"]


class Store:
    """Articles, their event mentions and their sources, in SQLite or PostgreSQL.

    Open with :func:`tidings.open`. A Store is a context manager; ``close()``
    releases its connections.
    """

    def __init__(self, engine: Engine, config: Config | None = None) -> None:
        self.engine = engine
        self.config = config or load_config()
        settings = self.config.ingest
        self._hasher = MinHasher(
            settings.minhash_permutations, settings.minhash_bands, settings.shingle_words
        )
        self._similarity: Similarity | None = None

    @property
    def similarity(self) -> Similarity:
        """Evidence similarity for linking (default: content-word overlap).

        Set it to :class:`tidings.link.similarity.EmbeddingSimilarity` for the MiniLM
        embedding (``tidings relink --minilm``): on the labelled set it scores the
        same, and it costs a model call per linked mention (docs/benchmarks.md).
        """
        return self._similarity or word_overlap

    @similarity.setter
    def similarity(self, value: Similarity) -> None:
        self._similarity = value

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    def ingest(
        self,
        sources: Iterable[str | os.PathLike[str]],
        *,
        jobs: int = 1,
        progress: Callable[[IngestProgress], None] | None = None,
        stdin: BinaryIO | None = None,
        pipeline: Pipeline | None = None,
        engine: WorkEngine | None = None,
    ) -> IngestReport:
        """Read, analyse and store every article of ``sources``; idempotent.

        Args:
            sources: Files, directories (recursive, by extension), ``.gz`` files,
                ``http(s)://`` URLs of pages or feeds, and ``-`` for ``stdin``.
            jobs: Worker processes for the per-article work (1: this process).
            progress: Called with running counts after each document.
            stdin: What ``-`` reads (e.g. ``sys.stdin.buffer``).
            pipeline: A loaded pipeline to reuse when ``jobs`` is 1.
            engine: Where the per-article work runs instead, e.g.
                ``tidings.scale.DaskEngine(jobs=4)`` or a cluster's scheduler
                address; ``jobs`` and ``pipeline`` are then ignored. The store
                holds the same result whichever engine runs.

        Returns:
            What was added, skipped and why documents failed. Failures never stop
            the run; each is also stored (see :meth:`failures`).
        """
        return run_ingest(
            sources,
            self,
            self.config,
            jobs=jobs,
            progress=progress,
            stdin=stdin,
            pipeline=pipeline,
            engine=engine,
        )

    def events(self, **filters: Any) -> list[StoredEvent]:
        """Event mentions, newest first; keywords as in :meth:`Filters.of`.

        >>> store.events(actor="RUS", status="proposed", since="2025-08-01")
        """
        with self.engine.connect() as connection:
            return select_events(connection, Filters.of(**filters))

    def linked_events(self, **filters: Any) -> list[LinkedEvent]:
        """Merged events (one per real-world event), latest report first.

        Keywords as in :meth:`Filters.of`; a filter on actor, type, place or outlet
        selects events with such a mention, one on status the event's current status.
        """
        with self.engine.connect() as connection:
            return select_linked_events(connection, Filters.of(**filters))

    def event(self, event_id: int) -> LinkedEvent:
        """One merged event with its status timeline and evidence.

        Raises:
            NotFoundError: no event has this id.
        """
        with self.engine.connect() as connection:
            return select_event(connection, event_id)

    def relink(self) -> int:
        """Link every stored mention into events from scratch; return how many events."""
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            return relink(connection, self.similarity)

    def articles(self, *, with_text: bool = False, **filters: Any) -> list[StoredArticle]:
        """Articles, newest first; event filters select articles with such an event."""
        with self.engine.connect() as connection:
            return select_articles(connection, Filters.of(**filters), with_text=with_text)

    def article(self, article_id: int) -> ArticleDetail:
        """One article with its text, quality record and event mentions.

        Raises:
            NotFoundError: no article has this id.
        """
        with self.engine.connect() as connection:
            return select_article(connection, article_id)

    def article_texts(self, article_ids: Iterable[int]) -> dict[int, str]:
        """The texts of several articles, in one query (unknown ids are left out)."""
        with self.engine.connect() as connection:
            return select_article_texts(connection, article_ids)

    def actors(self, **filters: Any) -> list[ActorSummary]:
        """Coded actors of the matching event mentions, most mentioned first.

        Keywords as in :meth:`Filters.of`; ``actor`` selects mentions naming it, so
        the result also lists who appears alongside.
        """
        with self.engine.connect() as connection:
            return select_actors(connection, Filters.of(**filters))

    def network(self, **filters: Any) -> Network:
        """Who acts on whom, by event type, among the matching event mentions.

        ``limit`` and ``offset`` page through the edges, heaviest first.
        """
        with self.engine.connect() as connection:
            return select_network(connection, Filters.of(**filters))

    def places(self, **filters: Any) -> list[PlaceSummary]:
        """Venues of the matching event mentions with coordinates and linked events."""
        with self.engine.connect() as connection:
            return select_places(connection, Filters.of(**filters))

    def search(self, query: str, *, limit: int = 20) -> SearchResults:
        """Events, articles and actors matching a search box query (see :func:`search`)."""
        with self.engine.connect() as connection:
            return search(connection, query, limit)

    def add(self, document: Document, *, pipeline: Pipeline | None = None) -> WriteOutcome:
        """Analyse and store one document (an article posted to the HTTP API).

        Raises:
            NotAnArticleError: the document gave no article (``reason`` says why).
            StoreError: the database refused it.
        """
        preparer = Preparer(self.config, pipeline)
        try:
            (item,) = preparer.prepare([document])
        finally:
            preparer.close()
        if isinstance(item, Failure):
            raise NotAnArticleError(item.reason, item.message)
        return self.write(item)

    def failures(self) -> list[Failure]:
        """Documents that gave no article in their latest attempt, with reasons."""
        query = sa.select(sources).where(sources.c.status == "failed").order_by(sources.c.origin)
        with self.engine.connect() as connection:
            return [
                Failure(row.key, row.origin, row.reason or "", row.message or "")
                for row in connection.execute(query)
            ]

    def counts(self) -> dict[str, int]:
        """How many articles, event mentions and failed sources the store holds."""
        count = sa.func.count()
        with self.engine.connect() as connection:
            return {
                "articles": connection.execute(sa.select(count).select_from(articles)).scalar_one(),
                "events": connection.execute(sa.select(count).select_from(mentions)).scalar_one(),
                "failed": connection.execute(
                    sa.select(count).select_from(sources).where(sources.c.status == "failed")
                ).scalar_one(),
            }

    # The ingest Sink protocol.

    def known(self, key: str) -> bool:
        """Whether a document with this source key gave an article before."""
        query = sa.select(sources.c.status).where(sources.c.key == key)
        with self.engine.connect() as connection:
            status = connection.execute(query).scalar()
        return status in ("stored", "duplicate")

    def write(self, item: Prepared) -> WriteOutcome:
        """Store one article with its events and source, in one transaction."""
        threshold = self.config.ingest.near_duplicate_threshold
        try:
            with (
                self.engine.connect().execution_options(**WRITE) as connection,
                connection.begin(),
            ):
                outcome = write_prepared(connection, item, self._hasher, threshold)
        except (sa.exc.DataError, sa.exc.IntegrityError) as err:
            raise StoreError(f"{item.origin}: the database refused the article: {err}") from err
        if outcome.added and outcome.events:
            # Its own transaction, after the article's: a failure here loses no article,
            # and the next article (or `tidings relink`) links what was left unlinked.
            with (
                self.engine.connect().execution_options(**WRITE) as connection,
                connection.begin(),
            ):
                link_pending(connection, self.similarity)
        return outcome

    def record_failure(self, failure: Failure) -> None:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            record_failure(connection, failure)


def open_store(
    target: str | os.PathLike[str] = "tidings.db", config: Config | None = None
) -> Store:
    """Open (creating and migrating as needed) the store at a path or database URL.

    Args:
        target: A SQLite file path, ``:memory:``, or a ``sqlite:///`` or
            ``postgresql://`` URL.
        config: Settings (defaults: ``defaults.toml``).

    Raises:
        StoreError: the database cannot be reached, created or migrated.
    """
    engine = make_engine(target)
    try:
        MIGRATIONS.apply(engine)
    except sa.exc.SQLAlchemyError as err:
        engine.dispose()
        raise StoreError(f"cannot open the store {_display(engine)}: {_first_line(err)}") from err
    except StoreError:
        engine.dispose()
        raise
    return Store(engine, config)


def _display(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _first_line(err: Exception) -> str:
    text = str(getattr(err, "orig", None) or err)
    return text.strip().splitlines()[0] if text.strip() else type(err).__name__
