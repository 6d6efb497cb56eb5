"""Quality gate: the dev gold standards, scored through the real pipeline, stay above their floors.

``tests/eval_baseline.json`` pins, for each data set, the SHA-256 of every file
it reads and floor figures (the figures measured when the baseline was set,
minus a small tolerance). The gate fails when a figure drops below its floor,
and when a file's hash differs (the data changed: the floors no longer apply).

To re-baseline after an intended change (better extraction, new data), print
a fresh baseline and review the diff::

    python tests/eval/test_gate.py > tests/eval_baseline.json
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

from tidings.api import Pipeline
from tidings.eval import evaluate_petrarch, evaluate_plover

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
BASELINE = ROOT / "tests" / "eval_baseline.json"
TOLERANCE = 0.02
REBASELINE = "python tests/eval/test_gate.py > tests/eval_baseline.json"

#: Files each data set reads, relative to ../shared.
FILES: Mapping[str, Mapping[str, str]] = {
    "plover": {"gold": "data/plover/gsr-dev.jsonl"},
    "petrarch": {
        "records": "data/petrarch2/PETR.UnitTest.records.xml",
        "actors": "data/petrarch2/PETR.Validate.actors.txt",
        "agents": "data/petrarch2/PETR.Validate.agents.txt",
        "verbs": "data/petrarch2/PETR.Validate.verbs.txt",
        "discards": "data/petrarch2/PETR.Validate.discards.txt",
    },
}


def plover_figures(pipeline: Pipeline, files: Mapping[str, Path]) -> dict[str, float]:
    report = evaluate_plover(files["gold"], pipeline)
    return {
        "event_type_accuracy": report.type_accuracy,
        "actor_country_f1": report.actor_country.f1,
        "recipient_country_f1": report.recipient_country.f1,
    }


def petrarch_figures(pipeline: Pipeline, files: Mapping[str, Path]) -> dict[str, float]:
    dictionaries = {"actors": [files["actors"]], "agents": [files["agents"]]}
    ours = evaluate_petrarch(files["records"], pipeline, **dictionaries)
    # In the suite's own environment (its verb and discard dictionaries too, and actors
    # from its dictionaries alone) its (mostly WEIS) codes become reachable: PETRARCH's
    # ordered verb patterns (tidings.extract.verbpatterns).
    theirs = evaluate_petrarch(
        files["records"],
        pipeline,
        verbs=[files["verbs"]],
        discards=[files["discards"]],
        only=True,
        **dictionaries,
    )
    return {
        "record_accuracy_root": ours.root_accuracy,
        "record_accuracy_full": ours.full_accuracy,
        "record_accuracy_root_with_verbs": theirs.root_accuracy,
        "record_accuracy_full_with_verbs": theirs.full_accuracy,
    }


FIGURES: Mapping[str, Callable[[Pipeline, Mapping[str, Path]], dict[str, float]]] = {
    "plover": plover_figures,
    "petrarch": petrarch_figures,
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_baseline() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(BASELINE.read_text(encoding="utf-8"))
    return data


def test_baseline_is_complete() -> None:
    datasets = load_baseline()["datasets"]
    assert set(datasets) == set(FIGURES)
    for name, entry in datasets.items():
        assert set(entry["files"]) == set(FILES[name]), name
        assert all(len(f["sha256"]) == 64 for f in entry["files"].values()), name
        assert entry["floors"], name
        for figure, floor in entry["floors"].items():
            assert 0.0 <= floor <= entry["figures"][figure] <= 1.0, (name, figure)


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.skipif(
    not (SHARED / "data").is_dir(),
    reason=f"../shared is not present at {SHARED}: the quality gate needs its data",
)
@pytest.mark.parametrize("name", sorted(FIGURES))
def test_figures_stay_above_floors(name: str, pipeline: Pipeline) -> None:
    entry = load_baseline()["datasets"][name]
    files = {role: SHARED / pinned["path"] for role, pinned in entry["files"].items()}
    for role, pinned in entry["files"].items():
        actual = sha256(files[role])
        if actual != pinned["sha256"]:
            pytest.fail(
                f"{name}: {files[role]} changed (SHA-256 {actual}, pinned {pinned['sha256']}). "
                f"The floors were set on other data: re-baseline with `{REBASELINE}`, "
                "review the figures and update docs/accuracy.md."
            )
    figures = FIGURES[name](pipeline, files)
    drops = [
        f"{figure} {figures[figure]:.3f} < floor {floor:.3f}"
        for figure, floor in entry["floors"].items()
        if figures[figure] < floor
    ]
    assert not drops, f"{name} accuracy dropped: " + "; ".join(drops)


def fresh_baseline(pipeline: Pipeline) -> dict[str, Any]:
    """Today's figures, with floors ``TOLERANCE`` below them."""
    datasets: dict[str, Any] = {}
    for name, compute in FIGURES.items():
        files = {role: SHARED / rel for role, rel in FILES[name].items()}
        figures = compute(pipeline, files)
        datasets[name] = {
            "files": {
                role: {"path": rel, "sha256": sha256(files[role])}
                for role, rel in FILES[name].items()
            },
            "figures": {k: round(v, 4) for k, v in figures.items()},
            "floors": {k: round(max(0.0, v - TOLERANCE), 4) for k, v in figures.items()},
        }
    return {
        "_about": (
            "Quality gate for tests/eval/test_gate.py: SHA-256 of each ../shared file and "
            f"floors = figures measured at baseline minus {TOLERANCE}. Regenerate with "
            f"`{REBASELINE}` after an intended change."
        ),
        "tolerance": TOLERANCE,
        "datasets": datasets,
    }


if __name__ == "__main__":
    json.dump(fresh_baseline(Pipeline()), sys.stdout, indent=2)
    sys.stdout.write("\n")
