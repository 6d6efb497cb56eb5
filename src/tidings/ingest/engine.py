"""Where the per-batch work runs: this process, a local process pool, or (``tidings.scale``) Dask.

An :class:`Engine` opens a session that yields :class:`Workers`: a ``submit``
function handing a batch of documents to a :class:`~tidings.ingest.worker.Preparer`
and returning a handle whose ``result()`` is that batch's outcome, plus how many
batches may be in flight at once. Every engine runs the same
``Preparer.prepare``; they differ only in where. The ingest loop
(:mod:`tidings.ingest.runner`) writes the outcomes, so engines never touch the store.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Protocol

from tidings.api import Pipeline
from tidings.config import Config
from tidings.errors import BadInputError, TidingsError
from tidings.ingest.records import Document, Failure, Prepared
from tidings.ingest.worker import Preparer, init_worker, prepare_in_worker

__all__ = ["Batch", "Engine", "LocalEngine", "Outcome", "Pending", "Workers"]

Batch = list[Document]
Outcome = list[Prepared | Failure]


class Pending(Protocol):
    """A submitted batch (a ``concurrent.futures`` or ``dask.distributed`` future)."""

    def result(self) -> Outcome:
        """Wait for the batch; raises what the work raised."""
        ...


@dataclass(frozen=True, slots=True)
class Workers:
    """An open engine session.

    Attributes:
        submit: Hands a batch to a worker; returns its pending outcome.
        in_flight: Batches submitted but not yet written that keep every worker
            busy; the loop waits for the oldest beyond this, so memory stays bounded.
    """

    submit: Callable[[Batch], Pending]
    in_flight: int


class Engine(Protocol):
    """Runs ``Preparer.prepare`` on batches somewhere."""

    def session(self, config: Config) -> AbstractContextManager[Workers]:
        """Start workers (lazily where possible) and stop them on exit.

        Exceptions the engine knows (a worker died, a cluster went away) leave the
        session as :class:`~tidings.errors.TidingsError` with a one-line message.
        """
        ...


@dataclass(frozen=True, slots=True)
class LocalEngine:
    """This process (``jobs=1``) or a pool of ``jobs`` spawned worker processes.

    Attributes:
        jobs: Worker processes; 1 runs in this process.
        pipeline: A loaded pipeline to reuse when ``jobs`` is 1.
    """

    jobs: int = 1
    pipeline: Pipeline | None = None

    def __post_init__(self) -> None:
        if self.jobs < 1:
            raise BadInputError(f"jobs must be at least 1, got {self.jobs}")

    @contextmanager
    def session(self, config: Config) -> Iterator[Workers]:
        """The pipeline (or the pool) starts with the first batch: a run that finds
        nothing new loads no model."""
        preparers: list[Preparer] = []
        pools: list[ProcessPoolExecutor] = []

        def run_here(batch: Batch) -> Future[Outcome]:
            if not preparers:
                preparers.append(Preparer(config, self.pipeline))
            future: Future[Outcome] = Future()
            future.set_result(preparers[0].prepare(batch))
            return future

        def run_in_pool(batch: Batch) -> Future[Outcome]:
            if not pools:
                # spawn, not fork: the parent holds database connections and a progress thread.
                context = multiprocessing.get_context("spawn")
                pools.append(
                    ProcessPoolExecutor(
                        self.jobs, context, initializer=init_worker, initargs=(config,)
                    )
                )
            return pools[0].submit(prepare_in_worker, batch)

        try:
            yield Workers(run_here if self.jobs == 1 else run_in_pool, self.jobs)
        except BrokenProcessPool as err:
            raise TidingsError(
                "a worker process died (out of memory, or the spaCy model failed to load); "
                "articles stored so far are kept: run again, perhaps with fewer --jobs"
            ) from err
        finally:
            for preparer in preparers:
                preparer.close()
            for pool in pools:
                pool.shutdown(wait=True, cancel_futures=True)
