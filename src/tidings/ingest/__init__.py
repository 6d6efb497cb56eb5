"""Sources to articles: files, directories, gzip, stdin, HTML, feeds, JSONL/CSV and URLs.

The records passed between stages are in :mod:`tidings.ingest.records`; the
loop that drives them is :func:`tidings.ingest.runner.run_ingest`, normally
reached through :meth:`tidings.store.Store.ingest`; where the per-article work runs
is an engine (:mod:`tidings.ingest.engine`, :mod:`tidings.scale`).
"""

from tidings.ingest.records import (
    DocKind,
    Document,
    Failure,
    IngestProgress,
    IngestReport,
    Prepared,
    WriteOutcome,
)

__all__ = [
    "DocKind",
    "Document",
    "Failure",
    "IngestProgress",
    "IngestReport",
    "Prepared",
    "WriteOutcome",
]
