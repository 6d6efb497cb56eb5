"""Store-less batch coding: articles in, Parquet parts out (``tidings code``)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tidings.config import Config, load_config
from tidings.export.parts import PartWriter
from tidings.ingest.engine import Engine, LocalEngine
from tidings.ingest.records import IngestProgress, IngestReport
from tidings.ingest.runner import run_ingest

__all__ = ["CodeReport", "code"]


@dataclass(frozen=True, slots=True)
class CodeReport:
    """What a coding run did and where it wrote.

    Attributes:
        report: Documents read, articles coded (``added``), exact duplicates
            written once, mentions (``events``) and failures with reasons.
        out: The output folder.
        parts: Part files written per table.
    """

    report: IngestReport
    out: Path
    parts: int


def code(
    sources: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    config: Config | None = None,
    *,
    engine: Engine | None = None,
    progress: Callable[[IngestProgress], None] | None = None,
    stdin: BinaryIO | None = None,
) -> CodeReport:
    """Code every article of ``sources`` and write Parquet parts under ``out``.

    Sources are read as by ``Store.ingest`` (files, folders, feeds, JSONL/CSV, URLs,
    ``-``); the per-article work runs on ``engine`` (default: this process, or
    ``tidings.scale.DaskEngine``). Layout and columns: :mod:`tidings.export.parts`.

    Raises:
        BadInputError: ``out`` already holds parts or is a file; pyarrow missing.
    """
    config = config or load_config()
    with PartWriter(out, articles_per_part=config.scale.articles_per_part) as writer:
        report = run_ingest(
            sources,
            writer,
            config,
            engine=engine or LocalEngine(),
            progress=progress,
            stdin=stdin,
        )
    return CodeReport(report, writer.out, writer.parts)
