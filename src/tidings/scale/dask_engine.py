"""The Dask engine: the per-batch work of ingest mapped over a ``dask.distributed`` cluster.

Each batch of documents becomes one task that runs ``Preparer.prepare`` (the same
function the local engines run) on a worker whose Preparer is cached by a
:class:`~tidings.scale.plugin.PreparerPlugin`, so spaCy loads once per worker.
The ingest loop keeps at most ``batches_per_worker`` batches per worker thread
in flight and writes results in input order, so memory stays bounded and the store
ends up the same as with the default engine.

Without a scheduler address a :class:`distributed.LocalCluster` of ``jobs``
worker processes with one thread each is started for the run and stopped after.
Dask is imported only when a session starts.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Any

from tidings.config import Config
from tidings.errors import BadInputError, TidingsError
from tidings.ingest.engine import Batch, Pending, Workers

__all__ = ["DaskEngine", "local_cluster"]


@dataclass(frozen=True, slots=True)
class DaskEngine:
    """Run the per-article work on Dask.

    Attributes:
        scheduler: A scheduler address (``tcp://host:8786``) of a running cluster
            whose workers have tidings installed; None starts a local cluster.
        jobs: Worker processes of the local cluster (ignored with ``scheduler``).
    """

    scheduler: str | None = None
    jobs: int = 2

    def __post_init__(self) -> None:
        if self.jobs < 1:
            raise BadInputError(f"jobs must be at least 1, got {self.jobs}")
        if self.scheduler is not None and not self.scheduler.strip():
            raise BadInputError("empty scheduler address; give tcp://HOST:PORT or leave it out")

    @contextmanager
    def session(self, config: Config) -> Iterator[Workers]:
        distributed = _import_distributed()
        from tidings.scale.plugin import PreparerPlugin, prepare_on_worker

        with ExitStack() as stack:
            client = self._client(distributed, config, stack)
            # A name of its own: runs sharing a cluster never use each other's settings.
            name = f"tidings-preparer-{uuid.uuid4().hex}"
            threads = sum(client.nthreads().values())
            if threads < 1:
                raise TidingsError(
                    f"the Dask cluster at {self.scheduler} has no workers; start some "
                    "(dask worker ADDRESS --nthreads 1) and run again"
                )
            try:
                client.register_plugin(PreparerPlugin(config), name=name)
            except Exception as err:  # raised on a worker: most often tidings is missing there
                raise TidingsError(
                    f"the Dask workers could not set up tidings ({type(err).__name__}: "
                    f"{_first_line(err)}); install the same tidings version on every worker"
                ) from err
            stack.callback(_unregister, client, name)

            def submit(batch: Batch) -> Pending:
                future: Pending = client.submit(prepare_on_worker, name, batch, pure=False)
                return future

            try:
                yield Workers(submit, threads * config.scale.batches_per_worker)
            except distributed.KilledWorker as err:
                raise TidingsError(
                    "a Dask worker died while preparing articles (out of memory, or the spaCy "
                    "model failed to load); articles written so far are kept: run again"
                ) from err
            except (distributed.CancelledError, distributed.comm.CommClosedError) as err:
                raise TidingsError(
                    f"lost the Dask cluster ({type(err).__name__}: {err}); articles written "
                    "so far are kept: run again"
                ) from err

    def _client(self, distributed: Any, config: Config, stack: ExitStack) -> Any:
        if self.scheduler is None:
            cluster = stack.enter_context(local_cluster(self.jobs))
            return stack.enter_context(distributed.Client(cluster, set_as_default=False))
        address = self._resolved(distributed)
        timeout = config.scale.connect_timeout
        try:
            client = distributed.Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as err:
            raise BadInputError(
                f"cannot reach the Dask scheduler at {self.scheduler!r} within {timeout:g} s "
                f"({_first_line(err)}); is it running? Check --scheduler, or leave it out "
                "to run a local cluster"
            ) from err
        return stack.enter_context(client)

    def _resolved(self, distributed: Any) -> str:
        """The scheduler address checked before connecting (a bad one fails at once)."""
        try:
            return str(distributed.comm.resolve_address(self.scheduler))
        except (ValueError, OSError) as err:
            raise BadInputError(
                f"bad Dask scheduler address {self.scheduler!r} ({_first_line(err)}); "
                "give tcp://HOST:PORT, or leave --scheduler out to run a local cluster"
            ) from err


def local_cluster(workers: int) -> Any:
    """A ``distributed.LocalCluster`` of ``workers`` processes with one thread each.

    Used by :class:`DaskEngine` without a scheduler address (and by the benchmark);
    close it (or use it as a context manager) when done.
    """
    distributed = _import_distributed()
    with _dask_config().set({_SPAWN_ENVIRON: _worker_environ()}):
        return distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address="127.0.0.1:0",  # loopback, any free port: no clash
            # Workers of a cluster closing can log a failed heartbeat at ERROR level with
            # a traceback; the run's real failures reach the client as task errors.
            silence_logs=logging.CRITICAL,
        )


# Environment the nanny sets before starting a worker process (read when the nanny is made).
_SPAWN_ENVIRON = "distributed.nanny.pre-spawn-environ"


def _worker_environ() -> dict[str, Any]:
    """Dask's worker environment without its malloc trim threshold.

    Dask sets ``MALLOC_TRIM_THRESHOLD_=65536`` so that workers hand freed memory back to
    the OS at once. spaCy allocates and frees heavily per document, and with that
    setting the same work took 13% longer (bench/scaling.py, docs/benchmarks.md); the
    single-thread settings (``OMP_NUM_THREADS=1`` ...) stay.
    """
    environ = dict(_dask_config().get(_SPAWN_ENVIRON, default={}) or {})
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    return environ


def _dask_config() -> Any:
    import dask.config

    return dask.config


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise BadInputError(
            "the dask engine needs dask.distributed: pip install 'tidings[scale]'"
        ) from None
    return distributed


def _unregister(client: Any, name: str) -> None:
    """Drop the plugin (and each worker's model) from a cluster that outlives the run."""
    try:
        client.unregister_worker_plugin(name)
    except Exception:  # the cluster is gone already: nothing left to free
        logging.getLogger(__name__).debug("could not unregister %s", name, exc_info=True)


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__
