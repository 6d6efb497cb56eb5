"""The labelled linking set: clustering and final-status scores stay above pinned floors.

Floors are the figures measured when the set was written (docs/accuracy.md) minus a
margin for extraction changes: pairwise F1 0.94, B-cubed F1 0.95, status 14/14.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.api import Pipeline
from tidings.eval.linking import bcubed, evaluate_linking, pairwise
from tidings.link import word_overlap

DATA = Path(__file__).parent / "data"
FLOORS = {"pairwise_f1": 0.85, "bcubed_f1": 0.87, "precision": 0.9, "status": 0.85}


def test_cluster_metrics_on_a_small_case() -> None:
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    predicted = {"a": "x", "b": "x", "c": "x", "d": "y"}
    prf = pairwise(gold, predicted)
    assert (prf.tp, prf.fp, prf.fn) == (1, 2, 1)
    p, r, f = bcubed(gold, predicted)
    assert p == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert r == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert f == pytest.approx(2 * p * r / (p + r))
    assert bcubed(gold, gold)[2] == 1.0 and pairwise(gold, gold).f1 == 1.0


def test_the_set_is_as_large_as_promised() -> None:
    lines = (DATA / "linkset.jsonl").read_text().splitlines()
    assert len(lines) >= 60
    assert len({line.split('"event": "')[1].split('"')[0] for line in lines}) >= 12


def test_linking_scores_stay_above_floors(pipeline: Pipeline) -> None:
    report = evaluate_linking(
        DATA / "linkset.jsonl", DATA / "linkset_events.json", pipeline, similarity=word_overlap
    )
    assert report.articles >= 60 and report.gold_events >= 12
    assert report.pairwise[2] >= FLOORS["pairwise_f1"], report.to_dict()
    assert report.bcubed[2] >= FLOORS["bcubed_f1"], report.to_dict()
    assert min(report.pairwise[0], report.bcubed[0]) >= FLOORS["precision"], report.to_dict()
    assert report.status_accuracy >= FLOORS["status"], report.to_dict()
