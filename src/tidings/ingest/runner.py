"""The ingest loop: sources → documents → (workers) → one store transaction per article.

Documents an earlier run already ingested are skipped before any work. Work is
done in batches by a :class:`~tidings.ingest.worker.Preparer`, run by an
:class:`~tidings.ingest.engine.Engine`: in this process (``jobs=1``), in a pool of
worker processes, or on a Dask cluster (:mod:`tidings.scale`). Results are written
here in input order, one transaction each, whatever order workers finish in: the
store then holds the same articles, near-duplicate links and events for every
engine, killing the process loses at most the article being written, and the next
run picks up where this one stopped.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol

from tidings.api import Pipeline
from tidings.config import Config
from tidings.errors import StoreError
from tidings.ingest.engine import Batch, Engine, LocalEngine, Pending
from tidings.ingest.fetch import Fetcher
from tidings.ingest.records import (
    Document,
    Failure,
    IngestProgress,
    IngestReport,
    Prepared,
    WriteOutcome,
)
from tidings.ingest.sources import SourceReader

__all__ = ["Sink", "run_ingest"]


class Sink(Protocol):
    """Where prepared articles go (the store, or Parquet parts for `tidings code`)."""

    def known(self, key: str) -> bool:
        """Whether a document with this source key was ingested before."""
        ...

    def write(self, item: Prepared) -> WriteOutcome:
        """Store one article, its events and its source in one transaction."""
        ...

    def record_failure(self, failure: Failure) -> None:
        """Store why a document gave no article."""
        ...


@dataclass(slots=True)
class _Tally:
    """Running counts of one run (local to it; becomes the report)."""

    start: float = field(default_factory=time.perf_counter)
    documents: int = 0
    added: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    skipped: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)

    def progress(self) -> IngestProgress:
        return IngestProgress(
            self.documents,
            self.added,
            self.events,
            len(self.failures),
            self.skipped,
            time.perf_counter() - self.start,
        )

    def report(self) -> IngestReport:
        return IngestReport(
            documents=self.documents,
            added=self.added,
            duplicates=self.duplicates,
            near_duplicates=self.near_duplicates,
            skipped=self.skipped,
            events=self.events,
            failures=tuple(self.failures),
            seconds=time.perf_counter() - self.start,
        )


def run_ingest(
    sources: Iterable[str | os.PathLike[str]],
    sink: Sink,
    config: Config,
    *,
    jobs: int = 1,
    progress: Callable[[IngestProgress], None] | None = None,
    stdin: BinaryIO | None = None,
    pipeline: Pipeline | None = None,
    engine: Engine | None = None,
) -> IngestReport:
    """Ingest every document of ``sources`` into ``sink``; see ``Store.ingest``.

    ``engine`` runs the per-batch work (default: :class:`LocalEngine` with ``jobs``
    processes and ``pipeline``).
    """
    engine = engine or LocalEngine(jobs, pipeline)
    tally = _Tally()
    notify = progress or (lambda _: None)
    reader = SourceReader(config, lambda: Fetcher(config.fetch), sink.known, stdin)
    try:
        with engine.session(config) as workers:
            pending: deque[Pending] = deque()
            for batch in _batches(_fresh(reader.read(sources), sink, tally, notify), config):
                pending.append(workers.submit(batch))
                while len(pending) > workers.in_flight:  # every worker busy, no more in memory
                    _store(pending.popleft(), sink, tally, notify)
            while pending:
                _store(pending.popleft(), sink, tally, notify)
    finally:
        reader.close()
    return tally.report()


def _fresh(
    items: Iterator[Document | Failure],
    sink: Sink,
    tally: _Tally,
    notify: Callable[[IngestProgress], None],
) -> Iterator[Document]:
    """Documents not ingested before; source failures are recorded on the way."""
    seen: set[str] = set()
    for item in items:
        tally.documents += 1
        if isinstance(item, Failure):
            _fail(item, sink, tally)
        elif item.key in seen or sink.known(item.key):
            tally.skipped += 1
        else:
            seen.add(item.key)
            yield item
            continue
        notify(tally.progress())


def _batches(documents: Iterator[Document], config: Config) -> Iterator[Batch]:
    batch: Batch = []
    for document in documents:
        batch.append(document)
        if len(batch) >= config.ingest.batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _store(
    future: Pending, sink: Sink, tally: _Tally, notify: Callable[[IngestProgress], None]
) -> None:
    for item in future.result():
        if isinstance(item, Failure):
            _fail(item, sink, tally)
        else:
            _write(item, sink, tally)
        notify(tally.progress())


def _write(item: Prepared, sink: Sink, tally: _Tally) -> None:
    try:
        outcome = sink.write(item)
    except StoreError as err:  # this article only (e.g. a value the database refuses)
        _fail(Failure(item.key, item.origin, "store-error", str(err)), sink, tally)
        return
    if not outcome.added:
        tally.duplicates += 1
        return
    tally.added += 1
    tally.events += outcome.events
    tally.near_duplicates += outcome.duplicate_of is not None


def _fail(failure: Failure, sink: Sink, tally: _Tally) -> None:
    tally.failures.append(failure)
    sink.record_failure(failure)
