"""The ingest loop: sources → documents → (workers) → one store transaction per article.

Documents an earlier run already ingested are skipped before any work. Work is
done in batches by a :class:`~tidings.ingest.worker.Preparer`, in this process
(``jobs=1``) or in a pool of worker processes; results come back in order and
are written here, one transaction each, so killing the process loses at most
the article being written and the next run picks up where this one stopped.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol

from tidings.api import Pipeline
from tidings.config import Config
from tidings.errors import BadInputError, StoreError, TidingsError
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
from tidings.ingest.worker import Preparer, init_worker, prepare_in_worker

__all__ = ["Sink", "run_ingest"]

Batch = list[Document]
Outcome = list[Prepared | Failure]
Submit = Callable[[Batch], "Future[Outcome]"]


class Sink(Protocol):
    """Where prepared articles go (the store)."""

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
) -> IngestReport:
    """Ingest every document of ``sources`` into ``sink``; see ``Store.ingest``."""
    if jobs < 1:
        raise BadInputError(f"jobs must be at least 1, got {jobs}")
    tally = _Tally()
    notify = progress or (lambda _: None)
    reader = SourceReader(config, lambda: Fetcher(config.fetch), sink.known, stdin)
    try:
        with _processor(config, jobs, pipeline) as submit:
            pending: deque[Future[Outcome]] = deque()
            for batch in _batches(_fresh(reader.read(sources), sink, tally, notify), config):
                pending.append(submit(batch))
                while len(pending) > jobs:  # keep every worker busy, not more in memory
                    _store(pending.popleft(), sink, tally, notify)
            while pending:
                _store(pending.popleft(), sink, tally, notify)
    except BrokenProcessPool as err:
        raise TidingsError(
            "a worker process died (out of memory, or the spaCy model failed to load); "
            "articles stored so far are kept: run again, perhaps with fewer --jobs"
        ) from err
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
    future: Future[Outcome], sink: Sink, tally: _Tally, notify: Callable[[IngestProgress], None]
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


@contextmanager
def _processor(config: Config, jobs: int, pipeline: Pipeline | None) -> Iterator[Submit]:
    """A function that hands a batch to a Preparer and returns a future of its result.

    The pipeline (or the worker pool) starts with the first batch: a run that
    finds nothing new loads no model.
    """
    preparers: list[Preparer] = []
    pools: list[ProcessPoolExecutor] = []

    def run_here(batch: Batch) -> Future[Outcome]:
        if not preparers:
            preparers.append(Preparer(config, pipeline))
        future: Future[Outcome] = Future()
        future.set_result(preparers[0].prepare(batch))
        return future

    def run_in_pool(batch: Batch) -> Future[Outcome]:
        if not pools:
            # spawn, not fork: the parent holds database connections and a progress thread.
            context = multiprocessing.get_context("spawn")
            pools.append(
                ProcessPoolExecutor(jobs, context, initializer=init_worker, initargs=(config,))
            )
        return pools[0].submit(prepare_in_worker, batch)

    try:
        yield run_here if jobs == 1 else run_in_pool
    finally:
        for preparer in preparers:
            preparer.close()
        for pool in pools:
            pool.shutdown(wait=True, cancel_futures=True)
