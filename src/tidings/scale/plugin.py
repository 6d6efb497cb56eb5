"""What runs inside a Dask worker: one cached :class:`Preparer` per worker process.

Imported only where ``dask.distributed`` is installed (by the Dask engine, and by
workers when they unpickle the plugin and the task function).
"""

from __future__ import annotations

import threading
from typing import Any

from distributed import Worker, WorkerPlugin, get_worker

from tidings.config import Config
from tidings.ingest.engine import Batch, Outcome
from tidings.ingest.worker import Preparer

__all__ = ["PreparerPlugin", "prepare_on_worker"]


class PreparerPlugin(WorkerPlugin):
    """Holds a worker's Preparer, so spaCy loads once per worker, not once per task.

    The Preparer is built by the first task rather than in ``setup``, which runs
    on the worker's event loop: loading the model there for seconds would stall the
    worker's heartbeats. A lock makes a worker with several threads share its one
    model (give workers one thread each, as the local cluster does).
    """

    def __init__(self, config: Config) -> None:
        self.config = config
        self._lock = threading.Lock()
        self._preparer: Preparer | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config}  # a lock does not pickle; each worker makes its own

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.config = state["config"]
        self._lock = threading.Lock()
        self._preparer = None

    def prepare(self, batch: Batch) -> Outcome:
        with self._lock:
            if self._preparer is None:
                self._preparer = Preparer(self.config)
            return self._preparer.prepare(batch)

    def teardown(self, worker: Worker) -> None:
        if self._preparer is not None:
            self._preparer.close()
            self._preparer = None


def prepare_on_worker(plugin: str, batch: Batch) -> Outcome:
    """Dask task: prepare a batch with this worker's Preparer (``Preparer.prepare``)."""
    preparer = get_worker().plugins[plugin]
    if not isinstance(preparer, PreparerPlugin):  # pragma: no cover - a name clash
        raise TypeError(f"worker plugin {plugin!r} is not a tidings PreparerPlugin")
    return preparer.prepare(batch)
