"""The ingest loop with any engine: bounded in-flight batches, writes in input order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tidings.config import load_config
from tidings.errors import BadInputError
from tidings.ingest.engine import Batch, LocalEngine, Outcome, Workers
from tidings.ingest.records import Failure, Prepared, WriteOutcome
from tidings.ingest.runner import run_ingest


@dataclass
class _Handle:
    engine: _FakeEngine
    batch: Batch

    def result(self) -> Outcome:
        self.engine.outstanding -= 1
        return [Failure(d.key, d.origin, "fake", "not prepared") for d in self.batch]


@dataclass
class _FakeEngine:
    """Prepares nothing; counts how many batches are submitted and not yet collected."""

    in_flight: int
    outstanding: int = 0
    most: int = 0
    batches: list[int] = field(default_factory=list)

    @contextmanager
    def session(self, config: object) -> Iterator[Workers]:
        def submit(batch: Batch) -> _Handle:
            self.outstanding += 1
            self.most = max(self.most, self.outstanding)
            self.batches.append(len(batch))
            return _Handle(self, batch)

        yield Workers(submit, self.in_flight)


@dataclass
class _Sink:
    failures: list[str] = field(default_factory=list)

    def known(self, key: str) -> bool:
        return False

    def write(self, item: Prepared) -> WriteOutcome:  # pragma: no cover - nothing prepared
        raise AssertionError("the fake engine prepares nothing")

    def record_failure(self, failure: Failure) -> None:
        self.failures.append(failure.origin)


def test_loop_bounds_batches_in_flight_and_keeps_input_order(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps({"text": f"Row {i} text."}) + "\n" for i in range(45)))
    engine = _FakeEngine(in_flight=2)
    sink = _Sink()
    report = run_ingest([rows], sink, load_config(), engine=engine)

    assert report.documents == 45 and report.failed == 45
    assert sink.failures == [f"{rows}:{i}" for i in range(1, 46)]  # input order
    assert engine.batches == [8, 8, 8, 8, 8, 5]  # [ingest] batch_size
    assert engine.most == 3  # in_flight, plus the one just submitted
    assert engine.outstanding == 0


def test_local_engine_refuses_no_jobs() -> None:
    with pytest.raises(BadInputError, match="at least 1"):
        LocalEngine(0)
